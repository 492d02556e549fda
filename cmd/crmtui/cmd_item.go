package main

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/crmtui/crmtui/db"
	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/domain/agenda"
)

// itemFlags are the flags of item done / skip / snooze.
type itemFlags struct {
	g                globals
	day, until       domain.Date
	reason, note     string
	channel, outcome string
	noContact        bool
	satisfaction     int
}

func (a *app) parseItem(name string, args []string) (string, itemFlags, error) {
	var f itemFlags
	fs := newFlags(name)
	a.addGlobals(fs, &f.g)
	fs.Var(dateFlag{&f.day}, "date", "")
	fs.Var(dateFlag{&f.until}, "until", "")
	fs.StringVar(&f.reason, "reason", "", "")
	fs.StringVar(&f.note, "note", "", "")
	fs.StringVar(&f.channel, "channel", "", "")
	fs.StringVar(&f.outcome, "outcome", "", "")
	fs.BoolVar(&f.noContact, "no-contact", false, "")
	pos, err := parseFlags(a.cat, fs, args)
	if err != nil {
		return "", f, err
	}
	if len(pos) == 0 {
		return "", f, usagef("%s", a.cat.T("cli.err.required", "KEY"))
	}
	if len(pos) > 1 {
		return "", f, usagef("%s", a.cat.T("cli.err.too_many_args", strings.Join(pos[1:], " ")))
	}
	return pos[0], f, nil
}

// findItem looks the key up on the agenda of the day: acting on an item
// needs what the agenda knows of it (customer, record, group members).
func (a *app) findItem(ctx context.Context, s *session, key string, day domain.Date) (agenda.Item, domain.Date, error) {
	ag, err := a.buildAgenda(ctx, s, day)
	if err != nil {
		return agenda.Item{}, day, err
	}
	for _, it := range ag.All() {
		if it.Key == key {
			return it, ag.Date, nil
		}
	}
	return agenda.Item{}, ag.Date, usagef("%s", a.cat.T("cli.err.not_on_agenda", key, ag.Date.String()))
}

// act applies one action to the item named on the command line.
func (a *app) act(ctx context.Context, name string, args []string, state agenda.State) error {
	key, f, err := a.parseItem(name, args)
	if err != nil {
		return err
	}
	if state != agenda.StateDone && f.reason == "" {
		return usagef("%s", a.cat.T("cli.err.required", "--reason"))
	}
	if state == agenda.StateSnoozed && f.until.IsZero() {
		return usagef("%s", a.cat.T("cli.err.required", "--until"))
	}
	s, err := a.open(ctx, f.g, "")
	if err != nil {
		return err
	}
	defer s.Close()
	it, day, err := a.findItem(ctx, s, key, f.day)
	if err != nil {
		return err
	}
	act := agenda.Action{Item: it, State: state, Until: f.until, Reason: agenda.SnoozeReason(f.reason), Note: f.note,
		Day: day, Now: s.store.Now()}
	if s.me != nil {
		act.SalesID = s.me.ID
	}
	if state == agenda.StateDone && !f.noContact && (it.CustomerID != 0 || it.Group != nil) {
		act.Contact = agenda.DefaultContact(it)
		act.Contact.Note = f.note
		if f.channel != "" {
			act.Contact.Channel = domain.Channel(f.channel)
		}
		if f.outcome != "" {
			act.Contact.Outcome = domain.Outcome(f.outcome)
		}
	}
	st, err := s.store.Act(ctx, act, s.cfg.Calls)
	if err != nil {
		return err
	}
	switch st.State {
	case agenda.StateDone:
		fmt.Fprintln(a.stdout, a.cat.T("cli.item_done", key))
	case agenda.StateSkipped:
		fmt.Fprintln(a.stdout, a.cat.T("cli.item_skipped", key))
	case agenda.StateSnoozed:
		fmt.Fprintln(a.stdout, a.cat.T("cli.item_snoozed", st.Until.String(), key))
	case agenda.StateTrying:
		fmt.Fprintln(a.stdout, a.cat.T("cli.item_trying", key, st.RetryAt.In(s.store.Loc()).Format("15:04")))
	}
	return nil
}

func (a *app) cmdItemDone(ctx context.Context, args []string) error {
	return a.act(ctx, "item done", args, agenda.StateDone)
}

func (a *app) cmdItemSkip(ctx context.Context, args []string) error {
	return a.act(ctx, "item skip", args, agenda.StateSkipped)
}

func (a *app) cmdItemSnooze(ctx context.Context, args []string) error {
	return a.act(ctx, "item snooze", args, agenda.StateSnoozed)
}

// cmdItemUndo reverts the last done / skip / snooze of the salesperson.
func (a *app) cmdItemUndo(ctx context.Context, args []string) error {
	var g globals
	fs := newFlags("item undo")
	a.addGlobals(fs, &g)
	if err := a.noPositionals(fs, args); err != nil {
		return err
	}
	s, err := a.open(ctx, g, "")
	if err != nil {
		return err
	}
	defer s.Close()
	var sales int64
	if s.me != nil && !s.scope.All {
		sales = s.me.ID
	}
	key, err := s.store.Undo(ctx, sales)
	if errors.Is(err, db.ErrNothingToUndo) {
		fmt.Fprintln(a.stdout, a.cat.T("cli.nothing_to_undo"))
		return nil
	}
	if err != nil {
		return err
	}
	fmt.Fprintln(a.stdout, a.cat.T("cli.item_undone", key))
	return nil
}
