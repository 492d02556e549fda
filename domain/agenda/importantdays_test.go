package agenda

import (
	"testing"

	"github.com/crmtui/crmtui/domain"
)

// keyDate gives customer 1 (class new) the key date with id 7.
func keyDate(k domain.KeyDate) func(f *fakeSource) {
	return func(f *fakeSource) {
		f.cust(1, domain.ClassNew)
		k.ID = 7
		f.keyDates = append(f.keyDates, KeyDateFact{CustomerID: 1, KeyDate: k})
	}
}

func solarBirthday(month, day int) domain.KeyDate {
	return domain.KeyDate{Kind: domain.KindBirthday, Calendar: domain.Solar, Month: month, Day: day}
}

func lunarBirthday(month, day int, leap bool) domain.KeyDate {
	return domain.KeyDate{Kind: domain.KindBirthday, Calendar: domain.Lunar, Month: month, Day: day, Leap: leap}
}

var dayRules = []RuleID{RuleBirthday, RuleAnniversary}

// occurrence checks the item's due day, days to go, overdue days and lunar text.
func occurrence(key, due string, days, overdue int, lunarText string) func(t *testing.T, a *Agenda) {
	return func(t *testing.T, a *Agenda) {
		it := item(t, a, key)
		if it.Due.String() != due || it.Reason.Date.String() != due || it.Reason.Days != days || it.OverdueDays != overdue {
			t.Errorf("due %s reason date %s days %d overdue %d, want %s / %d / %d", it.Due, it.Reason.Date, it.Reason.Days, it.OverdueDays, due, days, overdue)
		}
		if it.Reason.Lunar != lunarText {
			t.Errorf("lunar text %q, want %q", it.Reason.Lunar, lunarText)
		}
		if it.Ref.KeyDateID != 7 || it.Channel != domain.ChannelWeChat || it.Question != Maintain {
			t.Errorf("ref %+v channel %s question %s", it.Ref, it.Channel, it.Question)
		}
	}
}

func TestImportantDays_LeadTimeThreeDays(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "in 3 days: shown", setup: keyDate(solarBirthday(11, 25)), rules: dayRules,
			want: []string{"birthday:7:2026-11-25"}, check: occurrence("birthday:7:2026-11-25", "2026-11-25", 3, 0, "")},
		{name: "in 4 days: not yet", setup: keyDate(solarBirthday(11, 26)), rules: dayRules, want: []string{}},
		{name: "today: shown", setup: keyDate(solarBirthday(11, 22)), rules: dayRules,
			want: []string{"birthday:7:2026-11-22"}, check: occurrence("birthday:7:2026-11-22", "2026-11-22", 0, 0, "")},
		{name: "lead_days 5: in 5 days shown", setup: keyDate(solarBirthday(11, 27)), rules: dayRules,
			cfg: func(c *Config) { c.ImportantDays.LeadDays = 5 }, want: []string{"birthday:7:2026-11-27"}},
		{name: "age from the birth year", setup: keyDate(domain.KeyDate{Kind: domain.KindBirthday, Calendar: domain.Solar, Year: 1990, Month: 11, Day: 24}),
			rules: dayRules, want: []string{"birthday:7:2026-11-24"}, check: func(t *testing.T, a *Agenda) {
				if it := item(t, a, "birthday:7:2026-11-24"); it.Reason.N != 36 || it.Template != "birthday" {
					t.Errorf("age %d template %q, want 36 birthday", it.Reason.N, it.Template)
				}
			}},
		{name: "do-not-contact: left out", setup: func(f *fakeSource) {
			keyDate(solarBirthday(11, 23))(f)
			f.customers[1].DoNotContact = true
		}, rules: dayRules, want: []string{}},
	})
}

func TestImportantDays_LateOneDayMarkedOverdue(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "yesterday: overdue 1", setup: keyDate(solarBirthday(11, 21)), rules: dayRules,
			want: []string{"birthday:7:2026-11-21"}, check: occurrence("birthday:7:2026-11-21", "2026-11-21", -1, 1, "")},
		{name: "two days ago: gone", setup: keyDate(solarBirthday(11, 20)), rules: dayRules, want: []string{}},
		{name: "late_days 0: yesterday gone", setup: keyDate(solarBirthday(11, 21)), rules: dayRules,
			cfg: func(c *Config) { c.ImportantDays.LateDays = 0 }, want: []string{}},
	})
}

func TestImportantDays_LunarBirthdayConvertedForYear(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "lunar 08-15 is 2026-09-25, shown from 09-22", day: domain.MustDate("2026-09-22"),
			setup: keyDate(lunarBirthday(8, 15, false)), rules: dayRules, want: []string{"birthday:7:2026-09-25"},
			check: func(t *testing.T, a *Agenda) {
				occurrence("birthday:7:2026-09-25", "2026-09-25", 3, 0, "八月十五")(t, a)
				if it := item(t, a, "birthday:7:2026-09-25"); it.Template != "lunar_birthday" || it.Reason.Code != "birthday" {
					t.Errorf("template %q code %q", it.Template, it.Reason.Code)
				}
			}},
		{name: "lunar 08-15 not yet on 09-21", day: domain.MustDate("2026-09-21"),
			setup: keyDate(lunarBirthday(8, 15, false)), rules: dayRules, want: []string{}},
		{name: "lunar 08-15 not on its solar twin 08-15", day: domain.MustDate("2026-08-14"),
			setup: keyDate(lunarBirthday(8, 15, false)), rules: dayRules, want: []string{}},
	})
}

func TestImportantDays_Feb29OnFeb28InCommonYear(t *testing.T) {
	runCases(t, []ruleCase{
		{name: "2026 is common: 02-28", day: domain.MustDate("2026-02-26"), setup: keyDate(solarBirthday(2, 29)), rules: dayRules,
			want: []string{"birthday:7:2026-02-28"}, check: occurrence("birthday:7:2026-02-28", "2026-02-28", 2, 0, "")},
		{name: "2028 is leap: 02-29", day: domain.MustDate("2028-02-27"), setup: keyDate(solarBirthday(2, 29)), rules: dayRules,
			want: []string{"birthday:7:2028-02-29"}},
		{name: "2026 common: not on 03-01", day: domain.MustDate("2026-03-01"), setup: keyDate(solarBirthday(2, 29)), rules: dayRules,
			cfg: func(c *Config) { c.ImportantDays.LateDays = 0 }, want: []string{}},
	})
}

func TestImportantDays_LunarDay30InShortMonthFallsOn29th(t *testing.T) {
	// 八月 of lunar 2026 has 29 days: its 29th is 2026-10-09.
	runCases(t, []ruleCase{
		{name: "lunar 08-30 on 2026-10-09", day: domain.MustDate("2026-10-07"), setup: keyDate(lunarBirthday(8, 30, false)), rules: dayRules,
			want: []string{"birthday:7:2026-10-09"}, check: occurrence("birthday:7:2026-10-09", "2026-10-09", 2, 0, "八月三十")},
		{name: "lunar 08-29 the same day", day: domain.MustDate("2026-10-09"), setup: keyDate(lunarBirthday(8, 29, false)), rules: dayRules,
			want: []string{"birthday:7:2026-10-09"}},
	})
}

func TestImportantDays_LeapMonthBirthdayInYearWithoutLeapMonth(t *testing.T) {
	// Born in 闰六月 (lunar 2025 has a leap sixth month); 2026 has none, so
	// the birthday is kept in the regular sixth month: 06-10 is 2026-07-23.
	runCases(t, []ruleCase{
		{name: "闰六月初十 on 2026-07-23", day: domain.MustDate("2026-07-22"), setup: keyDate(lunarBirthday(6, 10, true)), rules: dayRules,
			want: []string{"birthday:7:2026-07-23"}, check: occurrence("birthday:7:2026-07-23", "2026-07-23", 1, 0, "闰六月初十")},
		{name: "in 2025 it waits for the leap month", day: domain.MustDate("2025-07-04"), setup: keyDate(lunarBirthday(6, 10, true)), rules: dayRules,
			want: []string{}},
		{name: "in 2025 it falls in 闰六月 (2025-08-03)", day: domain.MustDate("2025-08-01"), setup: keyDate(lunarBirthday(6, 10, true)), rules: dayRules,
			want: []string{"birthday:7:2025-08-03"}},
	})
}

func TestImportantDays_AnniversaryWithLabel(t *testing.T) {
	wedding := domain.KeyDate{Kind: domain.KindAnniversary, Label: "结婚纪念日", Calendar: domain.Solar, Year: 2016, Month: 11, Day: 24}
	runCases(t, []ruleCase{
		{name: "wedding anniversary", setup: keyDate(wedding), rules: dayRules, want: []string{"anniversary:7:2026-11-24"},
			check: func(t *testing.T, a *Agenda) {
				it := item(t, a, "anniversary:7:2026-11-24")
				if it.Rule != RuleAnniversary || it.Reason.Name != "结婚纪念日" || it.Reason.N != 10 || it.Template != "anniversary" || it.Reason.Code != "anniversary" {
					t.Errorf("rule %s name %q years %d template %q code %q", it.Rule, it.Reason.Name, it.Reason.N, it.Template, it.Reason.Code)
				}
			}},
	})
}
