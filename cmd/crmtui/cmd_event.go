package main

import (
	"context"
	"fmt"
	"strconv"

	"github.com/crmtui/crmtui/domain"
)

// eventFlags are the fields of event add.
type eventFlags struct {
	name, kind, start, end, place, purpose, script, target, group string
	capacity, window                                              int
	preview                                                       bool
}

// cmdEventAdd creates an event and plans invitations for its target group
// (contactable customers matching the rule); --preview only counts them.
func (a *app) cmdEventAdd(ctx context.Context, args []string) error {
	var g globals
	var f eventFlags
	fs := newFlags("event add")
	a.addGlobals(fs, &g)
	fs.StringVar(&f.name, "name", "", "")
	fs.StringVar(&f.kind, "kind", "promotion", "")
	fs.StringVar(&f.start, "start", "", "")
	fs.StringVar(&f.end, "end", "", "")
	fs.StringVar(&f.place, "place", "", "")
	fs.StringVar(&f.purpose, "purpose", "", "")
	fs.StringVar(&f.script, "script", "", "")
	fs.StringVar(&f.target, "target", "", "")
	fs.StringVar(&f.group, "group", "", "")
	fs.IntVar(&f.capacity, "capacity", 0, "")
	fs.IntVar(&f.window, "window", 14, "")
	fs.BoolVar(&f.preview, "preview", false, "")
	if err := a.noPositionals(fs, args); err != nil {
		return err
	}
	for flag, v := range map[string]string{"--name": f.name, "--start": f.start} {
		if v == "" {
			return usagef("%s", a.cat.T("cli.err.required", flag))
		}
	}
	s, err := a.open(ctx, g, "")
	if err != nil {
		return err
	}
	defer s.Close()
	if err := s.segments(ctx, s.store.Today()); err != nil {
		return err
	}
	now, loc := s.store.Now(), s.store.Loc()
	e := domain.Event{Name: f.name, Kind: domain.EventKind(f.kind), Place: f.place, Purpose: f.purpose, Script: f.script,
		Capacity: f.capacity, InviteWindowDays: f.window}
	if s.me != nil {
		e.StoreID = s.me.StoreID
	}
	if e.StartsAt, err = parseWhen(f.start, now, loc); err != nil {
		return usagef("--start: %v", err)
	}
	if f.end != "" {
		if e.EndsAt, err = parseWhen(f.end, now, loc); err != nil {
			return usagef("--end: %v", err)
		}
	}
	if f.group != "" {
		grp, err := s.store.GroupByName(ctx, f.group)
		if err != nil {
			return err
		}
		f.target = grp.Rule
	}
	var targets []int64
	if f.target != "" {
		r, err := a.parseRule("--target", f.target)
		if err != nil {
			return err
		}
		e.TargetRule = r.Text()
		ms, err := members(ctx, s, r)
		if err != nil {
			return err
		}
		for _, m := range ms {
			if !m.DoNotContact {
				targets = append(targets, m.ID)
			}
		}
	}
	if err := e.Validate(); err != nil {
		return err
	}
	fmt.Fprintln(a.stderr, a.cat.T("cli.event.targets", len(targets)))
	if f.preview {
		return nil
	}
	if err := s.store.CreateEvent(ctx, &e); err != nil {
		return err
	}
	if len(targets) > 0 {
		if _, err := s.store.PlanInvitations(ctx, e.ID, targets); err != nil {
			return err
		}
	}
	fmt.Fprintln(a.stdout, e.ID)
	return nil
}

// eventJSON is an event with its funnel.
type eventJSON struct {
	domain.Event
	Funnel domain.Funnel `json:"funnel"`
}

// cmdEventList lists events, newest first, with their funnels.
func (a *app) cmdEventList(ctx context.Context, args []string) error {
	var g globals
	var asJSON bool
	fs := newFlags("event list")
	a.addGlobals(fs, &g)
	fs.BoolVar(&asJSON, "json", false, "")
	if err := a.noPositionals(fs, args); err != nil {
		return err
	}
	s, err := a.open(ctx, g, "")
	if err != nil {
		return err
	}
	defer s.Close()
	events, err := s.store.Events(ctx)
	if err != nil {
		return err
	}
	out := make([]eventJSON, len(events))
	rows := [][]string{{a.cat.T("cli.col.id"), a.cat.T("cli.col.name"), a.cat.T("cli.col.start"), a.cat.T("cli.col.funnel")}}
	for i, e := range events {
		f, err := s.store.EventFunnel(ctx, e.ID)
		if err != nil {
			return err
		}
		out[i] = eventJSON{Event: e, Funnel: f}
		rows = append(rows, []string{strconv.FormatInt(e.ID, 10), e.Name, e.StartsAt.In(s.store.Loc()).Format("2006-01-02 15:04"),
			fmt.Sprintf("%d → %d → %d → %d → %d", f.Targeted, f.Invited, f.Confirmed, f.Attended, f.Bought)})
	}
	if asJSON {
		return writeJSON(a, out)
	}
	fmt.Fprint(a.stdout, table(rows))
	return nil
}

// cmdEventShow prints an event, its funnel and where its invitations stand.
func (a *app) cmdEventShow(ctx context.Context, args []string) error {
	var g globals
	var asJSON bool
	fs := newFlags("event show")
	a.addGlobals(fs, &g)
	fs.BoolVar(&asJSON, "json", false, "")
	id, err := a.oneID(fs, args)
	if err != nil {
		return err
	}
	s, err := a.open(ctx, g, "")
	if err != nil {
		return err
	}
	defer s.Close()
	e, err := s.store.Event(ctx, id)
	if err != nil {
		return err
	}
	f, err := s.store.EventFunnel(ctx, id)
	if err != nil {
		return err
	}
	if asJSON {
		return writeJSON(a, eventJSON{Event: *e, Funnel: f})
	}
	loc := s.store.Loc()
	cat := a.cat
	fmt.Fprintf(a.stdout, "%s  [%s]\n", e.Name, cat.EventKind(e.Kind))
	fmt.Fprintf(a.stdout, "  %s %s – %s · %s\n", cat.T("cli.event.when"), e.StartsAt.In(loc).Format("2006-01-02 15:04"),
		e.EndsAt.In(loc).Format("15:04"), e.Place)
	if e.Purpose != "" {
		fmt.Fprintf(a.stdout, "  %s %s\n", cat.T("cli.event.purpose"), e.Purpose)
	}
	if e.TargetRule != "" {
		fmt.Fprintf(a.stdout, "  %s %s\n", cat.T("cli.event.target"), e.TargetRule)
	}
	opens := domain.DateOf(e.StartsAt.In(loc)).AddDays(-e.InviteWindowDays)
	fmt.Fprintf(a.stdout, "  %s %s · %s %d\n", cat.T("cli.event.window"), opens, cat.T("cli.event.capacity"), e.Capacity)
	fmt.Fprintln(a.stdout)
	fmt.Fprintln(a.stdout, cat.T("cli.event.funnel"))
	stages := []struct {
		key string
		n   int
	}{{"cli.event.targeted", f.Targeted}, {"cli.event.invited", f.Invited}, {"cli.event.confirmed", f.Confirmed},
		{"cli.event.attended", f.Attended}, {"cli.event.bought", f.Bought}}
	labelW := 0
	for _, st := range stages {
		labelW = max(labelW, ansiWidth(cat.T(st.key)))
	}
	for i, st := range stages {
		rate := ""
		if i > 0 && stages[i-1].n > 0 {
			rate = fmt.Sprintf("  %3d%%", st.n*100/stages[i-1].n)
		}
		fmt.Fprintf(a.stdout, "  %s %5d %s%s\n", cell(cat.T(st.key), labelW), st.n, bar(st.n, f.Targeted, 30), rate)
	}
	fmt.Fprintf(a.stdout, "  %s %d · %s %d · %s %s\n", cat.T("cli.event.declined"), f.Declined, cat.T("cli.event.no_show"), f.NoShow,
		cat.T("cli.event.revenue"), cat.Money(f.Revenue))
	return nil
}

// bar draws n of total as a horizontal bar of width cells.
func bar(n, total, width int) string {
	if total <= 0 {
		return ""
	}
	k := n * width / total
	out := make([]rune, 0, width)
	for i := 0; i < width; i++ {
		if i < k {
			out = append(out, '█')
		} else {
			out = append(out, '·')
		}
	}
	return string(out)
}
