package tui

import (
	"fmt"
	"strings"

	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/domain/agenda"
)

// View draws the Service tab: the open and late counts, the kinds with
// their counts, the list of the current kind and the selected case in full.
func (p *servicePage) View(w, h int) string {
	c, s, cat := p.c, p.c.styles, p.c.cat
	var b strings.Builder
	if p.loading && p.cases == nil {
		return s.Dim.Render(cat.T("tui.svc.loading"))
	}
	if p.loadErr != nil && p.cases == nil {
		return s.Error.Render(wrap(cat.T("tui.status.error", cat.Error(p.loadErr)), w))
	}
	late := 0
	for i := range p.cases {
		if c.late(&p.cases[i]) > 0 {
			late++
		}
	}
	head := s.Date.Render(cat.T("tui.svc.heading", len(p.cases)))
	if late > 0 {
		head += "  " + s.Overdue.Render(cat.T("tui.svc.late_count", late))
	}
	b.WriteString(cut(head, w) + "\n")
	b.WriteString(p.kindBar(w) + "\n")
	shown := p.shown()
	if len(shown) == 0 {
		word := "tui.svc.none"
		if len(p.cases) > 0 {
			word = "tui.svc.none_kind"
		}
		b.WriteString("\n" + s.OK.Render(cat.T(word)) + "\n\n")
		b.WriteString(s.Dim.Render(wrap(cat.T("tui.svc.new_hint"), w)))
		return b.String()
	}
	detailH := 3
	listH := max(1, h-2-detailH-1)
	sel := p.cursor[p.kind]
	off := p.offset[p.kind]
	off = min(off, sel)
	if sel >= off+listH {
		off = sel - listH + 1
	}
	p.offset[p.kind] = off
	cols := p.columns(shown)
	for i := off; i < min(len(shown), off+listH); i++ {
		line := p.row(&p.cases[shown[i]], cols, w)
		if i == sel {
			line = s.ItemSelected.Render(fit(ansiStrip(line), w))
		}
		b.WriteString(line + "\n")
	}
	for i := min(len(shown), off+listH) - off; i < listH; i++ {
		b.WriteString("\n")
	}
	if sc, ok := p.selected(); ok {
		b.WriteString(s.Dim.Render(strings.Repeat("─", w)) + "\n")
		b.WriteString(p.details(sc, w))
	}
	return b.String()
}

// kindBar is the kind filters with their counts: 0 全部 9 │ 1 预约到店 2 …
func (p *servicePage) kindBar(w int) string {
	s, cat := p.c.styles, p.c.cat
	var parts []string
	for k := 0; k <= len(domain.CaseKinds); k++ {
		name := cat.T("tui.svc.kind_all")
		if k > 0 {
			name = cat.CaseKind(domain.CaseKinds[k-1])
		}
		label := fmt.Sprintf("%d %s %d", k, name, p.count(k))
		if k == p.kind {
			parts = append(parts, s.SectionActive.Render(label))
		} else {
			parts = append(parts, s.Section.Render(label))
		}
	}
	sep := s.Dim.Render("  │  ")
	if p.c.narrow() {
		sep = s.Dim.Render(" │ ")
	}
	return cut(strings.Join(parts, sep), w)
}

// caseColumns are the widths of the fixed columns of the case list.
type caseColumns struct {
	late, kind, name, due, state, channel int
	short                                 bool // narrow: kind only, next step without words
}

func (p *servicePage) columns(shown []int) caseColumns {
	cols := caseColumns{short: p.c.narrow()}
	full := 0
	for _, i := range shown {
		sc := &p.cases[i]
		if l := p.c.late(sc); l > 0 {
			cols.late = max(cols.late, width(lateText(p.c, l)))
		}
		full = max(full, width(p.kindText(sc, false)))
		cols.name = max(cols.name, width(clean(p.name(sc.CustomerID))))
		cols.due = max(cols.due, width(stamp(p.c, sc.DueAt)))
		cols.state = max(cols.state, width(p.state(sc, cols.short)))
		cols.channel = max(cols.channel, width(p.c.cat.CaseChannel(sc.Channel)))
	}
	cols.kind = full
	if cols.short {
		cols.name, cols.state, cols.channel = min(cols.name, 8), min(cols.state, 22), 0
		if full > 13 { // English: "appointment·fitting" leaves no room for the title
			cols.kind = 0
			for _, i := range shown {
				cols.kind = max(cols.kind, width(p.kindText(&p.cases[i], true)))
			}
		} else {
			cols.short = false
		}
	} else {
		cols.kind, cols.name, cols.state = min(cols.kind, 22), min(cols.name, 16), min(cols.state, 28)
	}
	return cols
}

// kindText is the kind column: kind·sub-kind, or only the sub-kind when
// the list shows one kind; short: one word, the kind when the list shows
// every kind.
func (p *servicePage) kindText(sc *domain.ServiceCase, short bool) string {
	switch {
	case p.kind > 0 && sc.Subkind != "":
		return p.c.cat.CaseSubkind(sc.Kind, sc.Subkind)
	case short:
		return p.c.cat.CaseKind(sc.Kind)
	}
	return caseKindText(p.c, sc)
}

// state is the state column: the next step of a complaint (→3 澄清解释 when
// short), else the status.
func (p *servicePage) state(sc *domain.ServiceCase, short bool) string {
	if next := sc.NextStep(); short && sc.Kind == domain.CaseComplaint && next != 0 {
		return p.c.cat.T("tui.svc.next_step_short", int(next), p.c.cat.ComplaintStep(next))
	}
	return caseState(p.c, sc)
}

// name is how the list calls the case's customer.
func (p *servicePage) name(id int64) string {
	if f, ok := p.people[id]; ok {
		return f.DisplayName()
	}
	return fmt.Sprintf("#%d", id)
}

// row is one case: how late, kind, customer, time limit, next step or
// status, channel (wide screens), title.
func (p *servicePage) row(sc *domain.ServiceCase, cols caseColumns, w int) string {
	s, cat := p.c.styles, p.c.cat
	var parts []string
	if cols.late > 0 {
		if l := p.c.late(sc); l > 0 {
			parts = append(parts, s.Overdue.Render(fit(lateText(p.c, l), cols.late)))
		} else {
			parts = append(parts, fit("", cols.late))
		}
	}
	parts = append(parts, fit(p.kindText(sc, cols.short), cols.kind), fit(clean(p.name(sc.CustomerID)), cols.name),
		fit(stamp(p.c, sc.DueAt), cols.due))
	state := fit(p.state(sc, p.c.narrow()), cols.state)
	if sc.Kind == domain.CaseComplaint {
		state = s.Held.Render(state)
	}
	parts = append(parts, state)
	if cols.channel > 0 {
		parts = append(parts, s.Dim.Render(fit(cat.CaseChannel(sc.Channel), cols.channel)))
	}
	line := " " + strings.Join(parts, " ") + " "
	return line + cut(clean(sc.Title), max(0, w-width(line)))
}

// details shows the selected case under the list: title and customer; kind,
// channel and times; the steps of a complaint or the description.
func (p *servicePage) details(sc *domain.ServiceCase, w int) string {
	s, cat := p.c.styles, p.c.cat
	who := p.people[sc.CustomerID]
	line1 := s.Title.Render(clean(sc.Title)) + " · " + clean(personLabel(who, p.name(sc.CustomerID)))
	if who.Phone != "" {
		line1 += " · " + clean(who.Phone)
	}
	info := []string{caseKindText(p.c, sc), cat.CaseChannel(sc.Channel), cat.T("tui.svc.opened", stamp(p.c, sc.OpenedAt)),
		cat.T("tui.svc.due", stamp(p.c, sc.DueAt))}
	line2 := strings.Join(info, " · ")
	if l := p.c.late(sc); l > 0 {
		line2 = s.Overdue.Render(lateText(p.c, l)) + " · " + line2
	}
	line3 := cat.CaseStatus(sc.Status)
	if sc.Description != "" {
		line3 += " · " + clean(sc.Description)
	}
	if sc.Kind == domain.CaseComplaint {
		line3 = stepTrail(p.c, sc)
	}
	return cut(line1, w) + "\n" + cut(line2, w) + "\n" + s.Dim.Render(cut(line3, w))
}

// personLabel is the customer's name with their remark and salutation.
func personLabel(f agenda.CustomerFact, fallback string) string {
	if f.Name == "" {
		return fallback
	}
	out := f.Name
	if f.Remark != "" && f.Remark != f.Name {
		out += "（" + f.Remark + "）"
	}
	if f.Salutation != "" && f.Salutation != f.Name && f.Salutation != f.Remark {
		out += " " + f.Salutation
	}
	return out
}

// stepTrail is a complaint's five steps on one line: ✓ done, ↷ skipped,
// → next, · still to come.
func stepTrail(c *common, sc *domain.ServiceCase) string {
	parts := []string{c.cat.T("tui.svc.steps_count", len(sc.Steps), len(domain.ComplaintSteps))}
	next := sc.NextStep()
	for _, st := range domain.ComplaintSteps {
		mark := "·"
		switch {
		case int(st) <= len(sc.Steps) && sc.Steps[st-1].SkippedReason != "":
			mark = "↷"
		case int(st) <= len(sc.Steps):
			mark = "✓"
		case st == next:
			mark = "→"
		}
		parts = append(parts, mark+c.cat.ComplaintStep(st))
	}
	return strings.Join(parts, " ")
}
