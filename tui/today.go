package tui

import (
	"context"
	"errors"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/domain/agenda"
)

// questions are the Today sections in order.
var questions = [3]agenda.Question{agenda.Maintain, agenda.Invite, agenda.Serve}

// dayCount is how many items a coming day has, for the quiet-day view.
type dayCount struct {
	day domain.Date
	n   int
}

// todayPage answers the daily three questions for one day.
type todayPage struct {
	c        *common
	day      domain.Date
	ag       *agenda.Agenda
	loading  bool
	empty    bool // the store has no customers at all
	upcoming []dayCount
	seq      int // the latest load asked for; older answers are dropped
	section  int
	cursor   [3]int
	offset   [3]int
	pending  map[string]int    // keys acted on: hidden until a load newer than the value
	said     map[string]string // status text to show when an action on this key is written
}

func newTodayPage(c *common, day domain.Date) *todayPage {
	return &todayPage{c: c, day: day, loading: true, pending: map[string]int{}, said: map[string]string{}}
}

// agendaMsg carries a computed agenda.
type agendaMsg struct {
	seq      int
	day      domain.Date
	ag       *agenda.Agenda
	empty    bool
	upcoming []dayCount
	err      error
}

// actionMsg asks the Today page to apply an action (from the log form,
// the snooze and skip dialogs, the group list); said, if set, is the status
// line once it is written.
type actionMsg struct {
	a    agenda.Action
	said string
}

// actedMsg reports an applied action.
type actedMsg struct {
	key   string
	label string // who the item was about, for the status line
	state agenda.ItemState
	err   error
}

// undoneMsg reports an undo.
type undoneMsg struct {
	key string
	err error
}

// agendaRecordedMsg says that today's agenda size and progress were
// written (they changed): the Insights reports that read them recompute.
type agendaRecordedMsg struct{}

// recordTimeout bounds the agenda-day write: it is a statistic, and
// another process's long write (an import) must not keep it waiting.
const recordTimeout = 2 * time.Second

// record keeps today's agenda size and progress for the completion figures
// of Insights, after the agenda is on screen: a write may wait for another
// process, the agenda must not. A failed or skipped write is not worth an
// error; the next load writes them again.
func (p *todayPage) record(day domain.Date, items, done int) tea.Cmd {
	c := p.c
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(c.ctx(), recordTimeout)
		defer cancel()
		if wrote, err := c.store.RecordAgendaDay(ctx, day, c.scopeID(), items, done); err == nil && wrote {
			return agendaRecordedMsg{}
		}
		return nil
	}
}

// load computes the agenda of the page's day off the UI loop.
func (p *todayPage) load() tea.Cmd {
	p.seq++
	p.loading = true
	seq, day, c := p.seq, p.day, p.c
	return func() tea.Msg {
		ctx := c.ctx()
		tolerance := 7
		if day == c.today() {
			tolerance = 0
		}
		if err := c.store.EnsureSegments(ctx, day, tolerance); err != nil {
			return agendaMsg{seq: seq, day: day, err: err}
		}
		q := agenda.Query{Date: day, Now: c.now(), Loc: c.loc, Scope: c.scope}
		ag, err := agenda.Build(ctx, c.store, q, c.cfg)
		if err != nil {
			return agendaMsg{seq: seq, day: day, err: err}
		}
		msg := agendaMsg{seq: seq, day: day, ag: ag}
		if len(ag.Maintain)+len(ag.Invite)+len(ag.Serve) == 0 {
			some, err := c.store.FindCustomers(ctx, domain.CustomerFilter{Limit: 1})
			msg.empty = err == nil && len(some) == 0
			for i := 1; i <= 7 && !msg.empty; i++ {
				q.Date = day.AddDays(i)
				if next, err := agenda.Build(ctx, c.store, q, c.cfg); err == nil {
					if n := len(next.Maintain) + len(next.Invite) + len(next.Serve); n > 0 {
						msg.upcoming = append(msg.upcoming, dayCount{q.Date, n})
					}
				}
			}
		}
		return msg
	}
}

// items returns the visible items of a section: acted-on ones are hidden
// at once, before the store's answer comes back.
func (p *todayPage) items(section int) []agenda.Item {
	if p.ag == nil {
		return nil
	}
	all := p.ag.Items(questions[section])
	if len(p.pending) == 0 {
		return all
	}
	out := make([]agenda.Item, 0, len(all))
	for _, it := range all {
		if _, hidden := p.pending[it.Key]; !hidden {
			out = append(out, it)
		}
	}
	return out
}

// selected returns the item under the cursor.
func (p *todayPage) selected() (agenda.Item, bool) {
	items := p.items(p.section)
	i := p.cursor[p.section]
	if i < 0 || i >= len(items) {
		return agenda.Item{}, false
	}
	return items[i], true
}

func (p *todayPage) clampCursor() {
	for s := range questions {
		n := len(p.items(s))
		p.cursor[s] = max(0, min(p.cursor[s], n-1))
	}
}

// Update handles loads, actions and the Today keys.
func (p *todayPage) Update(msg tea.Msg) (page, tea.Cmd) {
	switch msg := msg.(type) {
	case agendaMsg:
		if msg.seq != p.seq {
			return p, nil
		}
		p.loading = false
		if msg.err != nil {
			return p, p.c.errStatus(msg.err)
		}
		p.ag, p.empty, p.upcoming = msg.ag, msg.empty, msg.upcoming
		var record tea.Cmd
		if msg.day == p.c.today() {
			record = p.record(msg.day, msg.ag.Total, msg.ag.Done)
		}
		for k, after := range p.pending {
			if msg.seq >= after {
				delete(p.pending, k)
			}
		}
		p.clampCursor()
		return p, record
	case actionMsg:
		if msg.said != "" {
			p.said[msg.a.Item.Key] = msg.said
		}
		return p, p.apply(msg.a)
	case actedMsg:
		return p, p.acted(msg)
	case caseSavedMsg, eventsChangedMsg, invitedMsg:
		return p, p.load() // a case step or an invitation answered elsewhere changes Serve and Invite
	case undoneMsg:
		if msg.err != nil {
			return p, p.c.errStatus(msg.err)
		}
		text := p.c.cat.T("tui.status.undone")
		if msg.key == "" {
			text = p.c.cat.T("tui.status.nothing_undo")
		}
		return p, tea.Batch(status(text), p.load())
	case tea.KeyPressMsg:
		return p, p.key(msg)
	}
	return p, nil
}

func (p *todayPage) key(msg tea.KeyPressMsg) tea.Cmd {
	k := p.c.keys
	switch {
	case key.Matches(msg, k.Down):
		p.cursor[p.section] = min(p.cursor[p.section]+1, max(0, len(p.items(p.section))-1))
	case key.Matches(msg, k.Up):
		p.cursor[p.section] = max(p.cursor[p.section]-1, 0)
	case key.Matches(msg, k.NextSection):
		p.section = (p.section + 1) % 3
	case key.Matches(msg, k.PrevSection):
		p.section = (p.section + 2) % 3
	case key.Matches(msg, k.Maintain):
		p.section = 0
	case key.Matches(msg, k.Invite):
		p.section = 1
	case key.Matches(msg, k.Serve):
		p.section = 2
	case key.Matches(msg, k.Refresh):
		return tea.Batch(p.load(), status(p.c.cat.T("tui.status.refreshed")))
	case key.Matches(msg, k.PrevDay):
		p.day = p.day.AddDays(-1)
		return p.load()
	case key.Matches(msg, k.NextDay):
		p.day = p.day.AddDays(1)
		return p.load()
	case key.Matches(msg, k.Today):
		p.day = p.c.today()
		return p.load()
	case key.Matches(msg, k.Undo):
		return p.undo()
	case key.Matches(msg, k.Add) && p.empty:
		p.c.showTab(screenCustomers)
		p.c.open(newQuickAddForm(p.c))
	default:
		it, ok := p.selected()
		if !ok {
			if key.Matches(msg, k.Open, k.Done, k.Snooze, k.Skip, k.Copy) {
				return status(p.c.cat.T("tui.status.no_item"))
			}
			return nil
		}
		switch {
		case key.Matches(msg, k.Open):
			if it.Group != nil {
				g := newGroupPage(p.c, it, p.day)
				p.c.open(g)
				return g.load()
			}
			return openCustomer(p.c, it.CustomerID)
		case key.Matches(msg, k.Done):
			p.c.open(newLogForm(p.c, it, p.day))
		case key.Matches(msg, k.Snooze):
			p.c.open(newReasonDialog(p.c, it, p.day, agenda.StateSnoozed))
		case key.Matches(msg, k.Skip):
			p.c.open(newReasonDialog(p.c, it, p.day, agenda.StateSkipped))
		case key.Matches(msg, k.Copy):
			return composeMessage(p.c, it)
		case key.Matches(msg, k.Confirm, k.Decline):
			return p.answer(it, key.Matches(msg, k.Confirm))
		}
	}
	return nil
}

// apply hides the item at once (the cursor lands on the next one), counts
// it done, and writes the action off the UI loop.
func (p *todayPage) apply(a agenda.Action) tea.Cmd {
	if a.SalesID == 0 {
		a.SalesID = p.c.salesID()
	}
	if a.Now.IsZero() {
		a.Now = p.c.now()
	}
	if a.Day.IsZero() {
		a.Day = p.day
	}
	if !a.Unanswered() {
		p.pending[a.Item.Key] = 1 << 30 // hidden until the reload after the write
		if a.State == agenda.StateDone && p.ag != nil {
			p.ag.Done++
		}
		p.clampCursor()
	}
	c, label := p.c, clean(customerLabel(p.c, a.Item))
	return func() tea.Msg {
		st, err := c.store.Act(c.ctx(), a, c.cfg.Calls)
		return actedMsg{key: a.Item.Key, label: label, state: st, err: err}
	}
}

// acted reports the write and reloads the agenda.
func (p *todayPage) acted(msg actedMsg) tea.Cmd {
	if msg.err != nil {
		delete(p.said, msg.key)
		delete(p.pending, msg.key) // the reload puts the item and the count back
		return tea.Batch(p.c.errStatus(msg.err), p.load())
	}
	cmd := p.load()
	if _, ok := p.pending[msg.key]; ok {
		p.pending[msg.key] = p.seq
	}
	cat := p.c.cat
	var text string
	switch msg.state.State {
	case agenda.StateDone:
		text = cat.T("tui.status.done", msg.label)
	case agenda.StateSnoozed:
		text = cat.T("tui.status.snoozed", cat.Date(msg.state.Until), msg.label)
	case agenda.StateSkipped:
		text = cat.T("tui.status.skipped", msg.label)
	case agenda.StateTrying:
		text = cat.T("tui.status.trying", msg.state.RetryAt.In(p.c.loc).Format("15:04"), msg.label)
	}
	if said, ok := p.said[msg.key]; ok {
		text = said
		delete(p.said, msg.key)
	}
	return tea.Batch(cmd, status(text))
}

// answer records the customer's answer to an invitation in one key: the
// contact is logged, the item done and the invitation confirmed or declined.
func (p *todayPage) answer(it agenda.Item, yes bool) tea.Cmd {
	if it.Ref.InvitationID == 0 {
		return status(p.c.cat.T("tui.inv.not_invite"))
	}
	contact := agenda.DefaultContact(it)
	a := agenda.Action{Item: it, State: agenda.StateDone, Contact: contact, Day: p.day, Now: p.c.now(), SalesID: p.c.salesID(),
		InvitationTo: domain.InvConfirmed}
	text := p.c.cat.T("tui.inv.confirmed", clean(customerLabel(p.c, it)), clean(it.Reason.Name))
	if !yes {
		contact.Outcome, a.InvitationTo = domain.OutcomeDeclined, domain.InvDeclined
		text = p.c.cat.T("tui.inv.declined", clean(customerLabel(p.c, it)), clean(it.Reason.Name))
	}
	p.said[it.Key] = text
	return p.apply(a)
}

// undo takes back the last action of the salesperson.
func (p *todayPage) undo() tea.Cmd {
	c := p.c
	return func() tea.Msg {
		key, err := c.store.Undo(c.ctx(), c.salesID())
		if errors.Is(err, agenda.ErrNothingToUndo) {
			return undoneMsg{}
		}
		return undoneMsg{key: key, err: err}
	}
}

// Typing: the Today page has no text field.
func (p *todayPage) Typing() bool { return false }

// Help lists the Today keys, the most used first (the footer shows the first group).
func (p *todayPage) Help() []helpGroup {
	k := p.c.keys
	if p.empty {
		return []helpGroup{{p.c.cat.T("tui.help.today"), []key.Binding{k.Add}}, k.globalHelp(p.c.cat)}
	}
	return []helpGroup{
		{p.c.cat.T("tui.help.today"), []key.Binding{k.Done, k.Snooze, k.Skip, k.Copy, k.Undo, k.Open, k.NextSection, k.PrevDay, k.NextDay}},
		{p.c.cat.T("tui.help.move"), []key.Binding{k.Up, k.Down, k.Maintain, k.Invite, k.Serve, k.PrevSection, k.Today, k.Refresh}},
		{p.c.cat.T("tui.help.invite"), []key.Binding{k.Confirm, k.Decline}},
		k.globalHelp(p.c.cat),
	}
}
