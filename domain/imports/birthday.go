package imports

import (
	"regexp"
	"strings"

	"github.com/crmtui/crmtui/domain"
)

var (
	cnMonthDayRe = regexp.MustCompile(`^(?:(\d{4})\s*年\s*)?(闰)?([正一二三四五六七八九十冬腊]{1,3}|\d{1,2})\s*月\s*(初[一二三四五六七八九十]|[一二三四五六七八九十廿卅]{1,3}|\d{1,2})\s*[日号]?$`)
	lunarMarks   = []string{"农历", "阴历", "旧历", "lunar"}
	solarMarks   = []string{"公历", "阳历", "新历", "solar"}
)

// ParseBirthday reads a birthday cell: 1990-08-15, 1990/8/15, 08-15, 8/15,
// 8月15日, 1990年8月15日, an Excel serial number, and lunar dates written
// 农历八月十五, 腊月初八, 闰四月初八, 农历1990-08-15 or lunar:08-15. A
// 农历/阴历 in the value, or lunar (the 农历 column says yes), makes it a lunar
// date; 公历/阳历 in the value keeps it solar. The date is checked by the
// customer's validation (domain.KeyDate.Validate).
func ParseBirthday(s string, lunar bool) (domain.KeyDate, error) {
	t := fold(s)
	for _, m := range lunarMarks {
		if indexFold(t, m) >= 0 {
			lunar = true
			t = removeFold(t, m)
		}
	}
	for _, m := range solarMarks {
		if indexFold(t, m) >= 0 {
			lunar = false
			t = removeFold(t, m)
		}
	}
	t = strings.Trim(t, " :：()（）[]【】")
	k := domain.KeyDate{Kind: domain.KindBirthday, Calendar: domain.Solar}
	if lunar {
		k.Calendar = domain.Lunar
	}
	if t == "" {
		return k, errBirthday
	}
	if m := cnMonthDayRe.FindStringSubmatch(t); m != nil {
		month, day := cnNumber(m[3], true), cnNumber(m[4], false)
		if month == 0 || day == 0 {
			return k, errBirthday
		}
		if m[1] != "" {
			k.Year = atoi(m[1])
		}
		k.Leap, k.Month, k.Day = m[2] != "", month, day
		return k, nil
	}
	leap := false
	if rest, ok := strings.CutPrefix(t, "闰"); ok {
		leap, t = true, rest
	}
	md := strings.NewReplacer("/", "-", ".", "-").Replace(t)
	// A lunar date with a year is read as written, not as a solar date:
	// lunar 2003-02-30 or L08-27 are real days that no solar calendar has.
	if lunar && strings.Count(md, "-") == 2 {
		if kd, err := domain.ParseKeyDate(md); err == nil && kd.Month > 0 && kd.Day > 0 {
			k.Year, k.Month, k.Day, k.Leap = kd.Year, kd.Month, kd.Day, kd.Leap || leap
			return k, nil
		}
	}
	if w, err := ParseWhen(t); err == nil {
		y, mo, d := w.Date.YMD()
		k.Year, k.Month, k.Day, k.Leap = y, int(mo), d, leap
		return k, nil
	}
	// Month and day without a year: 08-15, 8/15, 8.15, L04-08.
	if strings.Count(md, "-") == 1 {
		kd, err := domain.ParseKeyDate(md)
		if err == nil && kd.Month > 0 && kd.Day > 0 {
			k.Month, k.Day, k.Leap = kd.Month, kd.Day, kd.Leap || leap
			return k, nil
		}
	}
	return k, errBirthday
}

// indexFold finds mark in s ignoring ASCII case, or -1.
func indexFold(s, mark string) int {
	for i := 0; i+len(mark) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(mark)], mark) {
			return i
		}
	}
	return -1
}

// removeFold removes every occurrence of mark, ignoring ASCII case.
func removeFold(s, mark string) string {
	for {
		i := indexFold(s, mark)
		if i < 0 {
			return s
		}
		s = s[:i] + s[i+len(mark):]
	}
}

// cnNumber reads 1 to 31 written in digits or Chinese numerals (八, 十五,
// 二十三, 廿三, 初八, 卅), and the month names 正, 冬, 腊 when month is set;
// 0 when it is none of these.
func cnNumber(s string, month bool) int {
	if allDigits(s) {
		return atoi(s)
	}
	if month {
		switch s {
		case "正":
			return 1
		case "冬":
			return 11
		case "腊":
			return 12
		}
	}
	digit := func(r rune) int {
		return strings.IndexRune("〇一二三四五六七八九", r) / len("一")
	}
	rs := []rune(strings.TrimPrefix(s, "初"))
	if strings.HasPrefix(s, "初") {
		if len(rs) != 1 {
			return 0
		}
		if rs[0] == '十' {
			return 10
		}
		if d := digit(rs[0]); d > 0 {
			return d
		}
		return 0
	}
	n := 0
	switch {
	case len(rs) == 1 && rs[0] == '十':
		n = 10
	case len(rs) == 1 && rs[0] == '廿':
		n = 20
	case len(rs) == 1 && rs[0] == '卅':
		n = 30
	case len(rs) == 1:
		n = digit(rs[0])
	case len(rs) == 2 && rs[0] == '十':
		n = 10 + digit(rs[1])
	case len(rs) == 2 && rs[0] == '廿':
		n = 20 + digit(rs[1])
	case len(rs) == 2 && rs[1] == '十':
		n = 10 * digit(rs[0])
	case len(rs) == 3 && rs[1] == '十':
		n = 10*digit(rs[0]) + digit(rs[2])
	}
	if n <= 0 || n > 31 {
		return 0
	}
	return n
}
