package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/domain/insights"
	"github.com/crmtui/crmtui/tui/chart"
	"github.com/crmtui/crmtui/tui/reportview"
)

// reportWidth is the width of a printed report: wide enough for the R×F
// grid and the customer table to read well, narrow enough for a page.
const reportWidth = 100

// cmdReport prints one insights report: text (charts and tables), JSON or
// CSV, to stdout or a file.
func (a *app) cmdReport(ctx context.Context, args []string) error {
	var g globals
	var asOf domain.Date
	var asJSON, asCSV bool
	var out string
	fs := newFlags("report")
	a.addGlobals(fs, &g)
	fs.Var(dateFlag{&asOf}, "as-of", "")
	fs.BoolVar(&asJSON, "json", false, "")
	fs.BoolVar(&asCSV, "csv", false, "")
	fs.StringVar(&out, "out", "", "")
	pos, err := parseFlags(a.cat, fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return usagef("%s", a.cat.T("cli.err.required", "rfm|abc|distribution|retention|funnel|complaints|work"))
	}
	if len(pos) > 1 {
		return usagef("%s", a.cat.T("cli.err.too_many_args", strings.Join(pos[1:], " ")))
	}
	section := insights.Section(pos[0])
	if !section.Valid() {
		return usagef("%s", a.cat.T("cli.err.report", pos[0]))
	}
	if asJSON && asCSV {
		return usagef("%s", a.cat.T("cli.err.too_many_args", "--json --csv"))
	}
	s, err := a.open(ctx, g, "")
	if err != nil {
		return err
	}
	defer s.Close()
	today := s.store.Today()
	if asOf.IsZero() {
		asOf = today
	}
	// Today's classes feed the coverage of important customers, and make
	// today's RFM read the kept columns.
	if err := s.segments(ctx, today); err != nil {
		return err
	}
	me := s.me
	if s.scope.All {
		me = nil
	}
	res, err := insights.Compute(ctx, s.store, insights.Request{Section: section, AsOf: asOf, Segment: s.cfg.Segment, Loc: s.store.Loc(), Me: me})
	if err != nil {
		return err
	}
	w := io.Writer(a.stdout)
	var o *output
	if out != "" {
		ext := "txt"
		switch {
		case asJSON:
			ext = "json"
		case asCSV:
			ext = "csv"
		}
		if o, err = a.outputOf(out, fmt.Sprintf("report-%s-%s.%s", section, asOf, ext), true, s.store.Path()); err != nil {
			return err
		}
		w = o.w
	}
	if err := a.writeReport(w, res, me, asJSON, asCSV, out == "" && isTerminal(os.Stdout) && a.stdout == os.Stdout); err != nil {
		if o != nil {
			o.abort()
		}
		return err
	}
	if o != nil {
		if err := o.commit(); err != nil {
			return err
		}
		if !o.stdout {
			fmt.Fprintln(a.stderr, o.path)
		}
	}
	return nil
}

// writeReport writes res as JSON, CSV or text with charts.
func (a *app) writeReport(w io.Writer, res insights.Result, me *domain.Salesperson, asJSON, asCSV, terminal bool) error {
	v := reportview.View{Cat: a.cat, Chart: chart.Options{Width: reportWidth, Color: terminal && a.getenv("NO_COLOR") == ""},
		Names: reportview.NamesOf(res.Salespeople)}
	if me != nil {
		v.Me = me.ID
	}
	switch {
	case asJSON:
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(res.Payload())
	case asCSV:
		return v.Table(res, a.loc).WriteCSV(w)
	}
	lines := v.Lines(res, a.loc)
	if res.Section == insights.SectionRFM {
		rows := append([]insights.RFMRow(nil), res.RFM.Rows...)
		insights.SortByValue(rows)
		lines = append(lines, "")
		lines = append(lines, v.RFMTable(rows, 0).Text()...)
	}
	lines = append(lines, "", a.cat.T("insights.def.title"))
	lines = append(lines, v.Definitions(res.Section)...)
	for _, l := range lines {
		if _, err := fmt.Fprintln(w, l); err != nil {
			return err
		}
	}
	return nil
}
