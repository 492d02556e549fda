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

// composeMessage renders the item's message template for its customer off
// the UI loop, then shows it and copies it to the clipboard (OSC 52, which
// works over SSH).
func composeMessage(c *common, it agenda.Item) tea.Cmd {
	user := slices.Clone(c.templates) // read on the UI loop: a save may replace c.templates meanwhile
	return func() tea.Msg {
		ctx := c.ctx()
		pt, ok, err := itemTemplate(c, user, it)
		if !ok {
			return statusMsg{text: c.cat.T("tui.status.no_template")}
		}
		if err != nil {
			return statusMsg{text: c.cat.T("tui.status.error", c.cat.Error(err)), err: true}
		}
		var fact *agenda.CustomerFact
		if it.CustomerID != 0 {
			if facts, err := c.store.Customers(ctx, []int64{it.CustomerID}); err == nil {
				if f, ok := facts[it.CustomerID]; ok {
					fact = &f
				}
			}
		}
		text := pt.Render(fillValues(c, it, fact, itemEvent(c, it)))
		return tea.BatchMsg{push(newMessagePage(c, it, text)), tea.SetClipboard(text)}
	}
}

// itemTemplate picks and parses the template of an item for the app's
// language and the item's channel (the user's own first, then the default).
func itemTemplate(c *common, user []domain.Template, it agenda.Item) (domain.ParsedTemplate, bool, error) {
	t, ok := domain.PickTemplate(user, it.Template, string(c.cat.Lang()), it.Channel)
	if !ok {
		return domain.ParsedTemplate{}, false, nil
	}
	pt, err := domain.ParseTemplate(t.Body)
	return pt, true, err
}

// itemEvent loads the event an item is about, if any.
func itemEvent(c *common, it agenda.Item) *domain.Event {
	if it.Ref.EventID == 0 {
		return nil
	}
	e, err := c.store.Event(c.ctx(), it.Ref.EventID)
	if err != nil {
		return nil
	}
	return e
}

// fillValues completes the item's values with the customer's and the event's.
func fillValues(c *common, it agenda.Item, f *agenda.CustomerFact, e *domain.Event) map[string]string {
	values := messageValues(c, it)
	if f != nil {
		values["name"], values["remark"] = f.Name, f.Remark
		if f.Salutation != "" {
			values["salutation"] = f.Salutation
		}
	}
	if e != nil {
		values["event"], values["place"] = e.Name, e.Place
		values["event_time"] = c.cat.DateFull(domain.DateOf(e.StartsAt.In(c.loc))) + " " + e.StartsAt.In(c.loc).Format("15:04")
	}
	return values
}

// messageValues fills the placeholders the item itself knows.
func messageValues(c *common, it agenda.Item) map[string]string {
	v := map[string]string{
		"salutation":  it.Salutation,
		"name":        it.Customer,
		"store":       c.shop.Name,
		"store_phone": c.shop.Phone,
		"date":        c.cat.Date(it.Due),
	}
	if c.me != nil {
		v["salesperson"] = c.me.Name
	}
	r := it.Reason
	switch it.Rule {
	case agenda.RuleRoutine1, agenda.RuleRoutine3, agenda.RuleRoutine7:
		v["product"] = r.Name
		v["days_since_purchase"] = strconv.Itoa(r.Days)
	case agenda.RuleReplenish, agenda.RuleAfterSale:
		v["product"] = r.Name
	case agenda.RuleHoliday:
		v["holiday"] = r.Name
		if c.cat.Lang() != "zh" && r.NameEN != "" {
			v["holiday"] = r.NameEN
		}
		v["salutation"] = ""
	case agenda.RuleInvite, agenda.RuleChase, agenda.RuleRemind, agenda.RuleAftercare:
		v["event"] = r.Name
	}
	return v
}

// messagePage shows a rendered message; y copies it again.
type messagePage struct {
	c    *common
	it   agenda.Item
	text string
}

func newMessagePage(c *common, it agenda.Item, text string) *messagePage {
	return &messagePage{c: c, it: it, text: text}
}

func (p *messagePage) Update(msg tea.Msg) (page, tea.Cmd) {
	if km, ok := msg.(tea.KeyPressMsg); ok {
		switch km.String() {
		case "y", "c":
			return p, tea.Batch(tea.SetClipboard(p.text), status(p.c.cat.T("tui.message.copied")))
		case "esc", "enter":
			p.c.close()
			return p, nil
		}
	}
	return p, nil
}

func (p *messagePage) Typing() bool { return false }

func (p *messagePage) Help() []helpGroup {
	return []helpGroup{{p.c.cat.T("tui.help.global"), []key.Binding{p.c.keys.Back}}}
}

func (p *messagePage) View(w, h int) string {
	s, cat := p.c.styles, p.c.cat
	inner := min(w-4, 72)
	var b strings.Builder
	b.WriteString(s.BoxTitle.Render(cut(cat.T("tui.message.title", clean(customerLabel(p.c, p.it))), inner)) + "\n\n")
	b.WriteString(wrap(clean(p.text), inner) + "\n\n")
	b.WriteString(s.OK.Render(cat.T("tui.message.copied")) + "\n")
	b.WriteString(s.Dim.Render(cat.T("tui.message.help")))
	return s.Box.Width(min(w, inner+4)).Render(b.String())
}
