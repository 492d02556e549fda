package reportview

import (
	"encoding/csv"
	"io"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/crmtui/crmtui/domain"
)

// Table is a report as rows: the CSV export, and the text table of
// `crmtui report`.
type Table struct {
	Header []string
	Rows   [][]string
}

// WriteCSV writes the table as UTF-8 CSV with a BOM (Excel in China reads
// UTF-8 without it as GBK) and CRLF line ends, like the exports.
func (t Table) WriteCSV(w io.Writer) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(t.Header); err != nil {
		return err
	}
	cells := make([]string, 0, len(t.Header))
	for _, r := range t.Rows {
		cells = cells[:0]
		for _, c := range r {
			cells = append(cells, domain.DefuseFormula(c)) // a name like =HYPERLINK(...) stays text
		}
		if err := cw.Write(cells); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// Text lays the table out in columns padded by display width; numbers
// (cells that start with a digit, a sign or ¥) are right-aligned.
func (t Table) Text() []string {
	widths := make([]int, len(t.Header))
	all := append([][]string{t.Header}, t.Rows...)
	for _, r := range all {
		for i, c := range r {
			if i < len(widths) {
				widths[i] = max(widths[i], ansi.StringWidth(c))
			}
		}
	}
	out := make([]string, 0, len(all))
	for n, r := range all {
		var b strings.Builder
		for i, c := range r {
			if i >= len(widths) {
				break
			}
			gap := strings.Repeat(" ", widths[i]-ansi.StringWidth(c))
			if i > 0 {
				b.WriteString("  ")
			}
			if n > 0 && numeric(c) {
				b.WriteString(gap + c)
			} else {
				b.WriteString(c + gap)
			}
		}
		out = append(out, strings.TrimRight(b.String(), " "))
	}
	return out
}

func numeric(s string) bool {
	if s == "" {
		return false
	}
	switch c := s[0]; {
	case c >= '0' && c <= '9', c == '-', c == '+':
		return true
	}
	return strings.HasPrefix(s, "¥") || strings.HasPrefix(s, "-¥")
}

// Fit lays a table out for a screen: it drops the columns with no value in
// any row (an external id nobody uses), then those of drop (indexes in t),
// in order, until the text table is at most width cells wide. It never drops the last column; a table still too wide
// is the caller's to cut.
func (t Table) Fit(width int, drop ...int) Table {
	keep := make([]bool, len(t.Header))
	for i := range keep {
		keep[i] = true
	}
	kept := len(keep)
	fits := func() bool {
		out := t.columns(keep)
		for _, l := range out.Text() {
			if ansi.StringWidth(l) > width {
				return false
			}
		}
		return true
	}
	for i := range t.Header {
		empty := true
		for _, r := range t.Rows {
			if i < len(r) && r[i] != "" {
				empty = false
				break
			}
		}
		if empty && len(t.Rows) > 0 && kept > 1 {
			keep[i] = false
			kept--
		}
	}
	for _, i := range drop {
		if fits() || kept == 1 {
			break
		}
		if i >= 0 && i < len(keep) && keep[i] {
			keep[i] = false
			kept--
		}
	}
	return t.columns(keep)
}

// columns is the table with the kept columns only.
func (t Table) columns(keep []bool) Table {
	pick := func(r []string) []string {
		out := make([]string, 0, len(keep))
		for i, c := range r {
			if i < len(keep) && keep[i] {
				out = append(out, c)
			}
		}
		return out
	}
	out := Table{Header: pick(t.Header), Rows: make([][]string, len(t.Rows))}
	for i, r := range t.Rows {
		out.Rows[i] = pick(r)
	}
	return out
}
