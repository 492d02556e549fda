package chart_test

import (
	"math"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"github.com/crmtui/crmtui/tui/chart"
)

func TestSparkline(t *testing.T) {
	for _, tc := range []struct {
		name   string
		values []float64
		width  int
		want   string
	}{
		{"scaled from zero to the max", []float64{1, 2, 3, 4, 5, 6, 7, 8}, 20, "▁▂▃▄▅▆▇█"},
		{"zero differs from tiny", []float64{0, 0.001, 100}, 20, "·▁█"},
		{"negative and NaN count as zero", []float64{-3, math.NaN(), 4}, 20, "··█"},
		{"all zero is a line of zero marks", []float64{0, 0, 0, 0}, 20, "····"},
		{"keeps the most recent values", []float64{100, 100, 0, 1, 2, 4, 8}, 4, "▁▂▄█"},
		{"max of the kept values sets the scale", []float64{1000, 2, 4}, 2, "▄█"},
		{"half is the middle mark", []float64{4, 8}, 10, "▄█"},
		{"no values", nil, 10, ""},
		{"no room", []float64{1, 2}, 0, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := chart.Sparkline(tc.values, tc.width)
			if got != tc.want {
				t.Errorf("Sparkline(%v, %d) = %q, want %q", tc.values, tc.width, got, tc.want)
			}
			if w := ansi.StringWidth(got); w > tc.width {
				t.Errorf("%d wide, want ≤ %d", w, tc.width)
			}
			if strings.Contains(got, " ") {
				t.Errorf("a space in %q: zero must still show", got)
			}
		})
	}
}

func TestSparkline_OneMarkPerValueUpToWidth(t *testing.T) {
	values := make([]float64, 200)
	for i := range values {
		values[i] = float64(i % 13)
	}
	for _, w := range []int{1, 40, 80, 160, 300} {
		got := chart.Sparkline(values, w)
		if n, want := utf8.RuneCountInString(got), min(w, len(values)); n != want {
			t.Errorf("width %d: %d marks, want %d", w, n, want)
		}
		if ansi.StringWidth(got) > w {
			t.Errorf("width %d: line is %d wide", w, ansi.StringWidth(got))
		}
	}
	// One cell keeps only the last value (199 % 13 = 4), which is then its
	// own maximum.
	if got := chart.Sparkline(values, 1); got != "█" {
		t.Errorf("width 1: %q, want the last value alone as █", got)
	}
}
