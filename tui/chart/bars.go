package chart

import (
	"math"
	"strings"
)

// Bar is one row of a horizontal bar chart.
type Bar struct {
	// Label is the left column, e.g. "重要顾客" or "important"; it is padded
	// to the widest label and cut with "…" when the chart has no room.
	Label string
	// Value sets the bar's length relative to the largest Value; negative,
	// NaN and infinite values count as 0.
	Value float64
	// Text is shown right of the bar, e.g. "1,234 · 35%".
	Text string
}

// Pair is one row of a Compare chart: two figures of the same thing side by
// side, e.g. a salesperson's share of a class against the store's.
type Pair struct {
	Label string
	// A and B are drawn on one scale shared by the whole chart; negative,
	// NaN and infinite values count as 0.
	A, B float64
	// TextA and TextB are shown right of their bars, e.g. "35% · 140".
	TextA, TextB string
}

const (
	fullBlock = "█"
	// shadeB draws series B of Compare: a different texture, not only a
	// different colour, so the two series still part without colour.
	shadeB = "▒"
)

// eighthBlocks[i] is a block i/8 of a cell wide, so bars grow in eighths of
// a column and small differences stay visible in a short bar area.
var eighthBlocks = [8]string{"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"}

// Bars renders one line per bar: label, bar, text. The bar area is what is
// left of opt.Width after the widest label and the widest text, and the
// largest value fills it exactly, so the longest bar always shows the scale.
// Bars are drawn in eighths of a cell; any non-zero value shows at least
// one eighth, so "a little" never looks like "none".
func Bars(bars []Bar, opt Options) []string {
	if len(bars) == 0 {
		return nil
	}
	labels := make([]string, len(bars))
	texts := make([]string, len(bars))
	top := 0.0
	for i, b := range bars {
		labels[i], texts[i] = clean(b.Label), clean(b.Text)
		top = math.Max(top, magnitude(b.Value))
	}
	lay := layoutColumns(labels, texts, opt.Width)
	pal := paletteFor(opt.Dark)
	out := make([]string, len(bars))
	for i, b := range bars {
		n := eighths(b.Value, top, lay.bar)
		bar := strings.Repeat(fullBlock, n/8) + eighthBlocks[n%8]
		out[i] = lay.line(labels[i], paint(bar, pal.seriesA, opt), cellsOf(n), texts[i], opt.Width)
	}
	return out
}

// Compare renders paired bars: a legend line naming A and B, then per row
// the label with bar A (█) on one line and bar B (▒) under it, each with its
// text. Both series share one scale, the largest of all A and B values, so
// the lengths compare across the pair as well as down the rows. Bar B has
// whole-cell resolution (a shade cannot be split into eighths), rounded,
// and at least one cell when non-zero.
func Compare(rows []Pair, legendA, legendB string, opt Options) []string {
	if len(rows) == 0 {
		return nil
	}
	labels := make([]string, 0, 2*len(rows))
	texts := make([]string, 0, 2*len(rows))
	top := 0.0
	for _, r := range rows {
		labels = append(labels, clean(r.Label), "")
		texts = append(texts, clean(r.TextA), clean(r.TextB))
		top = math.Max(top, math.Max(magnitude(r.A), magnitude(r.B)))
	}
	lay := layoutColumns(labels, texts, opt.Width)
	pal := paletteFor(opt.Dark)
	legend := paint(fullBlock, pal.seriesA, opt) + " " + clean(legendA) + "   " +
		paint(shadeB, pal.seriesB, opt) + " " + clean(legendB)
	out := []string{finish(legend, opt.Width)}
	for i, r := range rows {
		n := eighths(r.A, top, lay.bar)
		barA := strings.Repeat(fullBlock, n/8) + eighthBlocks[n%8]
		out = append(out, lay.line(labels[2*i], paint(barA, pal.seriesA, opt), cellsOf(n), texts[2*i], opt.Width))
		c := wholeCells(r.B, top, lay.bar)
		barB := strings.Repeat(shadeB, c)
		out = append(out, lay.line("", paint(barB, pal.seriesB, opt), c, texts[2*i+1], opt.Width))
	}
	return out
}

// columns is the split of a line into label, bar area and text; a column of
// width 0 takes no gap either.
type columns struct{ label, bar, text int }

// layoutColumns gives the bar area what is left after the label and text
// columns, but keeps at least a quarter of the width for it: a chart whose
// bars have no room says nothing. Texts carry the figures, so they are
// kept whole before labels are.
func layoutColumns(labels, texts []string, total int) columns {
	wl, wt := 0, 0
	for _, l := range labels {
		wl = max(wl, width(l))
	}
	for _, t := range texts {
		wt = max(wt, width(t))
	}
	gaps := 0
	if wl > 0 {
		gaps++
	}
	if wt > 0 {
		gaps++
	}
	minBar := max(total/4, 4)
	var c columns
	c.text = min(wt, max(0, total-gaps-minBar-min(wl, 4)))
	c.label = min(wl, max(0, total-gaps-minBar-c.text))
	c.bar = max(1, total-gaps-c.label-c.text)
	return c
}

// line lays out one row; barCells is the drawn bar's width, needed because
// a coloured bar's string holds escape codes.
func (c columns) line(label, bar string, barCells int, text string, total int) string {
	var b strings.Builder
	if c.label > 0 {
		b.WriteString(pad(label, c.label))
		b.WriteByte(' ')
	}
	b.WriteString(bar)
	if c.text > 0 {
		b.WriteString(strings.Repeat(" ", max(0, c.bar-barCells)))
		b.WriteByte(' ')
		b.WriteString(cut(text, c.text))
	}
	return finish(b.String(), total)
}

// eighths is v's length in eighths of a cell on a bar area of cells columns
// where top fills it.
func eighths(v, top float64, cells int) int {
	v = magnitude(v)
	if v == 0 || top <= 0 || cells <= 0 {
		return 0
	}
	n := int(math.Round(v / top * float64(cells*8)))
	return min(max(n, 1), cells*8)
}

// wholeCells is v's length in whole cells, for textures that cannot be
// split; non-zero values get at least one.
func wholeCells(v, top float64, cells int) int {
	v = magnitude(v)
	if v == 0 || top <= 0 || cells <= 0 {
		return 0
	}
	n := int(math.Round(v / top * float64(cells)))
	return min(max(n, 1), cells)
}

// cellsOf is how many columns a bar of n eighths occupies.
func cellsOf(n int) int { return (n + 7) / 8 }
