// Package reportview draws the insights reports (domain/insights) as text
// and as tables: the same lines serve the Insights screen and `crmtui
// report`, and the same tables its CSV export. It formats and lays out;
// it computes nothing and reads nothing.
package reportview

import (
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
		m[s.ID] = s.Name
	}
	return m
}

// name returns a salesperson's name, "unassigned" for 0.
func (v View) name(id int64) string {
	if id == 0 {
		return v.Cat.T("insights.unassigned")
	}
	if n, ok := v.Names[id]; ok {
		return n
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
// ¥12.3万 in Chinese, ¥123k in English.
func (v View) shortMoney(a insights.Amount) string {
	yuan := float64(a) / 100
	neg := ""
	if yuan < 0 {
		neg, yuan = "-", -yuan
	}
	if v.Cat.Lang() == i18n.ZH {
		switch {
		case yuan >= 1e8:
			return neg + "¥" + strconv.FormatFloat(yuan/1e8, 'f', 1, 64) + "亿"
		case yuan >= 1e7:
			return neg + "¥" + strconv.FormatFloat(yuan/1e4, 'f', 0, 64) + "万"
		case yuan >= 1e4:
			return neg + "¥" + strconv.FormatFloat(yuan/1e4, 'f', 1, 64) + "万"
		}
		return neg + "¥" + strconv.FormatFloat(yuan, 'f', 0, 64)
	}
	switch {
	case yuan >= 1e8:
		return neg + "¥" + strconv.FormatFloat(yuan/1e6, 'f', 0, 64) + "M"
	case yuan >= 1e6:
		return neg + "¥" + strconv.FormatFloat(yuan/1e6, 'f', 1, 64) + "M"
	case yuan >= 1e3:
		return neg + "¥" + strconv.FormatFloat(yuan/1e3, 'f', 0, 64) + "k"
	}
	return neg + "¥" + strconv.FormatFloat(yuan, 'f', 0, 64)
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
