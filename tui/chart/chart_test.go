package chart_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/crmtui/crmtui/tui/chart"
)

// The fixtures below are what the Insights screen shows: the RFM classes
// with counts and shares, a salesperson against the store, the R×F grid.

var zhBars = []chart.Bar{
	{Label: "重要顾客", Value: 1234, Text: "1,234 · 35%"},
	{Label: "忠诚顾客", Value: 980, Text: "980 · 28%"},
	{Label: "潜力顾客", Value: 617, Text: "617 · 17%"},
	{Label: "需要唤醒", Value: 402, Text: "402 · 11%"},
	{Label: "沉睡", Value: 3, Text: "3 · <1%"},
	{Label: "流失", Value: 0, Text: "0 · 0%"},
}

var enBars = []chart.Bar{
	{Label: "important", Value: 1234, Text: "1,234 · 35%"},
	{Label: "loyal", Value: 980, Text: "980 · 28%"},
	{Label: "promising", Value: 617, Text: "617 · 17%"},
	{Label: "needs attention", Value: 402, Text: "402 · 11%"},
	{Label: "asleep", Value: 3, Text: "3 · <1%"},
	{Label: "lost", Value: 0, Text: "0 · 0%"},
}

var zhPairs = []chart.Pair{
	{Label: "重要顾客", A: 35, B: 22, TextA: "35% · 140", TextB: "22% · 1,234"},
	{Label: "忠诚顾客", A: 28, B: 30, TextA: "28% · 112", TextB: "30% · 1,683"},
	{Label: "潜力顾客", A: 17, B: 18, TextA: "17% · 68", TextB: "18% · 1,010"},
	{Label: "沉睡", A: 0, B: 0.2, TextA: "0%", TextB: "<1% · 11"},
}

var enPairs = []chart.Pair{
	{Label: "important", A: 35, B: 22, TextA: "35% · 140", TextB: "22% · 1,234"},
	{Label: "loyal", A: 28, B: 30, TextA: "28% · 112", TextB: "30% · 1,683"},
	{Label: "needs attention", A: 17, B: 18, TextA: "17% · 68", TextB: "18% · 1,010"},
	{Label: "asleep", A: 0, B: 0.2, TextA: "0%", TextB: "<1% · 11"},
}

// grid fills Cells[r-1][f-1] with a count rising towards high R and high F,
// the big stores' shape, with the largest cells at five digits.
func grid(rowTitle, colTitle string, spend func(n int) string) chart.Grid {
	g := chart.Grid{RowTitle: rowTitle, ColTitle: colTitle}
	for r := 1; r <= 5; r++ {
		for f := 1; f <= 5; f++ {
			n := r * r * f * 493
			g.Cells[r-1][f-1] = chart.Cell{Count: n, Spend: spend(n)}
		}
	}
	g.Cells[0][4] = chart.Cell{} // nobody both frequent and long gone
	return g
}

func zhSpend(n int) string { return fmt.Sprintf("¥%.1f万", float64(n)*8/10000) }
func enSpend(n int) string { return fmt.Sprintf("¥%dk", n*8/1000) }

var (
	zhGrid = grid("R 近度", "F 频度", zhSpend)
	enGrid = grid("R recency", "F frequency", enSpend)
)

// lineWidth is what a terminal gives a line: cells, not bytes or runes.
func lineWidth(l string) int { return ansi.StringWidth(l) }

// render draws every chart of one language, to check properties that hold
// for all of them.
func render(lang string, opt chart.Options) map[string][]string {
	if lang == "zh" {
		return map[string][]string{
			"bars":    chart.Bars(zhBars, opt),
			"compare": chart.Compare(zhPairs, "王芳", "全店", opt),
			"heatmap": chart.Heatmap(zhGrid, opt),
		}
	}
	return map[string][]string{
		"bars":    chart.Bars(enBars, opt),
		"compare": chart.Compare(enPairs, "Wang Fang", "whole store", opt),
		"heatmap": chart.Heatmap(enGrid, opt),
	}
}

func TestCharts_NeverExceedWidth(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		for _, w := range []int{40, 80, 160} {
			for _, color := range []bool{false, true} {
				opt := chart.Options{Width: w, Color: color, Dark: true}
				for name, lines := range render(lang, opt) {
					t.Run(fmt.Sprintf("%s/%s/%d/color=%v", name, lang, w, color), func(t *testing.T) {
						if len(lines) == 0 {
							t.Fatal("no lines")
						}
						for i, l := range lines {
							if got := ansi.StringWidth(l); got > w {
								t.Errorf("line %d is %d wide, want ≤ %d: %q", i, got, w, l)
							}
						}
					})
				}
			}
		}
	}
}

func TestCharts_LongLabelsAndTextsStillFit(t *testing.T) {
	long := strings.Repeat("非常非常长的标签", 8)
	for _, w := range []int{40, 80, 160} {
		opt := chart.Options{Width: w}
		all := map[string][]string{
			"bars":    chart.Bars([]chart.Bar{{Label: long, Value: 1, Text: long}, {Label: "a", Value: 2, Text: "b"}}, opt),
			"compare": chart.Compare([]chart.Pair{{Label: long, A: 1, B: 2, TextA: long, TextB: long}}, long, long, opt),
			"heatmap": chart.Heatmap(chart.Grid{RowTitle: long, ColTitle: long}, opt),
		}
		for name, lines := range all {
			for i, l := range lines {
				if got := ansi.StringWidth(l); got > w {
					t.Errorf("%s at %d: line %d is %d wide: %q", name, w, i, got, l)
				}
			}
		}
	}
}

func TestCharts_NoEscapesWithoutColor(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		for _, dark := range []bool{false, true} {
			for name, lines := range render(lang, chart.Options{Width: 80, Dark: dark}) {
				if s := strings.Join(lines, "\n"); strings.Contains(s, "\x1b[") {
					t.Errorf("%s/%s dark=%v has escape codes without colour:\n%q", name, lang, dark, s)
				}
			}
		}
	}
}

func TestCharts_EscapesWithColor(t *testing.T) {
	for _, dark := range []bool{false, true} {
		for name, lines := range render("zh", chart.Options{Width: 80, Color: true, Dark: dark}) {
			if s := strings.Join(lines, "\n"); !strings.Contains(s, "\x1b[") {
				t.Errorf("%s dark=%v has no colour with Color on:\n%s", name, dark, s)
			}
		}
	}
}

func TestCharts_ControlCharactersInLabelsNeverReachTheTerminal(t *testing.T) {
	evil := "王\x1b[31m芳\n\t"
	opt := chart.Options{Width: 80}
	all := [][]string{
		chart.Bars([]chart.Bar{{Label: evil, Value: 1, Text: evil}}, opt),
		chart.Compare([]chart.Pair{{Label: evil, A: 1, B: 1, TextA: evil, TextB: evil}}, evil, evil, opt),
		chart.Heatmap(chart.Grid{RowTitle: evil, ColTitle: evil, Cells: [5][5]chart.Cell{{{Count: 1, Spend: evil}}}}, opt),
	}
	for i, lines := range all {
		for _, l := range lines {
			if strings.ContainsAny(l, "\x1b\n\t") {
				t.Errorf("chart %d: control character in %q", i, l)
			}
		}
	}
}
