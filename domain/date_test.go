package domain

import (
	"encoding/json"
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	cases := []struct {
		name    string
		in      string
		wantErr bool
		y       int
		m       time.Month
		d       int
	}{
		{"Valid", "2026-11-22", false, 2026, time.November, 22},
		{"FirstDayOfYear", "2027-01-01", false, 2027, time.January, 1},
		{"LeapDayInLeapYear", "2024-02-29", false, 2024, time.February, 29},
		{"LeapDayIn2000", "2000-02-29", false, 2000, time.February, 29},
		{"Feb30Refused", "2026-02-30", true, 0, 0, 0},
		{"LeapDayInCommonYearRefused", "2025-02-29", true, 0, 0, 0},
		{"LeapDayIn1900Refused", "1900-02-29", true, 0, 0, 0},
		{"April31Refused", "2026-04-31", true, 0, 0, 0},
		{"Month13Refused", "2026-13-01", true, 0, 0, 0},
		{"Day0Refused", "2026-01-00", true, 0, 0, 0},
		{"Garbage", "garbage", true, 0, 0, 0},
		{"Empty", "", true, 0, 0, 0},
		{"SingleDigitsRefused", "2026-2-3", true, 0, 0, 0},
		{"SlashesRefused", "2026/02/03", true, 0, 0, 0},
		{"TrailingTimeRefused", "2026-02-03T10:00", true, 0, 0, 0},
		{"LeadingSpaceRefused", " 2026-02-03", true, 0, 0, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d, err := ParseDate(tc.in)
			if tc.wantErr {
				if err == nil {
					t.Fatalf("ParseDate(%q) = %v, want error", tc.in, d)
				}
				if !d.IsZero() {
					t.Errorf("ParseDate(%q) returned %v with its error, want the zero date", tc.in, d)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseDate(%q): %v", tc.in, err)
			}
			y, m, dd := d.YMD()
			if y != tc.y || m != tc.m || dd != tc.d {
				t.Errorf("ParseDate(%q) = %d-%d-%d, want %d-%d-%d", tc.in, y, m, dd, tc.y, tc.m, tc.d)
			}
			if d.String() != tc.in {
				t.Errorf("String() = %q, want %q", d.String(), tc.in)
			}
		})
	}
}

// TestParseDate_Year0LeapDayIsNotUnset: 0000-02-29 is day -1 of the internal
// count, so n == 0 and the parsed date is the zero "not set" Date.
func TestParseDate_Year0LeapDayIsNotUnset(t *testing.T) {
	d, err := ParseDate("0000-02-29")
	if err == nil && d.IsZero() {
		t.Fatalf("ParseDate(\"0000-02-29\") = zero date, nil error: a valid-looking input became \"not set\"")
	}
}

func TestMustDate_PanicsOnBadLiteral(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("MustDate(\"2026-02-30\") did not panic")
		}
	}()
	MustDate("2026-02-30")
}

func TestNewDate_Normalises(t *testing.T) {
	cases := []struct {
		name string
		got  Date
		want string
	}{
		{"Month13IsNextJanuary", NewDate(2026, 13, 1), "2027-01-01"},
		{"Day0IsLastDayOfPreviousMonth", NewDate(2026, time.March, 0), "2026-02-28"},
		{"Feb29InCommonYearIsMarch1", NewDate(2026, time.February, 29), "2026-03-01"},
		{"Day32", NewDate(2026, time.January, 32), "2026-02-01"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if tc.got.String() != tc.want {
				t.Errorf("got %s, want %s", tc.got, tc.want)
			}
		})
	}
}

func TestDateOf_UsesTheTimesLocation(t *testing.T) {
	shanghai := time.FixedZone("CST", 8*3600)
	instant := time.Date(2025, 12, 31, 17, 30, 0, 0, time.UTC) // 01:30 on 1 January in Shanghai
	if got := DateOf(instant).String(); got != "2025-12-31" {
		t.Errorf("DateOf(UTC) = %s, want 2025-12-31", got)
	}
	if got := DateOf(instant.In(shanghai)).String(); got != "2026-01-01" {
		t.Errorf("DateOf(Shanghai) = %s, want 2026-01-01", got)
	}
}

func TestDate_AddDays(t *testing.T) {
	cases := []struct {
		name string
		from string
		n    int
		want string
	}{
		{"Zero", "2026-03-15", 0, "2026-03-15"},
		{"AcrossMonthEnd", "2026-01-31", 1, "2026-02-01"},
		{"AcrossFebruaryCommonYear", "2026-02-28", 1, "2026-03-01"},
		{"IntoLeapDay", "2028-02-28", 1, "2028-02-29"},
		{"AcrossYearEnd", "2026-12-31", 1, "2027-01-01"},
		{"ManyDaysAcrossYear", "2026-12-25", 10, "2027-01-04"},
		{"NegativeAcrossYearStart", "2027-01-01", -1, "2026-12-31"},
		{"NegativeAcrossMarch1LeapYear", "2028-03-01", -1, "2028-02-29"},
		{"NegativeLarge", "2026-03-01", -365, "2025-03-01"},
		{"OneLeapYear", "2028-01-01", 366, "2029-01-01"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := MustDate(tc.from).AddDays(tc.n).String(); got != tc.want {
				t.Errorf("%s + %d = %s, want %s", tc.from, tc.n, got, tc.want)
			}
		})
	}
	t.Run("ZeroDateStaysZero", func(t *testing.T) {
		if got := (Date{}).AddDays(10); !got.IsZero() {
			t.Errorf("zero + 10 = %v, want zero", got)
		}
	})
}

func TestDate_SubBeforeAfterCompare(t *testing.T) {
	cases := []struct {
		name string
		a, b string
		sub  int
	}{
		{"SameDay", "2026-05-01", "2026-05-01", 0},
		{"OneDayLater", "2026-05-02", "2026-05-01", 1},
		{"OneDayEarlier", "2026-05-01", "2026-05-02", -1},
		{"AcrossYear", "2027-01-01", "2026-12-31", 1},
		{"LeapYear", "2029-01-01", "2028-01-01", 366},
		{"CommonYear", "2027-01-01", "2026-01-01", 365},
		{"Centuries", "2000-01-01", "1900-01-01", 36524},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a, b := MustDate(tc.a), MustDate(tc.b)
			if got := a.Sub(b); got != tc.sub {
				t.Errorf("%s - %s = %d, want %d", tc.a, tc.b, got, tc.sub)
			}
			if a.Before(b) != (tc.sub < 0) || a.After(b) != (tc.sub > 0) {
				t.Errorf("Before/After disagree with Sub %d", tc.sub)
			}
			wantCmp := 0
			if tc.sub < 0 {
				wantCmp = -1
			} else if tc.sub > 0 {
				wantCmp = 1
			}
			if got := a.Compare(b); got != wantCmp {
				t.Errorf("Compare = %d, want %d", got, wantCmp)
			}
		})
	}
}

func TestDate_Weekday(t *testing.T) {
	// Checked with python3: datetime.date.fromisoformat(s).strftime("%A").
	cases := []struct {
		date string
		want time.Weekday
	}{
		{"2026-11-22", time.Sunday},
		{"2000-01-01", time.Saturday},
		{"1970-01-01", time.Thursday},
		{"2028-02-29", time.Tuesday},
		{"2026-05-01", time.Friday},
		{"0001-01-01", time.Monday},
	}
	for _, tc := range cases {
		t.Run(tc.date, func(t *testing.T) {
			if got := MustDate(tc.date).Weekday(); got != tc.want {
				t.Errorf("%s is a %v, want %v", tc.date, got, tc.want)
			}
		})
	}
}

func TestDate_AddYearsAndClampDate(t *testing.T) {
	cases := []struct {
		name string
		got  Date
		want string
	}{
		{"AddYearsPlain", MustDate("2026-11-22").AddYears(1), "2027-11-22"},
		{"AddYearsLeapDayToCommonYear", MustDate("2024-02-29").AddYears(1), "2025-02-28"},
		{"AddYearsLeapDayToLeapYear", MustDate("2024-02-29").AddYears(4), "2028-02-29"},
		{"AddYearsNegative", MustDate("2024-02-29").AddYears(-1), "2023-02-28"},
		{"ClampLeapDayCommonYear", ClampDate(2026, time.February, 29), "2026-02-28"},
		{"ClampLeapDayLeapYear", ClampDate(2028, time.February, 29), "2028-02-29"},
		{"ClampApril31", ClampDate(2026, time.April, 31), "2026-04-30"},
		{"ClampInRange", ClampDate(2026, time.April, 15), "2026-04-15"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if tc.got.String() != tc.want {
				t.Errorf("got %s, want %s", tc.got, tc.want)
			}
		})
	}
}

func TestDaysIn(t *testing.T) {
	cases := []struct {
		name  string
		year  int
		month time.Month
		want  int
	}{
		{"January", 2026, time.January, 31},
		{"FebruaryCommon", 2026, time.February, 28},
		{"FebruaryLeap", 2028, time.February, 29},
		{"February1900", 1900, time.February, 28},
		{"February2000", 2000, time.February, 29},
		{"April", 2026, time.April, 30},
		{"December", 2026, time.December, 31},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := DaysIn(tc.year, tc.month); got != tc.want {
				t.Errorf("DaysIn(%d, %v) = %d, want %d", tc.year, tc.month, got, tc.want)
			}
		})
	}
}

func TestDate_TimeAndString(t *testing.T) {
	loc := time.FixedZone("CST", 8*3600)
	got := MustDate("2026-11-22").Time(loc)
	if want := time.Date(2026, 11, 22, 0, 0, 0, 0, loc); !got.Equal(want) || got.Location() != loc {
		t.Errorf("Time = %v, want %v", got, want)
	}
	if s := (Date{}).String(); s != "" {
		t.Errorf("zero String = %q, want empty", s)
	}
	if s := NewDate(5, time.March, 7).String(); s != "0005-03-07" {
		t.Errorf("String = %q, want 0005-03-07", s)
	}
}

func TestDate_JSON(t *testing.T) {
	type wrap struct {
		D Date `json:"d"`
	}
	cases := []struct {
		name string
		d    Date
		json string
	}{
		{"Set", MustDate("2026-11-22"), `{"d":"2026-11-22"}`},
		{"LeapDay", MustDate("2028-02-29"), `{"d":"2028-02-29"}`},
		{"ZeroIsNull", Date{}, `{"d":null}`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			b, err := json.Marshal(wrap{tc.d})
			if err != nil {
				t.Fatal(err)
			}
			if string(b) != tc.json {
				t.Errorf("Marshal = %s, want %s", b, tc.json)
			}
			var back wrap
			back.D = MustDate("1999-01-01") // must be overwritten, also by null
			if err := json.Unmarshal(b, &back); err != nil {
				t.Fatal(err)
			}
			if back.D != tc.d {
				t.Errorf("round trip = %v, want %v", back.D, tc.d)
			}
		})
	}
	t.Run("EmptyStringIsZero", func(t *testing.T) {
		d := MustDate("1999-01-01")
		if err := json.Unmarshal([]byte(`""`), &d); err != nil || !d.IsZero() {
			t.Errorf("Unmarshal(\"\") = %v, %v; want zero, nil", d, err)
		}
	})
	for _, bad := range []string{`"2026-02-30"`, `"22/11/2026"`, `20261122`, `true`} {
		t.Run("Refuses"+bad, func(t *testing.T) {
			var d Date
			if err := json.Unmarshal([]byte(bad), &d); err == nil {
				t.Errorf("Unmarshal(%s) = %v, want error", bad, d)
			}
		})
	}
}

func TestMinMaxDate(t *testing.T) {
	a, b, z := MustDate("2026-01-01"), MustDate("2026-06-01"), Date{}
	cases := []struct {
		name string
		got  Date
		want Date
	}{
		{"MinOfTwo", MinDate(a, b), a},
		{"MinOfTwoReversed", MinDate(b, a), a},
		{"MinZeroFirst", MinDate(z, b), b},
		{"MinZeroSecond", MinDate(b, z), b},
		{"MinBothZero", MinDate(z, z), z},
		{"MaxOfTwo", MaxDate(a, b), b},
		{"MaxOfTwoReversed", MaxDate(b, a), b},
		{"MaxZeroFirst", MaxDate(z, a), a},
		{"MaxZeroSecond", MaxDate(a, z), a},
		{"MaxBothZero", MaxDate(z, z), z},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if tc.got != tc.want {
				t.Errorf("got %v, want %v", tc.got, tc.want)
			}
		})
	}
}

// TestDate_ConsecutiveDays walks 100,000 consecutive days from 1850-01-01
// (to about 2123) and checks every one against the standard library:
// YMD and NewDate round-trip, AddDays(1) is the next calendar day, String
// and ParseDate round-trip, and Weekday advances by one.
func TestDate_ConsecutiveDays(t *testing.T) {
	d := NewDate(1850, time.January, 1)
	ref := time.Date(1850, time.January, 1, 0, 0, 0, 0, time.UTC)
	prevW := d.Weekday()
	for i := 0; i < 100_000; i++ {
		y, m, dd := d.YMD()
		ry, rm, rd := ref.Date()
		if y != ry || m != rm || dd != rd {
			t.Fatalf("day %d: YMD = %d-%d-%d, want %d-%d-%d", i, y, m, dd, ry, rm, rd)
		}
		if NewDate(y, m, dd) != d {
			t.Fatalf("day %d: NewDate(YMD) != date", i)
		}
		if d.Weekday() != ref.Weekday() {
			t.Fatalf("%v: Weekday = %v, want %v", d, d.Weekday(), ref.Weekday())
		}
		if i > 0 && d.Weekday() != (prevW+1)%7 {
			t.Fatalf("%v: Weekday %v does not follow %v", d, d.Weekday(), prevW)
		}
		if i%97 == 0 { // formatting is slower; a sample is enough
			if p, err := ParseDate(d.String()); err != nil || p != d {
				t.Fatalf("%v: ParseDate(String) = %v, %v", d, p, err)
			}
		}
		if DateOf(ref) != d {
			t.Fatalf("%v: DateOf disagrees", d)
		}
		prevW = d.Weekday()
		d = d.AddDays(1)
		ref = ref.AddDate(0, 0, 1)
	}
	if got := d.String(); got != ref.Format(time.DateOnly) {
		t.Errorf("after 100000 days: %s, want %s", got, ref.Format(time.DateOnly))
	}
}

// TestDate_FarDates checks the era arithmetic of the day count on dates far
// from today, including years before 0, against the standard library.
func TestDate_FarDates(t *testing.T) {
	for _, y := range []int{-1000, -401, -400, -1, 0, 1, 399, 400, 401, 1600, 9999} {
		for _, md := range [][2]int{{1, 1}, {2, 28}, {3, 1}, {12, 31}} {
			ref := time.Date(y, time.Month(md[0]), md[1], 0, 0, 0, 0, time.UTC)
			d := NewDate(y, time.Month(md[0]), md[1])
			gy, gm, gd := d.YMD()
			if gy != y || int(gm) != md[0] || gd != md[1] {
				t.Errorf("NewDate(%d-%d-%d).YMD() = %d-%d-%d", y, md[0], md[1], gy, gm, gd)
			}
			if d.Weekday() != ref.Weekday() {
				t.Errorf("%d-%d-%d: Weekday = %v, want %v", y, md[0], md[1], d.Weekday(), ref.Weekday())
			}
		}
	}
}

// FuzzParseDate: ParseDate never panics, and a date it accepts is set and
// written back by String exactly as it was read (YYYY-MM-DD is canonical).
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-11-22", "2024-02-29", "2025-02-29", "2026-02-30", "0001-01-01", "9999-12-31", "garbage", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			return
		}
		if d.IsZero() || d.String() != s {
			t.Errorf("ParseDate(%q) = %q (zero %v), want the same text back", s, d.String(), d.IsZero())
		}
	})
}

// TestParseDate_FastPathAgreesWithTimeParse: the hand-written path gives the
// same date as time.Parse for every day of four centuries, and refuses what
// time.Parse refuses.
func TestParseDate_FastPathAgreesWithTimeParse(t *testing.T) {
	for d := MustDate("1900-01-01"); d.Before(MustDate("2300-01-01")); d = d.AddDays(1) {
		s := d.String()
		tp, err := time.Parse(time.DateOnly, s)
		got, ok := parseISODate(s)
		if err != nil || !ok || got != DateOf(tp) {
			t.Fatalf("%s: fast %v %v, time.Parse %v %v", s, got, ok, tp, err)
		}
	}
	for _, bad := range []string{"2026-02-29", "2026-13-01", "2026-00-10", "2026-01-00", "2026-1-01", "20260101", "2026-01-0a", "0000-01-01"} {
		if _, ok := parseISODate(bad); ok {
			t.Errorf("fast path accepted %q", bad)
		}
		if _, err := ParseDate(bad); err == nil {
			t.Errorf("ParseDate accepted %q", bad)
		}
	}
}
