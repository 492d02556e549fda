package i18n

import (
	"strconv"
	"strings"

	"github.com/crmtui/crmtui/domain"
)

// Date renders a day without its year: "11月22日" / "Nov 22". The zero date
// renders as "" (nothing to show).
func (c Catalog) Date(d domain.Date) string {
	if d.IsZero() {
		return ""
	}
	_, m, day := d.YMD()
	return c.T("date.md", c.T("month."+itoa(int(m))), day)
}

// DateFull renders a day with its year: "2025年11月22日" / "Nov 22, 2025".
func (c Catalog) DateFull(d domain.Date) string {
	if d.IsZero() {
		return ""
	}
	y, m, day := d.YMD()
	return c.T("date.ymd", y, c.T("month."+itoa(int(m))), day)
}

// DateIn renders a day relative to a reference day: without the year when
// both fall in the same year, with it otherwise.
func (c Catalog) DateIn(d, ref domain.Date) string {
	if !ref.IsZero() && d.Year() != ref.Year() {
		return c.DateFull(d)
	}
	return c.Date(d)
}

// Weekday renders the day of the week: "周六" / "Sat".
func (c Catalog) Weekday(d domain.Date) string {
	if d.IsZero() {
		return ""
	}
	return c.T("weekday." + itoa(int(d.Weekday())))
}

// Days renders a distance in days from today: "今天"/"today" for 0,
// "明天"/"tomorrow" for 1, "昨天"/"yesterday" for -1, "3天后"/"in 3 days",
// "3天前"/"3 days ago".
func (c Catalog) Days(n int) string {
	switch {
	case n == 0:
		return c.T("days.today")
	case n == 1:
		return c.T("days.tomorrow")
	case n == -1:
		return c.T("days.yesterday")
	case n > 1:
		return c.T("days.later", n)
	}
	return c.T("days.ago", -n)
}

// Money renders an amount with the yuan sign, thousands separators and two
// decimals: "¥1,299.00", "-¥12.30". Both languages use the same form: the
// store's currency does not change with the salesperson's language.
func (c Catalog) Money(m domain.Money) string {
	v := int64(m)
	neg := v < 0
	var u uint64
	if neg {
		u = uint64(-(v + 1)) + 1 // safe for math.MinInt64
	} else {
		u = uint64(v)
	}
	whole := strconv.FormatUint(u/100, 10)
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	b.WriteString("¥")
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	frac := u % 100
	b.WriteByte('.')
	b.WriteByte(byte('0' + frac/10))
	b.WriteByte(byte('0' + frac%10))
	return b.String()
}
