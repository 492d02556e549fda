package tui_test

import (
	"context"
	"database/sql"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/crmtui/crmtui/db"
	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/domain/agenda"
	"github.com/crmtui/crmtui/domain/i18n"
	"github.com/crmtui/crmtui/domain/insights"
)

// insWords are the Insights screen's words in each language, written out
// here rather than taken from the catalog, so that a catalog regression
// fails a test.
type insWords struct {
	sections    [7]string // the sections' names, in order
	title       string    // a report's first line: section, day (YYYY-MM-DD)
	header      map[string]string
	lookingBack string
	linesRe     *regexp.Regexp // the scroll position: first, last, of
	computing   string
	defs        string // the definitions' heading in the help: + section
	helpMore    *regexp.Regexp
	exportedRe  *regexp.Regexp // rows, path
	notReady    string
	refreshed   string
	contacts    string // the work section's contacts line: count
	csvFirstCol string // the RFM CSV's first column
	service     string // a line of the Service tab: 9 open cases
}

var insWordsOf = map[i18n.Lang]insWords{
	i18n.ZH: {
		sections: [7]string{"RFM 活跃度", "ABC 分析", "动静分布", "顾客保有量", "活动漏斗", "投诉分析", "我的工作"},
		title:    "%s · 截至 %s",
		header: map[string]string{"2026-11-22": "截至 2026年11月22日 周日", "2026-11-21": "截至 2026年11月21日 周六",
			"2026-11-20": "截至 2026年11月20日 周五", "2026-10-22": "截至 2026年10月22日 周四", "2026-11-23": "截至 2026年11月23日"},
		lookingBack: "（回看）",
		linesRe:     regexp.MustCompile(`第 (\d+)–(\d+) 行，共 (\d+) 行`),
		computing:   "正在计算……",
		defs:        "定义 · ",
		helpMore:    regexp.MustCompile(`还有 (\d+) 行：j/k 或 ↑/↓ 滚动`),
		exportedRe:  regexp.MustCompile(`已导出 (\d+) 行到 (\S+)`),
		notReady:    "报表还没算好，出来后再导出。",
		refreshed:   "已刷新。",
		contacts:    "每日维护（近 30 天，共 %d 次）",
		csvFirstCol: "顾客编号",
		service:     "未结服务单 9 个",
	},
	i18n.EN: {
		sections: [7]string{"RFM", "ABC", "Distribution", "Retention", "Funnels", "Complaints", "My work"},
		title:    "%s · as of %s",
		header: map[string]string{"2026-11-22": "as of Nov 22, 2026 Sun", "2026-11-21": "as of Nov 21, 2026 Sat",
			"2026-11-20": "as of Nov 20, 2026 Fri", "2026-10-22": "as of Oct 22, 2026 Thu", "2026-11-23": "as of Nov 23, 2026"},
		lookingBack: "(looking back)",
		linesRe:     regexp.MustCompile(`lines (\d+)–(\d+) of (\d+)`),
		computing:   "Computing…",
		defs:        "Definitions · ",
		helpMore:    regexp.MustCompile(`(\d+) more lines: j/k or ↑/↓ to scroll`),
		exportedRe:  regexp.MustCompile(`Exported (\d+) rows to (\S+)`),
		notReady:    "The report is not ready yet; export it once it shows.",
		refreshed:   "Refreshed.",
		contacts:    "contacts per day (last 30 days, %d in all)",
		csvFirstCol: "Customer ID",
		service:     "9 open cases",
	},
}

// titleOf is the first line of section i's report as of day.
func (iw insWords) titleOf(i int, day domain.Date) string {
	return fmt.Sprintf(iw.title, iw.sections[i], day)
}

// openInsights goes from Today to Insights (Today → Customers → Events →
// Service → Insights) and waits for the RFM report of the fixture's day.
func openInsights(t *testing.T, a *app, iw insWords) string {
	t.Helper()
	a.key(">", ">", ">", ">")
	return waitReport(t, a, iw, 0, fixedDay)
}

// waitReport waits until section i's report as of day is on the screen
// and nothing is being computed, and checks the header's day.
func waitReport(t *testing.T, a *app, iw insWords, i int, day domain.Date) string {
	t.Helper()
	title := iw.titleOf(i, day)
	s := a.waitFor(fmt.Sprintf("the report %q", title), func(s string) bool {
		ls := lines(s)
		return len(ls) > 3 && strings.HasPrefix(ls[3], title) && !strings.Contains(s, iw.computing)
	})
	if h := lines(s)[2]; !strings.HasPrefix(h, iw.header[day.String()]) {
		t.Errorf("header %q, want the day %q", h, iw.header[day.String()])
	}
	return s
}

// position is the scroll position the header shows: first and last line
// shown, and how many there are; ok false when the header shows none.
func (iw insWords) position(screen string) (first, last, total int, ok bool) {
	m := iw.linesRe.FindStringSubmatch(lines(screen)[2])
	if m == nil {
		return 0, 0, 0, false
	}
	first, _ = strconv.Atoi(m[1])
	last, _ = strconv.Atoi(m[2])
	total, _ = strconv.Atoi(m[3])
	return first, last, total, true
}

// waitPosition waits until the header says lines first–last.
func waitPosition(t *testing.T, a *app, iw insWords, first, last int) string {
	t.Helper()
	return a.waitFor(fmt.Sprintf("lines %d–%d", first, last), func(s string) bool {
		f, l, _, ok := iw.position(s)
		return ok && f == first && l == last
	})
}

// press sends keys, with the names of a few more keys than a.key knows.
func (a *app) press(keys ...string) {
	for _, k := range keys {
		switch k {
		case "left":
			a.tm.Send(tea.KeyPressMsg{Code: tea.KeyLeft})
		case "right":
			a.tm.Send(tea.KeyPressMsg{Code: tea.KeyRight})
		case "space":
			a.tm.Send(tea.KeyPressMsg{Code: tea.KeySpace, Text: " "})
		case "pgup":
			a.tm.Send(tea.KeyPressMsg{Code: tea.KeyPgUp})
		case "pgdown":
			a.tm.Send(tea.KeyPressMsg{Code: tea.KeyPgDown})
		default:
			a.key(k)
		}
	}
}

// TestInsights_SectionsAndScrolling: 1–7, ←/→ and h/l switch sections
// (wrapping around at both ends); j/k/space/pgup/G/g scroll the report
// and the header says where, within the report's lines; each section
// keeps its own position; ABC comes from RFM's computation without
// computing again; r recomputes.
func TestInsights_SectionsAndScrolling(t *testing.T) {
	f := newFixture(t)
	forLangs(t, func(t *testing.T, lang i18n.Lang, w words) {
		iw := insWordsOf[lang]
		a := startApp(t, f.options(lang), 80, 24)
		s := openInsights(t, a, iw)
		checkFits(t, s, 80, 24)

		// Sections.
		steps := []struct {
			key  string
			want int
		}{{"3", 2}, {"right", 3}, {"l", 4}, {"h", 3}, {"left", 2}, {"1", 0}, {"h", 6}, {"l", 0}, {"left", 6},
			{"right", 0}, {"6", 5}, {"5", 4}, {"7", 6}}
		for _, st := range steps {
			a.press(st.key)
			s = waitReport(t, a, iw, st.want, fixedDay)
			checkFits(t, s, 80, 24)
		}
		// 8 is no section: the work report stays.
		a.press("8", "1")
		waitReport(t, a, iw, 0, fixedDay)
		// ABC is drawn from the RFM computation: no spinner on the way.
		mark := a.mark()
		a.press("2")
		waitReport(t, a, iw, 1, fixedDay)
		a.rec.mu.Lock()
		for _, fr := range a.rec.frames[mark:] {
			if strings.Contains(fr, iw.computing) {
				t.Errorf("ABC computed again after RFM:\n%s", fr)
				break
			}
		}
		a.rec.mu.Unlock()

		// Scrolling RFM: 19 report lines fit under the sub-tabs and the header.
		a.press("1")
		s = waitReport(t, a, iw, 0, fixedDay)
		first, last, total, ok := iw.position(s)
		if !ok || first != 1 || last != 19 || total <= 2*19 {
			t.Fatalf("RFM's header at the top: %q (lines %d–%d of %d)", lines(s)[2], first, last, total)
		}
		body := 19
		top := lines(s)[3:]
		a.press("j")
		s = waitPosition(t, a, iw, 2, body+1)
		if lines(s)[3] != top[1] {
			t.Errorf("after j the first line is %q, want %q", lines(s)[3], top[1])
		}
		a.press("k")
		waitPosition(t, a, iw, 1, body)
		a.press("k", "j") // k at the top stays there: one j is one line down
		waitPosition(t, a, iw, 2, body+1)
		a.press("space") // a page less one line
		s = waitPosition(t, a, iw, 2+body-1, 2*body)
		a.press("pgup")
		waitPosition(t, a, iw, 2, body+1)
		a.press("G")
		s = waitPosition(t, a, iw, total-body+1, total)
		if n := len(lines(s)); n != 24 {
			t.Errorf("%d lines at the end of the report", n)
		}
		a.press("j", "k") // j at the end stays there
		waitPosition(t, a, iw, total-body, total-1)
		a.press("g")
		s = waitPosition(t, a, iw, 1, body)
		if lines(s)[3] != iw.titleOf(0, fixedDay) {
			t.Errorf("g: the first line is %q", lines(s)[3])
		}
		// Each section keeps its own position.
		a.press("j", "j", "j")
		waitPosition(t, a, iw, 4, body+3)
		a.press("3")
		s = waitReport(t, a, iw, 2, fixedDay)
		if f, _, _, ok := iw.position(s); ok && f != 1 {
			t.Errorf("distribution opens at line %d", f)
		}
		a.press("1")
		waitPosition(t, a, iw, 4, body+3)

		// r recomputes, says so and keeps the position.
		mark = a.mark()
		a.press("r")
		a.waitFrame(mark, iw.computing)
		a.waitText(iw.refreshed)
		a.waitGone(iw.computing)
		waitPosition(t, a, iw, 4, body+3)
	})
}

// TestInsights_AsOfDay: [ moves the day the reports are as of back by one
// (the header says it and that this is looking back, the report is of that
// day), ] forward, never past today; { } by a month; t back to today.
func TestInsights_AsOfDay(t *testing.T) {
	f := newFixture(t)
	forLangs(t, func(t *testing.T, lang i18n.Lang, w words) {
		iw := insWordsOf[lang]
		a := startApp(t, f.options(lang), 160, 48)
		s := openInsights(t, a, iw)
		if strings.Contains(lines(s)[2], iw.lookingBack) {
			t.Errorf("today's header says looking back: %q", lines(s)[2])
		}
		a.rec.forbid(iw.titleOf(0, fixedDay.AddDays(1)), iw.header["2026-11-23"]) // never tomorrow

		yesterday := fixedDay.AddDays(-1)
		a.key("[")
		s = waitReport(t, a, iw, 0, yesterday)
		if !strings.Contains(lines(s)[2], iw.lookingBack) {
			t.Errorf("the header of yesterday does not say looking back: %q", lines(s)[2])
		}
		a.key("]")
		s = waitReport(t, a, iw, 0, fixedDay)
		if strings.Contains(lines(s)[2], iw.lookingBack) {
			t.Errorf("back at today the header says looking back: %q", lines(s)[2])
		}
		// ] at today stays at today.
		a.key("]", "]", "7")
		waitReport(t, a, iw, 6, fixedDay)
		a.key("1")
		waitReport(t, a, iw, 0, fixedDay)

		// A month back and forward, then t.
		a.key("{")
		s = waitReport(t, a, iw, 0, domain.MustDate("2026-10-22"))
		if !strings.Contains(lines(s)[2], iw.lookingBack) {
			t.Errorf("a month back the header does not say looking back: %q", lines(s)[2])
		}
		a.key("}")
		waitReport(t, a, iw, 0, fixedDay)
		a.key("[", "[")
		waitReport(t, a, iw, 0, fixedDay.AddDays(-2))
		a.key("7") // the day applies to every section
		waitReport(t, a, iw, 6, fixedDay.AddDays(-2))
		a.key("t")
		s = waitReport(t, a, iw, 6, fixedDay)
		if strings.Contains(lines(s)[2], iw.lookingBack) {
			t.Errorf("after t the header says looking back: %q", lines(s)[2])
		}
		if v := a.rec.violations(); len(v) > 0 {
			t.Errorf("a frame showed a day after today:\n%s", v[0])
		}
	})
}

// TestInsights_Definitions: ? shows the keys and the definitions of the
// section on screen, which scroll when taller than the window; ? closes.
func TestInsights_Definitions(t *testing.T) {
	f := newFixture(t)
	forLangs(t, func(t *testing.T, lang i18n.Lang, w words) {
		iw := insWordsOf[lang]
		a := startApp(t, f.options(lang), 80, 24)
		openInsights(t, a, iw)
		for _, sec := range []int{0, 3} {
			a.key(fmt.Sprint(sec + 1))
			waitReport(t, a, iw, sec, fixedDay)
			a.key("?")
			s := a.waitText(w.helpTitle)
			checkFits(t, s, 80, 24)
			defs := iw.defs + iw.sections[sec]
			m := iw.helpMore.FindStringSubmatch(s)
			if m == nil {
				if !strings.Contains(s, defs) {
					t.Fatalf("the help neither shows %q nor says there is more:\n%s", defs, s)
				}
			} else {
				more, _ := strconv.Atoi(m[1])
				a.key("j")
				a.waitFor(fmt.Sprintf("%d more lines", more-1), func(s string) bool {
					m := iw.helpMore.FindStringSubmatch(s)
					return m != nil && m[1] == fmt.Sprint(more-1)
				})
				for range 20 {
					a.press("space")
				}
				s = a.waitText(defs)
				checkFits(t, s, 80, 24)
				if iw.helpMore.MatchString(s) {
					t.Errorf("at the end the help still says there is more:\n%s", s)
				}
			}
			// The definitions follow their heading.
			ls := lines(s)
			for i, l := range ls {
				if strings.Contains(l, defs) && (i+1 >= len(ls) || strings.TrimSpace(ls[i+1]) == "") {
					t.Errorf("nothing under %q:\n%s", defs, s)
				}
			}
			a.key("?")
			a.waitGone(w.helpTitle)
			waitReport(t, a, iw, sec, fixedDay)
		}
	})
}

// readExport checks an exported CSV: its mode, the BOM, a header with
// firstCol first, and returns its records after the header, each as wide
// as the header.
func readExport(t *testing.T, path, firstCol string) [][]string {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if m := st.Mode().Perm(); m != 0o600 {
		t.Errorf("%s has mode %o, want 600", path, m)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text, ok := strings.CutPrefix(string(b), "\ufeff")
	if !ok {
		t.Errorf("%s has no BOM", path)
	}
	r := csv.NewReader(strings.NewReader(text))
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if len(recs) == 0 || recs[0][0] != firstCol {
		t.Fatalf("%s: header %q, want it to start with %q", path, recs, firstCol)
	}
	return recs[1:]
}

// waitExported presses e and waits for the status to say how many rows
// went where; it checks the path is the one wanted.
func waitExported(t *testing.T, a *app, iw insWords, want string) int {
	t.Helper()
	mark := a.mark()
	a.key("e")
	fr := a.waitFrame(mark, filepath.Base(want))
	m := iw.exportedRe.FindStringSubmatch(statusLine(fr))
	if m == nil {
		t.Fatalf("status %q", statusLine(fr))
	}
	if m[2] != want {
		t.Errorf("exported to %q, want %q", m[2], want)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// TestInsights_ExportCSV: e writes the section on screen as CSV into the
// export folder, named after the section and its as-of day, readable by
// its owner only, every row the report has (150 customers for RFM, 30 days
// for the work), and leaves no temporary file behind.
func TestInsights_ExportCSV(t *testing.T) {
	f := newFixture(t)
	forLangs(t, func(t *testing.T, lang i18n.Lang, w words) {
		iw := insWordsOf[lang]
		dir := t.TempDir()
		opt := f.options(lang)
		opt.ExportDir = dir
		a := startApp(t, opt, 160, 48)
		openInsights(t, a, iw)

		rfm := filepath.Join(dir, "report-rfm-2026-11-22.csv")
		n := waitExported(t, a, iw, rfm)
		rows := readExport(t, rfm, iw.csvFirstCol)
		if n != len(rows) || n != 150 {
			t.Errorf("the status says %d rows, the file has %d, the store 150 customers", n, len(rows))
		}
		for i, r := range rows {
			if len(r) != 13 {
				t.Errorf("row %d has %d fields: %q", i+1, len(r), r)
			}
		}

		// Again: the earlier export keeps its name, the new one is numbered.
		if err := os.WriteFile(rfm, []byte("old\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		rfm2 := filepath.Join(dir, "report-rfm-2026-11-22-2.csv")
		waitExported(t, a, iw, rfm2)
		if b, err := os.ReadFile(rfm); err != nil || string(b) != "old\n" {
			t.Errorf("the earlier export was touched: %q, %v", b, err)
		}
		if rows := readExport(t, rfm2, iw.csvFirstCol); len(rows) != 150 {
			t.Errorf("exported again: %d rows", len(rows))
		}

		a.key("7")
		waitReport(t, a, iw, 6, fixedDay)
		work := filepath.Join(dir, "report-work-2026-11-22.csv")
		n = waitExported(t, a, iw, work)
		days := readExport(t, work, map[i18n.Lang]string{i18n.ZH: "日期", i18n.EN: "Day"}[lang])
		if n != insights.WorkDays || len(days) != n || days[len(days)-1][0] != "2026-11-22" {
			t.Errorf("work: %d rows in the status, %d in the file, the last %q", n, len(days), days[len(days)-1])
		}

		a.key("[")
		waitReport(t, a, iw, 6, fixedDay.AddDays(-1))
		back := filepath.Join(dir, "report-work-2026-11-21.csv")
		waitExported(t, a, iw, back)
		if days := readExport(t, back, map[i18n.Lang]string{i18n.ZH: "日期", i18n.EN: "Day"}[lang]); days[len(days)-1][0] != "2026-11-21" {
			t.Errorf("the export as of 11-21 ends on %q", days[len(days)-1][0])
		}

		ents, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, e := range ents {
			names = append(names, e.Name())
		}
		if strings.Join(names, " ") != "report-rfm-2026-11-22-2.csv report-rfm-2026-11-22.csv report-work-2026-11-21.csv report-work-2026-11-22.csv" {
			t.Errorf("the export folder holds %q", names)
		}
	})
}

// gatedStore is the fixture's store whose RFM figures (RFM, ABC and
// distribution read them) wait, for the days with a closed gate, until
// the test opens it. A gated read finishes even when the app has given
// up on it (the worst case for a stale answer arriving late).
type gatedStore struct {
	*db.Store
	mu       sync.Mutex
	gates    map[domain.Date]chan struct{}
	entered  chan domain.Date // a gated read began
	returned chan domain.Date // a gated read is done
}

func newGatedStore(s *db.Store) *gatedStore {
	return &gatedStore{Store: s, gates: map[domain.Date]chan struct{}{},
		entered: make(chan domain.Date, 16), returned: make(chan domain.Date, 16)}
}

// close makes reads as of day wait until open.
func (g *gatedStore) close(day domain.Date) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.gates[day] = make(chan struct{})
}

// open lets the reads as of day go; it may be called more than once.
func (g *gatedStore) open(day domain.Date) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if ch, ok := g.gates[day]; ok {
		close(ch)
		delete(g.gates, day)
	}
}

func (g *gatedStore) openAll() {
	g.mu.Lock()
	days := make([]domain.Date, 0, len(g.gates))
	for d := range g.gates {
		days = append(days, d)
	}
	g.mu.Unlock()
	for _, d := range days {
		g.open(d)
	}
}

func (g *gatedStore) EachCustomerFigures(ctx context.Context, asOf domain.Date, windowDays int, fn func(*insights.Figures) error) error {
	g.mu.Lock()
	gate := g.gates[asOf]
	g.mu.Unlock()
	if gate == nil {
		return g.Store.EachCustomerFigures(ctx, asOf, windowDays, fn)
	}
	g.entered <- asOf
	<-gate
	err := g.Store.EachCustomerFigures(context.WithoutCancel(ctx), asOf, windowDays, fn)
	g.returned <- asOf
	return err
}

// waitDay waits for a gated read as of day to send on ch.
func waitDay(t *testing.T, ch chan domain.Date, day domain.Date, what string) {
	t.Helper()
	select {
	case d := <-ch:
		if d != day {
			t.Fatalf("a gated read as of %s %s, want %s", d, what, day)
		}
	case <-time.After(waitTimeout):
		t.Fatalf("no gated read as of %s %s", day, what)
	}
}

// TestInsights_SlowReportKeepsTheAppAlive: while a report is computed the
// header says so with a spinner, e says the report is not ready, and the
// app answers: another tab shows and the Insights tab comes back still
// computing; once the store answers, the report shows.
func TestInsights_SlowReportKeepsTheAppAlive(t *testing.T) {
	f := newFixture(t)
	forLangs(t, func(t *testing.T, lang i18n.Lang, w words) {
		iw := insWordsOf[lang]
		store := newGatedStore(f.store)
		store.close(fixedDay)
		opt := f.optionsWith(store, lang)
		opt.ExportDir = t.TempDir()
		a := startApp(t, opt, 80, 24)
		t.Cleanup(store.openAll) // before the app quits
		a.waitText(fmt.Sprintf(w.progress, 0, 62))
		a.key(">", ">", ">", ">")
		waitDay(t, store.entered, fixedDay, "began")
		s := a.waitText(iw.computing, iw.header["2026-11-22"])
		if strings.Contains(s, iw.titleOf(0, fixedDay)) {
			t.Errorf("a report while computing:\n%s", s)
		}
		checkFits(t, s, 80, 24)

		a.key("e")
		a.waitText(iw.notReady)
		a.key("<")
		a.waitText(iw.service)
		a.key(">")
		s = a.waitFor("Insights again, still computing", func(s string) bool {
			return strings.Contains(s, iw.computing) && !strings.Contains(s, iw.service)
		})
		// The section that does not read the gated figures comes at once.
		a.key("7")
		waitReport(t, a, iw, 6, fixedDay)
		a.key("1")
		a.waitText(iw.computing)

		store.open(fixedDay)
		s = waitReport(t, a, iw, 0, fixedDay)
		checkFits(t, s, 80, 24)
		if _, err := os.Stat(filepath.Join(opt.ExportDir, "report-rfm-2026-11-22.csv")); err == nil {
			t.Errorf("e before the report was ready wrote a file")
		}
	})
}

// TestInsights_StaleAnswerNeverShows: the day is moved, or the section
// changed, while a report is computed; the older computation's answer,
// arriving after, is dropped: the screen keeps computing the newer one and
// then shows it, never the older.
func TestInsights_StaleAnswerNeverShows(t *testing.T) {
	f := newFixture(t)
	forLangs(t, func(t *testing.T, lang i18n.Lang, w words) {
		iw := insWordsOf[lang]
		store := newGatedStore(f.store)
		yesterday, before := fixedDay.AddDays(-1), fixedDay.AddDays(-2)
		store.close(fixedDay)
		store.close(yesterday)
		a := startApp(t, f.optionsWith(store, lang), 160, 48)
		t.Cleanup(store.openAll)
		a.waitText(fmt.Sprintf(w.progress, 0, 62))
		a.key(">", ">", ">", ">")
		waitDay(t, store.entered, fixedDay, "began")

		// [ while today's RFM is computed: yesterday's is asked for.
		a.key("[")
		waitDay(t, store.entered, yesterday, "began")
		a.rec.forbid(iw.titleOf(0, fixedDay))
		store.open(fixedDay) // the older answer comes first
		waitDay(t, store.returned, fixedDay, "returned")
		time.Sleep(200 * time.Millisecond) // for its answer to reach the app
		s := a.waitText(iw.header["2026-11-21"], iw.lookingBack)
		if !strings.Contains(s, iw.computing) {
			t.Errorf("the older answer ended the newer computation:\n%s", s)
		}
		store.open(yesterday)
		waitDay(t, store.returned, yesterday, "returned")
		waitReport(t, a, iw, 0, yesterday)

		// [ again, then 7 while that RFM is computed: the work report shows,
		// and stays when the RFM answer comes late.
		store.close(before)
		a.key("[")
		waitDay(t, store.entered, before, "began")
		a.key("7")
		waitReport(t, a, iw, 6, before)
		a.rec.forbid(iw.titleOf(0, before))
		store.open(before)
		waitDay(t, store.returned, before, "returned")
		time.Sleep(200 * time.Millisecond)
		s = waitReport(t, a, iw, 6, before)
		if v := a.rec.violations(); len(v) > 0 {
			t.Errorf("a stale report was drawn:\n%s", v[0])
		}
		// RFM of that day shows when asked for.
		a.key("1")
		waitReport(t, a, iw, 0, before)
		checkFits(t, s, 160, 48)
	})
}

// contactsOf is the work section's contacts line for what the store holds now.
func contactsOf(t *testing.T, f *fixture, iw insWords) (string, int) {
	t.Helper()
	wk, err := insights.WorkReport(context.Background(), f.store, f.me, fixedDay)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, c := range wk.ContactsPerDay {
		n += c
	}
	return fmt.Sprintf(iw.contacts, n), n
}

// TestInsights_DataChangeRecomputes: a contact logged on Today makes the
// work report count it when Insights shows again; a contact logged by
// another process while Insights is on screen shows by itself (the app's
// data-version watch).
func TestInsights_DataChangeRecomputes(t *testing.T) {
	forLangs(t, func(t *testing.T, lang i18n.Lang, w words) {
		f := newFixture(t)
		iw := insWordsOf[lang]
		ag := f.agenda(t, fixedDay)
		a := startApp(t, f.options(lang), 160, 48)
		waitToday(t, a, w, ag)
		openInsights(t, a, iw)
		a.key("7")
		before, n := contactsOf(t, f, iw)
		waitReport(t, a, iw, 6, fixedDay)
		a.waitText(before)

		// Log the first item's contact on Today.
		a.key("<", "<", "<", "<")
		a.waitText(fmt.Sprintf(w.progress, 0, ag.Total))
		a.key("d")
		a.waitText(w.logTitle + ag.Maintain[0].Customer)
		a.key("enter")
		a.waitText(w.done + ag.Maintain[0].Customer)
		after, m := contactsOf(t, f, iw)
		if m != n+1 {
			t.Fatalf("the store counts %d contacts after logging one, %d before", m, n)
		}
		a.key(">", ">", ">", ">")
		s := waitReport(t, a, iw, 6, fixedDay)
		s = a.waitText(after)
		if strings.Contains(s, before) {
			t.Errorf("still the old count:\n%s", s)
		}

		// Another process logs the next item while Insights is on screen.
		ctx := context.Background()
		other, err := db.Open(ctx, f.path, db.Options{Now: func() time.Time { return fixedNow }, Loc: cst})
		if err != nil {
			t.Fatal(err)
		}
		defer other.Close()
		it := ag.Maintain[1]
		if _, err := other.Act(ctx, agenda.Action{Item: it, State: agenda.StateDone, Contact: agenda.DefaultContact(it), Day: fixedDay,
			Now: fixedNow, SalesID: f.me.ID}, agenda.DefaultConfig().Calls); err != nil {
			t.Fatal(err)
		}
		third, k := contactsOf(t, f, iw)
		if k != m+1 {
			t.Fatalf("the store counts %d contacts after another process logged one, %d before", k, m)
		}
		a.waitText(third)
		waitReport(t, a, iw, 6, fixedDay)
	})
}

// TestInsights_StoreTextEscapesNeverReachTheScreen: an event and the
// salespeople named with escape sequences behind the domain's back (as in
// TestSanitize_EscapesNeverReachTheScreen) show on the Insights screen
// without them: distribution, retention and work name the salespeople,
// the funnels the events.
func TestInsights_StoreTextEscapesNeverReachTheScreen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "demo.db")
	copyFile(t, templateDB, path)
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`UPDATE events SET name = ? WHERE id = (SELECT max(id) FROM events)`, evilName); err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`UPDATE salespeople SET name = ? || name`, "\x1b]0;pwned\x07"); err != nil {
		t.Fatal(err)
	}
	if err := raw.Close(); err != nil {
		t.Fatal(err)
	}
	f := openFixture(t, path)
	forLangs(t, func(t *testing.T, lang i18n.Lang, w words) {
		iw := insWordsOf[lang]
		a := startApp(t, f.options(lang), 160, 48)
		a.rec.forbid(evil...)
		openInsights(t, a, iw)
		for _, sec := range []int{2, 3, 4, 6} {
			a.key(fmt.Sprint(sec + 1))
			waitReport(t, a, iw, sec, fixedDay)
		}
		if v := a.rec.violations(); len(v) > 0 {
			for _, l := range lines(v[0]) {
				if containsAny(l, evil...) {
					t.Errorf("%d frames carry escape sequences from the store, as in %q", len(v), l)
					break
				}
			}
		}
	})
}

func containsAny(s string, texts ...string) bool {
	for _, x := range texts {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

// TestInsights_FollowsTodayPastMidnight: left open over midnight, the
// reports move on to the new day when the tab is shown again — unless the
// salesperson chose a day by hand, which stays.
func TestInsights_FollowsTodayPastMidnight(t *testing.T) {
	f := newFixture(t)
	iw := insWordsOf[i18n.EN]
	var mu sync.Mutex
	now := fixedNow
	opt := f.options(i18n.EN)
	opt.Now = func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	a := startApp(t, opt, 160, 48)
	openInsights(t, a, iw)

	mu.Lock()
	now = now.Add(24 * time.Hour)
	mu.Unlock()
	a.key("<")
	a.waitGone(iw.titleOf(0, fixedDay))
	a.key(">")
	waitReport(t, a, iw, 0, fixedDay.AddDays(1))

	a.key("[", "[")
	waitReport(t, a, iw, 0, fixedDay.AddDays(-1))
	mu.Lock()
	now = now.Add(24 * time.Hour)
	mu.Unlock()
	a.key("<")
	a.waitGone(iw.titleOf(0, fixedDay.AddDays(-1)))
	a.key(">")
	waitReport(t, a, iw, 0, fixedDay.AddDays(-1))
}
