package chart

import (
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"
)

// Cell is one square of the R×F grid.
type Cell struct {
	// Count is the number of customers in the cell; it sets the heat.
	Count int
	// Spend is already formatted by the caller ("¥12.3万", "¥123k"): money
	// formatting belongs to the locale, not to the chart.
	Spend string
}

// Grid is the R×F heat map of RFM: rows are R scores 5 (top) to 1, columns
// F scores 1 to 5, so the best customers sit in the top right corner.
type Grid struct {
	Cells    [5][5]Cell // Cells[r-1][f-1]
	RowTitle string     // e.g. "R 近度"; printed above the row labels
	ColTitle string     // e.g. "F 频度"; printed above the column numbers
}

// heatMarks are the no-colour shade of levels 1..4; level 0 (an empty cell)
// is a blank so the eye goes to where the customers are.
var heatMarks = [5]string{" ", "░", "▒", "▓", "█"}

const (
	// maxCell keeps the grid compact on wide terminals: spread over 160
	// columns the cells stop reading as one table.
	maxCell = 16
	// roomyCell is the cell width from which a space separates the shade
	// mark from the figures; narrower, the figures need that column.
	roomyCell = 9
)

// Heatmap renders the grid: a line with ColTitle, a header with RowTitle
// and F 1..5, then for each R from 5 down one line of counts and one of
// spend. Cells have one fixed width taken from opt.Width (at 80 columns
// "12,345" and "¥12.3万" fit; narrower, figures lose their separators, then
// are cut with "…"). Each cell's heat is its Count against the largest
// cell, in four steps plus empty: with Color a background shade, without
// it a mark ░▒▓█ at the cell's left edge, so the hot cells still stand out
// on paper and under NO_COLOR.
func Heatmap(g Grid, opt Options) []string {
	rowTitle, colTitle := clean(g.RowTitle), clean(g.ColTitle)

	// The row-label column holds RowTitle when the cells can spare it;
	// otherwise just the R digit, and RowTitle moves to the title line.
	label := min(max(width(rowTitle), 1), max(1, opt.Width-1-5*roomyCell))
	// A cell is its mark, a space when there is room, and the figure. No
	// gap is needed after it: the next cell's mark (a blank when empty)
	// always separates two figures.
	cell := min(maxCell, max(2, (opt.Width-label-1)/5))
	gap := 0
	if cell >= roomyCell {
		gap = 1
	}
	text := cell - 1 - gap
	indent := label + 1 + 1 + gap // where the first figure starts

	top := 0
	for _, row := range g.Cells {
		for _, c := range row {
			top = max(top, c.Count)
		}
	}
	pal := paletteFor(opt.Dark)

	var out []string
	header := strings.Repeat(" ", label+1)
	if width(rowTitle) <= label {
		header = bold(pad(rowTitle, label), opt) + " "
		if colTitle != "" {
			out = append(out, strings.Repeat(" ", indent)+bold(colTitle, opt))
		}
	} else {
		out = append(out, bold(strings.TrimSpace(rowTitle+"  "+colTitle), opt))
	}
	for f := 1; f <= 5; f++ {
		header += strings.Repeat(" ", 1+gap) + pad(strconv.Itoa(f), text)
	}
	out = append(out, header)

	for r := 5; r >= 1; r-- {
		counts := pad(strconv.Itoa(r), label) + " "
		spends := strings.Repeat(" ", label+1)
		for f := 1; f <= 5; f++ {
			c := g.Cells[r-1][f-1]
			lv := heatLevel(c.Count, top)
			counts += heatCell(fitCount(c.Count, text), lv, gap, text, pal, opt)
			spends += heatCell(cut(clean(c.Spend), text), lv, gap, text, pal, opt)
		}
		out = append(out, counts, spends)
	}
	for i := range out {
		out[i] = finish(out[i], opt.Width)
	}
	return out
}

// heatLevel buckets count against the largest cell into 1..4 by rounding
// up, so the largest cell is always 4 and any non-zero cell at least 1;
// only an empty cell is 0.
func heatLevel(count, top int) int {
	if count <= 0 || top <= 0 {
		return 0
	}
	return min(4, (4*count+top-1)/top)
}

// heatCell draws one line of a cell: the mark (or, with colour, a
// background over the whole cell) then the figure.
func heatCell(s string, level, gap, text int, pal palette, opt Options) string {
	body := strings.Repeat(" ", gap) + pad(s, text)
	if !opt.Color {
		return heatMarks[level] + body
	}
	if level == 0 {
		return " " + body
	}
	return lipgloss.NewStyle().
		Background(pal.heat[level]).
		Foreground(pal.heatFg[level]).
		Bold(level == 4).
		Render(" " + body)
}

// fitCount prefers "12,345", then "12345" when the cell is narrow, and cuts
// only as a last resort: a wrong-looking number is worse than a tight one.
func fitCount(n, w int) string {
	if s := FormatCount(n); width(s) <= w {
		return s
	}
	return cut(strconv.Itoa(n), w)
}
