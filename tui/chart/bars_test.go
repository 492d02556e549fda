package chart_test

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/crmtui/crmtui/tui/chart"
)

// eighthsIn measures the solid bar on a line in eighths of a cell.
func eighthsIn(line string) int {
	n := 0
	for _, r := range line {
		switch {
		case r == '█':
			n += 8
		case r >= '▉' && r <= '▏': // ▉ U+2589 is 7/8 … ▏ U+258F is 1/8
			n += 8 - int(r-'█')
		}
	}
	return n
}

func TestEighthsIn_Helper(t *testing.T) {
	for s, want := range map[string]int{"": 0, "▏": 1, "▌": 4, "▉": 7, "██▍": 19, "重要 █ 1 · 2%": 8} {
		if got := eighthsIn(s); got != want {
			t.Errorf("eighthsIn(%q) = %d, want %d", s, got, want)
		}
	}
}

func TestBars_LargestFillsTheBarArea(t *testing.T) {
	for _, tc := range []struct {
		name          string
		bars          []chart.Bar
		labelW, textW int
	}{
		{"zh", zhBars, 8, 11},  // 重要顾客, "1,234 · 35%"
		{"en", enBars, 15, 11}, // "needs attention"
	} {
		for _, w := range []int{40, 80, 160} {
			t.Run(fmt.Sprintf("%s/%d", tc.name, w), func(t *testing.T) {
				lines := chart.Bars(tc.bars, chart.Options{Width: w})
				area := w - tc.labelW - 1 - tc.textW - 1
				if got := eighthsIn(lines[0]); got != area*8 {
					t.Errorf("largest bar is %d eighths, want the whole area %d:\n%s", got, area*8, lines[0])
				}
				if !strings.Contains(lines[0], strings.Repeat("█", area)+" 1,234") {
					t.Errorf("largest bar is not %d full blocks then the text: %q", area, lines[0])
				}
				if got := ansi.StringWidth(lines[0]); got != w {
					t.Errorf("the largest row with the widest text is %d wide, want exactly %d", got, w)
				}
			})
		}
	}
}

func TestBars_LengthsAreProportional(t *testing.T) {
	for _, ratio := range []float64{1, 0.75, 0.5, 1.0 / 3, 0.25, 0.1, 0.01} {
		for _, w := range []int{40, 80, 160} {
			bars := []chart.Bar{{Label: "max", Value: 1000, Text: "1000"}, {Label: "part", Value: 1000 * ratio, Text: "x"}}
			lines := chart.Bars(bars, chart.Options{Width: w})
			full := eighthsIn(lines[0])
			want := ratio * float64(full)
			if got := eighthsIn(lines[1]); math.Abs(float64(got)-want) > 1 {
				t.Errorf("ratio %.3f at %d: %d eighths, want %.1f ± 1:\n%s\n%s", ratio, w, got, want, lines[0], lines[1])
			}
		}
	}
}

func TestBars_ZeroShowsNothingTinyShowsAnEighth(t *testing.T) {
	for _, tc := range []struct {
		value float64
		want  int
	}{
		{0, 0},
		{-5, 0}, // negative is nothing, not a reversed bar
		{math.NaN(), 0},
		{math.Inf(1), 0},
		{1e-9, 1},
		{0.5, 1},
	} {
		lines := chart.Bars([]chart.Bar{{Label: "max", Value: 1e6, Text: "a"}, {Label: "v", Value: tc.value, Text: "b"}}, chart.Options{Width: 80})
		if got := eighthsIn(lines[1]); got != tc.want {
			t.Errorf("value %v: %d eighths, want %d: %q", tc.value, got, tc.want, lines[1])
		}
		if got := eighthsIn(lines[0]); got == 0 {
			t.Errorf("value %v spoiled the scale: %q", tc.value, lines[0])
		}
	}
	tiny := chart.Bars([]chart.Bar{{Label: "a", Value: 1000}, {Label: "b", Value: 1}}, chart.Options{Width: 80})
	if !strings.HasSuffix(tiny[1], "▏") {
		t.Errorf("a tiny value should end in ▏: %q", tiny[1])
	}
}

func TestBars_AllZeroDrawsNoBars(t *testing.T) {
	lines := chart.Bars([]chart.Bar{{Label: "a", Text: "0"}, {Label: "b", Text: "0"}}, chart.Options{Width: 80})
	for _, l := range lines {
		if eighthsIn(l) != 0 {
			t.Errorf("all zero drew a bar: %q", l)
		}
	}
	if len(chart.Bars(nil, chart.Options{Width: 80})) != 0 {
		t.Error("no bars should give no lines")
	}
}

func TestBars_LabelsLineUpByDisplayWidth(t *testing.T) {
	lines := chart.Bars([]chart.Bar{{Label: "重要顾客", Value: 2, Text: "x"}, {Label: "vip", Value: 1, Text: "y"}}, chart.Options{Width: 80})
	for _, l := range lines {
		// the bar starts after the 8-cell label and one space
		if got := ansi.StringWidth(strings.SplitN(l, "█", 2)[0]); got != 9 {
			t.Errorf("bar starts at column %d, want 9: %q", got, l)
		}
	}
}

func TestBars_TooWideLabelIsCut(t *testing.T) {
	for _, tc := range []struct {
		label string
		w     int
	}{
		{"重要顾客重要顾客重要顾客重要顾客重要顾客", 40},
		{"a very long class name that cannot fit anywhere", 40},
		{strings.Repeat("长", 60), 80},
	} {
		lines := chart.Bars([]chart.Bar{{Label: tc.label, Value: 1, Text: "1,234 · 35%"}}, chart.Options{Width: tc.w})
		head := strings.SplitN(lines[0], "█", 2)[0]
		if !strings.Contains(head, "…") {
			t.Errorf("label not cut with …: %q", lines[0])
		}
		if strings.Contains(lines[0], tc.label) {
			t.Errorf("label shown whole at %d columns: %q", tc.w, lines[0])
		}
		if !strings.HasSuffix(lines[0], "1,234 · 35%") {
			t.Errorf("the figures should survive a long label: %q", lines[0])
		}
		if eighthsIn(lines[0]) < 8*(tc.w/4) {
			t.Errorf("bar area squeezed below a quarter of the width: %q", lines[0])
		}
	}
}

func TestCompare_LegendThenTwoLinesPerRow(t *testing.T) {
	lines := chart.Compare(zhPairs, "王芳", "全店", chart.Options{Width: 80})
	if want := 1 + 2*len(zhPairs); len(lines) != want {
		t.Fatalf("%d lines, want %d:\n%s", len(lines), want, strings.Join(lines, "\n"))
	}
	if l := lines[0]; !strings.Contains(l, "█ 王芳") || !strings.Contains(l, "▒ 全店") {
		t.Errorf("legend does not name both series by their marks: %q", l)
	}
	for i, p := range zhPairs {
		a, b := lines[1+2*i], lines[2+2*i]
		if !strings.HasPrefix(a, p.Label) || !strings.HasSuffix(a, p.TextA) {
			t.Errorf("row %d line A: %q", i, a)
		}
		if !strings.HasPrefix(b, "  ") || !strings.HasSuffix(b, p.TextB) {
			t.Errorf("row %d line B should be unlabelled and end in its text: %q", i, b)
		}
		if strings.Contains(a, "▒") || strings.ContainsAny(b, "█▏▎▍▌▋▊▉") {
			t.Errorf("row %d mixes the marks of A and B:\n%s\n%s", i, a, b)
		}
	}
}

func TestCompare_SeriesShareOneScale(t *testing.T) {
	const w = 80
	lines := chart.Compare([]chart.Pair{
		{Label: "x", A: 40, B: 20, TextA: "40%", TextB: "20%"},
		{Label: "y", A: 0, B: 0.01, TextA: "0%", TextB: "<1%"},
	}, "A", "B", chart.Options{Width: w})
	area := w - 1 - 1 - 3 - 1
	if got := eighthsIn(lines[1]); got != area*8 {
		t.Errorf("largest A is %d eighths, want the whole area %d: %q", got, area*8, lines[1])
	}
	if got, want := strings.Count(lines[2], "▒"), area/2; got < want-1 || got > want+1 {
		t.Errorf("B at half of A has %d ▒, want %d ± 1: %q", got, want, lines[2])
	}
	if got := eighthsIn(lines[3]); got != 0 {
		t.Errorf("zero A drew %d eighths: %q", got, lines[3])
	}
	if got := strings.Count(lines[4], "▒"); got != 1 {
		t.Errorf("tiny B has %d ▒, want 1: %q", got, lines[4])
	}
}
