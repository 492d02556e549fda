package domain

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/crmtui/crmtui/domain/lunar"
)

// KeyDateKind says what a key date celebrates.
type KeyDateKind string

// The kinds of key dates (顾客的重要日子).
const (
	KindBirthday    KeyDateKind = "birthday"
	KindAnniversary KeyDateKind = "anniversary" // wedding, first purchase, membership, ... named by Label
)

// KeyDate is a birthday or anniversary that recurs every year, in the solar
// or the lunar calendar. Year is optional (0): many customers tell their
// birthday but not their age.
type KeyDate struct {
	ID       int64       `json:"id,omitempty"`
	Kind     KeyDateKind `json:"kind"`
	Label    string      `json:"label,omitempty"` // "结婚纪念日", "membership"
	Calendar Calendar    `json:"calendar"`
	Year     int         `json:"year,omitempty"`
	Month    int         `json:"month"`
	Day      int         `json:"day"`
	Leap     bool        `json:"leap,omitempty"` // a lunar leap month (闰月)
}

// Validate checks the date exists in its calendar.
func (k KeyDate) Validate() error {
	p := newProblems("key_date")
	if k.Kind != KindBirthday && k.Kind != KindAnniversary {
		p.add("kind", CodeUnknown, string(k.Kind), "birthday or anniversary")
	}
	if k.Kind == KindAnniversary && strings.TrimSpace(k.Label) == "" {
		p.add("label", CodeRequired, "", "an anniversary needs a name, e.g. wedding")
	}
	checkText(p, "label", k.Label, MaxShortRunes, false)
	if !k.Calendar.Valid() {
		p.add("calendar", CodeUnknown, string(k.Calendar), "solar or lunar")
		return p.err()
	}
	if k.Month < 1 || k.Month > 12 {
		p.add("month", CodeOutOfRange, strconv.Itoa(k.Month), "1 to 12")
	}
	if k.Calendar == Solar {
		if k.Leap {
			p.add("leap", CodeConflict, "", "only lunar months can be leap months")
		}
		if k.Month >= 1 && k.Month <= 12 {
			// 29 February is allowed without a year: it is a real birthday.
			max := DaysIn(2000, time.Month(k.Month))
			if k.Year != 0 {
				max = DaysIn(k.Year, time.Month(k.Month))
			}
			if k.Day < 1 || k.Day > max {
				p.add("day", CodeOutOfRange, strconv.Itoa(k.Day), fmt.Sprintf("1 to %d", max))
			}
		}
		if k.Year != 0 && (k.Year < 1850 || k.Year > 2200) {
			p.add("year", CodeOutOfRange, strconv.Itoa(k.Year), "1850 to 2200")
		}
	} else {
		if k.Day < 1 || k.Day > 30 {
			p.add("day", CodeOutOfRange, strconv.Itoa(k.Day), "1 to 30")
		}
		if k.Year != 0 {
			if k.Year < 1900 || k.Year > 2100 {
				p.add("year", CodeOutOfRange, strconv.Itoa(k.Year), "1900 to 2100 for lunar dates")
			} else if len(p.list) == 0 {
				if _, _, _, err := lunar.ToSolar(lunar.Date{Year: k.Year, Month: k.Month, Day: k.Day, Leap: k.Leap}); err != nil {
					p.add("day", CodeInvalid, k.String(), "that lunar date does not exist")
				}
			}
		}
	}
	return p.err()
}

// OccurrenceInYear returns the date on which the key date is kept in the
// given year: the solar year for solar dates, the lunar year for lunar ones.
// 29 February falls on 28 February in common years; lunar day 30 in a
// 29-day month falls on the month's last day; a leap-month date falls in the
// regular month when the year has no such leap month.
func (k KeyDate) OccurrenceInYear(year int) (Date, bool) {
	if k.Calendar == Lunar {
		y, m, d, err := lunar.Occurrence(year, k.Month, k.Day, k.Leap)
		if err != nil {
			return Date{}, false
		}
		return NewDate(y, m, d), true
	}
	if year < 1 || k.Month < 1 || k.Month > 12 || k.Day < 1 {
		return Date{}, false
	}
	return ClampDate(year, time.Month(k.Month), k.Day), true
}

// OccurrencesIn returns the days within [from, to] on which the key date is
// kept, in order. A lunar date can fall twice in one solar year.
func (k KeyDate) OccurrencesIn(from, to Date) []Date {
	var out []Date
	for y := from.Year() - 1; y <= to.Year(); y++ {
		if d, ok := k.OccurrenceInYear(y); ok && !d.Before(from) && !d.After(to) {
			if len(out) == 0 || out[len(out)-1] != d {
				out = append(out, d)
			}
		}
	}
	return out
}

// NextOccurrence returns the first day on or after from on which the key date is kept.
func (k KeyDate) NextOccurrence(from Date) (Date, bool) {
	occ := k.OccurrencesIn(from, from.AddDays(400))
	if len(occ) == 0 {
		return Date{}, false
	}
	return occ[0], true
}

// YearsOn returns how many years the key date marks on the given occurrence
// (the age on a birthday), or 0 when the year is unknown.
func (k KeyDate) YearsOn(occ Date) int {
	if k.Year == 0 {
		return 0
	}
	if k.Calendar == Lunar {
		ld, err := lunar.FromSolar(occ.YMD())
		if err != nil {
			return 0
		}
		return ld.Year - k.Year
	}
	return occ.Year() - k.Year
}

// String writes the form ParseKeyDate reads: "1990-08-15", "08-15",
// "lunar:1990-08-15", "lunar:L04-08" (leap fourth month).
func (k KeyDate) String() string {
	var b strings.Builder
	if k.Calendar == Lunar {
		b.WriteString("lunar:")
	}
	if k.Year != 0 {
		fmt.Fprintf(&b, "%04d-", k.Year)
	}
	if k.Leap {
		b.WriteByte('L')
	}
	fmt.Fprintf(&b, "%02d-%02d", k.Month, k.Day)
	return b.String()
}

// ParseKeyDate reads "[lunar:]YYYY-MM-DD" or "[lunar:]MM-DD"; a lunar leap
// month is written L04 (or 闰04); "农历" works as well as "lunar:". The kind
// is left to the caller.
func ParseKeyDate(s string) (KeyDate, error) {
	t := strings.TrimSpace(s)
	k := KeyDate{Calendar: Solar}
	for _, prefix := range []string{"lunar:", "农历:", "农历"} {
		if strings.HasPrefix(strings.ToLower(t), prefix) {
			k.Calendar = Lunar
			t = t[len(prefix):]
			break
		}
	}
	parts := strings.Split(t, "-")
	if len(parts) == 3 {
		y, err := strconv.Atoi(parts[0])
		if err != nil || len(parts[0]) != 4 {
			return k, fmt.Errorf("%q: the year must have four digits", s)
		}
		k.Year = y
		parts = parts[1:]
	}
	if len(parts) != 2 {
		return k, fmt.Errorf("%q is not a date like 1990-08-15, 08-15 or lunar:08-15", s)
	}
	m := parts[0]
	if after, ok := strings.CutPrefix(m, "L"); ok {
		k.Leap, m = true, after
	} else if after, ok := strings.CutPrefix(m, "闰"); ok {
		k.Leap, m = true, after
	}
	var err error
	if k.Month, err = strconv.Atoi(m); err != nil {
		return k, fmt.Errorf("%q: %q is not a month", s, parts[0])
	}
	if k.Day, err = strconv.Atoi(parts[1]); err != nil {
		return k, fmt.Errorf("%q: %q is not a day", s, parts[1])
	}
	return k, nil
}

// LunarWindowKeys returns, for every day of [from, to], the lunar (month,
// day, leap) triples of key dates kept on that day, so that a store can find
// them with an index on month and day instead of converting every customer's
// date. Each triple is checked with OccurrenceInYear, so the rules for day 30
// and leap months live in one place.
func LunarWindowKeys(from, to Date) map[MonthDay]Date {
	out := map[MonthDay]Date{}
	for d := from; !d.After(to); d = d.AddDays(1) {
		ld, err := lunar.FromSolar(d.YMD())
		if err != nil {
			continue
		}
		cands := []MonthDay{{ld.Month, ld.Day, false}, {ld.Month, ld.Day, true}}
		if ld.Day == 29 {
			cands = append(cands, MonthDay{ld.Month, 30, false}, MonthDay{ld.Month, 30, true})
		}
		for _, c := range cands {
			k := KeyDate{Calendar: Lunar, Month: c.Month, Day: c.Day, Leap: c.Leap}
			if occ, ok := k.OccurrenceInYear(ld.Year); ok && occ == d {
				out[c] = d
			}
		}
	}
	return out
}

// SolarWindowKeys returns the (month, day) pairs of solar key dates kept on
// each day of [from, to]: 29 February is kept on 28 February in common years.
func SolarWindowKeys(from, to Date) map[MonthDay]Date {
	out := map[MonthDay]Date{}
	for d := from; !d.After(to); d = d.AddDays(1) {
		y, m, dd := d.YMD()
		out[MonthDay{int(m), dd, false}] = d
		if m == time.February && dd == 28 && DaysIn(y, time.February) == 28 {
			out[MonthDay{2, 29, false}] = d
		}
	}
	return out
}

// MonthDay identifies a recurring date by month, day and (lunar) leap flag.
type MonthDay struct {
	Month, Day int
	Leap       bool
}
