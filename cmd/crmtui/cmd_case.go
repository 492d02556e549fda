package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/crmtui/crmtui/domain"
)

// parseWhen reads a time limit or appointment time: "2026-11-25 18:00",
// "2026-11-25T18:00", a day alone (18:00 that day), or a span from now
// ("48h", "3d").
func parseWhen(s string, now time.Time, loc *time.Location) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, fmt.Errorf("empty time")
	}
	if strings.HasSuffix(s, "d") {
		if n, err := strconv.Atoi(strings.TrimSuffix(s, "d")); err == nil && n > 0 {
			return now.Add(time.Duration(n) * 24 * time.Hour), nil
		}
	}
	if d, err := time.ParseDuration(s); err == nil && d > 0 {
		return now.Add(d), nil
	}
	for _, layout := range []string{"2006-01-02 15:04", "2006-01-02T15:04"} {
		if t, err := time.ParseInLocation(layout, s, loc); err == nil {
			return t, nil
		}
	}
	if d, err := domain.ParseDate(s); err == nil {
		return d.Time(loc).Add(18 * time.Hour), nil
	}
	return time.Time{}, fmt.Errorf("%q is not a time like 2026-11-25 18:00, 2026-11-25 or 48h", s)
}

// cmdCaseAdd opens a service case and prints its id.
func (a *app) cmdCaseAdd(ctx context.Context, args []string) error {
	var g globals
	var customer, kind, subkind, channel, title, note, due string
	fs := newFlags("case add")
	a.addGlobals(fs, &g)
	fs.StringVar(&customer, "customer", "", "")
	fs.StringVar(&kind, "kind", "", "")
	fs.StringVar(&subkind, "subkind", "", "")
	fs.StringVar(&channel, "channel", "", "")
	fs.StringVar(&title, "title", "", "")
	fs.StringVar(&note, "note", "", "")
	fs.StringVar(&due, "due", "48h", "")
	if err := a.noPositionals(fs, args); err != nil {
		return err
	}
	c := domain.ServiceCase{Kind: domain.CaseKind(kind), Subkind: subkind, Channel: domain.CaseChannel(channel), Title: title, Description: note}
	var err error
	if c.CustomerID, err = a.requiredID("customer", customer); err != nil {
		return err
	}
	if kind == "" {
		return usagef("%s", a.cat.T("cli.err.required", "--kind"))
	}
	s, err := a.open(ctx, g, "")
	if err != nil {
		return err
	}
	defer s.Close()
	now := s.store.Now()
	c.OpenedAt = now
	if c.DueAt, err = parseWhen(due, now, s.store.Loc()); err != nil {
		return usagef("--due: %v", err)
	}
	if s.me != nil {
		c.SalesID = s.me.ID
	}
	if err := s.store.OpenCase(ctx, &c); err != nil {
		return err
	}
	fmt.Fprintln(a.stdout, c.ID)
	return nil
}

// caseJSON is a case as `case list --json` prints it.
type caseJSON struct {
	domain.ServiceCase
	NextStep    int `json:"next_step,omitempty"`
	LateMinutes int `json:"late_minutes,omitempty"`
}

// cmdCaseList lists cases, open ones first.
func (a *app) cmdCaseList(ctx context.Context, args []string) error {
	var g globals
	var kind string
	var openOnly, asJSON bool
	fs := newFlags("case list")
	a.addGlobals(fs, &g)
	fs.StringVar(&kind, "kind", "", "")
	fs.BoolVar(&openOnly, "open", false, "")
	fs.BoolVar(&asJSON, "json", false, "")
	if err := a.noPositionals(fs, args); err != nil {
		return err
	}
	if kind != "" && !domain.CaseKind(kind).Valid() {
		return usagef("--kind: %s", a.cat.T("cli.err.bad_choice", kind, "appointment, online, aftersale, complaint"))
	}
	s, err := a.open(ctx, g, "")
	if err != nil {
		return err
	}
	defer s.Close()
	list, err := s.store.Cases(ctx, domain.CaseFilter{OpenOnly: openOnly, Kind: domain.CaseKind(kind)})
	if err != nil {
		return err
	}
	now := s.store.Now()
	if asJSON {
		out := make([]caseJSON, len(list))
		for i, c := range list {
			out[i] = caseJSON{ServiceCase: c}
			if c.Kind == domain.CaseComplaint && c.Status != domain.CaseClosed {
				out[i].NextStep = int(c.NextStep())
			}
			if c.Status != domain.CaseClosed && now.After(c.DueAt) {
				out[i].LateMinutes = int(now.Sub(c.DueAt).Minutes())
			}
		}
		enc := json.NewEncoder(a.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(out)
	}
	rows := [][]string{{a.cat.T("cli.col.id"), a.cat.T("cli.col.kind"), a.cat.T("cli.col.customer"), a.cat.T("cli.col.title"),
		a.cat.T("cli.col.due"), a.cat.T("cli.col.status")}}
	for _, c := range list {
		cust := strconv.FormatInt(c.CustomerID, 10)
		if cu, err := s.store.Customer(ctx, c.CustomerID); err == nil {
			cust = cu.DisplayName()
		}
		status := a.cat.CaseStatus(c.Status)
		if c.Kind == domain.CaseComplaint && c.Status != domain.CaseClosed {
			if next := c.NextStep(); next != 0 {
				status += " · " + a.cat.T("cli.case.next_step", int(next), a.cat.ComplaintStep(next))
			}
		}
		due := c.DueAt.In(s.store.Loc()).Format("2006-01-02 15:04")
		if c.Status != domain.CaseClosed && now.After(c.DueAt) {
			due += " " + a.cat.T("cli.case.late", lateText(a, now.Sub(c.DueAt)))
		}
		rows = append(rows, []string{strconv.FormatInt(c.ID, 10), a.cat.CaseKind(c.Kind) + subkindSuffix(a, c), cust, c.Title, due, status})
	}
	fmt.Fprint(a.stdout, table(rows))
	return nil
}

func subkindSuffix(a *app, c domain.ServiceCase) string {
	if c.Subkind == "" {
		return ""
	}
	return "·" + a.cat.CaseSubkind(c.Kind, c.Subkind)
}

// lateText words how late a case is: minutes, hours or days.
func lateText(a *app, d time.Duration) string {
	switch {
	case d < time.Hour:
		return a.cat.T("cli.case.minutes", int(d.Minutes()))
	case d < 48*time.Hour:
		return a.cat.T("cli.case.hours", int(d.Hours()))
	}
	return a.cat.T("cli.case.days", int(d.Hours()/24))
}

// cmdCaseStep stamps a complaint's next step (or the step given, skipping
// the ones between with a reason).
func (a *app) cmdCaseStep(ctx context.Context, args []string) error {
	var g globals
	var note, skip string
	var step int
	fs := newFlags("case step")
	a.addGlobals(fs, &g)
	fs.StringVar(&note, "note", "", "")
	fs.StringVar(&skip, "skip-reason", "", "")
	fs.IntVar(&step, "step", 0, "")
	id, err := a.oneID(fs, args)
	if err != nil {
		return err
	}
	s, err := a.open(ctx, g, "")
	if err != nil {
		return err
	}
	defer s.Close()
	c, err := s.store.Case(ctx, id)
	if err != nil {
		return err
	}
	next := domain.ComplaintStep(step)
	if next == 0 {
		next = c.NextStep()
	}
	if err := s.store.RecordCaseStep(ctx, id, next, s.store.Now(), note, skip); err != nil {
		return err
	}
	fmt.Fprintln(a.stdout, a.cat.T("cli.case.stepped", id, int(next), a.cat.ComplaintStep(next)))
	return nil
}

// cmdCaseClose closes a case with the customer's satisfaction.
func (a *app) cmdCaseClose(ctx context.Context, args []string) error {
	var g globals
	var resolution string
	var satisfaction int
	fs := newFlags("case close")
	a.addGlobals(fs, &g)
	fs.StringVar(&resolution, "resolution", "", "")
	fs.IntVar(&satisfaction, "satisfaction", 0, "")
	id, err := a.oneID(fs, args)
	if err != nil {
		return err
	}
	if satisfaction == 0 {
		return usagef("%s", a.cat.T("cli.err.required", "--satisfaction 1-5"))
	}
	s, err := a.open(ctx, g, "")
	if err != nil {
		return err
	}
	defer s.Close()
	if err := s.store.CloseCase(ctx, id, s.store.Now(), resolution, satisfaction); err != nil {
		return err
	}
	fmt.Fprintln(a.stdout, a.cat.T("cli.case.closed", id))
	return nil
}
