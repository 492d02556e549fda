package tui

import (
	"slices"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/domain/agenda"
)

// casePage is one service case: its customer, description, times, every
// complaint step stamped so far with its time and note, and the next step.
// n stamps the next step, x skips ahead with a reason, z closes the case,
// o opens the customer.
type casePage struct {
	c      *common
	id     int64
	sc     *domain.ServiceCase
	who    agenda.CustomerFact
	scroll int
	lines  int
}

// caseMsg carries one case and its customer.
type caseMsg struct {
	id  int64
	sc  *domain.ServiceCase
	who agenda.CustomerFact
	err error
}

// openCase shows a case above the current page and loads it.
func openCase(c *common, id int64) tea.Cmd {
	p := &casePage{c: c, id: id}
	c.open(p)
	return p.load()
}

func (p *casePage) load() tea.Cmd {
	c, id := p.c, p.id
	return func() tea.Msg {
		ctx := c.ctx()
		sc, err := c.store.Case(ctx, id)
		if err != nil {
			return caseMsg{id: id, err: err}
		}
		m := caseMsg{id: id, sc: sc}
		people, err := c.store.Customers(ctx, []int64{sc.CustomerID})
		m.who, m.err = people[sc.CustomerID], err
		return m
	}
}

func (p *casePage) Update(msg tea.Msg) (page, tea.Cmd) {
	switch msg := msg.(type) {
	case caseMsg:
		if msg.id != p.id {
			return p, nil
		}
		if msg.err != nil {
			return p, p.c.errStatus(msg.err)
		}
		p.sc, p.who = msg.sc, msg.who
	case caseSavedMsg:
		if msg.id == p.id {
			return p, p.load() // the Service list reports the write
		}
	case tea.KeyPressMsg:
		k := p.c.keys
		switch {
		case key.Matches(msg, k.Down):
			p.scroll = min(p.scroll+1, max(0, p.lines-3))
		case key.Matches(msg, k.Up):
			p.scroll = max(p.scroll-1, 0)
		case p.sc == nil:
		case key.Matches(msg, k.SvcCustomer):
			return p, openCustomer(p.c, p.sc.CustomerID)
		default:
			return p, caseAction(p.c, *p.sc, msg)
		}
	}
	return p, nil
}

func (p *casePage) Typing() bool { return false }

func (p *casePage) Help() []helpGroup {
	k := p.c.keys
	return []helpGroup{{p.c.cat.T("tui.svc.help.case"), []key.Binding{k.SvcStep, k.SvcSkip, k.SvcClose, k.SvcCustomer, k.Up, k.Down, k.Back}}}
}

func (p *casePage) View(w, h int) string {
	c, s, cat := p.c, p.c.styles, p.c.cat
	if p.sc == nil {
		return s.Dim.Render(cat.T("tui.svc.case_loading"))
	}
	sc := p.sc
	var out []string
	add := func(line string) { out = append(out, cut(line, w)) }
	label := func(k string) string { return s.Label.Render(k) }
	head := s.Title.Render(clean(sc.Title)) + "  " + caseKindText(c, sc) + " · " + cat.CaseChannel(sc.Channel) + " · " + cat.CaseStatus(sc.Status)
	if l := c.late(sc); l > 0 {
		head += "  " + s.Overdue.Render(lateText(c, l))
	}
	add(head)
	who := clean(personLabel(p.who, "#"+strconv.FormatInt(sc.CustomerID, 10)))
	if p.who.Phone != "" {
		who += " · " + clean(p.who.Phone)
	}
	add(label(cat.T("tui.svc.customer")) + " " + who)
	add(label(cat.T("tui.svc.times")) + " " + cat.T("tui.svc.opened", stamp(c, sc.OpenedAt)) + " · " + cat.T("tui.svc.due", stamp(c, sc.DueAt)))
	if sc.Description != "" {
		for i, l := range strings.Split(wrap(clean(sc.Description), max(10, w-width(cat.T("tui.svc.description"))-1)), "\n") {
			lead := label(cat.T("tui.svc.description"))
			if i > 0 {
				lead = strings.Repeat(" ", width(lead))
			}
			add(lead + " " + l)
		}
	}
	if sc.Kind == domain.CaseComplaint {
		add("")
		add(s.Section.Render(cat.T("tui.svc.steps", len(sc.Steps), len(domain.ComplaintSteps))))
		out = append(out, p.steps(w)...)
	}
	if sc.Status == domain.CaseClosed {
		add("")
		add(s.OK.Render(cat.T("tui.svc.closed_line", stamp(c, sc.ClosedAt), sc.Satisfaction)))
	}
	if sc.Resolution != "" {
		add(label(cat.T("tui.svc.resolution")) + " " + clean(sc.Resolution))
	}
	p.lines = len(out)
	start := min(p.scroll, max(0, len(out)-1))
	end := min(len(out), start+h)
	return strings.Join(out[start:end], "\n")
}

// steps draws the five steps: each done one with its time and note (or the
// reason it was skipped), the next one with the key that stamps it, the
// rest dim.
func (p *casePage) steps(w int) []string {
	c, s, cat := p.c, p.c.styles, p.c.cat
	sc := p.sc
	nameW := wordWidth(domain.ComplaintSteps, cat.ComplaintStep)
	timeW := 0
	for _, st := range sc.Steps {
		timeW = max(timeW, width(stamp(c, st.At)))
	}
	next := sc.NextStep()
	var out []string
	for _, st := range domain.ComplaintSteps {
		name := strconv.Itoa(int(st)) + " " + cat.ComplaintStep(st)
		padded := strconv.Itoa(int(st)) + " " + fit(cat.ComplaintStep(st), nameW)
		var line string
		switch {
		case int(st) <= len(sc.Steps):
			done := sc.Steps[st-1]
			mark, note := s.OK.Render("✓"), clean(done.Note)
			if done.SkippedReason != "" {
				mark, note = s.Held.Render("↷"), s.Held.Render(cat.T("tui.svc.skipped_because", clean(done.SkippedReason)))
			}
			line = "  " + mark + " " + padded + "  " + s.Dim.Render(fit(stamp(c, done.At), timeW)) + "  " + note
		case st == next && sc.Status != domain.CaseClosed:
			hint := cat.T("tui.svc.next_hint")
			if st == domain.StepFollowUp {
				hint = cat.T("tui.svc.next_hint_last")
			}
			line = "  " + s.Key.Render("→") + " " + s.Title.Render(padded) + "  " + s.Dim.Render(hint)
		default:
			line = "    " + s.Dim.Render(name)
		}
		out = append(out, cut(line, w))
	}
	return out
}

// newStepForm asks for the note of the complaint's next step and stamps it.
func newStepForm(c *common, sc domain.ServiceCase) page {
	cat := c.cat
	next := sc.NextStep()
	f := newForm(c, cat.T("tui.svc.step_title", int(next), cat.ComplaintStep(next), clean(sc.Title)))
	f.text("note", cat.T("tui.log.note"), "", cat.T("tui.svc.note_hint"))
	f.submit = func(v map[string]string) (map[string]string, tea.Cmd) {
		if v["note"] == "" {
			return map[string]string{"note": cat.T("tui.svc.note_required")}, nil
		}
		at := c.now()
		try := sc
		try.Steps = slices.Clone(sc.Steps)
		if err := try.RecordStep(next, at, v["note"], ""); err != nil {
			return fieldErrors(c, err), nil
		}
		text := cat.T("tui.svc.stamped", int(next), cat.ComplaintStep(next), clean(sc.Title))
		return nil, writeCase(c, sc.ID, text, func() error {
			return c.store.RecordCaseStep(c.ctx(), sc.ID, next, at, v["note"], "")
		})
	}
	return f.start()
}

// newSkipForm stamps a later step than the next one; the steps between are
// marked skipped with the reason, which the domain requires.
func newSkipForm(c *common, sc domain.ServiceCase) page {
	cat := c.cat
	next := sc.NextStep()
	f := newForm(c, cat.T("tui.svc.skip_title", clean(sc.Title)))
	var steps []option
	for st := next + 1; st <= domain.StepFollowUp; st++ {
		steps = append(steps, option{strconv.Itoa(int(st)), strconv.Itoa(int(st)) + " " + cat.ComplaintStep(st)})
	}
	f.choice("step", cat.T("tui.svc.skip_to"), steps, "").
		text("skipped_reason", cat.T("tui.svc.reason"), "", cat.T("tui.svc.reason_hint")).
		text("note", cat.T("tui.log.note"), "", "")
	f.submit = func(v map[string]string) (map[string]string, tea.Cmd) {
		n, _ := strconv.Atoi(v["step"])
		step := domain.ComplaintStep(n)
		if v["skipped_reason"] == "" { // the domain's words for it are long for one line
			why := cat.T("tui.svc.reason_required", int(next), int(step)-1)
			if step == next+1 {
				why = cat.T("tui.svc.reason_required_one", int(next), cat.ComplaintStep(next))
			}
			return map[string]string{"skipped_reason": why}, nil
		}
		at := c.now()
		try := sc
		try.Steps = slices.Clone(sc.Steps)
		if err := try.RecordStep(step, at, v["note"], v["skipped_reason"]); err != nil {
			return fieldErrors(c, err), nil
		}
		text := cat.T("tui.svc.skipped", int(step), cat.ComplaintStep(step), clean(sc.Title))
		return nil, writeCase(c, sc.ID, text, func() error {
			return c.store.RecordCaseStep(c.ctx(), sc.ID, step, at, v["note"], v["skipped_reason"])
		})
	}
	return f.start()
}

// satisfactionKeys name the satisfaction scores 1–5.
var satisfactionKeys = []string{"tui.svc.sat.very_bad", "tui.svc.sat.bad", "tui.svc.sat.neutral", "tui.svc.sat.good", "tui.svc.sat.very_good"}

// newCloseCaseForm closes a case with how it was resolved and the
// customer's satisfaction 1–5, which has no default: it is asked, not assumed.
func newCloseCaseForm(c *common, sc domain.ServiceCase) page {
	cat := c.cat
	f := newForm(c, cat.T("tui.svc.close_title", clean(sc.Title)))
	sat := []option{{"0", "—"}}
	for i, k := range satisfactionKeys {
		sat = append(sat, option{strconv.Itoa(i + 1), cat.T(k)})
	}
	f.text("resolution", cat.T("tui.svc.resolution"), sc.Resolution, "").
		choice("satisfaction", cat.T("tui.svc.satisfaction"), sat, "0")
	f.submit = func(v map[string]string) (map[string]string, tea.Cmd) {
		errs := map[string]string{}
		if v["resolution"] == "" {
			errs["resolution"] = cat.T("tui.svc.resolution_required")
		}
		n, _ := strconv.Atoi(v["satisfaction"])
		at := c.now()
		try := sc
		try.Status, try.Resolution, try.Satisfaction, try.ClosedAt = domain.CaseClosed, v["resolution"], n, at
		if err := try.Validate(); err != nil {
			for k, e := range fieldErrors(c, err) {
				errs[k] = e
			}
		}
		if n == 0 { // the domain's words for it are long for one line
			errs["satisfaction"] = cat.T("tui.svc.satisfaction_required")
		}
		if len(errs) > 0 {
			return errs, nil
		}
		text := cat.T("tui.svc.closed", clean(sc.Title), n)
		return nil, writeCase(c, sc.ID, text, func() error {
			return c.store.CloseCase(c.ctx(), sc.ID, at, v["resolution"], n)
		})
	}
	return f.start()
}
