package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/domain/agenda"
	"github.com/crmtui/crmtui/domain/rules"
)

// eventPage is one event: its details, the funnel, and its invitations,
// whose status changes in one key (i invited, y confirmed, n declined,
// a attended, m no-show). I invites (plans) the target group's customers
// not invited yet; e edits the event.
type eventPage struct {
	c      *common
	e      domain.Event
	funnel domain.Funnel
	invs   []domain.Invitation
	names  map[int64]agenda.CustomerFact
	cursor int
	offset int
	loaded bool
}

// eventMsg carries one event with its funnel and invitations.
type eventMsg struct {
	id     int64
	e      *domain.Event
	funnel domain.Funnel
	invs   []domain.Invitation
	names  map[int64]agenda.CustomerFact
	err    error
}

func newEventPage(c *common, e domain.Event) *eventPage { return &eventPage{c: c, e: e} }

func (p *eventPage) load() tea.Cmd {
	c, id := p.c, p.e.ID
	return func() tea.Msg {
		ctx := c.ctx()
		m := eventMsg{id: id}
		if m.e, m.err = c.store.Event(ctx, id); m.err != nil {
			return m
		}
		if m.funnel, m.err = c.store.EventFunnel(ctx, id); m.err != nil {
			return m
		}
		if m.invs, m.err = c.store.InvitationsOf(ctx, id); m.err != nil {
			return m
		}
		ids := make([]int64, len(m.invs))
		for i, inv := range m.invs {
			ids[i] = inv.CustomerID
		}
		m.names, m.err = c.store.Customers(ctx, ids)
		return m
	}
}

// invitedMsg reports a status change or a planning round.
type invitedMsg struct {
	eventID int64
	text    string
	err     error
}

func (p *eventPage) Update(msg tea.Msg) (page, tea.Cmd) {
	switch msg := msg.(type) {
	case eventMsg:
		if msg.id != p.e.ID {
			return p, nil
		}
		p.loaded = true
		if msg.err != nil {
			return p, p.c.errStatus(msg.err)
		}
		p.e, p.funnel, p.invs, p.names = *msg.e, msg.funnel, msg.invs, msg.names
		p.cursor = max(0, min(p.cursor, len(p.invs)-1))
	case invitedMsg, eventsChangedMsg:
		var id int64
		var text string
		var err error
		if im, ok := msg.(invitedMsg); ok {
			id, text, err = im.eventID, im.text, im.err
		} else {
			id = msg.(eventsChangedMsg).id
		}
		if id != p.e.ID {
			return p, nil
		}
		if err != nil {
			return p, p.c.errStatus(err)
		}
		cmds := []tea.Cmd{p.load()}
		if text != "" {
			cmds = append(cmds, status(text), func() tea.Msg { return eventsChangedMsg{} })
		}
		return p, tea.Batch(cmds...)
	case tea.KeyPressMsg:
		return p, p.key(msg)
	}
	return p, nil
}

// statusKeys are the one-key invitation status changes of the event page.
var statusKeys = map[string]domain.InvitationStatus{"i": domain.InvInvited, "y": domain.InvConfirmed, "n": domain.InvDeclined,
	"a": domain.InvAttended, "m": domain.InvNoShow}

func (p *eventPage) key(msg tea.KeyPressMsg) tea.Cmd {
	k := p.c.keys
	switch {
	case key.Matches(msg, k.Down):
		p.cursor = min(p.cursor+1, max(0, len(p.invs)-1))
		return nil
	case key.Matches(msg, k.Up):
		p.cursor = max(p.cursor-1, 0)
		return nil
	case key.Matches(msg, k.Edit):
		p.c.open(newEventForm(p.c, p.e))
		return nil
	case msg.String() == "I":
		return p.inviteTargets()
	}
	if len(p.invs) == 0 {
		return nil
	}
	inv := p.invs[p.cursor]
	if to, ok := statusKeys[msg.String()]; ok {
		c, name := p.c, clean(p.names[inv.CustomerID].DisplayName())
		return func() tea.Msg {
			_, err := c.store.SetInvitationStatus(c.ctx(), inv.ID, to, c.now(), "")
			return invitedMsg{eventID: inv.EventID, text: c.cat.T("tui.ev.status_set", name, c.cat.InvitationStatus(to)), err: err}
		}
	}
	if key.Matches(msg, k.Open) {
		return openCustomer(p.c, inv.CustomerID)
	}
	return nil
}

// inviteTargets plans invitations for the target group's contactable
// customers who have none yet (the group may have grown since).
func (p *eventPage) inviteTargets() tea.Cmd {
	c, e := p.c, p.e
	if e.TargetRule == "" {
		return status(c.cat.T("tui.ev.no_target"))
	}
	return func() tea.Msg {
		ids, err := targetIDs(c, e.TargetRule)
		if err != nil {
			return invitedMsg{eventID: e.ID, err: err}
		}
		n, err := c.store.PlanInvitations(c.ctx(), e.ID, ids)
		return invitedMsg{eventID: e.ID, text: c.cat.T("tui.ev.planned", n), err: err}
	}
}

// targetIDs evaluates a rule over the store's customers, leaving out
// do-not-contact ones.
func targetIDs(c *common, src string) ([]int64, error) {
	r, err := rules.Parse(src)
	if err != nil {
		return nil, err
	}
	facts, err := c.store.RuleFacts(c.ctx(), 0)
	if err != nil {
		return nil, err
	}
	today := c.today()
	var ids []int64
	for i := range facts {
		if !facts[i].DoNotContact && r.Match(&facts[i], today) {
			ids = append(ids, facts[i].ID)
		}
	}
	return ids, nil
}

func (p *eventPage) Typing() bool { return false }

func (p *eventPage) Help() []helpGroup {
	k := p.c.keys
	b := func(keys, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys), key.WithHelp(keys, p.c.cat.T(desc)))
	}
	return []helpGroup{{p.c.cat.T("tui.tab.events"), []key.Binding{b("i", "tui.ev.key_invited"), b("y", "tui.ev.key_confirmed"),
		b("n", "tui.ev.key_declined"), b("a", "tui.ev.key_attended"), b("m", "tui.ev.key_no_show"), b("I", "tui.ev.key_plan"),
		k.Edit, k.Open, k.Back}}}
}

func (p *eventPage) View(w, h int) string {
	s, cat := p.c.styles, p.c.cat
	e := p.e
	var b strings.Builder
	b.WriteString(s.Title.Render(cut(clean(e.Name), w)) + "  " + s.Dim.Render(cat.EventKind(e.Kind)) + "\n")
	day := domain.DateOf(e.StartsAt.In(p.c.loc))
	b.WriteString(cut(fmt.Sprintf("%s %s–%s · %s", cat.DateFull(day), e.StartsAt.In(p.c.loc).Format("15:04"),
		e.EndsAt.In(p.c.loc).Format("15:04"), clean(e.Place)), w) + "\n")
	if e.TargetRule != "" {
		b.WriteString(s.Dim.Render(cut(cat.T("tui.ev.target", clean(e.TargetRule)), w)) + "\n")
	}
	if !p.loaded {
		return b.String() + s.Dim.Render(cat.T("tui.detail.loading"))
	}
	f := p.funnel
	stages := []struct {
		key string
		n   int
	}{{"cli.event.targeted", f.Targeted}, {"cli.event.invited", f.Invited}, {"cli.event.confirmed", f.Confirmed},
		{"cli.event.attended", f.Attended}, {"cli.event.bought", f.Bought}}
	barW := max(5, min(30, w-30))
	for _, st := range stages {
		n := 0
		if f.Targeted > 0 {
			n = st.n * barW / f.Targeted
		}
		b.WriteString(" " + fit(cat.T(st.key), 8) + fmt.Sprintf("%5d ", st.n) + s.Progress.Render(strings.Repeat("█", n)) +
			s.Dim.Render(strings.Repeat("·", barW-n)) + "\n")
	}
	b.WriteString(s.Dim.Render(cut(fmt.Sprintf(" %s %d · %s %d · %s %s", cat.T("cli.event.declined"), f.Declined,
		cat.T("cli.event.no_show"), f.NoShow, cat.T("cli.event.revenue"), cat.Money(f.Revenue)), w)) + "\n")
	listH := max(1, h-strings.Count(b.String(), "\n")-1)
	if p.cursor < p.offset {
		p.offset = p.cursor
	}
	if p.cursor >= p.offset+listH {
		p.offset = p.cursor - listH + 1
	}
	for i := p.offset; i < min(len(p.invs), p.offset+listH); i++ {
		inv := p.invs[i]
		who := p.names[inv.CustomerID]
		line := fit(fmt.Sprintf(" %s %s %s", fit(clean(who.DisplayName()), 16), fit(cat.InvitationStatus(inv.Status), 8),
			cat.Class(who.Class)), w)
		if i == p.cursor {
			line = s.ItemSelected.Render(line)
		}
		b.WriteString(line + "\n")
	}
	return b.String()
}
