package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/domain/lunar"
)

// detailPage is one customer: the three layers, completeness, key dates
// with days to go, RFM class, purchases, contact timeline and open
// follow-ups; l, p, f, t add a contact, purchase, follow-up or tag and e
// edits the profile.
type detailPage struct {
	c         *common
	id        int64
	cust      *domain.Customer
	purchases []domain.Purchase
	contacts  []domain.Contact
	followups []domain.FollowUp
	scroll    int
	lines     int
}

// detailMsg carries one customer's file.
type detailMsg struct {
	id        int64
	cust      *domain.Customer
	purchases []domain.Purchase
	contacts  []domain.Contact
	followups []domain.FollowUp
	err       error
}

// savedMsg reports a write from a form of the detail page.
type savedMsg struct {
	customerID int64
	text       string
	err        error
}

func newDetailPage(c *common, id int64) *detailPage { return &detailPage{c: c, id: id} }

// openCustomer shows a customer's detail above the current page and loads
// it; the page is on the stack before the load's answer can arrive.
func openCustomer(c *common, id int64) tea.Cmd {
	d := newDetailPage(c, id)
	c.open(d)
	return d.load()
}

// load reads the customer's file off the UI loop.
func (p *detailPage) load() tea.Cmd {
	c, id := p.c, p.id
	return func() tea.Msg {
		ctx := c.ctx()
		m := detailMsg{id: id}
		if m.cust, m.err = c.store.Customer(ctx, id); m.err != nil {
			return m
		}
		if m.purchases, m.err = c.store.Purchases(ctx, id, 20); m.err != nil {
			return m
		}
		if m.contacts, m.err = c.store.Contacts(ctx, id, 30); m.err != nil {
			return m
		}
		var all []domain.FollowUp
		all, m.err = c.store.FollowUps(ctx, id)
		for _, f := range all {
			if f.Status == domain.FollowUpOpen {
				m.followups = append(m.followups, f)
			}
		}
		return m
	}
}

func (p *detailPage) Update(msg tea.Msg) (page, tea.Cmd) {
	switch msg := msg.(type) {
	case detailMsg:
		if msg.id != p.id {
			return p, nil
		}
		if msg.err != nil {
			return p, p.c.errStatus(msg.err)
		}
		p.cust, p.purchases, p.contacts, p.followups = msg.cust, msg.purchases, msg.contacts, msg.followups
	case savedMsg:
		if msg.customerID != p.id {
			return p, nil
		}
		if msg.err != nil {
			return p, p.c.errStatus(msg.err)
		}
		return p, tea.Batch(p.load(), status(msg.text), func() tea.Msg { return customersChangedMsg{} })
	case tea.KeyPressMsg:
		k := p.c.keys
		switch {
		case key.Matches(msg, k.Down):
			p.scroll = min(p.scroll+1, max(0, p.lines-3))
		case key.Matches(msg, k.Up):
			p.scroll = max(p.scroll-1, 0)
		case p.cust == nil:
		case key.Matches(msg, k.Edit):
			p.c.open(newProfileForm(p.c, *p.cust))
		case key.Matches(msg, k.Contact):
			p.c.open(newContactForm(p.c, p.cust))
		case key.Matches(msg, k.Purchase):
			p.c.open(newPurchaseForm(p.c, p.cust))
		case key.Matches(msg, k.FollowUp):
			p.c.open(newFollowUpForm(p.c, p.cust))
		case key.Matches(msg, k.Tag):
			p.c.open(newTagForm(p.c, *p.cust))
		}
	}
	return p, nil
}

func (p *detailPage) Typing() bool { return false }

func (p *detailPage) Help() []helpGroup {
	k := p.c.keys
	return []helpGroup{{p.c.cat.T("tui.help.detail"), []key.Binding{k.Contact, k.Purchase, k.FollowUp, k.Tag, k.Edit, k.Up, k.Down, k.Back}}}
}

func (p *detailPage) View(w, h int) string {
	s, cat := p.c.styles, p.c.cat
	if p.cust == nil {
		return s.Dim.Render(cat.T("tui.detail.loading"))
	}
	c := p.cust
	var out []string
	add := func(line string) { out = append(out, cut(line, w)) }
	label := func(k string) string { return s.Label.Render(k) }
	name := s.Title.Render(clean(c.Name))
	if c.Remark != "" {
		name += " （" + clean(c.Remark) + "）"
	}
	if c.Salutation != "" && c.Salutation != c.Name {
		name += "  " + clean(c.Salutation)
	}
	add(name + "  " + s.badge(c.Stats.Class, cat.Class(c.Stats.Class)) + " · " + cat.Stage(c.Stats.Stage) +
		"  " + s.Progress.Render(cat.T("tui.detail.completeness", c.Stats.Completeness)))
	_, missing := domain.Completeness(c)
	if len(missing) > 0 {
		words := make([]string, 0, len(missing))
		for _, f := range missing {
			words = append(words, cat.ProfileField(f))
		}
		add(s.Dim.Render(cat.T("tui.detail.missing", strings.Join(words, cat.T("list.sep")))))
	}
	// Basic layer.
	add(s.Section.Render(cat.T("tui.detail.basic")))
	basic := []string{label(cat.Field("customer", "phones")) + " " + clean(strings.Join(c.Phones, ", "))}
	if c.WeChat != "" {
		basic = append(basic, label(cat.Field("customer", "wechat"))+" "+clean(c.WeChat))
	}
	if c.Source != "" {
		basic = append(basic, label(cat.Field("customer", "source"))+" "+cat.Source(c.Source))
	}
	if c.Contact.Preferred != "" {
		basic = append(basic, label(cat.Field("customer", "contact.preferred"))+" "+cat.Channel(c.Contact.Preferred))
	}
	if c.Contact.DoNotContact {
		basic = append(basic, s.Overdue.Render(cat.T("tui.detail.dnc")))
	}
	add("  " + strings.Join(basic, "  "))
	if len(c.Tags) > 0 {
		add("  " + label(cat.Field("customer", "tags")) + " " + clean(strings.Join(c.Tags, "、")))
	}
	// Key layer.
	add(s.Section.Render(cat.T("tui.detail.key")))
	today := p.c.today()
	for _, k := range c.KeyDates {
		add("  " + p.keyDateLine(k, today))
	}
	for _, kv := range [][2]string{{"direct_needs", c.DirectNeeds}, {"potential_needs", c.PotentialNeeds}, {"recent_focus", c.RecentFocus}, {"description", c.Description}} {
		if kv[1] != "" {
			add("  " + label(cat.Field("customer", kv[0])) + " " + clean(kv[1]))
		}
	}
	if pr := preferenceText(c.Preferences); pr != "" {
		add("  " + label(cat.Field("customer", "preferences")) + " " + clean(pr))
	}
	// Dynamic layer.
	add(s.Section.Render(cat.T("tui.detail.dynamic")))
	st := c.Stats
	if st.PurchaseCount > 0 {
		add("  " + cat.T("tui.detail.spend", cat.Money(st.TotalSpend), st.PurchaseCount, int(st.AvgIntervalDays+0.5)))
		add("  " + cat.T("tui.detail.rfm", st.RFM.R, st.RFM.F, st.RFM.M, st.RFM.RecencyDays, st.RFM.Frequency, cat.Money(st.RFM.Monetary)))
	}
	add(s.Section.Render(cat.T("tui.detail.followups")))
	if len(p.followups) == 0 {
		add("  " + s.Dim.Render(cat.T("tui.detail.none")))
	}
	for _, f := range p.followups {
		add("  " + cat.Date(f.Due) + "  " + clean(f.Note))
	}
	add(s.Section.Render(cat.T("tui.detail.purchases")))
	if len(p.purchases) == 0 {
		add("  " + s.Dim.Render(cat.T("tui.detail.none")))
	}
	dateW := 0
	for _, pu := range p.purchases {
		dateW = max(dateW, width(cat.DateFull(pu.On)))
	}
	for _, ct := range p.contacts {
		dateW = max(dateW, width(cat.DateFull(ct.On)))
	}
	for _, pu := range p.purchases {
		var items []string
		for _, li := range pu.Items {
			items = append(items, fmt.Sprintf("%s×%d", li.Product, li.Quantity))
		}
		add("  " + fit(cat.DateFull(pu.On), dateW) + "  " + fit(cat.Money(pu.Amount), 12) + clean(strings.Join(items, "、")))
	}
	add(s.Section.Render(cat.T("tui.detail.contacts")))
	if len(p.contacts) == 0 {
		add("  " + s.Dim.Render(cat.T("tui.detail.none")))
	}
	chW, puW, ouW := wordWidth(domain.Channels, cat.Channel), wordWidth(domain.Purposes, cat.Purpose), wordWidth(domain.Outcomes, cat.Outcome)
	for _, ct := range p.contacts {
		add("  " + fit(cat.DateFull(ct.On), dateW) + "  " + fit(cat.Channel(ct.Channel), chW) + " " + fit(cat.Purpose(ct.Purpose), puW) + " " +
			fit(cat.Outcome(ct.Outcome), ouW) + " " + clean(ct.Note))
	}
	p.lines = len(out)
	start := min(p.scroll, max(0, len(out)-1))
	end := min(len(out), start+h)
	return strings.Join(out[start:end], "\n")
}

// keyDateLine shows a key date with days to go; a lunar date is shown as
// lunar (八月十五) with its solar day this year.
func (p *detailPage) keyDateLine(k domain.KeyDate, today domain.Date) string {
	cat := p.c.cat
	what := cat.KeyDateKind(k.Kind)
	if k.Label != "" {
		what = clean(k.Label)
	}
	date := fmt.Sprintf("%02d-%02d", k.Month, k.Day)
	if k.Calendar == domain.Lunar {
		date = cat.Calendar(domain.Lunar) + lunar.Date{Month: k.Month, Day: k.Day, Leap: k.Leap}.Chinese()
	}
	if k.Year != 0 {
		date = fmt.Sprintf("%d ", k.Year) + date
	}
	line := p.c.styles.Label.Render(what) + " " + date
	if next, ok := k.NextOccurrence(today); ok {
		togo := cat.T("tui.detail.days_to_go", next.Sub(today))
		if next == today {
			togo = cat.T("tui.detail.today")
		}
		line += " → " + cat.Date(next) + " " + p.c.styles.Date.Render(togo)
	}
	return line
}

func preferenceText(pr domain.Preferences) string {
	var parts []string
	for _, l := range [][]string{pr.Sizes, pr.Colors, pr.Brands, pr.Categories} {
		if len(l) > 0 {
			parts = append(parts, strings.Join(l, "/"))
		}
	}
	if pr.Other != "" {
		parts = append(parts, pr.Other)
	}
	return strings.Join(parts, " · ")
}
