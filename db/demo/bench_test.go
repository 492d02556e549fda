package demo

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/crmtui/crmtui/db"
	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/domain/agenda"
	"github.com/crmtui/crmtui/domain/insights"
)

// benchOptions are the store options of the benchmarks: the clock pinned
// at 10:00 on the day the demo is generated for, in Shanghai time.
func benchOptions() (db.Options, domain.Date) {
	today := domain.MustDate("2026-11-22")
	now := today.Time(shanghai).Add(10 * time.Hour)
	return db.Options{Now: func() time.Time { return now }, Loc: shanghai}, today
}

// benchPath returns the file of the benchmark store, closed: $CRMTUI_BENCH_DB
// if set (e.g. the 100,000-customer reference store), else a fresh demo of
// $CRMTUI_BENCH_CUSTOMERS (default 2000) customers generated into b.TempDir.
func benchPath(b *testing.B) string {
	b.Helper()
	if path := os.Getenv("CRMTUI_BENCH_DB"); path != "" {
		return path
	}
	n := 2000
	if v, err := strconv.Atoi(os.Getenv("CRMTUI_BENCH_CUSTOMERS")); err == nil && v >= MinCustomers {
		n = v
	}
	opt, _ := benchOptions()
	path := filepath.Join(b.TempDir(), "bench.db")
	s, err := db.Open(context.Background(), path, opt)
	if err != nil {
		b.Fatal(err)
	}
	if err := Generate(context.Background(), s, Options{Customers: n, Seed: 1}); err != nil {
		s.Close()
		b.Fatal(err)
	}
	if err := s.Close(); err != nil {
		b.Fatal(err)
	}
	return path
}

// benchStore opens the benchmark store (see benchPath) for the benchmark.
func benchStore(b *testing.B) (*db.Store, domain.Date) {
	b.Helper()
	return openBench(b, benchPath(b))
}

// openBench opens the store at path with the benchmark clock; it is closed
// when the benchmark ends.
func openBench(b *testing.B, path string) (*db.Store, domain.Date) {
	b.Helper()
	opt, today := benchOptions()
	s, err := db.Open(context.Background(), path, opt)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s, today
}

// scratchStore opens a store the benchmark may write to and leave changed:
// the generated demo, or with $CRMTUI_BENCH_DB a consistent copy of it in
// b.TempDir (Store.Backup, VACUUM INTO: about as large as the original, made
// before the timer starts), so that the shared store never keeps the writes.
func scratchStore(b *testing.B) (*db.Store, domain.Date) {
	b.Helper()
	src := benchPath(b)
	if os.Getenv("CRMTUI_BENCH_DB") == "" {
		return openBench(b, src)
	}
	opt, _ := benchOptions()
	orig, err := db.Open(context.Background(), src, opt)
	if err != nil {
		b.Fatal(err)
	}
	dst := filepath.Join(b.TempDir(), "scratch.db")
	err = orig.Backup(context.Background(), dst)
	orig.Close()
	if err != nil {
		b.Fatal(err)
	}
	return openBench(b, dst)
}

// BenchmarkAgenda is today's agenda for the first salesperson of the demo store.
func BenchmarkAgenda(b *testing.B) {
	s, today := benchStore(b)
	ctx := context.Background()
	q := agenda.Query{Date: today, Now: s.Now(), Loc: shanghai, Scope: agenda.Scope{SalesID: 1}}
	cfg := agenda.DefaultConfig()
	b.ResetTimer()
	items := 0
	for b.Loop() {
		a, err := agenda.Build(ctx, s, q, cfg)
		if err != nil {
			b.Fatal(err)
		}
		items = len(a.All())
	}
	b.ReportMetric(float64(items), "items")
}

// BenchmarkDoneAndUndo is marking an item done (state, contact, figures) and
// undoing it: the write behind the `d` key.
func BenchmarkDoneAndUndo(b *testing.B) {
	s, today := benchStore(b)
	ctx := context.Background()
	q := agenda.Query{Date: today, Now: s.Now(), Loc: shanghai, Scope: agenda.Scope{SalesID: 1}}
	a, err := agenda.Build(ctx, s, q, agenda.DefaultConfig())
	if err != nil || len(a.Maintain) == 0 {
		b.Fatalf("no item to act on: %v", err)
	}
	it := a.Maintain[0]
	calls := agenda.DefaultConfig().Calls
	b.ResetTimer()
	for b.Loop() {
		act := agenda.Action{Item: it, State: agenda.StateDone, Contact: agenda.DefaultContact(it), Day: today, Now: s.Now(), SalesID: 1}
		if _, err := s.Act(ctx, act, calls); err != nil {
			b.Fatal(err)
		}
		if _, err := s.Undo(ctx, 1); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOpenAndAgenda is today's agenda for the first salesperson from
// a closed store: db.Open (schema and derived settings checked), agenda.Build
// and Close, what `crmtui today` and the app's first load do after the
// process starts. The file stays in the page cache between iterations, so a
// first run after a reboot reads slower.
func BenchmarkOpenAndAgenda(b *testing.B) {
	path := benchPath(b)
	opt, today := benchOptions()
	ctx := context.Background()
	q := agenda.Query{Date: today, Now: opt.Now(), Loc: shanghai, Scope: agenda.Scope{SalesID: 1}}
	cfg := agenda.DefaultConfig()
	items := 0
	for b.Loop() {
		s, err := db.Open(ctx, path, opt)
		if err != nil {
			b.Fatal(err)
		}
		a, err := agenda.Build(ctx, s, q, cfg)
		if err != nil {
			s.Close()
			b.Fatal(err)
		}
		items = len(a.All())
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(items), "items")
}

// BenchmarkActionThenAgenda is an action on the first maintain item followed
// by the agenda the user then sees (agenda.Build), the store side of making
// a done or a snooze visible: done logs the item's default contact, snooze
// puts it off to tomorrow as the reason dialog and `crmtui item snooze
// --until --reason` do. Each iteration checks that the item left the agenda
// and then undoes the action with the timer stopped, so the store's data
// stays as it was (Undo keeps its own log row, marked undone, as in
// BenchmarkDoneAndUndo). ms/act and ms/agenda split the timed part; ms/undo
// is the untimed undo.
func BenchmarkActionThenAgenda(b *testing.B) {
	s, today := benchStore(b)
	ctx := context.Background()
	q := agenda.Query{Date: today, Now: s.Now(), Loc: shanghai, Scope: agenda.Scope{SalesID: 1}}
	cfg := agenda.DefaultConfig()
	before, err := agenda.Build(ctx, s, q, cfg)
	if err != nil || len(before.Maintain) == 0 {
		b.Fatalf("no item to act on: %v", err)
	}
	it := before.Maintain[0]
	actions := []struct {
		name string
		act  agenda.Action
	}{
		{"done", agenda.Action{Item: it, State: agenda.StateDone, Contact: agenda.DefaultContact(it), Day: today, Now: s.Now(), SalesID: 1}},
		{"snooze", agenda.Action{Item: it, State: agenda.StateSnoozed, Until: today.AddDays(1), Reason: agenda.ReasonBusy,
			Day: today, Now: s.Now(), SalesID: 1}},
	}
	for _, tc := range actions {
		b.Run(tc.name, func(b *testing.B) {
			var act, build, undo time.Duration
			for b.Loop() {
				t0 := time.Now()
				if _, err := s.Act(ctx, tc.act, cfg.Calls); err != nil {
					b.Fatal(err)
				}
				t1 := time.Now()
				after, err := agenda.Build(ctx, s, q, cfg)
				if err != nil {
					b.Fatal(err)
				}
				t2 := time.Now()
				b.StopTimer()
				act, build = act+t1.Sub(t0), build+t2.Sub(t1)
				if slices.ContainsFunc(after.Maintain, func(x agenda.Item) bool { return x.Key == it.Key }) {
					b.Fatalf("%s is still on the agenda after %s", it.Key, tc.name)
				}
				t3 := time.Now()
				if _, err := s.Undo(ctx, 1); err != nil {
					b.Fatal(err)
				}
				undo += time.Since(t3)
				b.StartTimer()
			}
			n := float64(b.N) * 1e6
			b.ReportMetric(float64(act.Nanoseconds())/n, "ms/act")
			b.ReportMetric(float64(build.Nanoseconds())/n, "ms/agenda")
			b.ReportMetric(float64(undo.Nanoseconds())/n, "ms/undo")
		})
	}
}

// BenchmarkLogContact is logging a contact from the customer detail, as the
// TUI's log form and `crmtui contact add` do: Store.AddContact inserts it and
// recomputes the customer's figures in one transaction. Each iteration logs
// for the next customer of the first salesperson's book, so that no
// customer's history grows by more than a few contacts (the recomputation
// walks past newer contacts to find the latest marketing ones). The contacts
// stay: that is harmless on the generated demo, and with $CRMTUI_BENCH_DB
// they go to a copy (scratchStore), never to the shared store.
func BenchmarkLogContact(b *testing.B) {
	s, today := scratchStore(b)
	ctx := context.Background()
	book, err := s.FindCustomers(ctx, domain.CustomerFilter{OwnerID: 1})
	if err != nil || len(book) == 0 {
		b.Fatalf("no customer of salesperson 1: %v", err)
	}
	i := 0
	for b.Loop() {
		cust := &book[i%len(book)]
		i++
		ch := cust.Contact.Preferred
		if ch == "" {
			ch = domain.ChannelWeChat
		}
		c := domain.Contact{CustomerID: cust.ID, At: s.Now(), On: today, Channel: ch, Outcome: domain.OutcomeReached,
			Purpose: domain.PurposeOther, SalesID: 1}
		if err := s.AddContact(ctx, &c); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(book)), "customers")
}

// BenchmarkReports computes each insights report as the Insights screen
// and `crmtui report` do (as of today, for the first salesperson).
func BenchmarkReports(b *testing.B) {
	s, today := benchStore(b)
	ctx := context.Background()
	if err := s.EnsureSegments(ctx, today, 0); err != nil {
		b.Fatal(err)
	}
	sp, err := s.Salespeople(ctx)
	if err != nil || len(sp) == 0 {
		b.Fatalf("salespeople: %v %v", sp, err)
	}
	for _, sec := range insights.Sections {
		b.Run(string(sec), func(b *testing.B) {
			req := insights.Request{Section: sec, AsOf: today, Segment: domain.DefaultSegmentConfig(), Loc: shanghai, Me: &sp[0]}
			for b.Loop() {
				if _, err := insights.Compute(ctx, s, req); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	// RFM of a past day reads the purchases instead of the kept columns.
	b.Run("rfm-past-day", func(b *testing.B) {
		req := insights.Request{Section: insights.SectionRFM, AsOf: today.AddDays(-45), Segment: domain.DefaultSegmentConfig(), Loc: shanghai}
		for b.Loop() {
			if _, err := insights.Compute(ctx, s, req); err != nil {
				b.Fatal(err)
			}
		}
	})
}
