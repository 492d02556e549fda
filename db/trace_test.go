package db

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"math"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/crmtui/crmtui/domain"
)

// traceLog keeps each Write of a TraceSQL writer: one record each.
type traceLog struct {
	mu   sync.Mutex
	recs []string
}

func (l *traceLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.recs = append(l.recs, string(p))
	return len(p), nil
}

func (l *traceLog) take() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := l.recs
	l.recs = nil
	return out
}

func TestInlineSQL_Parameters(t *testing.T) {
	pos := func(vs ...driver.Value) []driver.NamedValue {
		out := make([]driver.NamedValue, len(vs))
		for i, v := range vs {
			out[i] = driver.NamedValue{Ordinal: i + 1, Value: v}
		}
		return out
	}
	for _, c := range []struct {
		name, query string
		args        []driver.NamedValue
		want        string
	}{
		{"plain", "SELECT ? , ?", pos(int64(1), "a"), "SELECT 1 , 'a'"},
		{"numbered", "SELECT ?2, ?1, ?", pos(int64(1), int64(2), int64(3)), "SELECT 2, 1, 3"},
		{"quotes and comments keep their ?", "SELECT '?', \"?\", [?], `?` /* ? */ , ? -- ?\n", pos("x"),
			"SELECT '?', \"?\", [?], `?` /* ? */ , 'x' -- ?\n"},
		{"doubled quote", "SELECT 'it''s ?', ?", pos(nil), "SELECT 'it''s ?', NULL"},
		{"named", "SELECT :a, @b, $c, :a", []driver.NamedValue{{Name: "a", Ordinal: 1, Value: int64(7)},
			{Name: "b", Ordinal: 2, Value: "b"}, {Name: "c", Ordinal: 3, Value: 1.5}}, "SELECT 7, 'b', 1.5, 7"},
		{"dollar number", "SELECT $1, $2", pos("x", "y"), "SELECT 'x', 'y'"},
		{"identifier with $", "SELECT a$b FROM t WHERE x = ?", pos(int64(2)), "SELECT a$b FROM t WHERE x = 2"},
		{"script restarts numbering", "UPDATE t SET a = ?; UPDATE u SET b = ?;", pos(int64(4)),
			"UPDATE t SET a = 4; UPDATE u SET b = 4"},
		{"missing argument left alone", "SELECT ?, ?", pos(int64(1)), "SELECT 1, ?"},
		{"negative after minus", "SELECT 1-?", pos(int64(-2)), "SELECT 1-(-2)"},
		{"trailing line comment", "SELECT ? -- done", pos(int64(1)), "SELECT 1 -- done\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := inlineSQL(c.query, c.args); got != c.want {
				t.Errorf("inlineSQL(%q) = %q, want %q", c.query, got, c.want)
			}
		})
	}
}

// TestTraceSQL_LiteralsRoundTrip runs statements with every kind of
// argument on a traced store, then runs the trace through a plain
// connection and compares the values and their SQLite types.
func TestTraceSQL_LiteralsRoundTrip(t *testing.T) {
	ctx := context.Background()
	s, path, log := openTraced(t)
	log.take() // migrations and pragmas

	when := time.Date(2026, 11, 22, 10, 0, 0, 123, shanghai)
	args := []any{"it's a 'quote'", nil, int64(math.MinInt64), int64(math.MaxInt64), 3.0, -0.1, 1e300,
		[]byte{0, 1, 0xff}, []byte{}, true, false, "a\x00b", "王芳; -- ?", when, -7}
	q := "SELECT " + strings.TrimSuffix(strings.Repeat("?, ", len(args)), ", ")
	want := scanAll(t, s.db, q, args...)
	recs := log.take()
	if len(recs) != 1 {
		t.Fatalf("want one record, got %d: %q", len(recs), recs)
	}
	if !strings.HasSuffix(recs[0], ";\n-- 1 row\n") {
		t.Errorf("record does not end in ';' and its row count: %q", recs[0])
	}
	plain, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer plain.Close()
	got := scanAll(t, plain, recs[0])
	if !reflect.DeepEqual(got, want) {
		t.Errorf("replayed values differ:\n got %#v\nwant %#v\nSQL %s", got, want, recs[0])
	}
	typesQ := "SELECT " + strings.TrimSuffix(strings.Repeat("typeof(?), ", len(args)), ", ")
	wantTypes := scanAll(t, s.db, typesQ, args...)
	gotTypes := scanAll(t, plain, log.take()[0])
	if !reflect.DeepEqual(gotTypes, wantTypes) {
		t.Errorf("replayed types %v, want %v", gotTypes, wantTypes)
	}

	// Exec and prepared statements, in and out of a transaction.
	if _, err := s.db.ExecContext(ctx, "CREATE TABLE tr(a, b)"); err != nil {
		t.Fatal(err)
	}
	st, err := s.db.PrepareContext(ctx, "INSERT INTO tr(a, b) VALUES (?1, ?2)")
	if err != nil {
		t.Fatal(err)
	}
	for i, v := range []any{"x'y", nil, 2.5} {
		if _, err := st.ExecContext(ctx, i, v); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.ExecContext(ctx, "INSERT INTO tr(a, b) VALUES (:a, :b)", sql.Named("a", 9), sql.Named("b", "named")); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	want = scanAll(t, s.db, "SELECT a, b FROM tr ORDER BY a")
	writes := log.take()
	if len(writes) != 6 { // create, three inserts, one named insert, the select
		t.Fatalf("want 6 records, got %d: %q", len(writes), writes)
	}
	if _, err := plain.ExecContext(ctx, "DROP TABLE tr"); err != nil {
		t.Fatal(err)
	}
	for _, w := range writes[:5] {
		if _, err := plain.ExecContext(ctx, w); err != nil {
			t.Fatalf("replay %q: %v", w, err)
		}
	}
	if got := scanAll(t, plain, writes[5]); !reflect.DeepEqual(got, want) {
		t.Errorf("replayed writes give %v, want %v", got, want)
	}

	// A failed statement is written commented out.
	if _, err := s.db.QueryContext(ctx, "SELECT * FROM no_such_table WHERE x = ?", 1); err == nil {
		t.Fatal("query on a missing table succeeded")
	}
	if r := log.take(); len(r) != 1 || !strings.HasPrefix(r[0], "-- error: ") || strings.Contains(r[0], "\nSELECT") {
		t.Errorf("failed statement recorded as %q", r)
	}
}

// TestTraceSQL_StoreReplays traces a few store calls (agenda reads among
// them) and replays each read, expecting the same number of rows.
func TestTraceSQL_StoreReplays(t *testing.T) {
	ctx := context.Background()
	s, path, log := openTraced(t)
	c := mustCustomer(t, s, domain.Customer{Name: "O'Brien 王", Phones: []string{"13800138000"}})
	mustPurchase(t, s, domain.Purchase{CustomerID: c.ID, On: domain.MustDate("2026-11-20"), Amount: 1000})
	log.take()
	if _, err := s.CustomerSummaries(ctx, 0); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Customers(ctx, []int64{c.ID}); err != nil {
		t.Fatal(err)
	}
	recs := log.take()
	if len(recs) == 0 {
		t.Fatal("nothing traced")
	}
	replayReads(t, path, recs)
}

// replayReads runs each traced read on a plain connection to path and
// compares its row count with the traced one.
func replayReads(t *testing.T, path string, recs []string) {
	t.Helper()
	plain, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer plain.Close()
	for _, r := range recs {
		stmt, count, ok := strings.Cut(r, ";\n-- ")
		if !ok {
			continue // an exec
		}
		var want int
		if _, err := fmt.Sscan(count, &want); err != nil {
			t.Fatalf("row count in %q: %v", r, err)
		}
		rows, err := plain.Query(stmt)
		if err != nil {
			t.Fatalf("replay %q: %v", stmt, err)
		}
		n := 0
		for rows.Next() {
			n++
		}
		if err := rows.Err(); err != nil {
			t.Fatalf("replay %q: %v", stmt, err)
		}
		rows.Close()
		if n != want {
			t.Errorf("replay gives %d rows, traced %d: %s", n, want, stmt)
		}
	}
}

func scanAll(t *testing.T, d *sql.DB, q string, args ...any) [][]any {
	t.Helper()
	rows, err := d.Query(q, args...)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out [][]any
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		out = append(out, vals)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// openTraced opens a new store in a temporary folder with its statements
// traced into the returned log; it is closed when the test ends.
func openTraced(t *testing.T) (*Store, string, *traceLog) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "crm.db")
	log := &traceLog{}
	s, err := Open(context.Background(), path, Options{Now: func() time.Time { return fixedNow }, Loc: shanghai, TraceSQL: log})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path, log
}
