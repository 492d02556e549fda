package reportview

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/domain/i18n"
	"github.com/crmtui/crmtui/domain/insights"
	"github.com/crmtui/crmtui/tui/chart"
)

var langs = []i18n.Lang{i18n.ZH, i18n.EN}

// titles are the sections' names as a person reads them, written out here
// so that a catalog regression fails a test.
var titles = map[i18n.Lang]map[insights.Section]string{
	i18n.ZH: {insights.SectionRFM: "RFM 活跃度", insights.SectionABC: "ABC 分析", insights.SectionDistribution: "动静分布",
		insights.SectionRetention: "顾客保有量", insights.SectionFunnel: "活动漏斗", insights.SectionComplaints: "投诉分析",
		insights.SectionWork: "我的工作"},
	i18n.EN: {insights.SectionRFM: "RFM", insights.SectionABC: "ABC", insights.SectionDistribution: "Distribution",
		insights.SectionRetention: "Retention", insights.SectionFunnel: "Funnels", insights.SectionComplaints: "Complaints",
		insights.SectionWork: "My work"},
}

var asOfWord = map[i18n.Lang]string{i18n.ZH: "截至 ", i18n.EN: "as of "}

// view is how the screen draws at width w, as the salesperson me (0: the store).
func view(lang i18n.Lang, w int, color bool, me int64) View {
	return View{Cat: i18n.New(lang), Chart: chart.Options{Width: w, Color: color, Dark: true}, Me: me}
}

// results computes every section on the test store, keyed section/who:
// for the first salesperson (me), the one with a long English name (long),
// the one with the widest name (wide) and the store.
func results(t *testing.T, src insights.Source) map[string]insights.Result {
	t.Helper()
	out := map[string]insights.Result{}
	sp, _ := src.Salespeople(t.Context())
	for _, s := range insights.Sections {
		for _, who := range []string{"me", "long", "wide", "store"} {
			var me *domain.Salesperson
			switch {
			case who == "me" && len(sp) > 0:
				me = &sp[0]
			case who == "long" && len(sp) > 1:
				me = &sp[1] // a long English name
			case who == "wide" && len(sp) > 2:
				me = &sp[2] // the widest name there can be
			}
			res, err := compute(src, s, me)
			if err != nil {
				t.Fatalf("%s for %s: %v", s, who, err)
			}
			out[string(s)+"/"+who] = res
		}
	}
	return out
}

// checkLines fails when a drawn line is wider than w, holds a line break
// or, without colour, an escape sequence.
func checkLines(t *testing.T, ls []string, w int, color bool) {
	t.Helper()
	if len(ls) == 0 {
		t.Fatal("no lines")
	}
	for i, l := range ls {
		if n := ansi.StringWidth(l); n > w {
			t.Errorf("line %d is %d cells wide at width %d: %q", i+1, n, w, ansi.Strip(l))
		}
		if strings.ContainsAny(ansi.Strip(l), "\n\r\t") {
			t.Errorf("line %d holds a line break or tab: %q", i+1, l)
		}
		if !color && strings.ContainsRune(l, '\x1b') {
			t.Errorf("line %d has an escape sequence without colour: %q", i+1, l)
		}
	}
}

// TestLines_FitTheWidth: every section, both languages, at 80 and 160
// columns, for a salesperson and for the store: no line wider than the
// screen, none with an escape sequence without colour; the first line
// names the section and the day. With colour the lines still fit.
func TestLines_FitTheWidth(t *testing.T) {
	res := results(t, newMemSource())
	for _, lang := range langs {
		for _, w := range []int{80, 160} {
			for name, r := range res {
				t.Run(fmt.Sprintf("%s/%d/%s", lang, w, name), func(t *testing.T) {
					me := meOf(name)
					ls := view(lang, w, false, me).Lines(r, cst)
					checkLines(t, ls, w, false)
					want := titles[lang][r.Section] + " · " + asOfWord[lang] + "2026-11-22"
					if !strings.HasPrefix(ls[0], want) {
						t.Errorf("first line %q, want it to start with %q", ls[0], want)
					}
					if len(ls) < 5 {
						t.Errorf("only %d lines for a store with data:\n%s", len(ls), strings.Join(ls, "\n"))
					}
					colored := view(lang, w, true, me).Lines(r, cst)
					checkLines(t, colored, w, true)
					// Colour changes marks (the heat map's shades become
					// backgrounds) but not the layout.
					if len(colored) != len(ls) {
						t.Errorf("%d lines with colour, %d without", len(colored), len(ls))
					}
				})
			}
		}
	}
}

// TestLines_ShowTheFigures: a few figures the drawings must carry, read
// off the computed reports: the customer count, the ABC revenue, the
// funnel's event names, the complaint total, the contacts sum.
func TestLines_ShowTheFigures(t *testing.T) {
	src := newMemSource()
	res := results(t, src)
	v := view(i18n.EN, 160, false, 1)
	text := func(key string) string { return strings.Join(v.Lines(res[key], cst), "\n") }

	if s := text("rfm/me"); !strings.Contains(s, "48 customers") || !strings.Contains(s, "period 2025-11-23 – 2026-11-22 (365 days)") {
		t.Errorf("RFM lacks the customer count or the period:\n%s", s)
	}
	abc := res["abc/me"].RFM.ABC
	if s := text("abc/me"); !strings.Contains(s, v.money(abc.Revenue)) {
		t.Errorf("ABC lacks the revenue %s:\n%s", v.money(abc.Revenue), s)
	}
	s := text("funnel/me")
	if !strings.Contains(s, src.events[0].Name) || strings.Contains(s, "Old ·") {
		t.Errorf("funnels: want the recent event and not the one of 500 days ago:\n%s", s)
	}
	if strings.Index(s, src.events[1].Name) > strings.Index(s, src.events[0].Name) {
		t.Errorf("funnels: the upcoming event should come first (newest first):\n%s", s)
	}
	cm := res["complaints/me"].Complaints
	if want := fmt.Sprintf("%d complaints (%d open)", cm.Total, cm.Open); cm.Total == 0 || !strings.Contains(text("complaints/me"), want) {
		t.Errorf("complaints: want %q:\n%s", want, text("complaints/me"))
	}
	sum := 0
	for _, n := range res["work/me"].Work.ContactsPerDay {
		sum += n
	}
	if s := text("work/me"); !strings.Contains(s, fmt.Sprintf("contacts per day (last 30 days, %s in all)", count(sum))) ||
		!strings.Contains(s, "王小明") {
		t.Errorf("work: want %d contacts and the salesperson's name:\n%s", sum, s)
	}
	if s := text("work/store"); !strings.Contains(lines(s)[0], "· store") {
		t.Errorf("the store's work should say so: %q", lines(s)[0])
	}
	// Distribution as the salesperson compares them with the store; as the
	// store it shows the store alone.
	if s := text("distribution/me"); !strings.Contains(s, "classes: 王小明 vs the store") {
		t.Errorf("distribution as a salesperson:\n%s", s)
	}
	v.Me = 0
	if s := text("distribution/store"); !strings.Contains(s, "The store's classes") || strings.Contains(s, " vs the store") {
		t.Errorf("distribution as the store:\n%s", s)
	}
}

// meOf is the view's salesperson for a result of results.
func meOf(name string) int64 {
	switch {
	case strings.HasSuffix(name, "/me"):
		return 1
	case strings.HasSuffix(name, "/long"):
		return 2
	case strings.HasSuffix(name, "/wide"):
		return 3
	}
	return 0
}

func lines(s string) []string { return strings.Split(s, "\n") }

// TestLines_EmptyStore: a store without customers, sales, events or cases
// draws every section (the "no data" line where there is nothing) without
// panicking and within the width.
func TestLines_EmptyStore(t *testing.T) {
	src := &memSource{sales: newMemSource().sales}
	res := results(t, src)
	none := map[i18n.Lang]string{i18n.ZH: "没有", i18n.EN: "No "}
	for _, lang := range langs {
		for name, r := range res {
			t.Run(fmt.Sprintf("%s/%s", lang, name), func(t *testing.T) {
				ls := view(lang, 80, false, meOf(name)).Lines(r, cst)
				checkLines(t, ls, 80, false)
				if r.Section != insights.SectionWork && !strings.Contains(strings.Join(ls, "\n"), none[lang]) {
					t.Errorf("no 'nothing yet' line:\n%s", strings.Join(ls, "\n"))
				}
				tb := view(lang, 80, false, 1).Table(r, cst)
				checkTable(t, tb)
			})
		}
	}
}

// checkTable fails when a row has more or fewer cells than the header.
func checkTable(t *testing.T, tb Table) {
	t.Helper()
	if len(tb.Header) == 0 {
		t.Fatal("no header")
	}
	for i, h := range tb.Header {
		if h == "" {
			t.Errorf("column %d has no name: %q", i, tb.Header)
		}
	}
	for i, r := range tb.Rows {
		if len(r) != len(tb.Header) {
			t.Errorf("row %d has %d cells, the header %d: %q", i+1, len(r), len(tb.Header), r)
		}
	}
}

// TestTable_RowsMatchTheHeader: every section's table has as many cells
// in every row as in its header, the rows the report has (a customer per
// RFM row, three ABC classes, 30 work days), and writes as CSV with a BOM
// and CRLF that reads back the same.
func TestTable_RowsMatchTheHeader(t *testing.T) {
	src := newMemSource()
	res := results(t, src)
	wantRows := map[insights.Section]int{insights.SectionRFM: len(src.customers), insights.SectionABC: 3,
		insights.SectionWork: insights.WorkDays, insights.SectionFunnel: 2}
	for _, lang := range langs {
		for name, r := range res {
			t.Run(fmt.Sprintf("%s/%s", lang, name), func(t *testing.T) {
				tb := view(lang, 80, false, 1).Table(r, cst)
				checkTable(t, tb)
				if n, ok := wantRows[r.Section]; ok && len(tb.Rows) != n {
					t.Errorf("%d rows, want %d", len(tb.Rows), n)
				}
				if len(tb.Rows) == 0 {
					t.Error("no rows")
				}
				var b bytes.Buffer
				if err := tb.WriteCSV(&b); err != nil {
					t.Fatal(err)
				}
				raw := b.String()
				if !strings.HasPrefix(raw, "\ufeff") || !strings.Contains(raw, "\r\n") {
					t.Errorf("CSV without BOM or CRLF: %q", raw[:min(len(raw), 80)])
				}
				recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(raw, "\ufeff"))).ReadAll()
				if err != nil {
					t.Fatal(err)
				}
				if len(recs) != len(tb.Rows)+1 || strings.Join(recs[0], "|") != strings.Join(tb.Header, "|") {
					t.Errorf("CSV reads back %d records (header %q), want %d", len(recs), recs[0], len(tb.Rows)+1)
				}
				for _, l := range tb.Text() {
					if strings.ContainsRune(l, '\x1b') {
						t.Errorf("text table line with an escape: %q", l)
					}
				}
			})
		}
	}
	// RFMTable keeps the first limit rows.
	v := view(i18n.ZH, 80, false, 1)
	if tb := v.RFMTable(res["rfm/me"].RFM.Rows, 5); len(tb.Rows) != 5 {
		t.Errorf("RFMTable with limit 5: %d rows", len(tb.Rows))
	}
}

// TestTable_TextAlignsByCells: the text table pads by display width, so
// columns start at the same cell in every line whatever the script, and
// numbers are right-aligned.
func TestTable_TextAlignsByCells(t *testing.T) {
	tb := Table{Header: []string{"姓名", "Amount", "Note"}, Rows: [][]string{
		{"欧阳娜娜", "¥1,200.00", "a"},
		{"Li", "5", "乙"},
		{"张伟", "-¥3.00", ""},
	}}
	got := tb.Text()
	want := []string{
		"姓名      Amount     Note",
		"欧阳娜娜  ¥1,200.00  a",
		"Li                5  乙",
		"张伟         -¥3.00",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("text table:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// textWidth is the widest line of the table's text.
func textWidth(tb Table) int {
	w := 0
	for _, l := range tb.Text() {
		w = max(w, ansi.StringWidth(l))
	}
	return w
}

// TestTable_Fit: Fit drops the columns nobody filled first, then the given
// ones in order and only as many as needed; it never goes past the width
// when dropping can get there, never drops the last column, and ignores
// indexes that are not columns.
func TestTable_Fit(t *testing.T) {
	tb := Table{
		Header: []string{"ID", "External", "Name", "Owner", "Spend", "Class"},
		Rows: [][]string{
			{"1", "", "Alexandra Konstantinopoulou", "王小明", "¥12,345.00", "重要"},
			{"22", "", "Li Na", "Bartholomew", "¥5.00", "一般"},
		},
	}
	full := textWidth(tb)
	header := func(x Table) string { return strings.Join(x.Header, ",") }

	// Wide enough for all: only the empty column goes.
	got := tb.Fit(1000, 0, 3)
	if header(got) != "ID,Name,Owner,Spend,Class" {
		t.Errorf("at 1000 columns: %q", got.Header)
	}
	for i, r := range got.Rows {
		if len(r) != len(got.Header) || r[1] != tb.Rows[i][2] {
			t.Errorf("row %d after Fit: %q", i, r)
		}
	}
	// The empty column goes before any other even when that is enough.
	noExt := textWidth(got)
	if noExt >= full {
		t.Fatalf("dropping the empty column did not narrow the table: %d ≥ %d", noExt, full)
	}
	if got := tb.Fit(noExt, 0, 3); header(got) != "ID,Name,Owner,Spend,Class" {
		t.Errorf("at exactly the width without External: %q", got.Header)
	}
	// One cell narrower: the first of drop goes (ID), and nothing more.
	got = tb.Fit(noExt-1, 0, 3)
	if header(got) != "Name,Owner,Spend,Class" {
		t.Errorf("one cell too narrow: %q", got.Header)
	}
	if w := textWidth(got); w > noExt-1 {
		t.Errorf("%d cells wide, want at most %d", w, noExt-1)
	}
	// Narrower still: then Owner; the order given, not the columns' order.
	got = tb.Fit(textWidth(got)-1, 0, 3)
	if header(got) != "Name,Spend,Class" {
		t.Errorf("two drops: %q", got.Header)
	}
	// Indexes out of range are skipped, not fatal.
	got = tb.Fit(noExt-1, 99, -1, 3)
	if header(got) != "ID,Name,Spend,Class" {
		t.Errorf("with bad indexes first: %q", got.Header)
	}
	// Impossible: everything in drop goes, but the table keeps a column.
	got = tb.Fit(1, 0, 1, 2, 3, 4, 5)
	if len(got.Header) != 1 {
		t.Errorf("at width 1: %q, want one column kept", got.Header)
	}
	for _, r := range got.Rows {
		if len(r) != 1 {
			t.Errorf("row %q after dropping to one column", r)
		}
	}
	// For every width, the result fits whenever dropping everything in
	// drop (and the empty column) would.
	least := textWidth(Table{Header: []string{"Class"}, Rows: [][]string{{"重要"}, {"一般"}}})
	for w := least; w <= full+2; w++ {
		got := tb.Fit(w, 0, 3, 2, 4)
		if tw := textWidth(got); tw > w {
			t.Errorf("Fit(%d) is %d wide: %q", w, tw, got.Header)
		}
	}
	// A table without rows keeps its columns (nothing is known empty).
	if got := (Table{Header: []string{"a", "b"}}).Fit(80); len(got.Header) != 2 {
		t.Errorf("empty table: %q", got.Header)
	}
}

// TestShortMoney: the grid's amounts in a few characters: whole yuan under
// 万, one decimal in 万, whole 万 from a thousand 万, then 亿; English in
// k and M. Amounts are in fen.
func TestShortMoney(t *testing.T) {
	cases := []struct {
		fen    int64
		zh, en string
	}{
		{0, "¥0", "¥0"},
		{56_000, "¥560", "¥560"},
		{210_600, "¥2106", "¥2.1k"},
		{999_900, "¥9999", "¥10k"},
		{1_000_000, "¥1.0万", "¥10k"},
		{1_100_000, "¥1.1万", "¥11k"},
		{41_200_000, "¥41.2万", "¥412k"},
		{-41_200_000, "-¥41.2万", "-¥412k"},
		{-56_000, "-¥560", "-¥560"},
		{150_000_000, "¥150.0万", "¥1.5M"},
		{987_654_321, "¥987.7万", "¥9.9M"},
		{10_000_000_000, "¥1.0亿", "¥100M"},
		{12_345_678_900, "¥1.2亿", "¥123M"},
		// The unit is chosen after rounding.
		{999_950, "¥1.0万", "¥10k"},
		{994_900, "¥9949", "¥9.9k"},
		{995_000, "¥9950", "¥10k"},
		{999_999_999, "¥1000万", "¥10.0M"},
		{99_999_999, "¥100.0万", "¥1.0M"},
		{9_999_999_999, "¥1.0亿", "¥100M"},
	}
	for _, c := range cases {
		for lang, want := range map[i18n.Lang]string{i18n.ZH: c.zh, i18n.EN: c.en} {
			if got := view(lang, 80, false, 0).shortMoney(insights.Amount(c.fen)); got != want {
				t.Errorf("%s shortMoney(%d fen) = %q, want %q", lang, c.fen, got, want)
			}
		}
	}
}

// TestDefinitions: every section has its definitions, wrapped to the width.
func TestDefinitions(t *testing.T) {
	for _, lang := range langs {
		for _, s := range insights.Sections {
			for _, w := range []int{40, 80, 160} {
				ls := view(lang, w, false, 0).Definitions(s)
				if len(ls) == 0 || strings.TrimSpace(strings.Join(ls, "")) == "" {
					t.Errorf("%s %s: no definitions", lang, s)
				}
				for _, l := range ls {
					if n := ansi.StringWidth(l); n > w {
						t.Errorf("%s %s at %d: a %d-cell line %q", lang, s, w, n, l)
					}
				}
			}
		}
	}
}
