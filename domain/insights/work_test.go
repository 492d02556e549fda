package insights

import (
	"testing"

	"github.com/crmtui/crmtui/domain"
)

func TestComputeWork(t *testing.T) {
	d := func(back int) domain.Date { return asOf.AddDays(-back) }
	days := []WorkDay{
		{Day: d(0), Contacts: 0, Sales: 1000, Items: 10, Done: 4},
		{Day: d(1), Contacts: 5, Items: 8, Done: 8},
		{Day: d(2), Contacts: 3},
		{Day: d(3), Contacts: 1, Sales: 500},
		{Day: d(5), Contacts: 9}, // the streak stops at the empty day 4
		{Day: d(7), Sales: 2000},
		{Day: d(30), Contacts: 100}, // outside the 30 days shown
		{Day: d(40), Sales: 7000},
	}
	w := ComputeWork(days, asOf)
	if len(w.ContactsPerDay) != WorkDays || w.ContactsPerDay[WorkDays-1] != 0 || w.ContactsPerDay[WorkDays-2] != 5 || w.ContactsPerDay[0] != 0 {
		t.Errorf("contacts per day %v", w.ContactsPerDay)
	}
	if w.Completion[WorkDays-1] != 40 || w.Completion[WorkDays-2] != 100 || w.Completion[WorkDays-3] != -1 {
		t.Errorf("completion %v", w.Completion)
	}
	// Nothing logged today yet: the streak runs from yesterday back: days 1, 2, 3.
	if w.Streak != 3 {
		t.Errorf("streak %d, want 3", w.Streak)
	}
	n := len(w.WeeklySales)
	if n != SalesWeeks || w.WeeklySales[n-1] != 1500 || w.WeeklySales[n-2] != 2000 || w.WeeklySales[n-6] != 7000 {
		t.Errorf("weekly sales %v", w.WeeklySales)
	}
	// November 1 to 22: 1000 + 500 + 2000.
	if w.MonthSales != 3500 {
		t.Errorf("month sales %v, want 3500", w.MonthSales)
	}
	w = ComputeWork(append(days, WorkDay{Day: d(0), Contacts: 2}), asOf)
	if w.Streak != 4 {
		t.Errorf("streak with a contact today %d, want 4", w.Streak)
	}
}
