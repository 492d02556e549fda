package domain

import (
	"sort"
	"time"

	"github.com/crmtui/crmtui/domain/lunar"
)

// Holiday is one day on which customers get a greeting (节假日问候).
type Holiday struct {
	ID     string `json:"id"` // stable: "mid_autumn", or "special:3" for a store's own day
	NameZH string `json:"name_zh"`
	NameEN string `json:"name_en"`
	Date   Date   `json:"date"`
}

// Name returns the holiday's name in the language ("zh" or "en").
func (h Holiday) Name(lang string) string {
	if lang == "zh" {
		return h.NameZH
	}
	return h.NameEN
}

// holidayKind says how a built-in holiday's date is found.
type holidayKind int

const (
	fixedSolar holidayKind = iota // same solar month and day each year
	nthWeekday                    // the nth weekday of a solar month
	fixedLunar                    // same lunar month and day each year
	lunarNYEve                    // the day before the Spring Festival (腊月 has 29 or 30 days)
)

type holidayRule struct {
	id, zh, en string
	kind       holidayKind
	month, day int          // month/day, or month/n for nthWeekday
	weekday    time.Weekday // for nthWeekday
}

// builtinHolidays is the Chinese calendar of SPEC §4.1.3.
var builtinHolidays = []holidayRule{
	{"new_year", "元旦", "New Year's Day", fixedSolar, 1, 1, 0},
	{"valentines_day", "情人节", "Valentine's Day", fixedSolar, 2, 14, 0},
	{"womens_day", "妇女节", "Women's Day", fixedSolar, 3, 8, 0},
	{"labour_day", "劳动节", "Labour Day", fixedSolar, 5, 1, 0},
	{"childrens_day", "儿童节", "Children's Day", fixedSolar, 6, 1, 0},
	{"national_day", "国庆节", "National Day", fixedSolar, 10, 1, 0},
	{"christmas", "圣诞节", "Christmas", fixedSolar, 12, 25, 0},
	{"mothers_day", "母亲节", "Mother's Day", nthWeekday, 5, 2, time.Sunday},
	{"fathers_day", "父亲节", "Father's Day", nthWeekday, 6, 3, time.Sunday},
	{"spring_festival", "春节", "Spring Festival", fixedLunar, 1, 1, 0},
	{"lantern_festival", "元宵节", "Lantern Festival", fixedLunar, 1, 15, 0},
	{"dragon_boat", "端午节", "Dragon Boat Festival", fixedLunar, 5, 5, 0},
	{"qixi", "七夕", "Qixi Festival", fixedLunar, 7, 7, 0},
	{"mid_autumn", "中秋节", "Mid-Autumn Festival", fixedLunar, 8, 15, 0},
	{"double_ninth", "重阳节", "Double Ninth Festival", fixedLunar, 9, 9, 0},
	{"laba", "腊八节", "Laba Festival", fixedLunar, 12, 8, 0},
	{"new_years_eve", "除夕", "Chinese New Year's Eve", lunarNYEve, 0, 0, 0},
}

// BuiltinHolidayIDs lists the ids of the built-in holidays, for config checks.
func BuiltinHolidayIDs() []string {
	ids := make([]string, len(builtinHolidays))
	for i, r := range builtinHolidays {
		ids[i] = r.id
	}
	return ids
}

// SpecialDay is a store's own yearly day: its anniversary, a member day.
type SpecialDay struct {
	ID       int64    `json:"id,omitempty"`
	Name     string   `json:"name"`
	Calendar Calendar `json:"calendar"`
	Month    int      `json:"month"`
	Day      int      `json:"day"`
	Leap     bool     `json:"leap,omitempty"`
}

// Validate checks the name and that the day exists.
func (s SpecialDay) Validate() error {
	p := newProblems("special_day")
	checkText(p, "name", s.Name, MaxShortRunes, true)
	k := KeyDate{Kind: KindAnniversary, Label: "x", Calendar: s.Calendar, Month: s.Month, Day: s.Day, Leap: s.Leap}
	p.merge("", k.Validate())
	return p.err()
}

// HolidaysIn returns the built-in holidays and the store's special days that
// fall within [from, to], ordered by date. The same code serves any year
// the lunar calendar covers (1900-2100).
func HolidaysIn(from, to Date, special []SpecialDay) []Holiday {
	var out []Holiday
	for y := from.Year() - 1; y <= to.Year(); y++ {
		for _, r := range builtinHolidays {
			d, ok := r.dateIn(y)
			if ok && !d.Before(from) && !d.After(to) {
				out = append(out, Holiday{ID: r.id, NameZH: r.zh, NameEN: r.en, Date: d})
			}
		}
		for _, s := range special {
			k := KeyDate{Calendar: s.Calendar, Month: s.Month, Day: s.Day, Leap: s.Leap}
			if d, ok := k.OccurrenceInYear(y); ok && !d.Before(from) && !d.After(to) {
				out = append(out, Holiday{ID: "special:" + itoa64(s.ID), NameZH: s.Name, NameEN: s.Name, Date: d})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date.Before(out[j].Date) })
	return out
}

// dateIn returns the holiday's date whose year (solar, or lunar for lunar
// holidays) is y.
func (r holidayRule) dateIn(y int) (Date, bool) {
	switch r.kind {
	case fixedSolar:
		return NewDate(y, time.Month(r.month), r.day), true
	case nthWeekday:
		first := NewDate(y, time.Month(r.month), 1)
		offset := (int(r.weekday) - int(first.Weekday()) + 7) % 7
		return first.AddDays(offset + 7*(r.day-1)), true
	case fixedLunar:
		sy, sm, sd, err := lunar.ToSolar(lunar.Date{Year: y, Month: r.month, Day: r.day})
		if err != nil {
			return Date{}, false
		}
		return NewDate(sy, sm, sd), true
	case lunarNYEve:
		sy, sm, sd, err := lunar.ToSolar(lunar.Date{Year: y + 1, Month: 1, Day: 1})
		if err != nil {
			return Date{}, false
		}
		return NewDate(sy, sm, sd).AddDays(-1), true
	}
	return Date{}, false
}
