package demo

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/crmtui/crmtui/db"
	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/domain/agenda"
)

var shanghai = time.FixedZone("CST", 8*3600)

func generate(t *testing.T, today string, opt Options) *db.Store {
	t.Helper()
	d := domain.MustDate(today)
	now := d.Time(shanghai).Add(9 * time.Hour)
	s, err := db.Open(context.Background(), filepath.Join(t.TempDir(), "demo.db"), db.Options{Now: func() time.Time { return now }, Loc: shanghai})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := Generate(context.Background(), s, opt); err != nil {
		t.Fatalf("generate: %v", err)
	}
	return s
}

func TestDemo_AgendaHasEveryRule(t *testing.T) {
	for _, today := range []string{"2026-11-22", "2027-02-28", "2026-06-30"} {
		t.Run(today, func(t *testing.T) {
			s := generate(t, today, Options{Customers: 150, Seed: 7})
			ctx := context.Background()
			me, err := s.SalespersonByName(ctx, "王芳")
			if err != nil {
				t.Fatal(err)
			}
			q := agenda.Query{Date: s.Today(), Now: s.Now(), Loc: shanghai, Scope: agenda.Scope{SalesID: me.ID}}
			a, err := agenda.Build(ctx, s, q, agenda.DefaultConfig())
			if err != nil {
				t.Fatal(err)
			}
			if len(a.Maintain) == 0 || len(a.Invite) == 0 || len(a.Serve) == 0 {
				t.Fatalf("empty question: maintain %d invite %d serve %d", len(a.Maintain), len(a.Invite), len(a.Serve))
			}
			seen := map[agenda.RuleID]int{}
			held := 0
			for _, it := range a.All() {
				seen[it.Rule]++
				if it.Held {
					held++
				}
			}
			for _, r := range agenda.Rules {
				if seen[r] == 0 {
					t.Errorf("rule %s has no item (seen %v)", r, seen)
				}
			}
			if held == 0 {
				t.Errorf("no item held by the marketing cap")
			}
		})
	}
}

func TestDemo_SameSeedSameData(t *testing.T) {
	a := generate(t, "2026-11-22", Options{Customers: 60, Seed: 3})
	b := generate(t, "2026-11-22", Options{Customers: 60, Seed: 3})
	c := generate(t, "2026-11-22", Options{Customers: 60, Seed: 4})
	ctx := context.Background()
	ca, _ := a.Counts(ctx)
	cb, _ := b.Counts(ctx)
	cc, _ := c.Counts(ctx)
	if ca != cb {
		t.Errorf("same seed, different counts: %+v vs %+v", ca, cb)
	}
	if ca == cc {
		t.Errorf("different seeds gave identical counts %+v", ca)
	}
	la, _ := a.FindCustomers(ctx, domain.CustomerFilter{})
	lb, _ := b.FindCustomers(ctx, domain.CustomerFilter{})
	for i := range la {
		if la[i].Name != lb[i].Name || la[i].Stats.TotalSpend != lb[i].Stats.TotalSpend || la[i].WeChat != lb[i].WeChat {
			t.Fatalf("customer %d differs: %+v vs %+v", i, la[i], lb[i])
		}
	}
	if ok, _ := a.IsDemo(ctx); !ok {
		t.Errorf("demo store not marked as demo")
	}
}
