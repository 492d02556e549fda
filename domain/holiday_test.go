package domain

import (
	"slices"
	"testing"
)

// Expected holiday dates below are published calendar dates, re-derived
// independently of domain/lunar from the new moons of Meeus' algorithm in
// Beijing time (see keydate_test.go) and the published 春节 dates; weekdays
// for 母亲节/父亲节 were checked with python3's datetime.
//
// Note: 腊八 of lunar 2025 is 2026-01-26 (腊月 starts 2026-01-19); 腊八 of
// lunar 2026 is 2027-01-15 (腊月 starts 2027-01-08). So the solar year 2026
// holds 腊八 on 2026-01-26, not 2027-01-26.

type holidayWant struct {
	id   string
	date string
}

func holidaysOf(from, to string, special []SpecialDay) []holidayWant {
	var out []holidayWant
	for _, h := range HolidaysIn(MustDate(from), MustDate(to), special) {
		out = append(out, holidayWant{h.ID, h.Date.String()})
	}
	return out
}

func TestHolidaysIn_2026(t *testing.T) {
	want := []holidayWant{
		{"new_year", "2026-01-01"},
		{"laba", "2026-01-26"},
		{"valentines_day", "2026-02-14"},
		{"new_years_eve", "2026-02-16"}, // 腊月廿九: no 年三十 in 2026
		{"spring_festival", "2026-02-17"},
		{"lantern_festival", "2026-03-03"},
		{"womens_day", "2026-03-08"},
		{"labour_day", "2026-05-01"},
		{"mothers_day", "2026-05-10"},
		{"childrens_day", "2026-06-01"},
		{"dragon_boat", "2026-06-19"},
		{"fathers_day", "2026-06-21"},
		{"qixi", "2026-08-19"},
		{"mid_autumn", "2026-09-25"},
		{"national_day", "2026-10-01"},
		{"double_ninth", "2026-10-18"},
		{"christmas", "2026-12-25"},
	}
	if got := holidaysOf("2026-01-01", "2026-12-31", nil); !slices.Equal(got, want) {
		t.Errorf("HolidaysIn(2026) =\n%v\nwant\n%v", got, want)
	}
}

func TestHolidaysIn_SpotChecks(t *testing.T) {
	cases := []struct {
		name string
		year string
		id   string
		date string
	}{
		{"2027SpringFestival", "2027", "spring_festival", "2027-02-06"},
		{"2027Eve", "2027", "new_years_eve", "2027-02-05"},
		{"2027Lantern", "2027", "lantern_festival", "2027-02-20"},
		{"2027DragonBoat", "2027", "dragon_boat", "2027-06-09"},
		{"2027Qixi", "2027", "qixi", "2027-08-08"},
		{"2027MidAutumn", "2027", "mid_autumn", "2027-09-15"},
		{"2027DoubleNinth", "2027", "double_ninth", "2027-10-08"},
		{"2027Laba", "2027", "laba", "2027-01-15"},
		{"2027MothersDay", "2027", "mothers_day", "2027-05-09"},
		{"2027FathersDay", "2027", "fathers_day", "2027-06-20"},
		{"2030SpringFestival", "2030", "spring_festival", "2030-02-03"},
		{"2030Eve", "2030", "new_years_eve", "2030-02-02"}, // 腊月三十: a 30-day 腊月
		{"2030DragonBoat", "2030", "dragon_boat", "2030-06-05"},
		{"2030Qixi", "2030", "qixi", "2030-08-05"},
		{"2030MidAutumn", "2030", "mid_autumn", "2030-09-12"},
		{"2030DoubleNinth", "2030", "double_ninth", "2030-10-05"},
		{"2030Laba", "2030", "laba", "2030-01-11"},
		{"2030MothersDay", "2030", "mothers_day", "2030-05-12"},
		{"2030FathersDay", "2030", "fathers_day", "2030-06-16"},
		{"2030NationalDay", "2030", "national_day", "2030-10-01"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var dates []string
			for _, h := range holidaysOf(tc.year+"-01-01", tc.year+"-12-31", nil) {
				if h.id == tc.id {
					dates = append(dates, h.date)
				}
			}
			if !slices.Equal(dates, []string{tc.date}) {
				t.Errorf("%s in %s: %v, want [%s]", tc.id, tc.year, dates, tc.date)
			}
		})
	}
}

func TestHolidaysIn_WindowAcrossNewYear(t *testing.T) {
	want := []holidayWant{
		{"christmas", "2026-12-25"},
		{"new_year", "2027-01-01"},
		{"laba", "2027-01-15"},
		{"new_years_eve", "2027-02-05"},
		{"spring_festival", "2027-02-06"},
	}
	if got := holidaysOf("2026-12-20", "2027-02-10", nil); !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestHolidaysIn_Windows(t *testing.T) {
	cases := []struct {
		name     string
		from, to string
		want     []holidayWant
	}{
		{"SingleDay", "2026-09-25", "2026-09-25", []holidayWant{{"mid_autumn", "2026-09-25"}}},
		{"NoHoliday", "2026-04-01", "2026-04-30", nil},
		{"BoundsInclusive", "2026-02-16", "2026-02-17", []holidayWant{{"new_years_eve", "2026-02-16"}, {"spring_festival", "2026-02-17"}}},
		// 2020: 中秋 fell on 国庆; both are given, in the built-in list's order.
		{"SameDayKeepsListOrder", "2020-10-01", "2020-10-01", []holidayWant{{"national_day", "2020-10-01"}, {"mid_autumn", "2020-10-01"}}},
		{"EmptyWindow", "2026-10-02", "2026-10-01", nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := holidaysOf(tc.from, tc.to, nil); !slices.Equal(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

// TestHolidaysIn_SameDayInFullYear: ties keep the built-in list's order
// also when the whole year is sorted (2020: 中秋 on 国庆).
func TestHolidaysIn_SameDayInFullYear(t *testing.T) {
	got := holidaysOf("2020-01-01", "2020-12-31", nil)
	i := slices.Index(got, holidayWant{"national_day", "2020-10-01"})
	if i < 0 || i+1 >= len(got) || got[i+1] != (holidayWant{"mid_autumn", "2020-10-01"}) {
		t.Errorf("2020: national_day then mid_autumn on 10-01 expected, got %v", got)
	}
}

func TestHolidaysIn_Ordered(t *testing.T) {
	hs := HolidaysIn(MustDate("2025-01-01"), MustDate("2031-12-31"), []SpecialDay{{ID: 1, Name: "店庆", Calendar: Solar, Month: 6, Day: 18}})
	if len(hs) < 7*17 {
		t.Fatalf("only %d holidays in seven years", len(hs))
	}
	for i := 1; i < len(hs); i++ {
		if hs[i].Date.Before(hs[i-1].Date) {
			t.Errorf("%s %v comes after %s %v", hs[i].ID, hs[i].Date, hs[i-1].ID, hs[i-1].Date)
		}
	}
}

func TestHolidaysIn_SpecialDays(t *testing.T) {
	special := []SpecialDay{
		{ID: 3, Name: "店庆", Calendar: Solar, Month: 6, Day: 18},
		{ID: 4, Name: "会员日", Calendar: Lunar, Month: 8, Day: 16},
	}
	got := HolidaysIn(MustDate("2026-06-01"), MustDate("2026-09-30"), special)
	want := []holidayWant{
		{"childrens_day", "2026-06-01"},
		{"special:3", "2026-06-18"},
		{"dragon_boat", "2026-06-19"},
		{"fathers_day", "2026-06-21"},
		{"qixi", "2026-08-19"},
		{"mid_autumn", "2026-09-25"},
		{"special:4", "2026-09-26"},
	}
	var ids []holidayWant
	for _, h := range got {
		ids = append(ids, holidayWant{h.ID, h.Date.String()})
	}
	if !slices.Equal(ids, want) {
		t.Fatalf("got %v, want %v", ids, want)
	}
	for _, h := range got {
		switch h.ID {
		case "special:3":
			if h.NameZH != "店庆" || h.NameEN != "店庆" {
				t.Errorf("special:3 names %q/%q, want 店庆", h.NameZH, h.NameEN)
			}
		case "mid_autumn":
			if h.NameZH != "中秋节" || h.NameEN != "Mid-Autumn Festival" {
				t.Errorf("mid_autumn names %q/%q", h.NameZH, h.NameEN)
			}
		}
	}
}

func TestHolidaysIn_SpecialDayFeb29(t *testing.T) {
	special := []SpecialDay{{ID: 9, Name: "闰日会员日", Calendar: Solar, Month: 2, Day: 29}}
	got := holidaysOf("2026-02-20", "2026-03-05", special)
	want := []holidayWant{{"special:9", "2026-02-28"}, {"lantern_festival", "2026-03-03"}}
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestSpecialDay_Validate(t *testing.T) {
	cases := []struct {
		name  string
		s     SpecialDay
		field string
		code  ErrorCode
	}{
		{"SolarValid", SpecialDay{Name: "店庆", Calendar: Solar, Month: 6, Day: 18}, "", ""},
		{"LunarDay30Valid", SpecialDay{Name: "会员日", Calendar: Lunar, Month: 12, Day: 30}, "", ""},
		{"SolarFeb29Valid", SpecialDay{Name: "闰日", Calendar: Solar, Month: 2, Day: 29}, "", ""},
		{"NameRequired", SpecialDay{Calendar: Solar, Month: 6, Day: 18}, "name", CodeRequired},
		{"NameTooLong", SpecialDay{Name: repeatText("店", MaxShortRunes+1), Calendar: Solar, Month: 6, Day: 18}, "name", CodeTooLong},
		{"SolarFeb30", SpecialDay{Name: "店庆", Calendar: Solar, Month: 2, Day: 30}, "day", CodeOutOfRange},
		{"Month0", SpecialDay{Name: "店庆", Calendar: Solar, Month: 0, Day: 1}, "month", CodeOutOfRange},
		{"SolarLeap", SpecialDay{Name: "店庆", Calendar: Solar, Month: 6, Day: 18, Leap: true}, "leap", CodeConflict},
		{"CalendarUnknown", SpecialDay{Name: "店庆", Calendar: "", Month: 6, Day: 18}, "calendar", CodeUnknown},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.s.Validate()
			if tc.field == "" {
				expectValid(t, err)
				return
			}
			fe := expectProblem(t, err, tc.field, tc.code)
			if fe != nil && fe.Entity != "special_day" {
				t.Errorf("entity %q, want special_day", fe.Entity)
			}
			expectOnlyProblem(t, err, tc.field, tc.code)
		})
	}
}

func TestHoliday_Name(t *testing.T) {
	h := Holiday{NameZH: "中秋节", NameEN: "Mid-Autumn Festival"}
	cases := []struct{ lang, want string }{{"zh", "中秋节"}, {"en", "Mid-Autumn Festival"}, {"fr", "Mid-Autumn Festival"}}
	for _, tc := range cases {
		if got := h.Name(tc.lang); got != tc.want {
			t.Errorf("Name(%q) = %q, want %q", tc.lang, got, tc.want)
		}
	}
}

func TestBuiltinHolidayIDs(t *testing.T) {
	want := []string{"new_year", "valentines_day", "womens_day", "labour_day", "childrens_day", "national_day", "christmas",
		"mothers_day", "fathers_day", "spring_festival", "lantern_festival", "dragon_boat", "qixi", "mid_autumn",
		"double_ninth", "laba", "new_years_eve"}
	if got := BuiltinHolidayIDs(); !slices.Equal(got, want) {
		t.Errorf("BuiltinHolidayIDs = %v, want %v", got, want)
	}
}
