// Package lunar converts between the Gregorian (公历) calendar and the Chinese
// lunar calendar (农历) for the years 1900–2100.
//
// Salespeople keep customers' birthdays and anniversaries in the lunar
// calendar, and those dates move around the Gregorian year. The package is a
// table lookup, not an astronomical computation: the official calendar is
// itself published as tables (紫金山天文台, Hong Kong Observatory), and a
// table gives the official answer even in the rare years where a new moon
// lies within minutes of midnight and a simple computation would disagree.
// The table is checked against published festival dates and against an
// independent astronomical computation in the tests.
//
// Only the standard library is used; the package holds no state besides
// tables built once at start-up.
package lunar

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"
)

// The supported lunar years. Lunar year MinYear begins on 1900-01-31. The
// last supported solar day, 2100-12-31, is 腊月初一 of lunar MaxYear, so the
// rest of that last month is out of range.
const (
	MinYear = 1900
	MaxYear = 2100
)

// Errors returned by this package. They are wrapped with details, so test
// them with errors.Is.
var (
	// ErrOutOfRange is returned for dates before 1900-01-31 (lunar
	// 1900-01-01) or after 2100-12-31, and for lunar years outside
	// MinYear..MaxYear.
	ErrOutOfRange = errors.New("lunar: date out of supported range 1900-01-31..2100-12-31")

	// ErrInvalidDate is returned for dates that do not exist, such as
	// 2026-02-30 or the 30th day of a 29-day lunar month, and for text that
	// Parse cannot read.
	ErrInvalidDate = errors.New("lunar: invalid date")
)

// yearInfo is the widely used compact encoding of the lunar years 1900–2100
// (one entry per lunar year, index = year - MinYear), in its corrected
// variant (2033 has a 闰十一月, not the 闰七月 of older copies):
//
//	bits 15..4  lengths of months 1..12 (bit 15 = month 1); 1 = 30 days, 0 = 29
//	bits  3..0  the month that is followed by a leap month, 0 = no leap month
//	bit  16     length of the leap month; 1 = 30 days, 0 = 29
//
// It follows the calendars as issued: before 1929 they were reckoned in
// Beijing local mean time, which moves the first day of three months (one
// of them 春节 1916, 02-03) a day earlier than a UTC+8 recomputation such
// as the Hong Kong Observatory's. From 1929 it agrees with the Hong Kong
// Observatory tables, including 2057, where the new moon of 九月 falls
// seconds from midnight and the month is taken to begin on 09-29.
//
// The tests check every month of it against an astronomical computation and
// every Spring Festival against a published list, so edit it only together
// with those tests.
var yearInfo = [MaxYear - MinYear + 1]uint32{
	0x04bd8, 0x04ae0, 0x0a570, 0x054d5, 0x0d260, 0x0d950, 0x16554, 0x056a0, 0x09ad0, 0x055d2, // 1900-1909
	0x04ae0, 0x0a5b6, 0x0a4d0, 0x0d250, 0x1d255, 0x0b540, 0x0d6a0, 0x0ada2, 0x095b0, 0x14977, // 1910-1919
	0x04970, 0x0a4b0, 0x0b4b5, 0x06a50, 0x06d40, 0x1ab54, 0x02b60, 0x09570, 0x052f2, 0x04970, // 1920-1929
	0x06566, 0x0d4a0, 0x0ea50, 0x16a95, 0x05ad0, 0x02b60, 0x186e3, 0x092e0, 0x1c8d7, 0x0c950, // 1930-1939
	0x0d4a0, 0x1d8a6, 0x0b550, 0x056a0, 0x1a5b4, 0x025d0, 0x092d0, 0x0d2b2, 0x0a950, 0x0b557, // 1940-1949
	0x06ca0, 0x0b550, 0x15355, 0x04da0, 0x0a5b0, 0x14573, 0x052b0, 0x0a9a8, 0x0e950, 0x06aa0, // 1950-1959
	0x0aea6, 0x0ab50, 0x04b60, 0x0aae4, 0x0a570, 0x05260, 0x0f263, 0x0d950, 0x05b57, 0x056a0, // 1960-1969
	0x096d0, 0x04dd5, 0x04ad0, 0x0a4d0, 0x0d4d4, 0x0d250, 0x0d558, 0x0b540, 0x0b6a0, 0x195a6, // 1970-1979
	0x095b0, 0x049b0, 0x0a974, 0x0a4b0, 0x0b27a, 0x06a50, 0x06d40, 0x0af46, 0x0ab60, 0x09570, // 1980-1989
	0x04af5, 0x04970, 0x064b0, 0x074a3, 0x0ea50, 0x06b58, 0x05ac0, 0x0ab60, 0x096d5, 0x092e0, // 1990-1999
	0x0c960, 0x0d954, 0x0d4a0, 0x0da50, 0x07552, 0x056a0, 0x0abb7, 0x025d0, 0x092d0, 0x0cab5, // 2000-2009
	0x0a950, 0x0b4a0, 0x0baa4, 0x0ad50, 0x055d9, 0x04ba0, 0x0a5b0, 0x15176, 0x052b0, 0x0a930, // 2010-2019
	0x07954, 0x06aa0, 0x0ad50, 0x05b52, 0x04b60, 0x0a6e6, 0x0a4e0, 0x0d260, 0x0ea65, 0x0d530, // 2020-2029
	0x05aa0, 0x076a3, 0x096d0, 0x04afb, 0x04ad0, 0x0a4d0, 0x1d0b6, 0x0d250, 0x0d520, 0x0dd45, // 2030-2039
	0x0b5a0, 0x056d0, 0x055b2, 0x049b0, 0x0a577, 0x0a4b0, 0x0aa50, 0x1b255, 0x06d20, 0x0ada0, // 2040-2049
	0x14b63, 0x09370, 0x049f8, 0x04970, 0x064b0, 0x168a6, 0x0ea50, 0x06b20, 0x1a6c4, 0x0aae0, // 2050-2059
	0x092e0, 0x0d2e3, 0x0c960, 0x0d557, 0x0d4a0, 0x0da50, 0x05d55, 0x056a0, 0x0a6d0, 0x055d4, // 2060-2069
	0x052d0, 0x0a9b8, 0x0a950, 0x0b4a0, 0x0b6a6, 0x0ad50, 0x055a0, 0x0aba4, 0x0a5b0, 0x052b0, // 2070-2079
	0x0b273, 0x06930, 0x07337, 0x06aa0, 0x0ad50, 0x14b55, 0x04b60, 0x0a570, 0x054e4, 0x0d160, // 2080-2089
	0x0e968, 0x0d520, 0x0daa0, 0x16aa6, 0x056d0, 0x04ae0, 0x0a9d4, 0x0a2d0, 0x0d150, 0x0f252, // 2090-2099
	0x0d520, // 2100
}

// Day numbers used internally count days since 1900-01-31, the first day of
// lunar year 1900, so that the table offsets start at zero.
var (
	epochDays = daysFromCivil(1900, 1, 31)
	// lastDay is the day number of 2100-12-31, the last supported day.
	lastDay = daysFromCivil(2100, 12, 31) - epochDays
	// yearStart[i] is the day number of the first day of lunar year
	// MinYear+i; the extra last entry is the day after lunar MaxYear ends.
	// It is built once so that conversions never walk the table from 1900.
	yearStart = buildYearStart()
)

func buildYearStart() [MaxYear - MinYear + 2]int {
	var s [MaxYear - MinYear + 2]int
	for i := range yearInfo {
		s[i+1] = s[i] + yearLength(MinYear+i)
	}
	return s
}

// monthLength returns the length of a month of a year known to be in range;
// it does not check whether the leap month exists.
func monthLength(year, month int, leap bool) int {
	info := yearInfo[year-MinYear]
	if leap {
		if info&0x10000 != 0 {
			return 30
		}
		return 29
	}
	if info&(0x10000>>uint(month)) != 0 {
		return 30
	}
	return 29
}

func leapOf(year int) int { return int(yearInfo[year-MinYear] & 0xf) }

func yearLength(year int) int {
	n := 0
	for m := 1; m <= 12; m++ {
		n += monthLength(year, m, false)
	}
	if leapOf(year) != 0 {
		n += monthLength(year, 0, true)
	}
	return n
}

func yearInRange(year int) bool { return year >= MinYear && year <= MaxYear }

// Date is a date in the Chinese lunar calendar. The zero Date is not a valid
// date; check dates built from user input with Valid.
type Date struct {
	Year  int  // lunar year: the Gregorian year in which its first day (春节) falls
	Month int  // 1..12
	Day   int  // 1..30
	Leap  bool // true for the leap (闰) month that follows month Month
}

// LeapMonth returns the month that is followed by a leap month in lunar year
// year, or 0 when the year has no leap month or is outside MinYear..MaxYear.
func LeapMonth(year int) int {
	if !yearInRange(year) {
		return 0
	}
	return leapOf(year)
}

// MonthDays returns the number of days (29 or 30) of a month of lunar year
// year; leap selects the leap month that follows month. It fails with
// ErrOutOfRange for years outside MinYear..MaxYear and with ErrInvalidDate
// for a month outside 1..12 or a leap month the year does not have.
func MonthDays(year, month int, leap bool) (int, error) {
	if !yearInRange(year) {
		return 0, fmt.Errorf("%w: lunar year %d", ErrOutOfRange, year)
	}
	if month < 1 || month > 12 {
		return 0, fmt.Errorf("%w: month %d", ErrInvalidDate, month)
	}
	if leap && leapOf(year) != month {
		return 0, fmt.Errorf("%w: lunar year %d has no leap month %d", ErrInvalidDate, year, month)
	}
	return monthLength(year, month, leap), nil
}

// YearDays returns the number of days (353..385) of lunar year year, leap
// month included. It fails with ErrOutOfRange outside MinYear..MaxYear.
func YearDays(year int) (int, error) {
	if !yearInRange(year) {
		return 0, fmt.Errorf("%w: lunar year %d", ErrOutOfRange, year)
	}
	return yearStart[year-MinYear+1] - yearStart[year-MinYear], nil
}

// Valid returns nil when d is a day of the lunar calendar inside the
// supported range. It returns an error wrapping ErrInvalidDate when the day
// does not exist (day 30 of a 29-day month, a leap month the year lacks,
// month 13, ...) and one wrapping ErrOutOfRange when the year is outside
// MinYear..MaxYear or the day falls after 2100-12-31.
func (d Date) Valid() error {
	_, err := d.dayNumber()
	return err
}

// dayNumber validates d and returns its day number (days since 1900-01-31).
func (d Date) dayNumber() (int, error) {
	if !yearInRange(d.Year) {
		return 0, fmt.Errorf("%w: lunar year %d", ErrOutOfRange, d.Year)
	}
	n, err := MonthDays(d.Year, d.Month, d.Leap)
	if err != nil {
		return 0, err
	}
	if d.Day < 1 || d.Day > n {
		return 0, fmt.Errorf("%w: %s has %d days, not day %d", ErrInvalidDate, monthLabel(d.Month, d.Leap), n, d.Day)
	}
	day := monthStart(d.Year, d.Month, d.Leap) + d.Day - 1
	if day > lastDay {
		return 0, fmt.Errorf("%w: lunar %s", ErrOutOfRange, d)
	}
	return day, nil
}

// monthStart returns the day number of the first day of a month of a year
// known to be in range. The leap month comes right after its regular month.
func monthStart(year, month int, leap bool) int {
	day := yearStart[year-MinYear]
	lm := leapOf(year)
	for m := 1; m < month; m++ {
		day += monthLength(year, m, false)
		if m == lm {
			day += monthLength(year, m, true)
		}
	}
	if leap {
		day += monthLength(year, month, false)
	}
	return day
}

// fromDayNumber converts a day number known to be in range.
func fromDayNumber(day int) Date {
	// The first year whose start is after day, minus one, contains day.
	i := sort.Search(len(yearStart), func(i int) bool { return yearStart[i] > day }) - 1
	year := MinYear + i
	rest := day - yearStart[i]
	lm := leapOf(year)
	for m := 1; m <= 12; m++ {
		n := monthLength(year, m, false)
		if rest < n {
			return Date{Year: year, Month: m, Day: rest + 1}
		}
		rest -= n
		if m == lm {
			n = monthLength(year, m, true)
			if rest < n {
				return Date{Year: year, Month: m, Day: rest + 1, Leap: true}
			}
			rest -= n
		}
	}
	panic("lunar: day number outside its lunar year") // unreachable: yearStart is built from the same lengths
}

// FromSolar converts a Gregorian date to the lunar calendar. It fails with
// ErrInvalidDate for dates that do not exist (2026-02-30) and with
// ErrOutOfRange outside 1900-01-31..2100-12-31.
func FromSolar(year int, month time.Month, day int) (Date, error) {
	if month < time.January || month > time.December || day < 1 || day > solarMonthDays(year, month) {
		return Date{}, fmt.Errorf("%w: %04d-%02d-%02d is not a Gregorian date", ErrInvalidDate, year, int(month), day)
	}
	if year < MinYear || year > MaxYear+1 { // also keeps daysFromCivil far from overflow
		return Date{}, fmt.Errorf("%w: %04d-%02d-%02d", ErrOutOfRange, year, int(month), day)
	}
	n := daysFromCivil(year, int(month), day) - epochDays
	if n < 0 || n > lastDay {
		return Date{}, fmt.Errorf("%w: %04d-%02d-%02d", ErrOutOfRange, year, int(month), day)
	}
	return fromDayNumber(n), nil
}

// FromTime converts the calendar date of t, read in t's own location, to
// the lunar calendar; see FromSolar.
func FromTime(t time.Time) (Date, error) {
	y, m, d := t.Date()
	return FromSolar(y, m, d)
}

// ToSolar converts a lunar date to the Gregorian calendar. It fails with the
// error of d.Valid when d does not exist or is out of range.
func ToSolar(d Date) (year int, month time.Month, day int, err error) {
	n, err := d.dayNumber()
	if err != nil {
		return 0, 0, 0, err
	}
	y, m, dd := civilFromDays(n + epochDays)
	return y, time.Month(m), dd, nil
}

// Occurrence returns the Gregorian date on which a recurring lunar date
// (a birthday or anniversary born on month/day, leap telling whether that
// was in a leap month) falls in lunar year year:
//   - day 30 in a month that has only 29 days that year falls on that
//     month's last day (day 29), the usual practice for such birthdays;
//   - a leap-month date in a year without that leap month falls on the same
//     day of the regular month, the common practice for 闰月 birthdays;
//   - a non-leap date always falls in the regular month, never in the leap
//     month of the same number.
//
// It fails with ErrInvalidDate when month is not 1..12 or day not 1..30, and
// with ErrOutOfRange when year is outside MinYear..MaxYear or the day falls
// after 2100-12-31.
func Occurrence(year, month, day int, leap bool) (y int, m time.Month, d int, err error) {
	if month < 1 || month > 12 || day < 1 || day > 30 {
		return 0, 0, 0, fmt.Errorf("%w: lunar month %d day %d", ErrInvalidDate, month, day)
	}
	if !yearInRange(year) {
		return 0, 0, 0, fmt.Errorf("%w: lunar year %d", ErrOutOfRange, year)
	}
	if leap && leapOf(year) != month {
		leap = false
	}
	if n := monthLength(year, month, leap); day > n {
		day = n
	}
	return ToSolar(Date{Year: year, Month: month, Day: day, Leap: leap})
}

// String renders d as "YYYY-MM-DD", with "L" before the month of a leap
// month: "2026-08-15" is 八月十五 of 2026 and "2023-L02-10" is 闰二月初十 of
// 2023. The form is ASCII so that it can be stored and sorted as text (leap
// months sort after their regular month); Parse reads it back.
func (d Date) String() string {
	l := ""
	if d.Leap {
		l = "L"
	}
	return fmt.Sprintf("%04d-%s%02d-%02d", d.Year, l, d.Month, d.Day)
}

// Parse reads the form written by String ("2026-08-15", "2023-L02-10") and
// returns an error unless the result is a valid date: one wrapping
// ErrInvalidDate for malformed text or a day that does not exist, one
// wrapping ErrOutOfRange for a day outside the supported range.
func Parse(s string) (Date, error) {
	bad := func() (Date, error) {
		return Date{}, fmt.Errorf("%w: %q is not of the form YYYY-MM-DD or YYYY-LMM-DD", ErrInvalidDate, s)
	}
	ys, rest, ok1 := strings.Cut(s, "-")
	ms, ds, ok2 := strings.Cut(rest, "-")
	if !ok1 || !ok2 {
		return bad()
	}
	var d Date
	if strings.HasPrefix(ms, "L") {
		d.Leap = true
		ms = ms[1:]
	}
	var ok bool
	if d.Year, ok = digits(ys, 4); !ok {
		return bad()
	}
	if d.Month, ok = digits(ms, 2); !ok {
		return bad()
	}
	if d.Day, ok = digits(ds, 2); !ok {
		return bad()
	}
	if err := d.Valid(); err != nil {
		return Date{}, err
	}
	return d, nil
}

// digits parses exactly n ASCII digits; strconv.Atoi would also accept signs.
func digits(s string, n int) (int, bool) {
	if len(s) != n {
		return 0, false
	}
	v := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int(c-'0')
	}
	return v, true
}

var (
	chineseMonths = [...]string{"", "正", "二", "三", "四", "五", "六", "七", "八", "九", "十", "冬", "腊"}
	chineseDigits = [...]string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}
)

// Chinese returns the traditional month and day name of d, such as
// "八月十五", "正月初一", "闰四月初八", "冬月廿九" or "腊月三十". Months
// 1, 11 and 12 are 正月, 冬月 and 腊月, as printed on calendars. It returns
// "" when the month or day is outside 1..12 or 1..30.
func (d Date) Chinese() string {
	if d.Month < 1 || d.Month > 12 || d.Day < 1 || d.Day > 30 {
		return ""
	}
	var b strings.Builder
	if d.Leap {
		b.WriteString("闰")
	}
	b.WriteString(chineseMonths[d.Month])
	b.WriteString("月")
	switch {
	case d.Day <= 10:
		b.WriteString("初")
		b.WriteString(chineseDigits[d.Day])
	case d.Day < 20:
		b.WriteString("十")
		b.WriteString(chineseDigits[d.Day-10])
	case d.Day == 20:
		b.WriteString("二十")
	case d.Day < 30:
		b.WriteString("廿")
		b.WriteString(chineseDigits[d.Day-20])
	default:
		b.WriteString("三十")
	}
	return b.String()
}

// English returns an English rendering of d's month and day, such as
// "8th month, day 15" or "leap 4th month, day 8", for users and logs that
// cannot show Chinese. Like String, it does not validate d.
func (d Date) English() string {
	return fmt.Sprintf("%s, day %d", monthLabel(d.Month, d.Leap), d.Day)
}

// monthLabel is "leap 4th month" style text for English() and error messages.
func monthLabel(month int, leap bool) string {
	s := ordinal(month) + " month"
	if leap {
		s = "leap " + s
	}
	return s
}

func ordinal(n int) string {
	suffix := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return fmt.Sprintf("%d%s", n, suffix)
}

// solarMonthDays returns the length of a Gregorian month.
func solarMonthDays(year int, month time.Month) int {
	switch month {
	case time.February:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	default:
		return 31
	}
}

// daysFromCivil returns the number of days from 1970-01-01 to the given
// proleptic Gregorian date (H. Hinnant's algorithm). Integer arithmetic keeps
// conversions exact and independent of time zones.
func daysFromCivil(y, m, d int) int {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// civilFromDays is the inverse of daysFromCivil.
func civilFromDays(z int) (y, m, d int) {
	z += 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = doy - (153*mp+2)/5 + 1
	m = mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return y, m, d
}
