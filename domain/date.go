package domain

import (
	"encoding/json"
	"fmt"
	"time"
)

// Date is a local calendar date with no time of day and no time zone.
// Customers' birthdays, due dates and purchase days are dates, not instants;
// keeping them apart from time.Time avoids off-by-one errors around midnight
// and daylight-saving changes. The zero Date means "not set".
type Date struct {
	n int32 // days since 0000-03-01 plus one, so that zero stays "not set"
}

// NewDate returns the date year-month-day. It normalises like time.Date
// (month 13 is January of the next year), so check with ParseDate when the
// parts come from a person.
func NewDate(year int, month time.Month, day int) Date {
	t := time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
	return Date{n: daysFromCivil(t.Year(), int(t.Month()), t.Day()) + 1}
}

// DateOf returns the calendar date of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{n: daysFromCivil(y, int(m), d) + 1}
}

// ParseDate reads YYYY-MM-DD and rejects impossible dates such as 2026-02-30.
func ParseDate(s string) (Date, error) {
	if d, ok := parseISODate(s); ok {
		return d, nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, fmt.Errorf("%q is not a date of the form YYYY-MM-DD", s)
	}
	if t.Year() < 1 {
		// Year 0 would collide with the zero Date ("not set").
		return Date{}, fmt.Errorf("%q: the year must be 1 or later", s)
	}
	return DateOf(t), nil
}

// MustDate is ParseDate for literals in tests and tables; it panics on a bad literal.
func MustDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// IsZero reports whether the date is unset.
func (d Date) IsZero() bool { return d.n == 0 }

// YMD returns the year, month and day.
func (d Date) YMD() (int, time.Month, int) {
	y, m, dd := civilFromDays(d.n - 1)
	return y, time.Month(m), dd
}

// Year returns the year.
func (d Date) Year() int { y, _, _ := d.YMD(); return y }

// Month returns the month.
func (d Date) Month() time.Month { _, m, _ := d.YMD(); return m }

// Day returns the day of the month.
func (d Date) Day() int { _, _, dd := d.YMD(); return dd }

// Weekday returns the day of the week.
func (d Date) Weekday() time.Weekday {
	// 0000-03-01 was a Wednesday.
	w := (int(d.n-1)%7 + 7 + int(time.Wednesday)) % 7
	return time.Weekday(w)
}

// AddDays returns the date n days later (earlier when n < 0).
func (d Date) AddDays(n int) Date {
	if d.IsZero() {
		return d
	}
	return Date{n: d.n + int32(n)}
}

// AddYears returns the same month and day n years later; 29 February becomes
// 28 February in a common year.
func (d Date) AddYears(n int) Date {
	y, m, dd := d.YMD()
	return ClampDate(y+n, m, dd)
}

// ClampDate returns year-month-day, or the month's last day when day is past it
// (29 February in a common year gives 28 February).
func ClampDate(year int, month time.Month, day int) Date {
	if last := DaysIn(year, month); day > last {
		day = last
	}
	return NewDate(year, month, day)
}

// DaysIn returns the number of days in the month.
func DaysIn(year int, month time.Month) int {
	return time.Date(year, month+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// Sub returns the number of days from e to d (d - e).
func (d Date) Sub(e Date) int { return int(d.n - e.n) }

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.n < e.n }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.n > e.n }

// Compare returns -1, 0 or +1 like cmp.Compare.
func (d Date) Compare(e Date) int {
	switch {
	case d.n < e.n:
		return -1
	case d.n > e.n:
		return 1
	}
	return 0
}

// Time returns midnight at the start of the date in loc.
func (d Date) Time(loc *time.Location) time.Time {
	y, m, dd := d.YMD()
	return time.Date(y, m, dd, 0, 0, 0, 0, loc)
}

// String returns YYYY-MM-DD, or "" for the zero date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	y, m, dd := d.YMD()
	return fmt.Sprintf("%04d-%02d-%02d", y, int(m), dd)
}

// MarshalJSON writes "YYYY-MM-DD", or null for the zero date.
func (d Date) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return []byte("null"), nil
	}
	return json.Marshal(d.String())
}

// UnmarshalJSON reads what MarshalJSON writes.
func (d *Date) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*d = Date{}
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	if s == "" {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// MinDate returns the earlier of two dates, ignoring unset ones.
func MinDate(a, b Date) Date {
	if a.IsZero() || (!b.IsZero() && b.Before(a)) {
		return b
	}
	return a
}

// MaxDate returns the later of two dates.
func MaxDate(a, b Date) Date {
	if b.After(a) {
		return b
	}
	return a
}

// daysFromCivil and civilFromDays are Howard Hinnant's algorithms
// (http://howardhinnant.github.io/date_algorithms.html), counting from
// 0000-03-01 so that leap days fall at the end of the counting year.
func daysFromCivil(y, m, d int) int32 {
	if m <= 2 {
		y--
	}
	era := y
	if era < 0 {
		era -= 399
	}
	era /= 400
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return int32(era*146097 + doe)
}

func civilFromDays(z int32) (int, int, int) {
	zz := int(z)
	era := zz
	if era < 0 {
		era -= 146096
	}
	era /= 146097
	doe := zz - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return y, m, d
}

// parseISODate is the fast path of ParseDate for a well-formed YYYY-MM-DD:
// the store scans hundreds of thousands of dates, and time.Parse costs ten
// times more. Anything unusual falls through to time.Parse and its messages.
func parseISODate(s string) (Date, bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, false
	}
	num := func(b string) (int, bool) {
		n := 0
		for i := 0; i < len(b); i++ {
			c := b[i]
			if c < '0' || c > '9' {
				return 0, false
			}
			n = n*10 + int(c-'0')
		}
		return n, true
	}
	y, ok1 := num(s[:4])
	m, ok2 := num(s[5:7])
	d, ok3 := num(s[8:])
	if !ok1 || !ok2 || !ok3 || y < 1 || m < 1 || m > 12 || d < 1 || d > DaysIn(y, time.Month(m)) {
		return Date{}, false
	}
	return Date{n: daysFromCivil(y, m, d) + 1}, true
}
