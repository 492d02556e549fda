package domain

import (
	"fmt"
	"strconv"
	"strings"
)

// Money is an amount in minor units (fen, cents, pence). Integers keep sums
// exact; floats would drift over a million purchases.
type Money int64

// ParseMoney reads "199", "199.5", "199.00", "-12.30", "1,299.00" or "¥199"
// (a leading currency sign and thousands separators are allowed, at most two
// decimals).
func ParseMoney(s string) (Money, error) {
	t := strings.TrimSpace(s)
	neg := false
	if strings.HasPrefix(t, "-") {
		neg = true // "-¥12.30" as well as "¥-12.30"
		t = strings.TrimSpace(t[1:])
	}
	t = strings.TrimLeft(t, "¥￥$£€")
	t = strings.ReplaceAll(t, ",", "")
	t = strings.TrimSpace(t)
	if strings.HasPrefix(t, "-") {
		if neg {
			return 0, fmt.Errorf("%q is not an amount", s)
		}
		neg = true
		t = t[1:]
	} else if strings.HasPrefix(t, "+") {
		t = t[1:]
	}
	if t == "" {
		return 0, fmt.Errorf("%q is not an amount", s)
	}
	whole, frac, hasDot := strings.Cut(t, ".")
	if whole == "" {
		whole = "0"
	}
	if hasDot && (frac == "" || len(frac) > 2) {
		return 0, fmt.Errorf("%q is not an amount with at most two decimals", s)
	}
	for _, r := range whole + frac {
		if r < '0' || r > '9' {
			return 0, fmt.Errorf("%q is not an amount", s)
		}
	}
	if len(whole) > 15 {
		return 0, fmt.Errorf("%q is too large an amount", s)
	}
	w, err := strconv.ParseInt(whole, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("%q is not an amount", s)
	}
	for len(frac) < 2 {
		frac += "0"
	}
	f, _ := strconv.ParseInt(frac, 10, 64)
	m := Money(w*100 + f)
	if neg {
		m = -m
	}
	return m, nil
}

// String renders the amount with two decimals: 19900 → "199.00".
func (m Money) String() string {
	sign := ""
	v := int64(m)
	if v < 0 {
		sign = "-"
		v = -v
	}
	return fmt.Sprintf("%s%d.%02d", sign, v/100, v%100)
}

// Units returns the amount in the currency's main units as a float, for
// reports and JSON where a decimal number is expected.
func (m Money) Units() float64 { return float64(m) / 100 }
