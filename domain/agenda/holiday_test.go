package agenda

import (
	"slices"
	"testing"

	"github.com/crmtui/crmtui/domain"
)

var (
	midAutumn    = domain.MustDate("2026-09-25")
	midAutumnKey = "holiday:mid_autumn:2026-09-25:g0"
)

// coreCustomers: 1 important, 2 loyal, 3 loyal but do-not-contact, 4 repeat
// (not in the default group), 5 important with four greetings this month.
func coreCustomers(f *fakeSource) {
	f.cust(1, domain.ClassImportant)
	f.cust(2, domain.ClassLoyal)
	f.cust(3, domain.ClassLoyal).DoNotContact = true
	f.cust(4, domain.ClassRepeat)
	f.cust(5, domain.ClassImportant)
	f.touches(5, midAutumn.AddDays(-3), 4)
}

func TestHolidays_OneGroupedItemPerTargetGroup(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "default group: important and loyal", day: midAutumn.AddDays(-3), setup: coreCustomers,
			rules: []RuleID{RuleHoliday}, want: []string{midAutumnKey}, check: func(t *testing.T, a *Agenda) {
				it := item(t, a, midAutumnKey)
				if it.CustomerID != 0 || it.Customer != "key_customers" || it.Class != domain.ClassImportant || it.Channel != domain.ChannelWeChat {
					t.Errorf("customer %d %q class %s channel %s", it.CustomerID, it.Customer, it.Class, it.Channel)
				}
				if it.Group == nil || !slices.Equal(it.Group.Members, []int64{1, 2}) {
					t.Fatalf("group %+v, want members [1 2]", it.Group)
				}
				if it.Reason.N != 2 || it.Reason.Name != "中秋节" || it.Reason.NameEN != "Mid-Autumn Festival" || it.Reason.Days != 3 || it.Ref.HolidayID != "mid_autumn" {
					t.Errorf("reason %+v ref %+v", it.Reason, it.Ref)
				}
				if it.Held {
					t.Error("a grouped item is never held as a whole")
				}
			}},
		{name: "second group by tag gets its own item", day: midAutumn.AddDays(-1), setup: func(f *fakeSource) {
			coreCustomers(f)
			f.tags[4] = []string{"VIP"}
		}, cfg: func(c *Config) {
			c.Holidays.Groups = append(c.Holidays.Groups, TargetGroup{Name: "VIP", Tags: []string{"VIP"}})
		}, rules: []RuleID{RuleHoliday}, want: []string{midAutumnKey, "holiday:mid_autumn:2026-09-25:g1"},
			check: func(t *testing.T, a *Agenda) {
				it := item(t, a, "holiday:mid_autumn:2026-09-25:g1")
				if it.Customer != "VIP" || !slices.Equal(it.Group.Members, []int64{4}) || it.Class != domain.ClassRepeat {
					t.Errorf("VIP item %q members %v class %s", it.Customer, it.Group.Members, it.Class)
				}
			}},
		{name: "group with nobody to greet: no item", day: midAutumn, setup: func(f *fakeSource) {
			f.cust(3, domain.ClassLoyal).DoNotContact = true
			f.cust(4, domain.ClassRepeat)
		}, rules: []RuleID{RuleHoliday}, want: []string{}},
	})
}

func TestHolidays_DoNotContactAndCappedLeftOutAndCounted(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "one do-not-contact, one capped", day: midAutumn, setup: coreCustomers, rules: []RuleID{RuleHoliday}, want: []string{midAutumnKey},
			check: func(t *testing.T, a *Agenda) {
				g := item(t, a, midAutumnKey).Group
				if g.SkippedDNC != 1 || g.SkippedCap != 1 || slices.Contains(g.Members, 3) || slices.Contains(g.Members, 5) {
					t.Errorf("group %+v: want 3 and 5 left out, counted 1 and 1", g)
				}
			}},
		{name: "three touches is under the cap", day: midAutumn, setup: func(f *fakeSource) {
			f.cust(5, domain.ClassImportant)
			f.touches(5, midAutumn, 3)
		}, rules: []RuleID{RuleHoliday}, want: []string{midAutumnKey}, check: func(t *testing.T, a *Agenda) {
			if g := item(t, a, midAutumnKey).Group; !slices.Equal(g.Members, []int64{5}) || g.SkippedCap != 0 {
				t.Errorf("group %+v", g)
			}
		}},
		{name: "everyone capped: no item", day: midAutumn, setup: func(f *fakeSource) {
			f.cust(5, domain.ClassImportant)
			f.touches(5, midAutumn, 4)
		}, rules: []RuleID{RuleHoliday}, want: []string{}},
	})
}

func TestHolidays_SkipList(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "mid_autumn skipped", day: midAutumn, setup: coreCustomers, rules: []RuleID{RuleHoliday},
			cfg: func(c *Config) { c.Holidays.Skip = []string{"mid_autumn"} }, want: []string{}},
		{name: "another holiday skipped: mid_autumn stays", day: midAutumn, setup: coreCustomers, rules: []RuleID{RuleHoliday},
			cfg: func(c *Config) { c.Holidays.Skip = []string{"valentines_day"} }, want: []string{midAutumnKey}},
		{name: "store day skipped by its id", setup: storeDay, rules: []RuleID{RuleHoliday},
			cfg: func(c *Config) { c.Holidays.Skip = []string{"special:3"} }, want: []string{}},
	})
}

func storeDay(f *fakeSource) {
	f.cust(1, domain.ClassLoyal)
	f.special = []domain.SpecialDay{{ID: 3, Name: "店庆", Calendar: domain.Solar, Month: 11, Day: 24}}
}

func TestHolidays_StoreSpecialDay(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "store anniversary in two days", setup: storeDay, rules: []RuleID{RuleHoliday},
			want: []string{"holiday:special:3:2026-11-24:g0"}, check: func(t *testing.T, a *Agenda) {
				it := item(t, a, "holiday:special:3:2026-11-24:g0")
				if it.Reason.Name != "店庆" || it.Ref.HolidayID != "special:3" || it.Due.String() != "2026-11-24" {
					t.Errorf("reason %+v ref %+v due %s", it.Reason, it.Ref, it.Due)
				}
			}},
		{name: "lunar member day 十月十五 (2026-11-23)", setup: func(f *fakeSource) {
			f.cust(1, domain.ClassLoyal)
			f.special = []domain.SpecialDay{{ID: 4, Name: "会员日", Calendar: domain.Lunar, Month: 10, Day: 15}}
		}, rules: []RuleID{RuleHoliday}, want: []string{"holiday:special:4:2026-11-23:g0"}},
	})
}

func TestHolidays_MidAutumnAppearsThreeDaysBefore(t *testing.T) {
	var cases []ruleCase
	for _, tc := range []struct {
		day  string
		want []string
	}{
		{"2026-09-21", []string{}},
		{"2026-09-22", []string{midAutumnKey}},
		{"2026-09-24", []string{midAutumnKey}},
		{"2026-09-25", []string{midAutumnKey}},
		{"2026-09-26", []string{}},
	} {
		cases = append(cases, ruleCase{name: tc.day, day: domain.MustDate(tc.day), setup: coreCustomers,
			rules: []RuleID{RuleHoliday}, want: tc.want})
	}
	runCases(t, cases)
}
