package domain

import (
	"maps"
	"slices"
	"testing"

	"github.com/crmtui/crmtui/domain/lunar"
)

// Lunar facts used below were worked out independently of domain/lunar from
// the published 春节 dates (2023-01-22, 2025-01-29, 2026-02-17, 2027-02-06)
// and the new moons of Meeus' algorithm (Astronomical Algorithms ch. 49) in
// Beijing time: 2023-02-20, 2023-03-22 (闰二月), 2023-04-20; 2025-12-20
// (冬月), 2026-01-19 (腊月), 2026-02-17, 2026-03-19, 2026-09-11 (八月),
// 2026-12-09 (冬月), 2027-01-08 (腊月). Hence 腊月 of lunar 2025 has 29 days
// (2026 has no 年三十: 除夕 is 腊月廿九, 2026-02-16) and 正月 of 2026 has 30.

func TestKeyDate_Validate(t *testing.T) {
	cases := []struct {
		name  string
		k     KeyDate
		field string    // "" when valid
		code  ErrorCode // for field
	}{
		{"SolarFull", KeyDate{Kind: KindBirthday, Calendar: Solar, Year: 1990, Month: 8, Day: 15}, "", ""},
		{"SolarNoYear", KeyDate{Kind: KindBirthday, Calendar: Solar, Month: 12, Day: 31}, "", ""},
		{"SolarFeb29WithoutYear", KeyDate{Kind: KindBirthday, Calendar: Solar, Month: 2, Day: 29}, "", ""},
		{"SolarFeb29InLeapYear", KeyDate{Kind: KindBirthday, Calendar: Solar, Year: 2024, Month: 2, Day: 29}, "", ""},
		{"SolarFeb29In2023Refused", KeyDate{Kind: KindBirthday, Calendar: Solar, Year: 2023, Month: 2, Day: 29}, "day", CodeOutOfRange},
		{"SolarFeb30Refused", KeyDate{Kind: KindBirthday, Calendar: Solar, Month: 2, Day: 30}, "day", CodeOutOfRange},
		{"SolarApril31Refused", KeyDate{Kind: KindBirthday, Calendar: Solar, Month: 4, Day: 31}, "day", CodeOutOfRange},
		{"SolarDay0Refused", KeyDate{Kind: KindBirthday, Calendar: Solar, Month: 4, Day: 0}, "day", CodeOutOfRange},
		{"SolarMonth13Refused", KeyDate{Kind: KindBirthday, Calendar: Solar, Year: 1990, Month: 13, Day: 1}, "month", CodeOutOfRange},
		{"SolarMonth0Refused", KeyDate{Kind: KindBirthday, Calendar: Solar, Month: 0, Day: 1}, "month", CodeOutOfRange},
		{"SolarYear1849Refused", KeyDate{Kind: KindBirthday, Calendar: Solar, Year: 1849, Month: 1, Day: 1}, "year", CodeOutOfRange},
		{"SolarYear2201Refused", KeyDate{Kind: KindBirthday, Calendar: Solar, Year: 2201, Month: 1, Day: 1}, "year", CodeOutOfRange},
		{"SolarLeapRefused", KeyDate{Kind: KindBirthday, Calendar: Solar, Month: 4, Day: 8, Leap: true}, "leap", CodeConflict},
		{"LunarDay30WithoutYear", KeyDate{Kind: KindBirthday, Calendar: Lunar, Month: 12, Day: 30}, "", ""},
		{"LunarDay31Refused", KeyDate{Kind: KindBirthday, Calendar: Lunar, Month: 1, Day: 31}, "day", CodeOutOfRange},
		{"LunarLeapWithoutYear", KeyDate{Kind: KindBirthday, Calendar: Lunar, Month: 4, Day: 8, Leap: true}, "", ""},
		{"LunarLeap2023Month2Exists", KeyDate{Kind: KindBirthday, Calendar: Lunar, Year: 2023, Month: 2, Day: 15, Leap: true}, "", ""},
		{"LunarLeap2024Month2Refused", KeyDate{Kind: KindBirthday, Calendar: Lunar, Year: 2024, Month: 2, Day: 15, Leap: true}, "day", CodeInvalid},
		{"LunarDay30In29DayMonthWithYearRefused", KeyDate{Kind: KindBirthday, Calendar: Lunar, Year: 2025, Month: 12, Day: 30}, "day", CodeInvalid},
		{"LunarDay30In30DayMonthWithYear", KeyDate{Kind: KindBirthday, Calendar: Lunar, Year: 2026, Month: 1, Day: 30}, "", ""},
		{"LunarYear1899Refused", KeyDate{Kind: KindBirthday, Calendar: Lunar, Year: 1899, Month: 1, Day: 1}, "year", CodeOutOfRange},
		{"LunarMonth13Refused", KeyDate{Kind: KindBirthday, Calendar: Lunar, Month: 13, Day: 1}, "month", CodeOutOfRange},
		{"AnniversaryWithLabel", KeyDate{Kind: KindAnniversary, Label: "结婚纪念日", Calendar: Solar, Month: 5, Day: 20}, "", ""},
		{"AnniversaryNeedsLabel", KeyDate{Kind: KindAnniversary, Calendar: Solar, Month: 5, Day: 20}, "label", CodeRequired},
		{"AnniversaryBlankLabel", KeyDate{Kind: KindAnniversary, Label: "  ", Calendar: Solar, Month: 5, Day: 20}, "label", CodeRequired},
		{"LabelTooLong", KeyDate{Kind: KindAnniversary, Label: repeatText("纪", MaxShortRunes+1), Calendar: Solar, Month: 5, Day: 20}, "label", CodeTooLong},
		{"KindUnknown", KeyDate{Kind: "nameday", Calendar: Solar, Month: 5, Day: 20}, "kind", CodeUnknown},
		{"CalendarUnknown", KeyDate{Kind: KindBirthday, Calendar: "hebrew", Month: 5, Day: 20}, "calendar", CodeUnknown},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.k.Validate()
			if tc.field == "" {
				expectValid(t, err)
				return
			}
			expectOnlyProblem(t, err, tc.field, tc.code)
		})
	}
}

func TestParseKeyDate(t *testing.T) {
	cases := []struct {
		name string
		in   string
		want KeyDate
		str  string // String() of the result
	}{
		{"SolarWithYear", "1990-08-15", KeyDate{Calendar: Solar, Year: 1990, Month: 8, Day: 15}, "1990-08-15"},
		{"SolarNoYear", "08-15", KeyDate{Calendar: Solar, Month: 8, Day: 15}, "08-15"},
		{"LunarNoYear", "lunar:08-15", KeyDate{Calendar: Lunar, Month: 8, Day: 15}, "lunar:08-15"},
		{"LunarWithYear", "lunar:1990-08-15", KeyDate{Calendar: Lunar, Year: 1990, Month: 8, Day: 15}, "lunar:1990-08-15"},
		{"LunarLeapMonth", "lunar:L04-08", KeyDate{Calendar: Lunar, Month: 4, Day: 8, Leap: true}, "lunar:L04-08"},
		{"ChinesePrefix", "农历08-15", KeyDate{Calendar: Lunar, Month: 8, Day: 15}, "lunar:08-15"},
		{"ChinesePrefixColon", "农历:08-15", KeyDate{Calendar: Lunar, Month: 8, Day: 15}, "lunar:08-15"},
		{"UpperCasePrefix", "LUNAR:08-15", KeyDate{Calendar: Lunar, Month: 8, Day: 15}, "lunar:08-15"},
		{"ChineseLeapMonth", "lunar:2023-闰02-10", KeyDate{Calendar: Lunar, Year: 2023, Month: 2, Day: 10, Leap: true}, "lunar:2023-L02-10"},
		{"LeapWithYear", "lunar:2023-L02-10", KeyDate{Calendar: Lunar, Year: 2023, Month: 2, Day: 10, Leap: true}, "lunar:2023-L02-10"},
		{"SingleDigits", "8-5", KeyDate{Calendar: Solar, Month: 8, Day: 5}, "08-05"},
		{"Spaces", "  12-31 ", KeyDate{Calendar: Solar, Month: 12, Day: 31}, "12-31"},
		{"Month13ParsesValidateRefuses", "1990-13-01", KeyDate{Calendar: Solar, Year: 1990, Month: 13, Day: 1}, "1990-13-01"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			k, err := ParseKeyDate(tc.in)
			if err != nil {
				t.Fatalf("ParseKeyDate(%q): %v", tc.in, err)
			}
			if k != tc.want {
				t.Errorf("ParseKeyDate(%q) = %+v, want %+v", tc.in, k, tc.want)
			}
			if got := k.String(); got != tc.str {
				t.Errorf("String() = %q, want %q", got, tc.str)
			}
			back, err := ParseKeyDate(k.String())
			if err != nil || back != k {
				t.Errorf("ParseKeyDate(String()) = %+v, %v; want %+v", back, err, k)
			}
		})
	}
}

func TestParseKeyDate_Month13FailsValidation(t *testing.T) {
	k, err := ParseKeyDate("1990-13-01")
	if err != nil {
		t.Fatalf("ParseKeyDate: %v", err)
	}
	k.Kind = KindBirthday
	expectOnlyProblem(t, k.Validate(), "month", CodeOutOfRange)
}

func TestParseKeyDate_Errors(t *testing.T) {
	cases := []struct{ name, in string }{
		{"Slashes", "8/15"},
		{"Garbage", "abc"},
		{"Empty", ""},
		{"OnlyPrefix", "lunar:"},
		{"TwoDigitYear", "90-08-15"},
		{"FourParts", "1990-08-15-01"},
		{"DayNotANumber", "08-xx"},
		{"MonthNotANumber", "aug-15"},
		{"LowerCaseLeapMarker", "lunar:l04-08"},
		{"YearNotANumber", "abcd-08-15"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if k, err := ParseKeyDate(tc.in); err == nil {
				t.Errorf("ParseKeyDate(%q) = %+v, want error", tc.in, k)
			}
		})
	}
}

func TestKeyDate_OccurrenceInYear(t *testing.T) {
	cases := []struct {
		name string
		k    KeyDate
		year int
		want string // "" when there is none
	}{
		{"SolarPlain", KeyDate{Calendar: Solar, Month: 11, Day: 22}, 2026, "2026-11-22"},
		{"SolarFeb29CommonYear", KeyDate{Calendar: Solar, Month: 2, Day: 29}, 2026, "2026-02-28"},
		{"SolarFeb29LeapYear", KeyDate{Calendar: Solar, Month: 2, Day: 29}, 2028, "2028-02-29"},
		{"SolarYearIsIgnored", KeyDate{Calendar: Solar, Year: 1990, Month: 8, Day: 15}, 2026, "2026-08-15"},
		{"SolarYear0None", KeyDate{Calendar: Solar, Month: 1, Day: 1}, 0, ""},
		{"SolarMonth13None", KeyDate{Calendar: Solar, Month: 13, Day: 1}, 2026, ""},
		{"SolarDay0None", KeyDate{Calendar: Solar, Month: 1, Day: 0}, 2026, ""},
		{"LunarMidAutumn2026", KeyDate{Calendar: Lunar, Month: 8, Day: 15}, 2026, "2026-09-25"},
		{"LunarNewYear2026", KeyDate{Calendar: Lunar, Month: 1, Day: 1}, 2026, "2026-02-17"},
		{"LunarDay30In29DayMonth", KeyDate{Calendar: Lunar, Month: 12, Day: 30}, 2025, "2026-02-16"},
		{"LunarDay29In29DayMonth", KeyDate{Calendar: Lunar, Month: 12, Day: 29}, 2025, "2026-02-16"},
		{"LunarDay30In30DayMonth", KeyDate{Calendar: Lunar, Month: 1, Day: 30}, 2026, "2026-03-18"},
		{"LunarLeapInYearWithThatLeap", KeyDate{Calendar: Lunar, Month: 2, Day: 10, Leap: true}, 2023, "2023-03-31"},
		{"LunarNonLeapInYearWithThatLeap", KeyDate{Calendar: Lunar, Month: 2, Day: 10}, 2023, "2023-03-01"},
		{"LunarLeapInYearWithoutLeapFallsInRegularMonth", KeyDate{Calendar: Lunar, Month: 2, Day: 10, Leap: true}, 2026, "2026-03-28"},
		{"LunarYearOutOfRange", KeyDate{Calendar: Lunar, Month: 1, Day: 1}, 1899, ""},
		{"LunarDay31None", KeyDate{Calendar: Lunar, Month: 1, Day: 31}, 2026, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d, ok := tc.k.OccurrenceInYear(tc.year)
			if tc.want == "" {
				if ok {
					t.Errorf("OccurrenceInYear(%d) = %v, want none", tc.year, d)
				}
				return
			}
			if !ok || d.String() != tc.want {
				t.Errorf("OccurrenceInYear(%d) = %v, %v; want %s", tc.year, d, ok, tc.want)
			}
		})
	}
}

// TestLunarFacts_Independent cross-checks the 29-day 腊月 of lunar 2025 used
// above against domain/lunar, so a change of the table shows up here too.
func TestLunarFacts_Independent(t *testing.T) {
	if n, err := lunar.MonthDays(2025, 12, false); err != nil || n != 29 {
		t.Errorf("MonthDays(2025, 12) = %d, %v; want 29 (2026 has no 年三十)", n, err)
	}
	if n, err := lunar.MonthDays(2026, 1, false); err != nil || n != 30 {
		t.Errorf("MonthDays(2026, 1) = %d, %v; want 30", n, err)
	}
	if lm := lunar.LeapMonth(2023); lm != 2 {
		t.Errorf("LeapMonth(2023) = %d, want 2", lm)
	}
	if lm := lunar.LeapMonth(2024); lm != 0 {
		t.Errorf("LeapMonth(2024) = %d, want 0", lm)
	}
}

func TestKeyDate_OccurrencesIn(t *testing.T) {
	cases := []struct {
		name     string
		k        KeyDate
		from, to string
		want     []string
	}{
		{"LunarTwiceInOneSolarYear", KeyDate{Calendar: Lunar, Month: 11, Day: 15}, "2026-01-01", "2026-12-31", []string{"2026-01-03", "2026-12-23"}},
		{"LunarLabaOnceIn2026", KeyDate{Calendar: Lunar, Month: 12, Day: 8}, "2026-01-01", "2026-12-31", []string{"2026-01-26"}},
		{"LunarNoneInShortWindow", KeyDate{Calendar: Lunar, Month: 8, Day: 15}, "2026-01-01", "2026-09-24", nil},
		{"LunarWindowEndsOnTheDay", KeyDate{Calendar: Lunar, Month: 8, Day: 15}, "2026-09-01", "2026-09-25", []string{"2026-09-25"}},
		{"SolarOncePerYear", KeyDate{Calendar: Solar, Month: 3, Day: 8}, "2025-01-01", "2027-12-31", []string{"2025-03-08", "2026-03-08", "2027-03-08"}},
		{"SolarFeb29AcrossYears", KeyDate{Calendar: Solar, Month: 2, Day: 29}, "2027-01-01", "2028-12-31", []string{"2027-02-28", "2028-02-29"}},
		{"SolarSingleDay", KeyDate{Calendar: Solar, Month: 12, Day: 31}, "2026-12-31", "2026-12-31", []string{"2026-12-31"}},
		{"EmptyWindow", KeyDate{Calendar: Solar, Month: 12, Day: 31}, "2027-01-01", "2026-12-31", nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, d := range tc.k.OccurrencesIn(MustDate(tc.from), MustDate(tc.to)) {
				got = append(got, d.String())
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("OccurrencesIn(%s, %s) = %v, want %v", tc.from, tc.to, got, tc.want)
			}
		})
	}
}

func TestKeyDate_NextOccurrence(t *testing.T) {
	cases := []struct {
		name string
		k    KeyDate
		from string
		want string
	}{
		{"LunarOnTheDay", KeyDate{Calendar: Lunar, Month: 8, Day: 15}, "2026-09-25", "2026-09-25"},
		{"LunarDayAfter", KeyDate{Calendar: Lunar, Month: 8, Day: 15}, "2026-09-26", "2027-09-15"},
		{"LunarDecemberAfterJanuaryOne", KeyDate{Calendar: Lunar, Month: 11, Day: 15}, "2026-01-04", "2026-12-23"},
		{"LunarDay30In29DayMonth", KeyDate{Calendar: Lunar, Month: 12, Day: 30}, "2026-01-01", "2026-02-16"},
		{"SolarFeb29ToCommonYear", KeyDate{Calendar: Solar, Month: 2, Day: 29}, "2026-03-01", "2027-02-28"},
		{"SolarFeb29ToLeapYear", KeyDate{Calendar: Solar, Month: 2, Day: 29}, "2027-03-01", "2028-02-29"},
		{"SolarAcrossNewYear", KeyDate{Calendar: Solar, Month: 1, Day: 1}, "2026-12-31", "2027-01-01"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d, ok := tc.k.NextOccurrence(MustDate(tc.from))
			if !ok || d.String() != tc.want {
				t.Errorf("NextOccurrence(%s) = %v, %v; want %s", tc.from, d, ok, tc.want)
			}
		})
	}
	t.Run("NoneBeyondLunarRange", func(t *testing.T) {
		if d, ok := (KeyDate{Calendar: Lunar, Month: 8, Day: 15}).NextOccurrence(MustDate("2101-01-01")); ok {
			t.Errorf("NextOccurrence after 2100 = %v, want none", d)
		}
	})
}

func TestKeyDate_YearsOn(t *testing.T) {
	cases := []struct {
		name string
		k    KeyDate
		occ  string
		want int
	}{
		{"SolarAge", KeyDate{Calendar: Solar, Year: 1990, Month: 8, Day: 15}, "2026-08-15", 36},
		{"SolarNoYear", KeyDate{Calendar: Solar, Month: 8, Day: 15}, "2026-08-15", 0},
		{"LunarAge", KeyDate{Calendar: Lunar, Year: 1990, Month: 8, Day: 15}, "2026-09-25", 36},
		// 腊八 of lunar 2025 falls in January 2026: the lunar age is 35, not 2026-1990.
		{"LunarAgeCountsLunarYears", KeyDate{Calendar: Lunar, Year: 1990, Month: 12, Day: 8}, "2026-01-26", 35},
		{"LunarNoYear", KeyDate{Calendar: Lunar, Month: 8, Day: 15}, "2026-09-25", 0},
		{"LunarOutOfRange", KeyDate{Calendar: Lunar, Year: 1990, Month: 8, Day: 15}, "2101-06-01", 0},
		{"Anniversary", KeyDate{Kind: KindAnniversary, Label: "wedding", Calendar: Solar, Year: 2016, Month: 5, Day: 20}, "2026-05-20", 10},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.k.YearsOn(MustDate(tc.occ)); got != tc.want {
				t.Errorf("YearsOn(%s) = %d, want %d", tc.occ, got, tc.want)
			}
		})
	}
}

func TestSolarWindowKeys(t *testing.T) {
	cases := []struct {
		name     string
		from, to string
		want     map[MonthDay]string
	}{
		{"Feb28CommonYearIncludesFeb29", "2027-02-28", "2027-02-28", map[MonthDay]string{
			{2, 28, false}: "2027-02-28", {2, 29, false}: "2027-02-28"}},
		{"Feb28LeapYearExcludesFeb29", "2028-02-28", "2028-02-28", map[MonthDay]string{
			{2, 28, false}: "2028-02-28"}},
		{"LeapYearFeb29OnItsDay", "2028-02-28", "2028-03-01", map[MonthDay]string{
			{2, 28, false}: "2028-02-28", {2, 29, false}: "2028-02-29", {3, 1, false}: "2028-03-01"}},
		{"AcrossNewYear", "2026-12-31", "2027-01-01", map[MonthDay]string{
			{12, 31, false}: "2026-12-31", {1, 1, false}: "2027-01-01"}},
		{"EmptyWindow", "2026-05-02", "2026-05-01", map[MonthDay]string{}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := stringKeys(SolarWindowKeys(MustDate(tc.from), MustDate(tc.to)))
			if !maps.Equal(got, tc.want) {
				t.Errorf("SolarWindowKeys(%s, %s) = %v, want %v", tc.from, tc.to, got, tc.want)
			}
		})
	}
}

func TestLunarWindowKeys(t *testing.T) {
	cases := []struct {
		name     string
		from, to string
		want     map[MonthDay]string
	}{
		// 2026-02-16 is 腊月廿九, the last day of a 29-day month: day 30 is kept on it.
		{"Day29Of29DayMonthIncludesDay30", "2026-02-16", "2026-02-16", map[MonthDay]string{
			{12, 29, false}: "2026-02-16", {12, 29, true}: "2026-02-16",
			{12, 30, false}: "2026-02-16", {12, 30, true}: "2026-02-16"}},
		// 2026-03-17 is 正月廿九 of a 30-day month: day 30 has its own day.
		{"Day29Of30DayMonthExcludesDay30", "2026-03-17", "2026-03-17", map[MonthDay]string{
			{1, 29, false}: "2026-03-17", {1, 29, true}: "2026-03-17"}},
		{"Day30Of30DayMonth", "2026-03-18", "2026-03-18", map[MonthDay]string{
			{1, 30, false}: "2026-03-18", {1, 30, true}: "2026-03-18"}},
		{"AcrossLunarNewYear", "2026-02-16", "2026-02-17", map[MonthDay]string{
			{12, 29, false}: "2026-02-16", {12, 29, true}: "2026-02-16",
			{12, 30, false}: "2026-02-16", {12, 30, true}: "2026-02-16",
			{1, 1, false}: "2026-02-17", {1, 1, true}: "2026-02-17"}},
		// 2023 has a leap second month: 闰二月初十 2023-03-31, 二月初十 2023-03-01.
		{"LeapMonthDayOnlyLeapKey", "2023-03-31", "2023-03-31", map[MonthDay]string{
			{2, 10, true}: "2023-03-31"}},
		{"RegularMonthDayInLeapYearOnlyRegularKey", "2023-03-01", "2023-03-01", map[MonthDay]string{
			{2, 10, false}: "2023-03-01"}},
		{"MidAutumn2026", "2026-09-25", "2026-09-25", map[MonthDay]string{
			{8, 15, false}: "2026-09-25", {8, 15, true}: "2026-09-25"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := stringKeys(LunarWindowKeys(MustDate(tc.from), MustDate(tc.to)))
			if !maps.Equal(got, tc.want) {
				t.Errorf("LunarWindowKeys(%s, %s) = %v, want %v", tc.from, tc.to, got, tc.want)
			}
		})
	}
}

// TestLunarWindowKeys_AgreesWithOccurrenceInYear checks, over a year with a
// leap month, that every lunar month/day/leap triple's occurrence is found
// in the window on its day, and nothing else is.
func TestLunarWindowKeys_AgreesWithOccurrenceInYear(t *testing.T) {
	from, to := MustDate("2023-01-22"), MustDate("2024-02-09") // lunar year 2023 exactly
	got := LunarWindowKeys(from, to)
	want := map[MonthDay]Date{}
	for m := 1; m <= 12; m++ {
		for d := 1; d <= 30; d++ {
			for _, leap := range []bool{false, true} {
				k := KeyDate{Calendar: Lunar, Month: m, Day: d, Leap: leap}
				if occ, ok := k.OccurrenceInYear(2023); ok {
					want[MonthDay{m, d, leap}] = occ
				}
			}
		}
	}
	if !maps.Equal(got, want) {
		t.Errorf("LunarWindowKeys over lunar 2023 has %d keys, OccurrenceInYear gives %d", len(got), len(want))
		for k, v := range want {
			if got[k] != v {
				t.Errorf("  %+v: window %v, occurrence %v", k, got[k], v)
			}
		}
	}
}

func stringKeys(m map[MonthDay]Date) map[MonthDay]string {
	out := make(map[MonthDay]string, len(m))
	for k, v := range m {
		out[k] = v.String()
	}
	return out
}

// FuzzParseKeyDate: ParseKeyDate never panics, and a key date it reads that
// also validates is written by String in a form that reads back the same.
func FuzzParseKeyDate(f *testing.F) {
	for _, s := range []string{"1990-08-15", "08-15", "lunar:08-15", "lunar:1990-08-15", "lunar:L04-08", "农历08-15", "lunar:2023-闰02-10", "8/15", "1990-13-01", "abc"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k, err := ParseKeyDate(s)
		if err != nil {
			return
		}
		k.Kind = KindBirthday
		if k.Validate() != nil {
			return
		}
		back, err := ParseKeyDate(k.String())
		back.Kind = KindBirthday
		if err != nil || back != k {
			t.Errorf("ParseKeyDate(%q) = %+v; String %q reads back as %+v, %v", s, k, k.String(), back, err)
		}
	})
}
