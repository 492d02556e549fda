package tui_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/crmtui/crmtui/db"
	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/domain/agenda"
	"github.com/crmtui/crmtui/domain/i18n"
)

// TestApp_RefreshesOnAnotherProcessWrites: a second store on the same file
// (another crmtui, an import) marks an item done and adds a customer; the
// running app notices within a couple of seconds (PRAGMA data_version,
// polled off the UI loop) and reloads Today and Customers by itself.
func TestApp_RefreshesOnAnotherProcessWrites(t *testing.T) {
	f := newFixture(t)
	w := wordsOf[i18n.EN]
	ag := f.agenda(t, fixedDay)
	a := startApp(t, f.options(i18n.EN), 160, 48)
	waitToday(t, a, w, ag)

	ctx := context.Background()
	other, err := db.Open(ctx, f.path, db.Options{Now: func() time.Time { return fixedNow }, Loc: cst})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	time.Sleep(100 * time.Millisecond) // let the app take its first look at the version
	it := ag.Maintain[0]
	if _, err := other.Act(ctx, agenda.Action{Item: it, State: agenda.StateDone, Contact: agenda.DefaultContact(it), Day: fixedDay,
		Now: fixedNow, SalesID: f.me.ID}, agenda.DefaultConfig().Calls); err != nil {
		t.Fatal(err)
	}
	a.waitText(fmt.Sprintf(w.progress, ag.Done+1, ag.Total))

	a.key(">")
	total, _ := f.store.CustomerSummaries(ctx, 0)
	a.waitText(fmt.Sprintf(w.count, len(total), len(total)))
	if err := other.CreateCustomer(ctx, &domain.Customer{Name: "别处新增", OwnerID: f.me.ID}); err != nil {
		t.Fatal(err)
	}
	a.waitText(fmt.Sprintf(w.count, len(total)+1, len(total)+1))
}
