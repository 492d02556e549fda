package chart_test

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/crmtui/crmtui/tui/chart"
)

// TestGolden: the charts as a person reads them on the Insights screen and
// in a report — zh labels, no colour, 80 columns. Regenerate with
// `go test ./tui/chart/ -run TestGolden -update` after looking at the diff.
func TestGolden(t *testing.T) {
	opt := chart.Options{Width: 80}
	for _, tc := range []struct {
		name  string
		lines []string
	}{
		{"bars_zh_80", chart.Bars(zhBars, opt)},
		{"compare_zh_80", chart.Compare(zhPairs, "王芳", "全店", opt)},
		{"heatmap_zh_80", chart.Heatmap(zhGrid, opt)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for i, l := range tc.lines {
				if w := lineWidth(l); w > opt.Width {
					t.Errorf("line %d is %d wide, want ≤ %d", i, w, opt.Width)
				}
			}
			golden.RequireEqual(t, strings.Join(tc.lines, "\n")+"\n")
		})
	}
}
