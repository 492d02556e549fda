package tui

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/crmtui/crmtui/domain/insights"
	"github.com/crmtui/crmtui/tui/chart"
	"github.com/crmtui/crmtui/tui/reportview"
)

// The columns of the most-valuable-customers table that go first when the
// screen is too narrow for all of them (after the columns nobody filled):
// external id, customer id, stage, salesperson, ABC.
var topDropOrder = []int{1, 0, 11, 3, 12}

// View draws the sub-tabs, the as-of day and the section's lines from the
// scroll position.
func (p *insightsPage) View(w, h int) string {
	s, cat := p.c.styles, p.c.cat
	p.bodyH = max(1, h-2)
	r := p.shown()
	var lines []string
	if r != nil {
		lines = p.lines(r, w) // before the header, which says where the scroll is
	}
	out := []string{p.tabs(w), p.header(w)}
	if r == nil {
		if p.failed && !p.computing() {
			out = append(out, "", s.Dim.Render(cut(cat.T("tui.ins.failed"), w)))
		}
		return strings.Join(out, "\n")
	}
	off := p.clampOffset()
	for i := off; i < min(len(lines), off+p.bodyH); i++ {
		out = append(out, cut(lines[i], w))
	}
	return strings.Join(out, "\n")
}

// clampOffset keeps the scroll position within the drawn lines.
func (p *insightsPage) clampOffset() int {
	off := max(0, min(p.offset[p.section], p.maxOffset()))
	p.offset[p.section] = off
	return off
}

// tabs is the row of sections, numbered when there is room.
func (p *insightsPage) tabs(w int) string {
	s, cat := p.c.styles, p.c.cat
	render := func(numbered bool, sep string) string {
		parts := make([]string, len(insights.Sections))
		for i, sec := range insights.Sections {
			label := cat.T(sec.TitleKey())
			if numbered {
				label = fmt.Sprintf("%d %s", i+1, label)
			}
			if i == p.section {
				parts[i] = s.SectionActive.Render(label)
			} else {
				parts[i] = s.Section.Render(label)
			}
		}
		return strings.Join(parts, sep)
	}
	for _, try := range []struct {
		numbered bool
		sep      string
	}{{true, s.Dim.Render(" │ ")}, {true, "  "}, {false, "  "}, {false, " "}} {
		if line := render(try.numbered, try.sep); width(line) <= w {
			return line
		}
	}
	return cut(render(false, " "), w)
}

// header is the as-of day, then what is going on: computing, or where the
// scroll is.
func (p *insightsPage) header(w int) string {
	s, cat := p.c.styles, p.c.cat
	left := s.Date.Render(cat.T("insights.as_of", cat.DateFull(p.asOf)+" "+cat.Weekday(p.asOf)))
	if p.asOf.Before(p.c.today()) {
		left += " " + s.Held.Render(cat.T("tui.today.looking_back"))
	}
	var right string
	switch {
	case p.computing():
		right = p.spin.View() + " " + cat.T("insights.computing")
	case p.memo.rep != nil && p.memo.rep == p.shown() && len(p.memo.lines) > p.bodyH:
		off := p.clampOffset()
		right = s.Dim.Render(cat.T("tui.ins.lines", off+1, min(len(p.memo.lines), off+p.bodyH), len(p.memo.lines)))
	}
	if right == "" {
		return cut(left, w)
	}
	gap := w - width(left) - width(right)
	if gap < 2 {
		if p.computing() {
			return cut(left+"  "+right, w)
		}
		return cut(left, w)
	}
	return left + strings.Repeat(" ", gap) + right
}

// view is how the reports are drawn at width w.
func (p *insightsPage) view(w int, res insights.Result) reportview.View {
	v := reportview.View{Cat: p.c.cat, Chart: chart.Options{Width: w, Color: !p.c.noColor, Dark: p.c.dark},
		Names: reportview.NamesOf(res.Salespeople)}
	if me := p.me(); me != nil {
		v.Me = me.ID
	}
	return v
}

// result is the cached result seen as the current section (ABC and RFM
// share one).
func (p *insightsPage) result(r *report) insights.Result {
	res := r.res
	res.Section = p.current()
	return res
}

// lines draws the report at width w; RFM adds the most valuable customers.
// The drawing is kept until the report, the section, the width or the
// background changes.
func (p *insightsPage) lines(r *report, w int) []string {
	m := &p.memo
	if m.rep == r && m.section == p.current() && m.width == w && m.dark == p.c.dark {
		return m.lines
	}
	res := p.result(r)
	v := p.view(w, res)
	lines := v.Lines(res, p.c.loc)
	if res.Section == insights.SectionRFM && len(r.top) > 0 {
		t := cleanTable(v.RFMTable(r.top, topCustomers)).Fit(w, topDropOrder...)
		lines = append(lines, "", p.c.cat.T("tui.ins.top", len(t.Rows)))
		lines = append(lines, t.Text()...)
	}
	m.rep, m.section, m.width, m.dark, m.lines = r, res.Section, w, p.c.dark, lines
	return lines
}

// cleanTable strips escape sequences from the store's text in a table
// bound for the screen.
func cleanTable(t reportview.Table) reportview.Table {
	out := reportview.Table{Header: t.Header, Rows: make([][]string, len(t.Rows))}
	for i, row := range t.Rows {
		out.Rows[i] = make([]string, len(row))
		for j, cell := range row {
			out.Rows[i][j] = clean(cell)
		}
	}
	return out
}

// helpNotes are the definitions behind the current section's figures,
// which the SPEC wants in the app's help.
func (p *insightsPage) helpNotes(w int) []string {
	v := reportview.View{Cat: p.c.cat, Chart: chart.Options{Width: w}}
	out := []string{p.c.styles.Section.Render(p.c.cat.T("insights.def.title") + " · " + p.c.cat.T(p.current().TitleKey()))}
	return append(out, v.Definitions(p.current())...)
}

// export writes the current section as CSV, named after the section and
// its as-of day, into the export folder, off the UI loop.
func (p *insightsPage) export() tea.Cmd {
	r := p.shown()
	if r == nil || r.gen != p.gen {
		return status(p.c.cat.T("tui.ins.not_ready"))
	}
	res := p.result(r)
	v := p.view(80, res)
	dir, name, loc := p.c.exportDir, fmt.Sprintf("report-%s-%s.csv", res.Section, res.AsOf), p.c.loc
	// RFM's CSV has a row per customer, which the screen does not keep.
	again := res.Section == insights.SectionRFM && res.RFM.Rows == nil
	c, req := p.c, p.request(p.shownKey())
	write := func() tea.Msg {
		if again {
			full, err := insights.Compute(c.ctx(), c.store, req)
			if err != nil {
				return exportedMsg{err: err}
			}
			full.Section, res = res.Section, full
		}
		t := v.Table(res, loc)
		path, err := writeFileAtomic(dir, name, func(w *bufio.Writer) error { return t.WriteCSV(w) })
		return exportedMsg{path: path, rows: len(t.Rows), err: err}
	}
	if !again {
		return write
	}
	return tea.Batch(status(c.cat.T("tui.ins.exporting")), write)
}

// writeFileAtomic writes name in dir (empty: the current directory),
// readable by its owner only: into a temporary file first, renamed into
// place once complete, so that a crash never leaves half a file under the
// real name. An earlier export keeps its name: the new one is numbered
// (-2, -3, ...), as `crmtui export` does. It returns the file's absolute path.
func writeFileAtomic(dir, name string, write func(*bufio.Writer) error) (string, error) {
	if dir == "" {
		dir = "."
	}
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	path := filepath.Join(dir, name)
	ext := filepath.Ext(name)
	for n := 2; ; n++ {
		if _, err := os.Lstat(path); errors.Is(err, fs.ErrNotExist) {
			break
		}
		path = filepath.Join(dir, fmt.Sprintf("%s-%d%s", strings.TrimSuffix(name, ext), n, ext))
	}
	f, err := os.CreateTemp(dir, "."+name+".*.tmp") // created 0600
	if err != nil {
		return path, err
	}
	tmp := f.Name()
	fail := func(err error) (string, error) {
		f.Close()
		os.Remove(tmp)
		return path, err
	}
	if err := f.Chmod(0o600); err != nil {
		return fail(err)
	}
	bw := bufio.NewWriter(f)
	if err := write(bw); err != nil {
		return fail(err)
	}
	if err := bw.Flush(); err != nil {
		return fail(err)
	}
	if err := f.Sync(); err != nil {
		return fail(err)
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return path, err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return path, err
	}
	return path, nil
}
