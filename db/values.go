package db

import (
	"database/sql"
	"strings"
	"time"

	"github.com/crmtui/crmtui/domain"
)

// Dates are stored as TEXT "YYYY-MM-DD" and instants as TEXT UTC with
// milliseconds: both sort as text, index well and stay readable in the
// sqlite3 shell. Unset values are NULL.
const timeLayout = "2006-01-02T15:04:05.000Z"

func dateArg(d domain.Date) any {
	if d.IsZero() {
		return nil
	}
	return d.String()
}

func timeArg(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC().Format(timeLayout)
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

func nullText(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// nDate scans a nullable date column.
type nDate struct{ d *domain.Date }

func (n nDate) Scan(v any) error {
	s, ok := asString(v)
	if !ok || s == "" {
		*n.d = domain.Date{}
		return nil
	}
	d, err := domain.ParseDate(s)
	if err != nil {
		return err
	}
	*n.d = d
	return nil
}

// nTime scans a nullable instant column.
type nTime struct{ t *time.Time }

func (n nTime) Scan(v any) error {
	s, ok := asString(v)
	if !ok || s == "" {
		*n.t = time.Time{}
		return nil
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return err
	}
	*n.t = t.UTC()
	return nil
}

// nInt scans a nullable integer column into 0.
type nInt struct{ p *int64 }

func (n nInt) Scan(v any) error {
	var x sql.NullInt64
	if err := x.Scan(v); err != nil {
		return err
	}
	*n.p = x.Int64
	return nil
}

// nStr scans a nullable text column into "".
type nStr struct{ p *string }

func (n nStr) Scan(v any) error {
	s, _ := asString(v)
	*n.p = s
	return nil
}

func asString(v any) (string, bool) {
	switch x := v.(type) {
	case nil:
		return "", false
	case string:
		return x, true
	case []byte:
		return string(x), true
	}
	return "", false
}

// placeholders returns "?,?,?" for n arguments.
func placeholders(n int) string {
	if n <= 0 {
		return ""
	}
	return strings.Repeat("?,", n-1) + "?"
}

func int64Args(ids []int64) []any {
	out := make([]any, len(ids))
	for i, id := range ids {
		out[i] = id
	}
	return out
}

// chunks splits ids so that IN lists stay well under SQLite's variable limit.
func chunks[T any](xs []T, size int) [][]T {
	var out [][]T
	for len(xs) > size {
		out = append(out, xs[:size])
		xs = xs[size:]
	}
	if len(xs) > 0 {
		out = append(out, xs)
	}
	return out
}
