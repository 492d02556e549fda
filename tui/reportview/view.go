// Package reportview draws the insights reports (domain/insights) as text
// and as tables: the same lines serve the Insights screen and `crmtui
// report`, and the same tables its CSV export. It formats and lays out;
// it computes nothing and reads nothing. Text from the store (names of
// salespeople, customers and events) goes through domain.CleanText where
// it enters a line or a cell, so an escape sequence in the file never
// reaches a terminal.
package reportview

import (
	"math"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/domain/i18n"
	"github.com/crmtui/crmtui/domain/insights"
	"github.com/crmtui/crmtui/tui/chart"
)

// View is how to draw: words, the chart options (width, colour) and the
// salespeople's names.
type View struct {
	Cat   i18n.Catalog
	Chart chart.Options
	Names map[int64]string // salesperson id → name
	Me    int64            // the salesperson acted as; 0 for none
}

// NamesOf maps salespeople's ids to their names.
func NamesOf(sp []domain.Salesperson) map[int64]string {
	m := make(map[int64]string, len(sp))
	for _, s := range sp {
		m[s.ID] = domain.CleanText(s.Name)
	}
	return m
}

// name returns a salesperson's name, "unassigned" for 0.
func (v View) name(id int64) string {
	if id == 0 {
		return v.Cat.T("insights.unassigned")
	}
	if n, ok := v.Names[id]; ok {
		return domain.CleanText(n) // a caller's map may hold the raw names
	}
	return "#" + strconv.FormatInt(id, 10)
}

// title is a section's first line: its name and the day it is as of.
func (v View) title(key string, asOf domain.Date) string {
	return v.Cat.T(key) + " · " + v.Cat.T("insights.as_of", asOf.String())
}

// period says which days a figure covers.
func (v View) period(from, to domain.Date) string {
	return v.Cat.T("insights.window", from.String(), to.String(), to.Sub(from)+1)
}

// wrap breaks a paragraph to the view's width: English at spaces, Chinese
// between any two characters (it has no spaces; breaking at the few there
// are leaves half-empty lines).
func (v View) wrap(s string) []string {
	w := max(v.Chart.Width, 20)
	if v.Cat.Lang() == i18n.ZH {
		return strings.Split(ansi.Hardwrap(s, w, true), "\n")
	}
	return strings.Split(ansi.Wrap(s, w, ""), "\n")
}

// money is an amount with the yuan sign and separators.
func (v View) money(a insights.Amount) string { return v.Cat.Money(domain.Money(a)) }

// shortMoney is an amount cut to a few characters for the grid's cells:
// ¥12.3万 in Chinese, ¥2.1k and ¥123k in English. Each unit is chosen after rounding,
// so ¥9,999.50 is ¥1.0万, not ¥10000, and ¥999,999.99 is ¥1.0M, not ¥1000k.
func (v View) shortMoney(a insights.Amount) string {
	yuan := math.Round(float64(a) / 100)
	sign := "¥"
	if yuan < 0 {
		sign, yuan = "-¥", -yuan
	}
	f := func(x float64, decimals int, unit string) string {
		return sign + strconv.FormatFloat(x, 'f', decimals, 64) + unit
	}
	if v.Cat.Lang() == i18n.ZH {
		switch {
		case yuan < 1e4:
			return f(yuan, 0, "")
		case math.Round(yuan/1e3)/10 < 1000: // up to ¥999.9万
			return f(math.Round(yuan/1e3)/10, 1, "万")
		case math.Round(yuan/1e4) < 1e4: // up to ¥9999万
			return f(math.Round(yuan/1e4), 0, "万")
		}
		return f(math.Round(yuan/1e7)/10, 1, "亿")
	}
	switch {
	case yuan < 1e3:
		return f(yuan, 0, "")
	case math.Round(yuan/1e2)/10 < 10: // ¥1.0k to ¥9.9k: a whole k would be too coarse
		return f(math.Round(yuan/1e2)/10, 1, "k")
	case math.Round(yuan/1e3) < 1000: // up to ¥999k
		return f(math.Round(yuan/1e3), 0, "k")
	case math.Round(yuan/1e5)/10 < 100: // up to ¥99.9M
		return f(math.Round(yuan/1e5)/10, 1, "M")
	}
	return f(math.Round(yuan/1e6), 0, "M")
}

// count is an integer with thousands separators.
func count(n int) string { return chart.FormatCount(n) }

// pct is part of whole as a percentage, "—" for nothing.
func pct(part, whole int) string { return chart.Percent(part, whole) }

// Definitions returns the definitions paragraph of a section, wrapped.
func (v View) Definitions(s insights.Section) []string {
	var out []string
	for _, key := range s.DefinitionKeys() {
		out = append(out, v.wrap(v.Cat.T(key))...)
	}
	return out
}
