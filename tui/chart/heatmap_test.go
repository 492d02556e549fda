package chart_test

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/crmtui/crmtui/tui/chart"
)

// heatLines are the heat map's lines from the first R row on, after the
// title and header: two per R, 5 first.
func heatLines(t *testing.T, lines []string) []string {
	t.Helper()
	for i, l := range lines {
		if strings.HasPrefix(l, "5 ") {
			if got := len(lines) - i; got != 10 {
				t.Fatalf("%d lines from R 5 on, want 10:\n%s", got, strings.Join(lines, "\n"))
			}
			return lines[i:]
		}
	}
	t.Fatalf("no row for R 5:\n%s", strings.Join(lines, "\n"))
	return nil
}

func TestHeatmap_RowsFiveFirstColumnsOneToFive(t *testing.T) {
	for _, w := range []int{40, 80, 160} {
		lines := chart.Heatmap(zhGrid, chart.Options{Width: w})
		rows := heatLines(t, lines)
		for i, r := range []string{"5", "4", "3", "2", "1"} {
			if !strings.HasPrefix(rows[2*i], r+" ") {
				t.Errorf("width %d: count line %d should start with R %s: %q", w, i, r, rows[2*i])
			}
			if strings.TrimSpace(rows[2*i+1]) != "" && !strings.HasPrefix(rows[2*i+1], " ") {
				t.Errorf("width %d: spend line %d should be unlabelled: %q", w, i, rows[2*i+1])
			}
		}
		header := lines[len(lines)-11]
		if f := strings.Fields(header); strings.Join(f[len(f)-5:], " ") != "1 2 3 4 5" {
			t.Errorf("width %d: header should end with F 1..5: %q", w, header)
		}
		if s := strings.Join(lines, "\n"); !strings.Contains(s, "R 近度") || !strings.Contains(s, "F 频度") {
			t.Errorf("width %d: titles missing:\n%s", w, s)
		}
	}
}

func TestHeatmap_TitlesSitAboveTheirAxes(t *testing.T) {
	lines := chart.Heatmap(zhGrid, chart.Options{Width: 80})
	if !strings.HasPrefix(lines[1], "R 近度 ") {
		t.Errorf("RowTitle should head the row labels: %q", lines[1])
	}
	// F's title starts where the first column's figures do.
	col := strings.Index(lines[1], "1")
	if got := ansi.StringWidth(lines[0][:strings.Index(lines[0], "F")]); got != ansi.StringWidth(lines[1][:col]) {
		t.Errorf("ColTitle at column %d, first figure at %d:\n%s\n%s", got, ansi.StringWidth(lines[1][:col]), lines[0], lines[1])
	}
}

func TestHeatmap_FiguresFitAt80(t *testing.T) {
	var g chart.Grid
	for r := range 5 {
		for f := range 5 {
			g.Cells[r][f] = chart.Cell{Count: 12345 + 100000*(r/4), Spend: "¥12.3万"}
		}
	}
	g.RowTitle, g.ColTitle = "R 近度", "F 频度"
	for _, w := range []int{80, 160} {
		s := strings.Join(chart.Heatmap(g, chart.Options{Width: w}), "\n")
		if strings.Contains(s, "…") {
			t.Errorf("width %d: a figure was cut:\n%s", w, s)
		}
		if n := strings.Count(s, " 12,345"); n != 20 {
			t.Errorf("width %d: %d whole counts 12,345, want 20", w, n)
		}
		if n := strings.Count(s, "112,345"); n != 5 {
			t.Errorf("width %d: %d whole counts 112,345, want 5", w, n)
		}
		if n := strings.Count(s, "¥12.3万"); n != 25 {
			t.Errorf("width %d: %d whole spends, want 25", w, n)
		}
	}
	// Narrow, a count drops its separators before it is cut.
	s := strings.Join(chart.Heatmap(g, chart.Options{Width: 40}), "\n")
	if strings.Count(s, "12,345") != 20 || strings.Count(s, "112345") != 5 {
		t.Errorf("width 40: want 12,345 whole and 112,345 as 112345:\n%s", s)
	}
}

func TestHeatmap_ShadeMarksWithoutColor(t *testing.T) {
	// level = ⌈4·count/max⌉: the hottest is always █, any non-zero at least ░.
	cases := []struct {
		r, f, count int
		figure      string
		mark        string
	}{
		{5, 5, 9999, "9,999", "█"},
		{5, 4, 7499, "7,499", "▓"}, // ⌈29996/9999⌉ = 3
		{4, 4, 7000, "7,000", "▓"},
		{4, 3, 5000, "5,000", "▓"}, // just over half
		{3, 3, 4000, "4,000", "▒"},
		{3, 2, 2500, "2,500", "▒"}, // just over a quarter
		{2, 2, 2000, "2,000", "░"},
		{1, 1, 7, "7", "░"},
	}
	var g chart.Grid
	for _, tc := range cases {
		g.Cells[tc.r-1][tc.f-1] = chart.Cell{Count: tc.count, Spend: "¥"}
	}
	rows := heatLines(t, chart.Heatmap(g, chart.Options{Width: 80}))
	for _, tc := range cases {
		line := rows[2*(5-tc.r)]
		if !strings.Contains(line, tc.mark+" "+tc.figure+" ") && !strings.HasSuffix(line, tc.mark+" "+tc.figure) {
			t.Errorf("R %d: %s should be marked %s: %q", tc.r, tc.figure, tc.mark, line)
		}
		spend := rows[2*(5-tc.r)+1]
		if !strings.Contains(spend, tc.mark+" ¥") {
			t.Errorf("R %d: the spend line should repeat the mark %s: %q", tc.r, tc.mark, spend)
		}
	}
	if !strings.HasPrefix(rows[8], "1 ░ 7  ") || !strings.Contains(rows[8], "    0") {
		t.Errorf("R 1: the coldest non-zero is ░ and an empty cell has no mark: %q", rows[8])
	}
	if got := strings.Count(strings.Join(rows, ""), "█"); got != 2 {
		t.Errorf("%d █ marks, want 2 (the hottest cell's two lines)", got)
	}
}

func TestHeatmap_ColourIsABackgroundNotAMark(t *testing.T) {
	for _, dark := range []bool{false, true} {
		lines := chart.Heatmap(zhGrid, chart.Options{Width: 80, Color: true, Dark: dark})
		s := strings.Join(lines, "\n")
		if !strings.Contains(s, "\x1b[") {
			t.Fatalf("dark=%v: no escape codes with Color", dark)
		}
		if !strings.Contains(s, ";48;2;") && !strings.Contains(s, "[48;2;") {
			t.Errorf("dark=%v: no background colour: %q", dark, s)
		}
		if strings.ContainsAny(s, "░▒▓█") {
			t.Errorf("dark=%v: shade marks drawn as well as colour:\n%s", dark, s)
		}
		plain := ansi.Strip(s)
		if n := strings.Count(plain, "¥"); n != 24 {
			t.Errorf("dark=%v: %d spends visible, want 24", dark, n)
		}
	}
	light := strings.Join(chart.Heatmap(zhGrid, chart.Options{Width: 80, Color: true}), "")
	dark := strings.Join(chart.Heatmap(zhGrid, chart.Options{Width: 80, Color: true, Dark: true}), "")
	if light == dark {
		t.Error("the light and dark palettes are the same")
	}
}

func TestHeatmap_ColdestNonZeroVersusEmpty(t *testing.T) {
	// Among many cells the coldest non-zero stays ░ and empty stays blank.
	g := zhGrid
	rows := heatLines(t, chart.Heatmap(g, chart.Options{Width: 80}))
	if f := strings.Fields(rows[8]); len(f) < 3 || f[0] != "1" || f[1] != "░" || f[2] != chart.FormatCount(493) {
		t.Errorf("coldest cell should be ░: %q", rows[8])
	}
	if !strings.HasSuffix(rows[8], "  0") {
		t.Errorf("the empty cell R1 F5 should be an unmarked 0: %q", rows[8])
	}
}
