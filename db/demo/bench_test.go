package demo

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/crmtui/crmtui/db"
	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/domain/agenda"
	"github.com/crmtui/crmtui/domain/insights"
)

// benchStore opens a demo store for benchmarks: $CRMTUI_BENCH_DB if set
// (e.g. the 100,000-customer reference store), else a fresh demo of
// $CRMTUI_BENCH_CUSTOMERS (default 2000) customers.
func benchStore(b *testing.B) (*db.Store, domain.Date) {
	b.Helper()
	today := domain.MustDate("2026-11-22")
	now := today.Time(shanghai).Add(10 * time.Hour)
	opt := db.Options{Now: func() time.Time { return now }, Loc: shanghai}
	if path := os.Getenv("CRMTUI_BENCH_DB"); path != "" {
		s, err := db.Open(context.Background(), path, opt)
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { s.Close() })
		return s, today
	}
	n := 2000
	if v, err := strconv.Atoi(os.Getenv("CRMTUI_BENCH_CUSTOMERS")); err == nil && v >= MinCustomers {
		n = v
	}
	s, err := db.Open(context.Background(), filepath.Join(b.TempDir(), "bench.db"), opt)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	if err := Generate(context.Background(), s, Options{Customers: n, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	return s, today
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
