package tui

import (
	"errors"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/domain/agenda"
)

// newLogForm is the short form behind `d`: channel and outcome prefilled
// from the item, a note and the next follow-up date; enter saves from any field.
func newLogForm(c *common, it agenda.Item, day domain.Date) page {
	cat := c.cat
	title := cat.T("tui.log.title", clean(customerLabel(c, it)))
	if it.Group != nil {
		title = cat.T("tui.log.group_title", cat.GroupName(it.Customer), len(it.Group.Members))
	}
	f := newForm(c, title)
	var chans, outs []option
	for _, ch := range domain.Channels {
		chans = append(chans, option{string(ch), cat.Channel(ch)})
	}
	for _, o := range domain.Outcomes {
		outs = append(outs, option{string(o), cat.Outcome(o)})
	}
	f.choice("channel", cat.T("tui.log.channel"), chans, string(it.Channel))
	f.choice("outcome", cat.T("tui.log.outcome"), outs, string(domain.OutcomeReached))
	f.text("note", cat.T("tui.log.note"), "", "")
	if it.Group == nil {
		f.text("next_on", cat.T("tui.log.next"), "", cat.T("tui.log.next_hint"))
	}
	f.submit = func(v map[string]string) (map[string]string, tea.Cmd) {
		next, err := parseDay(v["next_on"], day)
		if err != nil {
			return map[string]string{"next_on": err.Error()}, nil
		}
		contact := agenda.DefaultContact(it)
		contact.Channel, contact.Outcome = domain.Channel(v["channel"]), domain.Outcome(v["outcome"])
		contact.Note, contact.NextOn = v["note"], next
		a := agenda.Action{Item: it, State: agenda.StateDone, Note: v["note"], Contact: contact, Day: day, Now: c.now(), SalesID: c.salesID()}
		if err := a.Validate(); err != nil {
			return fieldErrors(c, err), nil
		}
		return nil, func() tea.Msg { return actionMsg{a: a} }
	}
	// The channel field starts focused: most contacts are logged as suggested, so enter is enough.
	return f.start()
}

// parseDay reads YYYY-MM-DD or +N (days after base); empty is the zero date.
func parseDay(s string, base domain.Date) (domain.Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return domain.Date{}, nil
	}
	if n, err := strconv.Atoi(strings.TrimPrefix(s, "+")); err == nil && strings.HasPrefix(s, "+") && n > 0 && n < 3650 {
		return base.AddDays(n), nil
	}
	return domain.ParseDate(s)
}

// fieldErrors maps a validation error to form fields by the domain field
// name ("phones[0]" goes to "phones"); other errors go to the form's top line.
func fieldErrors(c *common, err error) map[string]string {
	var ve *domain.ValidationError
	var fe *domain.FieldError
	out := map[string]string{}
	switch {
	case errors.As(err, &ve):
		for _, p := range ve.Problems {
			out[baseField(p.Field)] = c.cat.FieldError(p)
		}
	case errors.As(err, &fe):
		out[baseField(fe.Field)] = c.cat.FieldError(fe)
	default:
		out[""] = c.cat.Error(err)
	}
	return out
}

func baseField(name string) string {
	if i := strings.IndexByte(name, '['); i >= 0 {
		return name[:i]
	}
	return name
}

// reasonDialog asks when (for a snooze) and why (for a snooze or a skip),
// one key each.
type reasonDialog struct {
	c     *common
	it    agenda.Item
	day   domain.Date
	state agenda.State
	until domain.Date
	date  textinput.Model
	step  int // 0: when (snooze), 1: typing a date, 2: why
	err   string
}

func newReasonDialog(c *common, it agenda.Item, day domain.Date, state agenda.State) page {
	d := &reasonDialog{c: c, it: it, day: day, state: state, step: 2}
	if state == agenda.StateSnoozed {
		d.step = 0
	}
	d.date = textinput.New()
	d.date.Prompt = ""
	d.date.Placeholder = day.AddDays(14).String()
	return d
}

var reasonKeys = map[string]agenda.SnoozeReason{"b": agenda.ReasonBusy, "a": agenda.ReasonAway, "w": agenda.ReasonWrongTime,
	"n": agenda.ReasonNotInterested, "o": agenda.ReasonOther}

func (d *reasonDialog) Update(msg tea.Msg) (page, tea.Cmd) {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return d, nil
	}
	if km.String() == "esc" {
		d.c.close()
		return d, nil
	}
	switch d.step {
	case 0:
		days := map[string]int{"1": 1, "2": 3, "3": 7}
		if n, ok := days[km.String()]; ok {
			d.until, d.step = d.day.AddDays(n), 2
		} else if km.String() == "4" {
			d.step = 1
			return d, d.date.Focus()
		}
	case 1:
		if km.String() == "enter" {
			until, err := parseDay(d.date.Value(), d.day)
			switch {
			case err != nil:
				d.err = err.Error()
			case !until.After(d.day):
				d.err = d.c.cat.T("detail.snooze_tomorrow")
			default:
				d.until, d.step, d.err = until, 2, ""
				d.date.Blur()
			}
			return d, nil
		}
		var cmd tea.Cmd
		d.date, cmd = d.date.Update(msg)
		return d, cmd
	case 2:
		if r, ok := reasonKeys[km.String()]; ok {
			a := agenda.Action{Item: d.it, State: d.state, Until: d.until, Reason: r, Day: d.day, Now: d.c.now(), SalesID: d.c.salesID()}
			d.c.close()
			return d, func() tea.Msg { return actionMsg{a: a} }
		}
	}
	return d, nil
}

func (d *reasonDialog) Typing() bool { return d.step == 1 }

func (d *reasonDialog) Help() []helpGroup {
	return []helpGroup{{d.c.cat.T("tui.help.global"), []key.Binding{d.c.keys.Back}}}
}

func (d *reasonDialog) View(w, h int) string {
	s, cat := d.c.styles, d.c.cat
	title := cat.T("tui.skip.title", clean(customerLabel(d.c, d.it)))
	if d.state == agenda.StateSnoozed {
		title = cat.T("tui.snooze.title", clean(customerLabel(d.c, d.it)))
	}
	inner := min(w-4, 72)
	var b strings.Builder
	b.WriteString(s.BoxTitle.Render(cut(title, inner)) + "\n")
	b.WriteString(s.Dim.Render(cut(clean(cat.Reason(d.it.Reason)), inner)) + "\n\n")
	switch d.step {
	case 0:
		b.WriteString(cut(cat.T("tui.snooze.when"), inner) + "\n")
	case 1:
		b.WriteString(cat.T("tui.snooze.date") + " " + d.date.View() + "\n")
		if d.err != "" {
			b.WriteString(s.FieldError.Render(cut(d.err, inner)) + "\n")
		}
	case 2:
		if !d.until.IsZero() {
			b.WriteString(s.Date.Render(cat.DateFull(d.until)+" "+cat.Weekday(d.until)) + "\n")
		}
		b.WriteString(cut(cat.T("tui.reason.pick"), inner) + "\n")
	}
	b.WriteString(s.Dim.Render(cat.T("tui.dialog.cancel")))
	return s.Box.Width(min(w, inner+4)).Render(b.String())
}
