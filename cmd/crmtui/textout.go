package main

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/crmtui/crmtui/domain"
)

// cell cleans text for the terminal and pads or cuts it to width display
// cells, so that Chinese (two cells a character) and Latin text line up.
func cell(s string, width int) string {
	s = domain.CleanText(s)
	w := ansi.StringWidth(s)
	if w > width {
		s = ansi.Truncate(s, width-1, "…")
		w = ansi.StringWidth(s)
	}
	return s + strings.Repeat(" ", width-w)
}

// table prints rows with columns padded to their widest cell.
func table(rows [][]string) string {
	var widths []int
	for _, r := range rows {
		for i, c := range r {
			w := ansi.StringWidth(domain.CleanText(c))
			if i >= len(widths) {
				widths = append(widths, w)
			} else if w > widths[i] {
				widths[i] = w
			}
		}
	}
	var b strings.Builder
	for _, r := range rows {
		for i, c := range r {
			if i == len(r)-1 {
				b.WriteString(domain.CleanText(c))
			} else {
				b.WriteString(cell(c, widths[i]))
				b.WriteString("  ")
			}
		}
		b.WriteString("\n")
	}
	return b.String()
}

// ansiWidth is the display width of plain text.
func ansiWidth(s string) int { return ansi.StringWidth(s) }
