package tui

import (
	"errors"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/domain/rules"
)

// eventForm creates or edits an event. The first enter with a target rule
// previews how many customers it reaches; the second enter, with the same
// rule, saves the event and plans their invitations.
type eventForm struct {
	*form
	e         domain.Event
	previewed string // the rule whose count is shown
	count     int
	note      string
}

// eventPreviewMsg carries the size of a target group.
type eventPreviewMsg struct {
	rule string
	n    int
	err  error
}

func newEventForm(c *common, e domain.Event) *eventForm {
	cat := c.cat
	title := cat.T("tui.ev.new")
	if e.ID != 0 {
		title = cat.T("tui.ev.edit", clean(e.Name))
	}
	var kinds []option
	for _, k := range domain.EventKinds {
		kinds = append(kinds, option{string(k), cat.EventKind(k)})
	}
	layout := "2006-01-02 15:04"
	end := ""
	if !e.EndsAt.IsZero() && !e.EndsAt.Equal(e.StartsAt) {
		end = e.EndsAt.In(c.loc).Format(layout)
	}
	f := newForm(c, title)
	f.text("name", cat.Field("event", "name"), e.Name, "").
		choice("kind", cat.Field("event", "kind"), kinds, string(e.Kind)).
		text("starts_at", cat.Field("event", "starts_at"), e.StartsAt.In(c.loc).Format(layout), layout).
		text("ends_at", cat.Field("event", "ends_at"), end, layout).
		text("place", cat.Field("event", "place"), e.Place, "").
		text("purpose", cat.Field("event", "purpose"), e.Purpose, "").
		text("script", cat.Field("event", "script"), e.Script, cat.T("tui.ev.script_hint")).
		text("target_rule", cat.Field("event", "target_rule"), e.TargetRule, cat.T("tui.ev.rule_hint")).
		text("capacity", cat.Field("event", "capacity"), strconv.Itoa(e.Capacity), "").
		text("invite_window_days", cat.Field("event", "invite_window_days"), strconv.Itoa(e.InviteWindowDays), "")
	ef := &eventForm{form: f, e: e}
	f.submit = ef.save
	f.start()
	return ef
}

// Update previews the target group before the save.
func (f *eventForm) Update(msg tea.Msg) (page, tea.Cmd) {
	switch msg := msg.(type) {
	case eventPreviewMsg:
		f.previewed, f.count = msg.rule, msg.n
		if msg.err != nil {
			f.previewed = ""
			f.setErrors(map[string]string{"target_rule": ruleErrorText(f.c, msg.err)})
			return f, nil
		}
		f.note = f.c.cat.T("tui.ev.preview", msg.n)
		return f, nil
	case tea.KeyPressMsg:
		if msg.String() == "enter" {
			rule := f.values()["target_rule"]
			if rule != "" && rule != f.previewed {
				return f, f.preview(rule)
			}
		}
	}
	_, cmd := f.form.Update(msg)
	return f, cmd
}

func (f *eventForm) preview(rule string) tea.Cmd {
	c := f.c
	return func() tea.Msg {
		ids, err := targetIDs(c, rule)
		return eventPreviewMsg{rule: rule, n: len(ids), err: err}
	}
}

// save checks the fields and writes the event off the UI loop.
func (f *eventForm) save(v map[string]string) (map[string]string, tea.Cmd) {
	c := f.c
	e := f.e
	e.Name, e.Kind, e.Place, e.Purpose, e.Script = v["name"], domain.EventKind(v["kind"]), v["place"], v["purpose"], v["script"]
	errs := map[string]string{}
	var err error
	if e.StartsAt, err = time.ParseInLocation("2006-01-02 15:04", v["starts_at"], c.loc); err != nil {
		errs["starts_at"] = c.cat.T("tui.ev.bad_time")
	}
	e.EndsAt = e.StartsAt
	if v["ends_at"] != "" {
		if e.EndsAt, err = time.ParseInLocation("2006-01-02 15:04", v["ends_at"], c.loc); err != nil {
			errs["ends_at"] = c.cat.T("tui.ev.bad_time")
		}
	}
	for field, dst := range map[string]*int{"capacity": &e.Capacity, "invite_window_days": &e.InviteWindowDays} {
		n, err := strconv.Atoi(strings.TrimSpace(v[field]))
		if err != nil {
			errs[field] = c.cat.T("cli.err.bad_number", v[field])
		}
		*dst = n
	}
	if r := v["target_rule"]; r != "" {
		parsed, err := rules.Parse(r)
		if err != nil {
			errs["target_rule"] = ruleErrorText(c, err)
		} else {
			e.TargetRule = parsed.Text()
		}
	} else {
		e.TargetRule = ""
	}
	if len(errs) > 0 {
		return errs, nil
	}
	if err := e.Validate(); err != nil {
		return fieldErrors(c, err), nil
	}
	return nil, func() tea.Msg {
		ctx := c.ctx()
		var err error
		if e.ID == 0 {
			err = c.store.CreateEvent(ctx, &e)
		} else {
			err = c.store.UpdateEvent(ctx, &e)
		}
		if err != nil {
			return invitedMsg{eventID: e.ID, err: err}
		}
		n := 0
		if e.TargetRule != "" {
			ids, err := targetIDs(c, e.TargetRule)
			if err != nil {
				return invitedMsg{eventID: e.ID, err: err}
			}
			if n, err = c.store.PlanInvitations(ctx, e.ID, ids); err != nil {
				return invitedMsg{eventID: e.ID, err: err}
			}
		}
		return tea.BatchMsg{status(c.cat.T("tui.ev.saved", e.Name, n)), func() tea.Msg { return eventsChangedMsg{id: e.ID} }}
	}
}

// ruleErrorText words a rule error with its column.
func ruleErrorText(c *common, err error) string {
	var pe *rules.ParseError
	if errors.As(err, &pe) {
		return c.cat.RuleError(pe)
	}
	return c.cat.Error(err)
}

// View shows the form with the preview line under the title.
func (f *eventForm) View(w, h int) string {
	out := f.form.View(w, h)
	if f.note != "" && f.previewed == f.values()["target_rule"] {
		out += "\n" + f.c.styles.OK.Render(cut(f.note, w))
	}
	return out
}

// Help lists the form's keys.
func (f *eventForm) Help() []helpGroup {
	return []helpGroup{{f.c.cat.T("tui.tab.events"), []key.Binding{
		key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", f.c.cat.T("tui.ev.key_preview_save"))), f.c.keys.Back}}}
}
