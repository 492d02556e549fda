package tui

import (
	"fmt"
	"strings"

	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/domain/agenda"
)

// View draws the Today page: the day and progress, the three sections with
// their counts, the list of the active section and the selected item's details.
func (p *todayPage) View(w, h int) string {
	c, s, cat := p.c, p.c.styles, p.c.cat
	var b strings.Builder
	b.WriteString(p.header(w) + "\n")
	if p.ag == nil {
		if p.loading {
			b.WriteString(s.Dim.Render(cat.T("tui.today.loading")))
		}
		return b.String()
	}
	if p.empty {
		b.WriteString("\n" + s.Title.Render(cat.T("tui.empty.title")) + "\n\n")
		for _, k := range []string{"tui.empty.add", "tui.empty.import", "tui.empty.demo"} {
			b.WriteString("  • " + cut(cat.T(k), w-4) + "\n")
		}
		return b.String()
	}
	b.WriteString(p.sectionBar(w) + "\n")
	items := p.items(p.section)
	if p.total() == 0 {
		b.WriteString("\n" + s.OK.Render(cat.T("tui.today.nothing")) + "\n")
		if len(p.upcoming) == 0 {
			b.WriteString(s.Dim.Render(cat.T("tui.today.upcoming_none")) + "\n")
		} else {
			b.WriteString(cat.T("tui.today.upcoming") + "\n")
			for _, u := range p.upcoming {
				b.WriteString("  " + cat.T("tui.today.upcoming_day", cat.Date(u.day)+" "+cat.Weekday(u.day), u.n) + "\n")
			}
		}
		return b.String()
	}
	if len(items) == 0 {
		b.WriteString("\n" + s.Dim.Render(cat.T("tui.today.nothing_here")) + "\n")
		return b.String()
	}
	detailH := 3
	if c.narrow() || h < 14 {
		detailH = 2
	}
	listH := max(1, h-2-detailH-1)
	sel := p.cursor[p.section]
	off := p.offset[p.section]
	if sel < off {
		off = sel
	}
	if sel >= off+listH {
		off = sel - listH + 1
	}
	p.offset[p.section] = off
	cols := p.columns(items, w)
	for i := off; i < min(len(items), off+listH); i++ {
		line := p.row(items[i], cols, w)
		if i == sel {
			line = s.ItemSelected.Render(fit(stripStyles(line), w))
		}
		b.WriteString(line + "\n")
	}
	for i := min(len(items), off+listH) - off; i < listH; i++ {
		b.WriteString("\n")
	}
	if it, ok := p.selected(); ok {
		b.WriteString(s.Dim.Render(strings.Repeat("─", w)) + "\n")
		b.WriteString(p.details(it, w, detailH))
	}
	return b.String()
}

// header is the day (always shown), whether it is ahead or behind, and progress.
func (p *todayPage) header(w int) string {
	s, cat := p.c.styles, p.c.cat
	date := s.Date.Render(cat.DateFull(p.day) + " " + cat.Weekday(p.day))
	switch today := p.c.today(); {
	case p.day.After(today):
		date += " " + s.Held.Render(cat.T("tui.today.plan_ahead"))
	case p.day.Before(today):
		date += " " + s.Held.Render(cat.T("tui.today.looking_back"))
	}
	if p.ag == nil {
		return date
	}
	prog := cat.T("tui.today.progress", p.ag.Done, p.ag.Total)
	bar := progressBar(p.ag.Done, p.ag.Total, min(20, max(5, w-width(date)-width(prog)-6)))
	line := date + "  " + s.Progress.Render(bar) + " " + prog
	if width(line) > w {
		line = date + "  " + prog
	}
	return line
}

// total counts the open items of the day.
func (p *todayPage) total() int {
	return len(p.items(0)) + len(p.items(1)) + len(p.items(2))
}

func (p *todayPage) sectionBar(w int) string {
	s, cat := p.c.styles, p.c.cat
	var parts []string
	for i, q := range questions {
		label := fmt.Sprintf("%d %s %d", i+1, cat.Question(q), len(p.items(i)))
		if i == p.section {
			parts = append(parts, s.SectionActive.Render(label))
		} else {
			parts = append(parts, s.Section.Render(label))
		}
	}
	return cut(strings.Join(parts, s.Dim.Render("  │  ")), w)
}

// columns are the widths of the fixed columns of the list.
type columns struct{ marker, name, class, channel int }

func (p *todayPage) columns(items []agenda.Item, w int) columns {
	cat := p.c.cat
	cols := columns{marker: 2, class: 0, channel: 0}
	for _, it := range items {
		cols.marker = max(cols.marker, width(p.marker(it)))
		cols.name = max(cols.name, width(clean(customerLabel(p.c, it))))
		cols.class = max(cols.class, width(cat.Class(it.Class)))
		cols.channel = max(cols.channel, width(cat.Channel(it.Channel)))
	}
	if p.c.narrow() {
		cols.name = min(cols.name, 12)
		cols.class = 4
		cols.marker = min(cols.marker, 9)
	} else {
		cols.name = min(cols.name, 20)
		cols.marker = min(cols.marker, 10)
	}
	return cols
}

// row renders one item: marker, who, class, channel, why.
func (p *todayPage) row(it agenda.Item, cols columns, w int) string {
	s, cat := p.c.styles, p.c.cat
	marker := p.marker(it)
	var mk string
	switch {
	case it.Held:
		mk = s.Held.Render(fit(marker, cols.marker))
	case marker != "":
		mk = s.Overdue.Render(fit(marker, cols.marker))
	default:
		mk = fit("", cols.marker)
	}
	parts := []string{mk, fit(clean(customerLabel(p.c, it)), cols.name)}
	if p.c.narrow() {
		parts = append(parts, s.badge(it.Class, fit(cat.T("tui.class_short."+string(it.Class)), cols.class)))
	} else {
		parts = append(parts, s.badge(it.Class, fit(cat.Class(it.Class), cols.class)))
	}
	parts = append(parts, s.Dim.Render(fit(cat.Channel(it.Channel), cols.channel)))
	line := " " + strings.Join(parts, " ") + " "
	reason := clean(cat.Reason(it.Reason))
	return line + cut(reason, max(0, w-width(line)))
}

// marker says why an item stands out: held, late, overdue, or a call to retry.
func (p *todayPage) marker(it agenda.Item) string {
	cat := p.c.cat
	switch {
	case it.Held:
		return cat.T("tui.today.held")
	case it.LateMinutes >= 120 && it.OverdueDays == 0:
		return cat.T("tui.today.late_hours", it.LateMinutes/60)
	case it.LateMinutes > 0 && it.OverdueDays == 0:
		return cat.T("tui.today.late", it.LateMinutes)
	case it.OverdueDays > 0:
		return cat.T("tui.today.overdue", it.OverdueDays)
	case !it.RetryAt.IsZero():
		return "↻"
	}
	return ""
}

// customerLabel is who the item is about: the display name, or the group with its size.
func customerLabel(c *common, it agenda.Item) string {
	if it.Group != nil {
		return c.cat.T("tui.today.group", c.cat.GroupName(it.Customer), len(it.Group.Members))
	}
	return it.Customer
}

// details shows the selected item in full under the list.
func (p *todayPage) details(it agenda.Item, w, h int) string {
	s, cat := p.c.styles, p.c.cat
	line1 := s.Title.Render(clean(customerLabel(p.c, it))) + " · " + cat.Rule(it.Rule) + " · " + cat.Class(it.Class) + " · " +
		cat.Channel(it.Channel)
	if it.Phone != "" {
		line1 += " · " + clean(it.Phone)
	}
	var extra []string
	extra = append(extra, clean(cat.Reason(it.Reason)))
	if !it.RetryAt.IsZero() {
		extra = append(extra, cat.T("tui.today.retry", it.RetryAt.In(p.c.loc).Format("15:04")))
	}
	if len(it.Ask) > 0 {
		words := make([]string, len(it.Ask))
		for i, f := range it.Ask {
			words[i] = cat.ProfileField(domain.ProfileField(f))
		}
		extra = append(extra, cat.T("tui.today.ask", strings.Join(words, cat.T("list.sep"))))
	}
	out := cut(line1, w) + "\n" + s.Dim.Render(cut(strings.Join(extra, " · "), w))
	if h >= 3 {
		out += "\n" + s.Dim.Render(cut(it.Key, w))
	}
	return out
}

// progressBar draws done/total as a bar of width cells.
func progressBar(done, total, w int) string {
	if total <= 0 || w <= 0 {
		return strings.Repeat("░", max(0, w))
	}
	n := min(w, done*w/total)
	return strings.Repeat("█", n) + strings.Repeat("░", w-n)
}

// stripStyles removes styling so a selected row can be drawn reversed as a whole.
func stripStyles(s string) string { return ansiStrip(s) }
