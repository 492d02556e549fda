package tui

import (
	"errors"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/domain/agenda"
)

// templatesPage is the Templates tab: every purpose's message (话术) in the
// app's language, the user's own where there is one, else the shipped
// default. e edits a body (an unknown placeholder is refused with its
// position), p previews it filled in for a real customer, D goes back to
// the default.
type templatesPage struct {
	c       *common
	user    []domain.Template
	rows    []tplRow
	loading bool
	loadErr error
	cursor  int
	offset  int
}

// tplRow is one line of the list: the template that applies to a purpose
// (and channel), and whether it is the user's own.
type tplRow struct {
	t      domain.Template
	custom bool
	name   string // the purpose in words: the default template's name
}

// templatesMsg carries the user's templates.
type templatesMsg struct {
	user []domain.Template
	err  error
}

// templateSavedMsg reports a save or a revert.
type templateSavedMsg struct {
	text string
	err  error
}

func newTemplatesPage(c *common) *templatesPage {
	p := &templatesPage{c: c, loading: true}
	p.rebuild()
	return p
}

// load reads the user's templates off the UI loop.
func (p *templatesPage) load() tea.Cmd {
	c := p.c
	return func() tea.Msg {
		user, err := c.store.Templates(c.ctx())
		return templatesMsg{user: user, err: err}
	}
}

// rebuild lists, for each purpose, the template of any channel (the user's
// or the default), then the user's templates for one channel.
func (p *templatesPage) rebuild() {
	lang := string(p.c.cat.Lang())
	p.rows = p.rows[:0]
	for _, purpose := range domain.TemplatePurposes {
		def, _ := domain.DefaultTemplate(purpose, lang)
		row := tplRow{t: def, name: def.Name}
		var channels []tplRow
		for _, t := range p.user {
			if t.Purpose != purpose || t.Lang != lang {
				continue
			}
			if t.Channel == "" {
				row.t, row.custom = t, true
			} else {
				channels = append(channels, tplRow{t: t, custom: true, name: def.Name})
			}
		}
		p.rows = append(p.rows, row)
		p.rows = append(p.rows, channels...)
	}
	p.cursor = max(0, min(p.cursor, len(p.rows)-1))
}

func (p *templatesPage) selected() (tplRow, bool) {
	if p.cursor < 0 || p.cursor >= len(p.rows) {
		return tplRow{}, false
	}
	return p.rows[p.cursor], true
}

func (p *templatesPage) Update(msg tea.Msg) (page, tea.Cmd) {
	switch msg := msg.(type) {
	case templatesMsg:
		p.loading, p.loadErr = false, msg.err
		if msg.err != nil {
			return p, p.c.errStatus(msg.err)
		}
		p.user = msg.user
		// Messages rendered elsewhere (Today's c) use the templates as saved.
		p.c.templates = slices.Clone(msg.user)
		p.rebuild()
	case templateSavedMsg:
		if msg.err != nil {
			return p, tea.Batch(p.c.errStatus(msg.err), p.load())
		}
		return p, tea.Batch(status(msg.text), p.load())
	case tea.KeyPressMsg:
		return p, p.key(msg)
	}
	return p, nil
}

func (p *templatesPage) key(msg tea.KeyPressMsg) tea.Cmd {
	k, c := p.c.keys, p.c
	switch {
	case key.Matches(msg, k.Down):
		p.cursor = min(p.cursor+1, max(0, len(p.rows)-1))
		return nil
	case key.Matches(msg, k.Up):
		p.cursor = max(p.cursor-1, 0)
		return nil
	case key.Matches(msg, k.Refresh):
		return tea.Batch(p.load(), status(c.cat.T("tui.status.refreshed")))
	}
	row, ok := p.selected()
	if !ok {
		return nil
	}
	switch {
	case key.Matches(msg, k.TplEdit):
		e := newTemplateEditor(c, row)
		c.open(e)
		return loadSample(c)
	case key.Matches(msg, k.TplPreview):
		return previewTemplate(c, row)
	case key.Matches(msg, k.TplRevert):
		if !row.custom {
			return status(c.cat.T("tui.tpl.is_default"))
		}
		c.open(newRevertDialog(c, row))
	}
	return nil
}

func (p *templatesPage) Typing() bool { return false }

func (p *templatesPage) Help() []helpGroup {
	k := p.c.keys
	return []helpGroup{
		{p.c.cat.T("tui.tpl.help"), []key.Binding{k.TplEdit, k.TplPreview, k.TplRevert, k.Up, k.Down, k.Refresh}},
		k.globalHelp(p.c.cat),
	}
}

// saveTemplate writes a template off the UI loop.
func saveTemplate(c *common, t domain.Template, text string) tea.Cmd {
	return func() tea.Msg {
		return templateSavedMsg{text: text, err: c.store.SaveTemplate(c.ctx(), &t)}
	}
}

// positionRe finds the character position in the domain's template errors.
var positionRe = regexp.MustCompile(`at character (\d+)`)

// templateErrors words a template's validation errors for the form: a
// placeholder or brace problem says where it is (第 12 个字符) and what was
// typed; other problems are worded by the catalog.
func templateErrors(c *common, err error) map[string]string {
	out := fieldErrors(c, err)
	var problems []*domain.FieldError
	var ve *domain.ValidationError
	var fe *domain.FieldError
	switch {
	case errors.As(err, &ve):
		problems = ve.Problems
	case errors.As(err, &fe):
		problems = []*domain.FieldError{fe}
	}
	for _, fe := range problems {
		m := positionRe.FindStringSubmatch(fe.Detail)
		if fe.Field != "body" || m == nil {
			continue
		}
		pos, _ := strconv.Atoi(m[1])
		switch {
		case fe.Code == domain.CodeUnknown:
			out["body"] = c.cat.T("tui.tpl.err_unknown", pos, clean(fe.Value))
		case strings.Contains(fe.Detail, "never closed"):
			out["body"] = c.cat.T("tui.tpl.err_open", pos)
		default:
			out["body"] = c.cat.T("tui.tpl.err_close", pos)
		}
	}
	return out
}

// sample is a real customer's values for previews: the most valuable
// customer of the salesperson (of the store when they have none), their
// latest purchase, the next event and the next holiday.
type sample struct {
	who    string
	values map[string]string
}

// sampleMsg carries the preview values.
type sampleMsg struct {
	s   *sample
	err error
}

// loadSample reads the preview customer off the UI loop.
func loadSample(c *common) tea.Cmd {
	return func() tea.Msg {
		s, err := readSample(c)
		return sampleMsg{s: s, err: err}
	}
}

// readSample fills the placeholders as message.go does for an agenda item,
// for the most valuable customer; it runs in a command, never in Update.
func readSample(c *common) (*sample, error) {
	ctx := c.ctx()
	f := domain.CustomerFilter{Limit: 1}
	if !c.scope.All {
		f.OwnerID = c.scope.SalesID
	}
	list, err := c.store.FindCustomers(ctx, f)
	if err == nil && len(list) == 0 && f.OwnerID != 0 {
		f.OwnerID = 0
		list, err = c.store.FindCustomers(ctx, f)
	}
	if err != nil || len(list) == 0 {
		return nil, err
	}
	cust := list[0]
	today := c.today()
	it := agenda.Item{CustomerID: cust.ID, Customer: cust.Name, Salutation: cust.Salutation, Due: today}
	var fact *agenda.CustomerFact
	if facts, err := c.store.Customers(ctx, []int64{cust.ID}); err == nil {
		if f, ok := facts[cust.ID]; ok {
			fact = &f
		}
	}
	var next *domain.Event
	if events, err := c.store.Events(ctx); err == nil {
		for i, e := range events {
			if e.StartsAt.After(c.now()) && (next == nil || e.StartsAt.Before(next.StartsAt)) {
				next = &events[i]
			}
		}
	}
	values := fillValues(c, it, fact, next)
	if ps, err := c.store.Purchases(ctx, cust.ID, 1); err == nil && len(ps) > 0 {
		if len(ps[0].Items) > 0 {
			values["product"] = ps[0].Items[0].Product
		}
		values["days_since_purchase"] = strconv.Itoa(today.Sub(ps[0].On))
	}
	if hs := domain.HolidaysIn(today, today.AddDays(366), nil); len(hs) > 0 {
		values["holiday"] = hs[0].Name(string(c.cat.Lang()))
	}
	who := cust.Name
	if cust.Salutation != "" && cust.Salutation != cust.Name {
		who += " " + cust.Salutation
	}
	return &sample{who: who, values: values}, nil
}

// previewTemplate renders a template for the sample customer off the UI
// loop and shows it.
func previewTemplate(c *common, row tplRow) tea.Cmd {
	return func() tea.Msg {
		s, err := readSample(c)
		if err != nil {
			return statusMsg{text: c.cat.T("tui.status.error", c.cat.Error(err)), err: true}
		}
		if s == nil {
			return statusMsg{text: c.cat.T("tui.tpl.no_customer")}
		}
		pt, err := domain.ParseTemplate(row.t.Body)
		if err != nil {
			return statusMsg{text: c.cat.T("tui.status.error", c.cat.Error(err)), err: true}
		}
		return pushMsg{newPreviewPage(c, row, s, pt)}
	}
}

// missing lists the placeholders a template uses that have no value for
// the sample, by their name in the app's language.
func missing(c *common, pt domain.ParsedTemplate, values map[string]string) []string {
	var out []string
	for _, name := range pt.Uses() {
		if values[name] != "" || name == "salutation" && values["name"] != "" {
			continue
		}
		out = append(out, "{"+placeholderName(c, name)+"}")
	}
	return out
}

// placeholderName is a placeholder's name in the app's language.
func placeholderName(c *common, en string) string {
	for _, p := range domain.Placeholders {
		if p.EN == en && c.cat.Lang() == "zh" {
			return p.ZH
		}
	}
	return en
}
