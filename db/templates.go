package db

import (
	"context"
	"database/sql"

	"github.com/crmtui/crmtui/domain"
)

var _ domain.TemplateStore = (*Store)(nil)

// Templates lists the user's own templates.
func (s *Store) Templates(ctx context.Context) ([]domain.Template, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT id, purpose, channel, lang, name, body FROM templates ORDER BY purpose, lang, channel")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []domain.Template
	for rows.Next() {
		var t domain.Template
		var ch string
		if err := rows.Scan(&t.ID, &t.Purpose, &ch, &t.Lang, &t.Name, &t.Body); err != nil {
			return nil, err
		}
		t.Channel = domain.Channel(ch)
		out = append(out, t)
	}
	return out, rows.Err()
}

// SaveTemplate validates a template (an unknown placeholder is refused here,
// never rendered broken later) and stores it over the user's template of the
// same purpose, channel and language.
func (s *Store) SaveTemplate(ctx context.Context, t *domain.Template) error {
	if err := t.Validate(); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `INSERT INTO templates (purpose, channel, lang, name, body, updated_at) VALUES (?,?,?,?,?,?)
			ON CONFLICT (purpose, channel, lang) DO UPDATE SET name=excluded.name, body=excluded.body, updated_at=excluded.updated_at
			RETURNING id`, t.Purpose, string(t.Channel), t.Lang, t.Name, t.Body, timeArg(s.now())).Scan(&t.ID)
		return err
	})
}

// DeleteTemplate removes a user template; the shipped default applies again.
func (s *Store) DeleteTemplate(ctx context.Context, id int64) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "DELETE FROM templates WHERE id=?", id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return domain.NotFound("template", id)
		}
		return nil
	})
}
