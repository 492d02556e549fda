package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/domain/agenda"
	"github.com/crmtui/crmtui/domain/i18n"
)

// cmdToday prints the agenda of a day.
func (a *app) cmdToday(ctx context.Context, args []string) error {
	var g globals
	var day domain.Date
	var asJSON bool
	fs := newFlags("today")
	a.addGlobals(fs, &g)
	fs.Var(dateFlag{&day}, "date", "")
	fs.BoolVar(&asJSON, "json", false, "")
	pos, err := parseFlags(a.cat, fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("%s", a.cat.T("cli.err.too_many_args", strings.Join(pos, " ")))
	}
	s, err := a.open(ctx, g, "")
	if err != nil {
		return err
	}
	defer s.Close()
	return a.printAgenda(ctx, s, day, asJSON)
}

// cmdOpen is crmtui without a command: the terminal app on the default
// database (the agenda as text when not on a terminal).
func (a *app) cmdOpen(ctx context.Context, args []string) error {
	var g globals
	var day domain.Date
	fs := newFlags("crmtui")
	a.addGlobals(fs, &g)
	fs.Var(dateFlag{&day}, "date", "")
	if err := a.noPositionals(fs, args); err != nil {
		return err
	}
	s, err := a.open(ctx, g, "")
	if err != nil {
		return err
	}
	defer s.Close()
	return a.openApp(ctx, s, day)
}

// buildAgenda computes the agenda of day (default today) for the session.
func (a *app) buildAgenda(ctx context.Context, s *session, day domain.Date) (*agenda.Agenda, error) {
	if day.IsZero() {
		day = s.store.Today()
	}
	if err := s.segments(ctx, day); err != nil {
		return nil, err
	}
	q := agenda.Query{Date: day, Now: s.store.Now(), Loc: s.store.Loc(), Scope: s.scope}
	ag, err := agenda.Build(ctx, s.store, q, s.cfg.Config)
	if err == nil && day == s.store.Today() {
		// Today's size and progress feed the completion figures of the
		// own-work report; failing to keep them must not cost the agenda.
		who := s.scope.SalesID
		if s.scope.All {
			who = 0
		}
		_, _ = s.store.RecordAgendaDay(ctx, day, who, ag.Total, ag.Done)
	}
	return ag, err
}

func (a *app) printAgenda(ctx context.Context, s *session, day domain.Date, asJSON bool) error {
	ag, err := a.buildAgenda(ctx, s, day)
	if err != nil {
		return err
	}
	who := ""
	if s.me != nil && !s.scope.All {
		who = s.me.Name
	}
	if asJSON {
		return writeAgendaJSON(a.stdout, a.cat, ag, who)
	}
	writeAgendaText(a.stdout, a.cat, ag, who, s.store.Loc())
	return nil
}

// itemJSON is an item as `today --json` prints it: the item's fields plus
// its reason in words.
type itemJSON struct {
	agenda.Item
	Reason    string `json:"reason"`
	ClassName string `json:"class_name"`
	RuleName  string `json:"rule_name"`
}

type agendaJSON struct {
	Date        domain.Date `json:"date"`
	Salesperson string      `json:"salesperson,omitempty"`
	Lang        i18n.Lang   `json:"lang"`
	Done        int         `json:"done"`
	Total       int         `json:"total"`
	Maintain    []itemJSON  `json:"maintain"`
	Invite      []itemJSON  `json:"invite"`
	Serve       []itemJSON  `json:"serve"`
}

func writeAgendaJSON(w io.Writer, cat i18n.Catalog, ag *agenda.Agenda, who string) error {
	conv := func(items []agenda.Item) []itemJSON {
		out := make([]itemJSON, len(items))
		for i, it := range items {
			out[i] = itemJSON{Item: it, Reason: cat.Reason(it.Reason), ClassName: cat.Class(it.Class), RuleName: cat.Rule(it.Rule)}
		}
		return out
	}
	out := agendaJSON{Date: ag.Date, Salesperson: who, Lang: cat.Lang(), Done: ag.Done, Total: ag.Total,
		Maintain: conv(ag.Maintain), Invite: conv(ag.Invite), Serve: conv(ag.Serve)}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// writeAgendaText prints the three questions for people: the aligned
// columns first (marker, customer, class, channel), then the reason and the
// item key to act on. Column widths are measured in display cells over the
// whole agenda, so that a long English marker ("overdue 154 days") is never
// cut and Chinese and Latin text line up in every section; times are shown
// in loc, the store's time zone.
func writeAgendaText(w io.Writer, cat i18n.Catalog, ag *agenda.Agenda, who string, loc *time.Location) {
	const maxCustomer = 28 // longer names and group titles are cut with …
	wMarker, wCustomer, wClass, wChannel := 0, 0, 0, 0
	for _, it := range ag.All() {
		wMarker = max(wMarker, ansi.StringWidth(domain.CleanText(marker(cat, it))))
		wCustomer = max(wCustomer, min(maxCustomer, ansi.StringWidth(domain.CleanText(customerCell(cat, it)))))
		wClass = max(wClass, ansi.StringWidth(domain.CleanText(cat.Class(it.Class))))
		wChannel = max(wChannel, ansi.StringWidth(domain.CleanText(cat.Channel(it.Channel))))
	}
	head := cat.T("cli.agenda.heading", ag.Date.String()+" "+cat.Weekday(ag.Date))
	if who != "" {
		head += " · " + who
	}
	fmt.Fprintf(w, "%s · %s\n", head, cat.T("cli.agenda.progress", ag.Done, ag.Total))
	for _, q := range []agenda.Question{agenda.Maintain, agenda.Invite, agenda.Serve} {
		items := ag.Items(q)
		fmt.Fprintf(w, "\n%s\n", cat.T("cli.agenda.section", cat.Question(q), len(items)))
		if len(items) == 0 {
			fmt.Fprintf(w, "  %s\n", cat.T("cli.agenda.nothing"))
			continue
		}
		for _, it := range items {
			fmt.Fprintf(w, "  %s %s %s %s %s  [%s]\n", cell(marker(cat, it), wMarker), cell(customerCell(cat, it), wCustomer),
				cell(cat.Class(it.Class), wClass), cell(cat.Channel(it.Channel), wChannel), domain.CleanText(itemDetail(cat, it, loc)), it.Key)
		}
	}
}

func customerCell(cat i18n.Catalog, it agenda.Item) string {
	if it.Group != nil {
		return cat.T("cli.agenda.group", cat.GroupName(it.Customer), len(it.Group.Members))
	}
	return it.Customer
}

// marker says why an item stands out: held, late, overdue.
func marker(cat i18n.Catalog, it agenda.Item) string {
	switch {
	case it.Held:
		return cat.T("cli.agenda.held")
	case it.LateMinutes >= 120 && it.OverdueDays == 0:
		return cat.T("cli.agenda.late_hours", it.LateMinutes/60)
	case it.LateMinutes > 0 && it.OverdueDays == 0:
		return cat.T("cli.agenda.late", it.LateMinutes)
	case it.OverdueDays == 1:
		return cat.T("cli.agenda.overdue.one", it.OverdueDays)
	case it.OverdueDays > 1:
		return cat.T("cli.agenda.overdue", it.OverdueDays)
	}
	return ""
}

// itemDetail is the reason plus what to ask for and when to retry a call
// (a clock time in loc).
func itemDetail(cat i18n.Catalog, it agenda.Item, loc *time.Location) string {
	parts := []string{cat.Reason(it.Reason)}
	if !it.RetryAt.IsZero() {
		parts = append(parts, cat.T("cli.agenda.retry", it.RetryAt.In(loc).Format("15:04")))
	}
	if len(it.Ask) > 0 {
		words := make([]string, len(it.Ask))
		for i, f := range it.Ask {
			words[i] = cat.ProfileField(domain.ProfileField(f))
		}
		parts = append(parts, cat.T("cli.agenda.ask", strings.Join(words, cat.T("list.sep"))))
	}
	return strings.Join(parts, " · ")
}
