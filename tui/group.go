package tui

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/domain/agenda"
)

// groupPage lists the customers of a grouped item (a holiday greeting for
// 40 customers) as its own list: enter opens one, c copies the message for
// the one under the cursor, d logs the greeting for the whole group.
type groupPage struct {
	c       *common
	it      agenda.Item
	day     domain.Date // the agenda day the group belongs to
	members []agenda.CustomerFact
	cursor  int
	offset  int
	loaded  bool
	bulk    string // every member's message, copied and waiting for the user's "sent" (y)
}

// bulkMsg carries the messages of every member of a group.
type bulkMsg struct {
	key  string
	text string
	err  error
}

// groupMembersMsg carries the facts of a group's members.
type groupMembersMsg struct {
	key     string
	members []agenda.CustomerFact
	err     error
}

func newGroupPage(c *common, it agenda.Item, day domain.Date) *groupPage {
	return &groupPage{c: c, it: it, day: day}
}

func (p *groupPage) load() tea.Cmd {
	c, it := p.c, p.it
	return func() tea.Msg {
		facts, err := c.store.Customers(c.ctx(), it.Group.Members)
		if err != nil {
			return groupMembersMsg{key: it.Key, err: err}
		}
		out := make([]agenda.CustomerFact, 0, len(facts))
		for _, id := range it.Group.Members {
			if f, ok := facts[id]; ok {
				out = append(out, f)
			}
		}
		return groupMembersMsg{key: it.Key, members: out}
	}
}

func (p *groupPage) Update(msg tea.Msg) (page, tea.Cmd) {
	switch msg := msg.(type) {
	case groupMembersMsg:
		if msg.key != p.it.Key {
			return p, nil
		}
		p.loaded = true
		if msg.err != nil {
			return p, p.c.errStatus(msg.err)
		}
		p.members = msg.members
	case bulkMsg:
		if msg.key != p.it.Key {
			return p, nil
		}
		if msg.err != nil {
			return p, p.c.errStatus(msg.err)
		}
		p.bulk = msg.text
		return p, tea.SetClipboard(msg.text)
	case tea.KeyPressMsg:
		k := p.c.keys
		if p.bulk != "" {
			switch msg.String() {
			case "y":
				// The user sent the messages: log one contact for each member.
				a := agenda.Action{Item: p.it, State: agenda.StateDone, Contact: agenda.DefaultContact(p.it), Day: p.day,
					Now: p.c.now(), SalesID: p.c.salesID()}
				p.c.close()
				said := p.c.cat.T("tui.bulk.logged", len(p.it.Group.Members))
				return p, func() tea.Msg { return actionMsg{a: a, said: said} }
			case "esc":
				p.bulk = ""
			}
			return p, nil
		}
		switch {
		case key.Matches(msg, k.Down):
			p.cursor = min(p.cursor+1, max(0, len(p.members)-1))
		case key.Matches(msg, k.Up):
			p.cursor = max(p.cursor-1, 0)
		case key.Matches(msg, k.Open) && len(p.members) > 0:
			return p, openCustomer(p.c, p.members[p.cursor].ID)
		case key.Matches(msg, k.Done):
			p.c.close()
			p.c.open(newLogForm(p.c, p.it, p.day))
		case key.Matches(msg, k.CopyAll) && len(p.members) > 0:
			return p, p.renderAll()
		case key.Matches(msg, k.Copy) && len(p.members) > 0:
			m := p.members[p.cursor]
			one := p.it
			one.CustomerID, one.Customer, one.Salutation, one.Group = m.ID, m.DisplayName(), m.Salutation, nil
			return p, composeMessage(p.c, one)
		}
	}
	return p, nil
}

// renderAll writes every member's message (a header line with who and how
// to reach them, then the text) off the UI loop.
func (p *groupPage) renderAll() tea.Cmd {
	c, it, members, user := p.c, p.it, p.members, slices.Clone(p.c.templates)
	return func() tea.Msg {
		pt, ok, err := itemTemplate(c, user, it)
		if !ok || err != nil {
			if err == nil {
				err = errors.New(c.cat.T("tui.status.no_template"))
			}
			return bulkMsg{key: it.Key, err: err}
		}
		e := itemEvent(c, it)
		var b strings.Builder
		for i := range members {
			m := &members[i]
			one := it
			one.CustomerID, one.Customer, one.Salutation, one.Group = m.ID, m.DisplayName(), m.Salutation, nil
			values := fillValues(c, one, m, e)
			if it.Rule == agenda.RuleHoliday {
				values["salutation"] = m.Salutation // a greeting to many still names each one
			}
			if i > 0 {
				b.WriteString("\n\n")
			}
			fmt.Fprintf(&b, "【%s %s】\n%s", clean(m.DisplayName()), clean(m.Phone), pt.Render(values))
		}
		return bulkMsg{key: it.Key, text: b.String()}
	}
}

func (p *groupPage) Typing() bool { return false }

func (p *groupPage) Help() []helpGroup {
	k := p.c.keys
	return []helpGroup{{p.c.cat.T("tui.help.today"), []key.Binding{k.CopyAll, k.Done, k.Copy, k.Open, k.Up, k.Down, k.Back}}}
}

func (p *groupPage) View(w, h int) string {
	s, cat := p.c.styles, p.c.cat
	var b strings.Builder
	b.WriteString(s.Title.Render(cut(cat.T("tui.group.title", clean(customerLabel(p.c, p.it)), clean(cat.Reason(p.it.Reason))), w)) + "\n")
	if g := p.it.Group; g.SkippedDNC+g.SkippedCap > 0 {
		b.WriteString(s.Dim.Render(cat.T("tui.group.left_out", g.SkippedDNC, g.SkippedCap)) + "\n")
	}
	if !p.loaded {
		return b.String() + s.Dim.Render(cat.T("tui.detail.loading"))
	}
	if p.bulk != "" {
		b.WriteString("\n" + s.OK.Render(wrap(cat.T("tui.bulk.copied", len(p.members)), w)) + "\n\n")
		lines := strings.Split(p.bulk, "\n")
		for _, l := range lines[:min(len(lines), max(1, h-8))] {
			b.WriteString(s.Dim.Render(cut(clean(l), w)) + "\n") // a preview: the clipboard has it all
		}
		return b.String()
	}
	listH := max(1, h-3)
	if p.cursor < p.offset {
		p.offset = p.cursor
	}
	if p.cursor >= p.offset+listH {
		p.offset = p.cursor - listH + 1
	}
	for i := p.offset; i < min(len(p.members), p.offset+listH); i++ {
		m := p.members[i]
		line := fmt.Sprintf(" %s %s %s %s", fit(clean(m.DisplayName()), 16), fit(clean(m.Salutation), 10),
			fit(cat.Class(m.Class), 8), clean(m.Phone))
		line = fit(line, w)
		if i == p.cursor {
			line = s.ItemSelected.Render(line)
		}
		b.WriteString(line + "\n")
	}
	return b.String()
}
