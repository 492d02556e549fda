package i18n

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/domain/agenda"
)

// Reason says in words why an item is on the agenda. It is meant for one
// line after the customer's name in an 80-column terminal, so it is short
// (about 40 display cells in Chinese) and concrete: dates, days, products,
// names. The item's channel, due day and overdue days are shown elsewhere.
//
// Codes handled: routine_1, routine_3, routine_7, birthday (and
// birthday_lunar), anniversary, holiday, replenish, dormant, seasonal,
// aftercare_event, aftercare_case, followup, invite, chase, remind,
// appointment, online_inquiry, online_order (and any other
// online_*), aftersale, complaint. Any other code gives a generic text
// that names the code. A held item (marketing cap reached) says so at the end.
func (c Catalog) Reason(r agenda.Reason) string {
	parts := []string{c.reasonBody(r)}
	if r.Held {
		parts = append(parts, c.T("reason.held", r.Cap))
	}
	return strings.Join(parts, c.T("reason.sep"))
}

// ReasonKnown reports whether Reason has a text of its own for the code
// (not the generic one).
func ReasonKnown(code string) bool {
	switch code {
	case "routine_1", "routine_3", "routine_7", "birthday", "birthday_lunar", "anniversary", "holiday",
		"replenish", "dormant", "seasonal", "aftercare_event", "aftercare_case", "followup",
		"invite", "chase", "remind", "appointment", "aftersale", "complaint":
		return true
	}
	return strings.HasPrefix(code, "online_")
}

func (c Catalog) reasonBody(r agenda.Reason) string {
	name := oneLine(r.Name)
	switch r.Code {
	case "routine_1", "routine_3", "routine_7":
		return c.routineReason(r, name)
	case "birthday", "birthday_lunar", "anniversary":
		return c.keyDateReason(r, name)
	case "holiday":
		if !c.zh() && strings.TrimSpace(r.NameEN) != "" {
			name = oneLine(r.NameEN)
		}
		if name == "" {
			name = c.Rule(agenda.RuleHoliday)
		}
		return c.join(c.T("reason.holiday", name, c.countdown(r.Days)), c.Count("count.customers", r.N))
	case "replenish":
		return c.replenishReason(r, name)
	case "dormant":
		if r.N > 0 {
			return c.T("reason.dormant", r.Days, r.N)
		}
		return c.T("reason.dormant.once", r.Days)
	case "seasonal":
		return c.T("reason.seasonal", r.Days)
	case "aftercare_event":
		if name == "" {
			name = c.T("reason.event.default")
		}
		return c.T("reason.aftercare_event", name, c.Date(r.Date))
	case "aftercare_case":
		if name == "" {
			name = c.T("reason.case.default")
		}
		return c.T("reason.aftercare_case", name, c.Date(r.Date))
	case "followup":
		if name == "" {
			return c.T("reason.followup.default")
		}
		return c.T("reason.followup", name)
	case "invite":
		s := c.T("reason.invite", orDefault(name, c.T("reason.event.default")), c.Date(r.Date), c.Days(r.Days))
		if r.N > 0 {
			s = c.join(s, c.T("reason.rank", r.N))
		}
		return s
	case "chase":
		s := c.T("reason.chase", orDefault(name, c.T("reason.event.default")))
		var tail []string
		if r.N > 0 {
			tail = append(tail, c.plural("reason.chase.attempts", r.N, r.N))
		}
		if r.Days > 0 {
			tail = append(tail, c.plural("reason.chase.silent", r.Days, r.Days))
		}
		switch len(tail) {
		case 1:
			s = c.join(s, tail[0])
		case 2:
			s = c.join(s, c.T("reason.comma", tail[0], tail[1]))
		}
		return s
	case "remind":
		return c.T("reason.remind", orDefault(name, c.T("reason.event.default")), c.Days(r.Days))
	case "appointment":
		when := c.Days(r.Days)
		if r.Days < 0 {
			when = c.T("reason.appointment.missed", when)
		}
		return c.T("reason.comma", c.titled(c.T("reason.appointment"), name), when)
	case "aftersale":
		label := c.T("reason.aftersale")
		if sub := strings.TrimSpace(r.NameEN); sub != "" {
			label = c.T("reason.aftersale.sub", c.CaseSubkind(domain.CaseAfterSale, sub))
		}
		return c.T("reason.comma", c.titled(label, name), c.due(r.Days))
	case "complaint":
		next := c.T("reason.complaint.next", c.ComplaintStep(domain.ComplaintStep(r.N)))
		return c.join(c.titled(c.T("reason.complaint"), name), c.T("reason.comma", next, c.due(r.Days)))
	}
	if strings.HasPrefix(r.Code, "online_") {
		label, ok := c.lookup("reason." + r.Code)
		if !ok {
			label = c.T("reason.online")
		}
		return c.T("reason.comma", c.titled(label, name), c.due(r.Days))
	}
	return c.T("reason.unknown", r.Code)
}

// routineReason: the purchase and the step's purpose from the material
// (day 1 remember you, day 3 recognise you, day 7 like you).
func (c Catalog) routineReason(r agenda.Reason, product string) string {
	head := c.T("reason.routine.head_noproduct", c.Date(r.Date))
	if product != "" {
		head = c.T("reason.routine.head", c.Date(r.Date), product)
	}
	s := c.join(head, c.T("reason."+routinePurposeKey(r.Code)))
	if len(r.Folded) > 0 {
		days := make([]string, len(r.Folded))
		for i, d := range r.Folded {
			days[i] = strconv.Itoa(d)
		}
		s += c.T("reason.routine.folded", strings.Join(days, c.T("reason.list_sep")))
	}
	return s
}

func routinePurposeKey(code string) string {
	switch code {
	case "routine_3":
		return "routine_3.purpose"
	case "routine_7":
		return "routine_7.purpose"
	}
	return "routine_1.purpose"
}

// keyDateReason: 农历八月十五生日，还有3天（35岁）.
func (c Catalog) keyDateReason(r agenda.Reason, label string) string {
	lunar := oneLine(r.Lunar)
	var subject string
	if r.Code == "anniversary" {
		if label == "" {
			label = c.KeyDateKind(domain.KindAnniversary)
		}
		if lunar != "" {
			subject = c.T("reason.anniversary.lunar", label, lunar)
		} else {
			subject = c.T("reason.anniversary.solar", label, c.Date(r.Date))
		}
	} else if lunar != "" {
		subject = c.T("reason.birthday.lunar", lunar)
	} else {
		subject = c.T("reason.birthday.solar", c.Date(r.Date))
	}
	s := c.T("reason.comma", subject, c.countdown(r.Days))
	if r.N > 0 {
		switch {
		case r.Code == "anniversary":
			s += c.plural("reason.years", r.N, r.N)
		case r.Days < 0:
			s += c.T("reason.age_past", r.N)
		default:
			s += c.T("reason.age", r.N)
		}
	}
	return s
}

// replenishReason: 大米（可用30天）预计11月25日用完，还剩3天.
func (c Catalog) replenishReason(r agenda.Reason, product string) string {
	if product == "" {
		product = c.T("reason.product.default")
	}
	if r.N > 0 {
		product = c.T("reason.replenish.usage", product, r.N)
	}
	date := c.Date(r.Date)
	switch {
	case r.Days > 0:
		return c.plural("reason.replenish.later", r.Days, product, date, r.Days)
	case r.Days == 0:
		return c.T("reason.replenish.today", product, date)
	}
	return c.plural("reason.replenish.ago", r.Days, product, date, -r.Days)
}

// countdown: 还有3天 / 就是今天 / 已过1天.
func (c Catalog) countdown(days int) string {
	switch {
	case days > 0:
		return c.plural("reason.countdown.later", days, days)
	case days < 0:
		return c.plural("reason.countdown.ago", days, -days)
	}
	return c.T("reason.countdown.today")
}

// due: the time limit of a service case, in days from today.
func (c Catalog) due(days int) string {
	switch {
	case days > 1:
		return c.T("reason.due.later", days)
	case days == 1:
		return c.T("reason.due.tomorrow")
	case days == 0:
		return c.T("reason.due.today")
	}
	return c.plural("reason.due.over", days, -days)
}

// titled writes "label：title", or the label alone without a title.
func (c Catalog) titled(label, title string) string {
	if title == "" {
		return label
	}
	return c.T("reason.titled", label, title)
}

// join puts parts of a reason side by side: "a · b".
func (c Catalog) join(parts ...string) string { return strings.Join(parts, c.T("reason.sep")) }

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// oneLine makes user text fit one line: control characters (line breaks,
// tabs, escapes) become spaces and runs of spaces collapse.
func oneLine(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}
