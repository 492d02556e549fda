package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/crmtui/crmtui/domain/agenda"
)

// groupPage lists the customers of a grouped item (a holiday greeting for
// 40 customers) as its own list: enter opens one, c copies the message for
// the one under the cursor, d logs the greeting for the whole group.
type groupPage struct {
	c       *common
	it      agenda.Item
	members []agenda.CustomerFact
	cursor  int
	offset  int
	loaded  bool
}

// groupMembersMsg carries the facts of a group's members.
type groupMembersMsg struct {
	key     string
	members []agenda.CustomerFact
	err     error
}

func newGroupPage(c *common, it agenda.Item) *groupPage {
	return &groupPage{c: c, it: it}
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
	case tea.KeyPressMsg:
		k := p.c.keys
		switch {
		case key.Matches(msg, k.Down):
			p.cursor = min(p.cursor+1, max(0, len(p.members)-1))
		case key.Matches(msg, k.Up):
			p.cursor = max(p.cursor-1, 0)
		case key.Matches(msg, k.Open) && len(p.members) > 0:
			return p, openCustomer(p.c, p.members[p.cursor].ID)
		case key.Matches(msg, k.Done):
			p.c.close()
			p.c.open(newLogForm(p.c, p.it, p.it.Due))
		case key.Matches(msg, k.Copy) && len(p.members) > 0:
			m := p.members[p.cursor]
			one := p.it
			one.CustomerID, one.Customer, one.Salutation, one.Group = m.ID, m.DisplayName(), m.Salutation, nil
			return p, composeMessage(p.c, one)
		}
	}
	return p, nil
}

func (p *groupPage) Typing() bool { return false }

func (p *groupPage) Help() []helpGroup {
	k := p.c.keys
	return []helpGroup{{p.c.cat.T("tui.help.today"), []key.Binding{k.Done, k.Copy, k.Open, k.Up, k.Down, k.Back}}}
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
