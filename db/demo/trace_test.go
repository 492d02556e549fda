package demo

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/crmtui/crmtui/db"
	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/domain/agenda"
)

// traceRecords keeps each Write of a TraceSQL writer (one record each)
// while on.
type traceRecords struct {
	mu   sync.Mutex
	on   bool
	recs []string
}

func (l *traceRecords) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.on {
		l.recs = append(l.recs, string(p))
	}
	return len(p), nil
}

// TestTraceSQL_AgendaReplays builds an agenda on a traced demo store and
// runs every traced statement again on a plain connection to the same
// file: each must run and read as many rows as it did in the agenda.
func TestTraceSQL_AgendaReplays(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "demo.db")
	now := domain.MustDate("2026-11-22").Time(shanghai).Add(9 * time.Hour)
	clock := func() time.Time { return now }
	s, err := db.Open(ctx, path, db.Options{Now: clock, Loc: shanghai})
	if err != nil {
		t.Fatal(err)
	}
	if err := Generate(ctx, s, Options{Customers: 150, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	s.Close()

	log := &traceRecords{}
	s, err = db.Open(ctx, path, db.Options{Now: clock, Loc: shanghai, TraceSQL: log})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	me, err := s.SalespersonByName(ctx, "王芳")
	if err != nil {
		t.Fatal(err)
	}
	log.on = true
	q := agenda.Query{Date: s.Today(), Now: s.Now(), Loc: shanghai, Scope: agenda.Scope{SalesID: me.ID}}
	a, err := agenda.Build(ctx, s, q, agenda.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	log.mu.Lock()
	recs := log.recs
	log.mu.Unlock()
	if a.Total == 0 || len(recs) < 5 {
		t.Fatalf("agenda of %d items from %d statements", a.Total, len(recs))
	}

	plain, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer plain.Close()
	rowsSeen := 0
	for _, r := range recs {
		stmt, count, ok := strings.Cut(r, ";\n-- ")
		if !ok {
			t.Errorf("agenda statement without a row count (a write, or failed): %q", r)
			continue
		}
		if !strings.HasPrefix(strings.TrimSpace(stmt), "SELECT") && !strings.HasPrefix(strings.TrimSpace(stmt), "WITH") {
			t.Errorf("agenda statement is not a read: %q", stmt)
		}
		var want int
		if _, err := fmt.Sscan(count, &want); err != nil {
			t.Fatalf("row count in %q: %v", r, err)
		}
		rows, err := plain.QueryContext(ctx, stmt)
		if err != nil {
			t.Errorf("replay: %v\n%s", err, stmt)
			continue
		}
		n := 0
		for rows.Next() {
			n++
		}
		if err := rows.Err(); err != nil {
			t.Errorf("replay: %v\n%s", err, stmt)
		}
		rows.Close()
		if n != want {
			t.Errorf("replay reads %d rows, the agenda read %d:\n%s", n, want, stmt)
		}
		rowsSeen += n
	}
	if rowsSeen == 0 {
		t.Error("no traced statement read a row")
	}
}
