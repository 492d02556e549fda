// Package chart draws the small terminal charts of the Insights screen and
// of `crmtui report`: horizontal bars, paired bars, the R×F heat map and
// sparklines. It only turns numbers and already-translated labels into
// lines of text, so the same drawing serves the TUI, a printed report and
// tests, without a terminal, a store or the message catalog.
//
// Every width is measured in terminal cells (Chinese characters take two),
// never in bytes or runes, so zh and en labels line up alike. Without
// colour the output holds no escape codes at all and the characters carry
// the meaning on their own: block lengths, ▒ against █, shade marks.
package chart

import (
	"image/color"

	"charm.land/lipgloss/v2"
)

// Options are shared by every chart so a screen can pass its size and
// colour decision once.
type Options struct {
	// Width is the number of columns the whole chart may use; lines never
	// exceed it. Charts are laid out for 40 columns and more; below that
	// they still fit but labels and texts are cut hard.
	Width int
	// Color false (NO_COLOR, pipes, reports) means no escape codes at all,
	// not even bold or faint.
	Color bool
	// Dark picks the palette for a dark background; it only matters with
	// Color.
	Dark bool
}

// palette holds the few colours the charts use; the two series hues match
// the accent and amber of the app's styles so charts sit well beside them.
type palette struct {
	seriesA, seriesB color.Color
	// heat is the background of heat-map levels 1..4 (level 0 keeps the
	// terminal's own background); heatFg the text colour readable on it.
	heat, heatFg [5]color.Color
}

func paletteFor(dark bool) palette {
	c := lipgloss.Color
	if dark {
		return palette{
			seriesA: c("#7aa2f7"),
			seriesB: c("#e0af68"),
			heat:    [5]color.Color{nil, c("#1f2b45"), c("#2b4170"), c("#3d63b0"), c("#7aa2f7")},
			heatFg:  [5]color.Color{nil, c("#c0caf5"), c("#c0caf5"), c("#ffffff"), c("#1a1b26")},
		}
	}
	return palette{
		seriesA: c("#1f5fbf"),
		seriesB: c("#8a5a00"),
		heat:    [5]color.Color{nil, c("#deebf7"), c("#9ecae1"), c("#4292c6"), c("#08519c")},
		heatFg:  [5]color.Color{nil, c("#1a1a1a"), c("#1a1a1a"), c("#ffffff"), c("#ffffff")},
	}
}

// paint colours s in the foreground only when colour is on, so callers can
// build lines the same way with and without it.
func paint(s string, fg color.Color, opt Options) string {
	if !opt.Color || s == "" {
		return s
	}
	return lipgloss.NewStyle().Foreground(fg).Render(s)
}

// bold is allowed only with colour: NO_COLOR output stays free of escapes.
func bold(s string, opt Options) string {
	if !opt.Color || s == "" {
		return s
	}
	return lipgloss.NewStyle().Bold(true).Render(s)
}
