package demo

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/crmtui/crmtui/db"
	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/domain/agenda"
	"github.com/crmtui/crmtui/domain/insights"
)

// TestOneConnectionIsEnough runs what the app and the commands do — the
// agenda (one salesperson's and the store's), an action and its undo, a
// contact, every report today and on a past day, the customer list,
// exports — on a store whose pool has a single connection. Code that asks
// for a second connection while it holds the first (a query inside an open
// result set) would wait for ever there; with the app's pool of four it
// hangs as soon as a few loads overlap. The deadline turns a hang into a
// failure naming the step.
func TestOneConnectionIsEnough(t *testing.T) {
	today := domain.MustDate("2026-11-22")
	now := today.Time(shanghai).Add(9 * time.Hour)
	path := filepath.Join(t.TempDir(), "demo.db")
	opt := db.Options{Now: func() time.Time { return now }, Loc: shanghai}
	gen, err := db.Open(context.Background(), path, opt)
	if err != nil {
		t.Fatal(err)
	}
	if err := Generate(context.Background(), gen, Options{Customers: 300, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	gen.Close()

	opt.MaxOpenConns = 1
	s, err := db.Open(context.Background(), path, opt)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	step := func(name string, f func(ctx context.Context) error) {
		t.Helper()
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		if err := f(ctx); err != nil {
			t.Fatalf("%s with one connection: %v", name, err)
		}
	}
	var me *domain.Salesperson
	step("salesperson", func(ctx context.Context) (err error) { me, err = s.SalespersonByName(ctx, "王芳"); return err })
	step("segments", func(ctx context.Context) error { return s.EnsureSegments(ctx, today, 0) })
	var ag *agenda.Agenda
	for _, sc := range []agenda.Scope{{SalesID: me.ID}, {All: true}} {
		step("agenda", func(ctx context.Context) (err error) {
			ag, err = agenda.Build(ctx, s, agenda.Query{Date: today, Now: now, Loc: shanghai, Scope: sc}, agenda.DefaultConfig())
			return err
		})
	}
	if len(ag.Maintain) == 0 {
		t.Fatal("the store-wide agenda has nothing to maintain")
	}
	it := ag.Maintain[0]
	step("done", func(ctx context.Context) error {
		_, err := s.Act(ctx, agenda.Action{Item: it, State: agenda.StateDone, Contact: agenda.DefaultContact(it), Day: today, Now: now,
			SalesID: me.ID}, agenda.DefaultConfig().Calls)
		return err
	})
	step("undo", func(ctx context.Context) error { _, err := s.Undo(ctx, me.ID); return err })
	step("agenda day", func(ctx context.Context) error { _, err := s.RecordAgendaDay(ctx, today, me.ID, 10, 3); return err })
	step("contact", func(ctx context.Context) error {
		return s.AddContact(ctx, &domain.Contact{CustomerID: it.CustomerID, SalesID: me.ID, Channel: domain.ChannelCall,
			Outcome: domain.OutcomeReached, On: today, At: now})
	})
	for _, day := range []domain.Date{today, today.AddDays(-45)} {
		for _, sec := range insights.Sections {
			step("report "+string(sec)+" "+day.String(), func(ctx context.Context) error {
				_, err := insights.Compute(ctx, s, insights.Request{Section: sec, AsOf: day, Segment: domain.DefaultSegmentConfig(),
					Loc: shanghai, Me: me})
				return err
			})
		}
	}
	step("bulk load", func(ctx context.Context) error {
		b, err := s.BeginBulk(ctx)
		if err != nil {
			return err
		}
		c := domain.Customer{Name: "单连接", Phones: []string{"13900001111"}}
		if err := b.Customer(&c); err != nil {
			b.Rollback()
			return err
		}
		return b.Commit()
	})
	step("customer list", func(ctx context.Context) error { _, err := s.CustomerSummaries(ctx, 0); return err })
	step("customer", func(ctx context.Context) error { _, err := s.Customer(ctx, it.CustomerID); return err })
	step("find", func(ctx context.Context) error {
		_, err := s.FindCustomers(ctx, domain.CustomerFilter{Limit: 50})
		return err
	})
	step("export customers", func(ctx context.Context) error {
		return s.ExportCustomers(ctx, db.ExportFilter{}, func(*db.ExportCustomer) error { return nil })
	})
	step("export purchases", func(ctx context.Context) error {
		return s.ExportPurchases(ctx, db.ExportFilter{}, func(*db.ExportPurchase) error { return nil })
	})
	step("export contacts", func(ctx context.Context) error {
		return s.ExportContacts(ctx, db.ExportFilter{}, func(*db.ExportContact) error { return nil })
	})
}
