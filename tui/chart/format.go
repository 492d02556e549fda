package chart

import (
	"math"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// FormatCount writes n with thousands separators ("12,345"): counts in
// reports and heat maps are read at a glance, and grouped digits are what
// both zh and en readers expect in a shop.
func FormatCount(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Percent writes part of whole as a rounded whole percentage ("35%"). A
// share that rounds to nothing but is not nothing reads "<1%" so it is not
// mistaken for none, and an empty whole reads "—" because 0% would claim a
// measurement that was never made.
func Percent(part, whole int) string {
	if whole == 0 {
		return "—"
	}
	p := math.Round(float64(part) * 100 / float64(whole))
	if p == 0 {
		if part != 0 && (part > 0) == (whole > 0) {
			return "<1%"
		}
		p = 0 // no "-0%"
	}
	return strconv.FormatFloat(p, 'f', 0, 64) + "%"
}

// width is the display width in terminal cells, ignoring escape codes.
func width(s string) int { return ansi.StringWidth(s) }

// cut shortens s to at most w cells, marking the loss with "…".
func cut(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if width(s) <= w {
		return s
	}
	return ansi.Truncate(s, w, "…")
}

// pad cuts or fills s with spaces to exactly w cells, so columns line up
// whatever mix of wide and narrow characters the labels hold.
func pad(s string, w int) string {
	s = cut(s, w)
	if n := w - width(s); n > 0 {
		s += strings.Repeat(" ", n)
	}
	return s
}

// finish drops trailing blanks (they only make goldens and pipes noisy) and
// cuts anything still too wide, the last guard that a line fits.
func finish(line string, w int) string {
	line = strings.TrimRight(line, " ")
	if width(line) > w {
		line = cut(line, w)
	}
	return line
}

// clean turns control characters into spaces: a label is one line of text,
// and an escape byte from a customer's name must not reach the terminal.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			return ' '
		}
		return r
	}, s)
}

// magnitude treats what cannot be drawn as a length — negatives, NaN,
// infinities — as nothing, so one bad figure cannot distort the scale.
func magnitude(v float64) float64 {
	if v <= 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0
	}
	return v
}
