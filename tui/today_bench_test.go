package tui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/crmtui/crmtui/db"
	"github.com/crmtui/crmtui/db/demo"
	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/domain/agenda"
	"github.com/crmtui/crmtui/domain/i18n"
)

// The Today benchmarks' clock: 10:00 on the day the demo stores are
// generated for, in Shanghai time.
var (
	benchLoc = time.FixedZone("CST", 8*3600)
	benchDay = domain.MustDate("2026-11-22")
	benchNow = benchDay.Time(benchLoc).Add(10 * time.Hour)

	benchAg *agenda.Agenda // built once per test binary
)

// benchAgenda is today's agenda of the first salesperson, built once: from
// $CRMTUI_BENCH_DB if set (the 100,000-customer reference store: about 520
// items from a book of 2,000 customers; only read), else from a generated
// demo of 5,000 customers, whose first salesperson has a book of 2,000 and
// about 490 items. The store is used only here; the benchmarks then run in
// memory.
func benchAgenda(b *testing.B) *agenda.Agenda {
	b.Helper()
	if benchAg != nil {
		return benchAg
	}
	ctx := context.Background()
	opt := db.Options{Now: func() time.Time { return benchNow }, Loc: benchLoc}
	path := os.Getenv("CRMTUI_BENCH_DB")
	if path == "" {
		path = filepath.Join(b.TempDir(), "bench.db")
		s, err := db.Open(ctx, path, opt)
		if err != nil {
			b.Fatal(err)
		}
		err = demo.Generate(ctx, s, demo.Options{Customers: 5000, Seed: 1})
		s.Close()
		if err != nil {
			b.Fatal(err)
		}
	}
	s, err := db.Open(ctx, path, opt)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	q := agenda.Query{Date: benchDay, Now: benchNow, Loc: benchLoc, Scope: agenda.Scope{SalesID: 1}}
	a, err := agenda.Build(ctx, s, q, agenda.DefaultConfig())
	if err != nil {
		b.Fatal(err)
	}
	if len(a.Maintain) == 0 {
		b.Fatal("the agenda has no maintain item")
	}
	benchAg = a
	return a
}

// benchTodayPage is a Today page of a w×h terminal showing a copy of ag
// (the page counts done items into it), as the app has it after the load.
func benchTodayPage(ag *agenda.Agenda, w, h int) *todayPage {
	cat := i18n.New(i18n.ZH)
	c := &common{cat: cat, keys: DefaultKeyMap(cat), styles: NewStyles(true, true), cfg: agenda.DefaultConfig(),
		me: &domain.Salesperson{ID: 1, Name: "王芳"}, scope: agenda.Scope{SalesID: 1},
		now: func() time.Time { return benchNow }, loc: benchLoc, width: w, height: h}
	p := newTodayPage(c, benchDay)
	cp := *ag
	p.Update(agendaMsg{seq: p.seq, day: benchDay, ag: &cp})
	return p
}

// benchSizes are the terminal sizes drawn: a large window and the classic
// 80×24. The page gets the window less the tab bar, status line and footer,
// as Model.View gives it.
var benchSizes = []struct {
	name string
	w, h int
}{{"160x48", 160, 48}, {"80x24", 80, 24}}

// BenchmarkTodayView is drawing the Today page with a full agenda (the
// first salesperson's, about 500 items), render only.
func BenchmarkTodayView(b *testing.B) {
	ag := benchAgenda(b)
	for _, sz := range benchSizes {
		b.Run(sz.name, func(b *testing.B) {
			p := benchTodayPage(ag, sz.w, sz.h)
			if first := clean(customerLabel(p.c, ag.Maintain[0])); !strings.Contains(p.View(sz.w, sz.h-3), first) {
				b.Fatalf("the page does not show the first item (%s)", first)
			}
			for b.Loop() {
				_ = p.View(sz.w, sz.h-3)
			}
			b.ReportMetric(float64(len(ag.All())), "items")
		})
	}
}

// BenchmarkTodayAction is the in-memory side of making a done visible: `d`
// on the first item opens the log form, enter submits it as suggested (the
// action message), the page hides the item and draws (the frame where the
// action first shows), takes the written answer (acted message, which asks
// for a reload) and the reloaded agenda without the item, and draws again.
// The store's write and reload are not run (BenchmarkActionThenAgenda in
// db/demo measures them); between iterations the page gets the full agenda
// back with the timer stopped.
func BenchmarkTodayAction(b *testing.B) {
	full := benchAgenda(b)
	after := *full
	after.Maintain = full.Maintain[1:]
	after.Done++
	it := full.Maintain[0]
	for _, sz := range benchSizes {
		b.Run(sz.name, func(b *testing.B) {
			p := benchTodayPage(full, sz.w, sz.h)
			c := p.c
			for b.Loop() {
				p.Update(tea.KeyPressMsg{Code: 'd', Text: "d"})
				if len(c.nav) != 1 || c.nav[0].push == nil {
					b.Fatalf("d opened no log form: %+v", c.nav)
				}
				form := c.nav[0].push
				c.nav = c.nav[:0]
				_, cmd := form.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
				if cmd == nil {
					b.Fatal("the log form did not submit")
				}
				am, ok := cmd().(actionMsg)
				if !ok || am.a.Item.Key != it.Key {
					b.Fatalf("the log form sent %#v", am)
				}
				c.nav = c.nav[:0] // the form closing itself
				p.Update(am)      // the returned command would write to the store
				_ = p.View(sz.w, sz.h-3)
				p.Update(actedMsg{key: it.Key, label: it.Customer, state: agenda.ItemState{Key: it.Key, State: agenda.StateDone}})
				cp := after
				p.Update(agendaMsg{seq: p.seq, day: benchDay, ag: &cp})
				_ = p.View(sz.w, sz.h-3)

				b.StopTimer()
				if len(p.pending) != 0 || len(p.items(0)) != len(after.Maintain) {
					b.Fatalf("after the reload: %d pending, %d items", len(p.pending), len(p.items(0)))
				}
				cp = *full
				p.Update(agendaMsg{seq: p.seq, day: benchDay, ag: &cp})
				b.StartTimer()
			}
		})
	}
}
