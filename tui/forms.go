package tui

import (
	"strconv"
	"strings"
	"unicode"

	tea "charm.land/bubbletea/v2"

	"github.com/crmtui/crmtui/domain"
)

// saved runs a write off the UI loop and reports it for the customer.
func saved(c *common, customerID int64, text string, write func() error) tea.Cmd {
	return func() tea.Msg {
		err := write()
		return savedMsg{customerID: customerID, text: text, err: err}
	}
}

// newProfileForm edits the basic and key layers of a customer; the domain's
// validation messages show under the fields they concern.
func newProfileForm(c *common, cust domain.Customer) page {
	cat := c.cat
	f := newForm(c, cat.T("tui.form.edit", clean(cust.Name)))
	birthday := ""
	if b, ok := cust.Birthday(); ok {
		birthday = b.String()
	}
	genders := []option{{"", cat.Gender("")}, {"female", cat.Gender(domain.GenderFemale)}, {"male", cat.Gender(domain.GenderMale)}}
	sources := []option{{"", "—"}}
	for _, s := range domain.Sources {
		sources = append(sources, option{string(s), cat.Source(s)})
	}
	chans := []option{{"", "—"}}
	for _, ch := range domain.Channels {
		chans = append(chans, option{string(ch), cat.Channel(ch)})
	}
	yesNo := []option{{"no", cat.T("tui.form.no")}, {"yes", cat.T("tui.form.yes")}}
	dnc := "no"
	if cust.Contact.DoNotContact {
		dnc = "yes"
	}
	f.text("name", cat.Field("customer", "name"), cust.Name, "").
		text("remark", cat.Field("customer", "remark"), cust.Remark, "").
		text("salutation", cat.Field("customer", "salutation"), cust.Salutation, "").
		text("phones", cat.Field("customer", "phones"), strings.Join(cust.Phones, ", "), "").
		text("wechat", cat.Field("customer", "wechat"), cust.WeChat, "").
		choice("gender", cat.Field("customer", "gender"), genders, string(cust.Gender)).
		choice("source", cat.Field("customer", "source"), sources, string(cust.Source)).
		text("key_dates", cat.T("tui.form.birthday"), birthday, "").
		text("tags", cat.T("tui.form.tags"), strings.Join(cust.Tags, ", "), "").
		text("direct_needs", cat.Field("customer", "direct_needs"), cust.DirectNeeds, "").
		text("potential_needs", cat.Field("customer", "potential_needs"), cust.PotentialNeeds, "").
		text("recent_focus", cat.Field("customer", "recent_focus"), cust.RecentFocus, "").
		text("description", cat.Field("customer", "description"), cust.Description, "").
		choice("contact.preferred", cat.Field("customer", "contact.preferred"), chans, string(cust.Contact.Preferred)).
		choice("contact.do_not_contact", cat.T("tui.detail.dnc"), yesNo, dnc).
		text("contact.avoid_hours", cat.Field("customer", "contact.avoid_hours"), cust.Contact.AvoidHours, "12:00-14:00")
	f.submit = func(v map[string]string) (map[string]string, tea.Cmd) {
		next := cust
		next.Name, next.Remark, next.Salutation, next.WeChat = v["name"], v["remark"], v["salutation"], v["wechat"]
		next.Phones = splitList(v["phones"])
		next.Gender, next.Source = domain.Gender(v["gender"]), domain.Source(v["source"])
		next.Tags = splitList(v["tags"])
		next.DirectNeeds, next.PotentialNeeds, next.RecentFocus, next.Description = v["direct_needs"], v["potential_needs"], v["recent_focus"], v["description"]
		next.Contact.Preferred = domain.Channel(v["contact.preferred"])
		next.Contact.DoNotContact = v["contact.do_not_contact"] == "yes"
		next.Contact.AvoidHours = v["contact.avoid_hours"]
		var dates []domain.KeyDate
		for _, k := range cust.KeyDates {
			if k.Kind != domain.KindBirthday {
				dates = append(dates, k)
			}
		}
		if b := v["key_dates"]; b != "" {
			k, err := domain.ParseKeyDate(b)
			if err != nil {
				return map[string]string{"key_dates": err.Error()}, nil
			}
			k.Kind = domain.KindBirthday
			if old, ok := cust.Birthday(); ok {
				k.ID = old.ID // keep the id: item keys name it
			}
			dates = append(dates, k)
		}
		next.KeyDates = dates
		next.Normalize()
		if err := next.Validate(); err != nil {
			return fieldErrors(c, err), nil
		}
		return nil, saved(c, cust.ID, c.cat.T("tui.status.saved"), func() error { return c.store.UpdateCustomer(c.ctx(), &next) })
	}
	return f.start()
}

// newQuickAddForm adds a customer with only a name and one contact: digits
// are a phone number, anything else a WeChat ID.
func newQuickAddForm(c *common) page {
	cat := c.cat
	f := newForm(c, cat.T("tui.form.quick_add"))
	f.text("name", cat.Field("customer", "name"), "", "").
		text("contact", cat.T("tui.form.contact"), "", "13800138000 / wechat_id")
	f.submit = func(v map[string]string) (map[string]string, tea.Cmd) {
		cust := domain.Customer{Name: v["name"], CreatedOn: c.today()}
		if c.me != nil {
			cust.OwnerID, cust.StoreID = c.me.ID, c.me.StoreID
		}
		if ct := v["contact"]; ct != "" {
			if looksLikePhone(ct) {
				cust.Phones = []string{ct}
			} else {
				cust.WeChat = ct
			}
		}
		cust.Normalize()
		if cust.Salutation == "" {
			cust.Salutation = domain.SuggestSalutation(cust.Name, cust.Gender)
		}
		if err := cust.Validate(); err != nil {
			errs := fieldErrors(c, err)
			for _, k := range []string{"phones", "wechat"} {
				if e, ok := errs[k]; ok {
					errs["contact"] = e
				}
			}
			return errs, nil
		}
		return nil, func() tea.Msg {
			if err := c.store.CreateCustomer(c.ctx(), &cust); err != nil {
				return statusMsg{text: c.cat.T("tui.status.error", c.cat.Error(err)), err: true}
			}
			return tea.BatchMsg{status(c.cat.T("tui.status.added", cust.Name)), func() tea.Msg { return customersChangedMsg{} },
				openCustomer(c, cust.ID)}
		}
	}
	return f.start()
}

func looksLikePhone(s string) bool {
	digits := 0
	for _, r := range s {
		switch {
		case unicode.IsDigit(r):
			digits++
		case strings.ContainsRune("+-() 　", r):
		default:
			return false
		}
	}
	return digits >= 5
}

// newContactForm logs a contact from the customer detail.
func newContactForm(c *common, cust *domain.Customer) page {
	cat := c.cat
	f := newForm(c, cat.T("tui.form.add_contact", clean(cust.Name)))
	var chans, outs, purposes []option
	for _, ch := range domain.Channels {
		chans = append(chans, option{string(ch), cat.Channel(ch)})
	}
	for _, o := range domain.Outcomes {
		outs = append(outs, option{string(o), cat.Outcome(o)})
	}
	for _, p := range domain.Purposes {
		purposes = append(purposes, option{string(p), cat.Purpose(p)})
	}
	pref := cust.Contact.Preferred
	if pref == "" {
		pref = domain.ChannelWeChat
	}
	f.choice("channel", cat.T("tui.log.channel"), chans, string(pref)).
		choice("outcome", cat.T("tui.log.outcome"), outs, string(domain.OutcomeReached)).
		choice("purpose", cat.Field("contact", "purpose"), purposes, string(domain.PurposeOther)).
		text("note", cat.T("tui.log.note"), "", "").
		text("next_on", cat.T("tui.log.next"), "", cat.T("tui.log.next_hint"))
	f.submit = func(v map[string]string) (map[string]string, tea.Cmd) {
		today := c.today()
		next, err := parseDay(v["next_on"], today)
		if err != nil {
			return map[string]string{"next_on": err.Error()}, nil
		}
		ct := domain.Contact{CustomerID: cust.ID, At: c.now(), On: today, Channel: domain.Channel(v["channel"]),
			Outcome: domain.Outcome(v["outcome"]), Purpose: domain.Purpose(v["purpose"]), Note: v["note"], NextOn: next, SalesID: c.salesID()}
		if err := ct.Validate(); err != nil {
			return fieldErrors(c, err), nil
		}
		return nil, saved(c, cust.ID, c.cat.T("tui.status.saved"), func() error { return c.store.AddContact(c.ctx(), &ct) })
	}
	return f.start()
}

// newPurchaseForm records a purchase from the customer detail.
func newPurchaseForm(c *common, cust *domain.Customer) page {
	cat := c.cat
	f := newForm(c, cat.T("tui.form.add_purchase", clean(cust.Name)))
	f.text("amount", cat.T("tui.form.amount"), "", "1299.00").
		text("product", cat.T("tui.form.product"), "", "").
		text("date", cat.T("tui.form.date"), c.today().String(), "").
		text("usage_days", cat.T("tui.form.usage_days"), "", "30")
	f.submit = func(v map[string]string) (map[string]string, tea.Cmd) {
		amount, err := domain.ParseMoney(v["amount"])
		if err != nil {
			return map[string]string{"amount": err.Error()}, nil
		}
		day, err := parseDay(v["date"], c.today())
		if err != nil {
			return map[string]string{"date": err.Error()}, nil
		}
		usage := 0
		if u := v["usage_days"]; u != "" {
			if usage, err = strconv.Atoi(u); err != nil {
				return map[string]string{"usage_days": err.Error()}, nil
			}
		}
		p := domain.Purchase{CustomerID: cust.ID, On: day, Amount: amount, UsageDays: usage, Channel: domain.SaleOffline, SalesID: c.salesID()}
		if c.me != nil {
			p.StoreID = c.me.StoreID
		}
		if prod := v["product"]; prod != "" {
			p.Items = []domain.LineItem{{Product: prod, Quantity: 1, Amount: amount}}
		}
		if err := p.Validate(); err != nil {
			return fieldErrors(c, err), nil
		}
		return nil, saved(c, cust.ID, c.cat.T("tui.status.saved"), func() error { return c.store.AddPurchase(c.ctx(), &p) })
	}
	return f.start()
}

// newFollowUpForm sets a follow-up from the customer detail.
func newFollowUpForm(c *common, cust *domain.Customer) page {
	cat := c.cat
	f := newForm(c, cat.T("tui.form.add_followup", clean(cust.Name)))
	f.text("due", cat.T("tui.form.due"), "+7", cat.T("tui.log.next_hint")).text("note", cat.T("tui.log.note"), "", "")
	f.submit = func(v map[string]string) (map[string]string, tea.Cmd) {
		due, err := parseDay(v["due"], c.today())
		if err != nil {
			return map[string]string{"due": err.Error()}, nil
		}
		fu := domain.FollowUp{CustomerID: cust.ID, Due: due, Note: v["note"], SalesID: c.salesID()}
		if err := fu.Validate(); err != nil {
			return fieldErrors(c, err), nil
		}
		return nil, saved(c, cust.ID, c.cat.T("tui.status.saved"), func() error { return c.store.AddFollowUp(c.ctx(), &fu) })
	}
	return f.start()
}

// newTagForm adds a tag to the customer.
func newTagForm(c *common, cust domain.Customer) page {
	cat := c.cat
	f := newForm(c, cat.T("tui.form.add_tag", clean(cust.Name)))
	f.text("tags", cat.T("tui.form.tag"), "", "VIP")
	f.submit = func(v map[string]string) (map[string]string, tea.Cmd) {
		if err := domain.ValidateTag(v["tags"]); err != nil {
			return map[string]string{"tags": c.cat.Detail(domain.CodeInvalid, err.Error())}, nil
		}
		next := cust
		next.Tags = append(append([]string{}, cust.Tags...), v["tags"])
		if err := next.Validate(); err != nil {
			return fieldErrors(c, err), nil
		}
		return nil, saved(c, cust.ID, c.cat.T("tui.status.saved"), func() error { return c.store.UpdateCustomer(c.ctx(), &next) })
	}
	return f.start()
}

// splitList splits "a, b，c" on commas (ASCII or full-width).
func splitList(s string) []string {
	var out []string
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '，' || r == '、' }) {
		if p := strings.TrimSpace(part); p != "" {
			out = append(out, p)
		}
	}
	return out
}
