package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/crmtui/crmtui/domain"
)

// cmdDebugAgendaSQL is a hidden command for scripts/bench-compare.sh: it
// prints, as SQL the sqlite3 shell can run (`sqlite3 FILE < out.sql`), the
// reads that `crmtui today [--date D] [--as NAME] --json` makes — opening
// the store, resolving the salesperson, checking the segments, building the
// agenda — with their arguments inlined and each followed by the number of
// rows it read, as a comment.
//
// It goes through the same functions as `today` (a.open, a.buildAgenda) on
// a store opened with db.Options.TraceSQL, and keeps only the SELECT (and
// WITH) statements: pragmas, migrations and writes are left out. The one
// write of a steady-state `today`, the agenda-day record (RecordAgendaDay,
// made when today's agenda size or progress changed), is excluded; the read
// before it that finds it unchanged is kept. A first, untraced pass brings
// the day's segments and that record up to date, as the first `today` of a
// day would, so that the trace shows what every later run reads and not a
// rescoring of the whole store.
func (a *app) cmdDebugAgendaSQL(ctx context.Context, args []string) error {
	var g globals
	var day domain.Date
	fs := newFlags("debug agenda-sql")
	a.addGlobals(fs, &g)
	fs.Var(dateFlag{&day}, "date", "")
	if err := a.noPositionals(fs, args); err != nil {
		return err
	}
	if g.db == "" {
		return usagef("%s", a.cat.T("cli.err.required", "--db"))
	}
	g.noAutoBackup = true
	run := func(g globals) error {
		s, err := a.open(ctx, g, "")
		if err != nil {
			return err
		}
		defer s.Close()
		_, err = a.buildAgenda(ctx, s, day)
		return err
	}
	if err := run(g); err != nil {
		return err
	}
	out := bufio.NewWriter(a.stdout)
	reads := &readsOnly{w: out}
	g.traceSQL = reads
	if err := run(g); err != nil {
		return err
	}
	if reads.err != nil {
		return reads.err
	}
	fmt.Fprintf(out, "-- %d reads of crmtui today (writes and pragmas left out)\n", reads.n)
	return out.Flush()
}

// readsOnly passes on the trace records (one per Write, see db/trace.go)
// that are reads, with their row-count comment.
type readsOnly struct {
	mu  sync.Mutex
	w   io.Writer
	n   int
	err error
}

func (r *readsOnly) Write(p []byte) (int, error) {
	rec := string(p)
	head := strings.ToUpper(strings.TrimSpace(rec))
	if strings.HasPrefix(head, "SELECT") || strings.HasPrefix(head, "WITH") {
		r.mu.Lock()
		defer r.mu.Unlock()
		if _, err := io.WriteString(r.w, rec); err != nil && r.err == nil {
			r.err = err
		}
		r.n++
	}
	return len(p), nil
}
