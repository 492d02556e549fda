package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/crmtui/crmtui/domain"
)

// eventsPage lists the store's events with their funnels, upcoming first:
// enter opens one, a creates one.
type eventsPage struct {
	c       *common
	events  []domain.Event
	funnels map[int64]domain.Funnel
	cursor  int
	offset  int
	loading bool
}

// eventsMsg carries the events and their funnels.
type eventsMsg struct {
	events  []domain.Event
	funnels map[int64]domain.Funnel
	err     error
}

// eventsChangedMsg asks the events list (and an open event) to reload.
type eventsChangedMsg struct{ id int64 }

func newEventsPage(c *common) *eventsPage { return &eventsPage{c: c, loading: true} }

// load reads the events and their funnels off the UI loop; upcoming events
// come first (soonest first), then past ones (latest first).
func (p *eventsPage) load() tea.Cmd {
	c := p.c
	return func() tea.Msg {
		ctx := c.ctx()
		all, err := c.store.Events(ctx)
		if err != nil {
			return eventsMsg{err: err}
		}
		today := c.today()
		var upcoming, past []domain.Event
		for _, e := range all {
			if domain.DateOf(e.StartsAt.In(c.loc)).Before(today) {
				past = append(past, e)
			} else {
				upcoming = append([]domain.Event{e}, upcoming...)
			}
		}
		out := eventsMsg{events: append(upcoming, past...), funnels: map[int64]domain.Funnel{}}
		for _, e := range out.events {
			if out.funnels[e.ID], err = c.store.EventFunnel(ctx, e.ID); err != nil {
				return eventsMsg{err: err}
			}
		}
		return out
	}
}

func (p *eventsPage) Update(msg tea.Msg) (page, tea.Cmd) {
	switch msg := msg.(type) {
	case eventsMsg:
		p.loading = false
		if msg.err != nil {
			return p, p.c.errStatus(msg.err)
		}
		p.events, p.funnels = msg.events, msg.funnels
		p.cursor = max(0, min(p.cursor, len(p.events)-1))
	case eventsChangedMsg:
		return p, p.load()
	case tea.KeyPressMsg:
		k := p.c.keys
		switch {
		case key.Matches(msg, k.Down):
			p.cursor = min(p.cursor+1, max(0, len(p.events)-1))
		case key.Matches(msg, k.Up):
			p.cursor = max(p.cursor-1, 0)
		case key.Matches(msg, k.Add):
			p.c.open(newEventForm(p.c, domain.Event{Kind: domain.EventPromotion, InviteWindowDays: 14,
				StartsAt: p.c.today().AddDays(14).Time(p.c.loc).Add(19 * 3600e9)}))
		case key.Matches(msg, k.Open) && len(p.events) > 0:
			ev := newEventPage(p.c, p.events[p.cursor])
			p.c.open(ev)
			return p, ev.load()
		}
	}
	return p, nil
}

func (p *eventsPage) Typing() bool { return false }

func (p *eventsPage) Help() []helpGroup {
	k := p.c.keys
	return []helpGroup{{p.c.cat.T("tui.tab.events"), []key.Binding{k.Open, k.Add, k.Up, k.Down}}, k.globalHelp(p.c.cat)}
}

func (p *eventsPage) View(w, h int) string {
	s, cat := p.c.styles, p.c.cat
	if p.loading {
		return s.Dim.Render(cat.T("tui.detail.loading"))
	}
	if len(p.events) == 0 {
		return "\n" + s.Dim.Render(wrap(cat.T("tui.ev.none"), w))
	}
	var b strings.Builder
	b.WriteString(s.Dim.Render(cut(cat.T("tui.ev.columns"), w)) + "\n")
	listH := max(1, h-1)
	if p.cursor < p.offset {
		p.offset = p.cursor
	}
	if p.cursor >= p.offset+listH {
		p.offset = p.cursor - listH + 1
	}
	today := p.c.today()
	nameW := 26
	if p.c.narrow() {
		nameW = 18
	}
	for i := p.offset; i < min(len(p.events), p.offset+listH); i++ {
		e := p.events[i]
		f := p.funnels[e.ID]
		day := domain.DateOf(e.StartsAt.In(p.c.loc))
		when := cat.DateIn(day, today) + " " + e.StartsAt.In(p.c.loc).Format("15:04")
		line := fmt.Sprintf(" %s %s %s", fit(clean(e.Name), nameW), fit(when, 16),
			fmt.Sprintf("%d → %d → %d → %d → %d", f.Targeted, f.Invited, f.Confirmed, f.Attended, f.Bought))
		line = fit(line, w)
		switch {
		case i == p.cursor:
			line = s.ItemSelected.Render(line)
		case day.Before(today):
			line = s.Dim.Render(line)
		}
		b.WriteString(line + "\n")
	}
	return b.String()
}
