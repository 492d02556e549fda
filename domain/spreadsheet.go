package domain

import "unicode/utf8"

// DefuseFormula keeps a spreadsheet from running text as a formula (CSV
// injection): text that starts like a formula (=, @, or + or - before
// something other than a number) gets a leading apostrophe, which Excel
// and WPS show as text. Phone numbers (+86...) and amounts are left alone.
// Every CSV the app writes passes its cells through it; the importer takes
// the apostrophe off again.
func DefuseFormula(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '@':
		return "'" + s
	case '+', '-':
		if len(s) == 1 {
			return s
		}
		if r, _ := utf8.DecodeRuneInString(s[1:]); (r < '0' || r > '9') && r != '.' {
			return "'" + s
		}
	}
	return s
}
