package tui

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/crmtui/crmtui/domain"
)

// clean strips control characters and escape sequences from database text
// before it reaches the screen (a customer named "\x1b[2J张三" must not
// clear the terminal).
func clean(s string) string { return domain.CleanText(s) }

// fit pads or cuts plain text to exactly width display cells; Chinese
// characters take two cells.
func fit(s string, width int) string {
	if width <= 0 {
		return ""
	}
	w := ansi.StringWidth(s)
	if w > width {
		s = ansi.Truncate(s, width, "…")
		w = ansi.StringWidth(s)
	}
	return s + strings.Repeat(" ", max(0, width-w))
}

// cut shortens text to at most width cells.
func cut(s string, width int) string {
	if width <= 0 {
		return ""
	}
	if ansi.StringWidth(s) <= width {
		return s
	}
	return ansi.Truncate(s, width, "…")
}

// width is the display width of a (possibly styled) string.
func width(s string) int { return lipgloss.Width(s) }

// padLines makes text exactly h lines tall, cutting or padding.
func padLines(s string, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

// ansiStrip removes escape sequences (styling) from rendered text.
func ansiStrip(s string) string { return ansi.Strip(s) }

// wrap breaks text into lines of at most w cells, by display width, so
// that Chinese text without spaces wraps too.
func wrap(s string, w int) string {
	if w <= 0 {
		return s
	}
	return ansi.Wrap(s, w, "")
}
