package chart_test

import (
	"testing"

	"github.com/crmtui/crmtui/tui/chart"
)

func TestFormatCount(t *testing.T) {
	for _, tc := range []struct {
		n    int
		want string
	}{
		{0, "0"},
		{7, "7"},
		{999, "999"},
		{1000, "1,000"},
		{12345, "12,345"},
		{123456, "123,456"},
		{1234567, "1,234,567"},
		{-1234, "-1,234"},
		{-999, "-999"},
	} {
		if got := chart.FormatCount(tc.n); got != tc.want {
			t.Errorf("FormatCount(%d) = %q, want %q", tc.n, got, tc.want)
		}
	}
}

func TestPercent(t *testing.T) {
	for _, tc := range []struct {
		part, whole int
		want        string
	}{
		{35, 100, "35%"},
		{1, 3, "33%"},
		{2, 3, "67%"},
		{1, 1, "100%"},
		{0, 10, "0%"},
		{0, 0, "—"},
		{5, 0, "—"},
		{1, 1000, "<1%"}, // a little is not nothing
		{-1, 1000, "0%"}, // no "-0%" and no "<1%" for a loss
		{-35, 100, "-35%"},
	} {
		if got := chart.Percent(tc.part, tc.whole); got != tc.want {
			t.Errorf("Percent(%d, %d) = %q, want %q", tc.part, tc.whole, got, tc.want)
		}
	}
}
