package tui

import (
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/domain/agenda"
)

// servicePage is the Service tab: the open service cases of the
// salesperson's scope (appointments, online targets, after-sale work,
// complaints), by time limit, filtered by kind with 0–4 or tab. enter opens
// a case; n, x and z stamp the next complaint step, skip ahead with a
// reason and close the case, from the list or from the case itself.
type servicePage struct {
	c       *common
	cases   []domain.ServiceCase // open cases, by time limit (the store's order)
	people  map[int64]agenda.CustomerFact
	loading bool
	loadErr error
	seq     int
	kind    int // 0 all, else index+1 in domain.CaseKinds
	cursor  [5]int
	offset  [5]int
}

// casesMsg carries the open cases and their customers.
type casesMsg struct {
	seq    int
	cases  []domain.ServiceCase
	people map[int64]agenda.CustomerFact
	err    error
}

// caseSavedMsg reports a write to a case (a step, a skip, closing): the
// Service list reports it and reloads, an open case page reloads itself.
type caseSavedMsg struct {
	id   int64
	text string
	err  error
}

func newServicePage(c *common) *servicePage {
	return &servicePage{c: c, loading: true}
}

// load reads the open cases of the scope and their customers off the UI loop.
func (p *servicePage) load() tea.Cmd {
	p.seq++
	seq, c := p.seq, p.c
	return func() tea.Msg {
		ctx := c.ctx()
		cases, err := c.store.OpenCases(ctx, c.scope)
		if err != nil {
			return casesMsg{seq: seq, err: err}
		}
		ids := make([]int64, 0, len(cases))
		for _, sc := range cases {
			ids = append(ids, sc.CustomerID)
		}
		people, err := c.store.Customers(ctx, ids)
		return casesMsg{seq: seq, cases: cases, people: people, err: err}
	}
}

// writeCase runs a write to a case off the UI loop and reports it.
func writeCase(c *common, id int64, text string, write func() error) tea.Cmd {
	return func() tea.Msg { return caseSavedMsg{id: id, text: text, err: write()} }
}

// shown lists the positions in p.cases of the current kind's cases.
func (p *servicePage) shown() []int {
	out := make([]int, 0, len(p.cases))
	for i, sc := range p.cases {
		if p.kind == 0 || sc.Kind == domain.CaseKinds[p.kind-1] {
			out = append(out, i)
		}
	}
	return out
}

// count is how many open cases a kind filter has.
func (p *servicePage) count(kind int) int {
	n := 0
	for _, sc := range p.cases {
		if kind == 0 || sc.Kind == domain.CaseKinds[kind-1] {
			n++
		}
	}
	return n
}

func (p *servicePage) selected() (*domain.ServiceCase, bool) {
	shown := p.shown()
	i := p.cursor[p.kind]
	if i < 0 || i >= len(shown) {
		return nil, false
	}
	return &p.cases[shown[i]], true
}

func (p *servicePage) clamp() {
	for k := range p.cursor {
		p.cursor[k] = max(0, min(p.cursor[k], p.count(k)-1))
	}
}

func (p *servicePage) Update(msg tea.Msg) (page, tea.Cmd) {
	switch msg := msg.(type) {
	case casesMsg:
		if msg.seq != p.seq {
			return p, nil
		}
		p.loading, p.loadErr = false, msg.err
		if msg.err != nil {
			return p, p.c.errStatus(msg.err)
		}
		p.cases, p.people = msg.cases, msg.people
		p.clamp()
	case caseSavedMsg:
		if msg.err != nil {
			return p, tea.Batch(p.c.errStatus(msg.err), p.load())
		}
		return p, tea.Batch(status(msg.text), p.load())
	case tea.KeyPressMsg:
		return p, p.key(msg)
	}
	return p, nil
}

func (p *servicePage) key(msg tea.KeyPressMsg) tea.Cmd {
	k := p.c.keys
	n := len(domain.CaseKinds) + 1
	switch {
	case key.Matches(msg, k.Down):
		p.cursor[p.kind] = min(p.cursor[p.kind]+1, max(0, p.count(p.kind)-1))
	case key.Matches(msg, k.Up):
		p.cursor[p.kind] = max(p.cursor[p.kind]-1, 0)
	case key.Matches(msg, k.SvcKind):
		p.kind = int(msg.String()[0] - '0')
	case key.Matches(msg, k.SvcNextKind):
		p.kind = (p.kind + 1) % n
	case key.Matches(msg, k.SvcPrevKind):
		p.kind = (p.kind + n - 1) % n
	case key.Matches(msg, k.Refresh):
		return tea.Batch(p.load(), status(p.c.cat.T("tui.status.refreshed")))
	default:
		sc, ok := p.selected()
		if !ok {
			if key.Matches(msg, k.SvcOpen, k.SvcStep, k.SvcSkip, k.SvcClose, k.SvcCustomer) {
				return status(p.c.cat.T("tui.svc.no_case"))
			}
			return nil
		}
		switch {
		case key.Matches(msg, k.SvcOpen):
			return openCase(p.c, sc.ID)
		case key.Matches(msg, k.SvcCustomer):
			return openCustomer(p.c, sc.CustomerID)
		default:
			return caseAction(p.c, *sc, msg)
		}
	}
	return nil
}

// caseAction opens the form behind n (next step), x (skip ahead) or z
// (close) for a case, or says why it cannot.
func caseAction(c *common, sc domain.ServiceCase, msg tea.KeyPressMsg) tea.Cmd {
	k, cat := c.keys, c.cat
	if !key.Matches(msg, k.SvcStep, k.SvcSkip, k.SvcClose) {
		return nil
	}
	if sc.Status == domain.CaseClosed {
		return status(cat.T("tui.svc.is_closed"))
	}
	if key.Matches(msg, k.SvcClose) {
		c.open(newCloseCaseForm(c, sc))
		return nil
	}
	next := sc.NextStep()
	switch {
	case sc.Kind != domain.CaseComplaint:
		return status(cat.T("tui.svc.not_complaint"))
	case next == 0:
		return status(cat.T("tui.svc.all_steps"))
	case key.Matches(msg, k.SvcStep):
		c.open(newStepForm(c, sc))
	case next == domain.StepFollowUp:
		return status(cat.T("tui.svc.no_skip"))
	default:
		c.open(newSkipForm(c, sc))
	}
	return nil
}

func (p *servicePage) Typing() bool { return false }

func (p *servicePage) Help() []helpGroup {
	k, cat := p.c.keys, p.c.cat
	return []helpGroup{
		{cat.T("tui.svc.help.list"), []key.Binding{k.SvcOpen, k.SvcStep, k.SvcSkip, k.SvcClose, k.SvcCustomer, k.SvcKind, k.SvcNextKind}},
		{cat.T("tui.help.move"), []key.Binding{k.Up, k.Down, k.SvcPrevKind, k.Refresh}},
		k.globalHelp(cat),
	}
}

// lateText says how late a case is: 超时40分钟, 超时26小时, 超时3天.
func lateText(c *common, late time.Duration) string {
	switch {
	case late < time.Hour:
		return c.cat.T("tui.svc.late_minutes", max(1, int(late.Minutes())))
	case late < 48*time.Hour:
		return c.cat.T("tui.svc.late_hours", int(late.Hours()))
	}
	return c.cat.T("tui.svc.late_days", int(late.Hours()/24))
}

// late is how long ago a case's time limit passed, or 0.
func (c *common) late(sc *domain.ServiceCase) time.Duration {
	if sc.Status == domain.CaseClosed || sc.DueAt.IsZero() {
		return 0
	}
	if d := c.now().Sub(sc.DueAt); d > 0 {
		return d
	}
	return 0
}

// stamp shows a time as a person reads it: 今天 15:00, 明天 10:00,
// 11月25日 18:00 (with the year when it is not this year's).
func stamp(c *common, t time.Time) string {
	if t.IsZero() {
		return ""
	}
	lt := t.In(c.loc)
	d, today := domain.DateOf(lt), c.today()
	day := c.cat.DateIn(d, today)
	if n := d.Sub(today); n >= -1 && n <= 1 {
		day = c.cat.Days(n)
	}
	return day + " " + lt.Format("15:04")
}

// caseKindText is a case's kind and sub-kind: 客诉·商品.
func caseKindText(c *common, sc *domain.ServiceCase) string {
	if sc.Subkind == "" {
		return c.cat.CaseKind(sc.Kind)
	}
	return c.cat.CaseKind(sc.Kind) + "·" + c.cat.CaseSubkind(sc.Kind, sc.Subkind)
}

// caseState is what a case waits for: a complaint's next step, or its status.
func caseState(c *common, sc *domain.ServiceCase) string {
	if sc.Kind == domain.CaseComplaint && sc.Status != domain.CaseClosed {
		if next := sc.NextStep(); next != 0 {
			return c.cat.T("tui.svc.next_step", int(next), c.cat.ComplaintStep(next))
		}
		return c.cat.T("tui.svc.steps_done")
	}
	return c.cat.CaseStatus(sc.Status)
}
