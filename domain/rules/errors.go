package rules

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Code classifies a parse error, so that the user-facing layers can word it
// in the user's language; Msg is the English wording.
type Code string

// The parse error codes. Args holds, in order, what the comment names.
const (
	CodeEmpty            Code = "empty"             // the rule is empty
	CodeBadText          Code = "bad_text"          // invalid UTF-8 or a control character
	CodeExpectCondition  Code = "expect_condition"  // a condition is missing; Args: the word before it, if any
	CodeUnknownField     Code = "unknown_field"     // Args: the word, the known fields
	CodeExpectOperator   Code = "expect_operator"   // ":" or a comparison is missing; Args: the field as typed
	CodeExpectValue      Code = "expect_value"      // Args: the field as typed, then ":" (or "=", …) as typed
	CodeUnknownValue     Code = "unknown_value"     // Args: what ("class"), the value, the allowed values
	CodeEmptyValue       Code = "empty_value"       // a quoted value is empty
	CodeUnclosedQuote    Code = "unclosed_quote"    // a quote is not closed
	CodeExpectNumber     Code = "expect_number"     // Args: the operator or word before it
	CodeBadNumber        Code = "bad_number"        // a fraction where a whole number is needed, or more than two decimals
	CodeOutOfRange       Code = "out_of_range"      // the number is too large; Args: the limit
	CodeUnknownUnit      Code = "unknown_unit"      // Args: the unit
	CodeExpectWindow     Code = "expect_window"     // "in next N days" is missing; Args: the field as typed
	CodeExpectKeyDate    Code = "expect_key_date"   // 7天 is not followed by 内, or 7天内 by 生日 or 纪念日; Args: what came before
	CodeExpectConnective Code = "expect_connective" // two conditions without and/or between them
	CodeUnclosedParen    Code = "unclosed_paren"    // Args: the column of the (
	CodeUnmatchedParen   Code = "unmatched_paren"   // a ) without a (
	CodeTooDeep          Code = "too_deep"          // Args: the limit
)

// ParseError says where and why a rule cannot be read. Error gives
// "column 12: expected a number after >="; Caret draws the source with a ^
// under the column.
type ParseError struct {
	Src  string // the rule as given
	Pos  int    // 0-based byte offset of the problem in Src (len(Src) at the end)
	Line int    // 1-based line of Pos (rules are usually one line)
	Col  int    // 1-based display column of Pos within its line; CJK characters count 2
	Msg  string // English
	Code Code
	Args []string
}

// Error returns "column 12: expected a number after >=", with the line
// first when the rule has several lines.
func (e *ParseError) Error() string {
	var b strings.Builder
	if strings.Contains(e.Src, "\n") {
		b.WriteString("line ")
		b.WriteString(strconv.Itoa(e.Line))
		b.WriteString(", ")
	}
	b.WriteString("column ")
	b.WriteString(strconv.Itoa(e.Col))
	b.WriteString(": ")
	b.WriteString(e.Msg)
	return b.String()
}

// Caret returns two lines: the line of the rule where the problem is, then a
// ^ under the problem followed by the message. Wide (CJK) characters count as
// two columns and tabs are copied, so the caret lines up in a terminal:
//
//	tag:VIP and spend_365d >= x
//	                          ^ expected a number after >=
func (e *ParseError) Caret() string {
	pos := min(max(e.Pos, 0), len(e.Src))
	start := strings.LastIndexByte(e.Src[:pos], '\n') + 1
	end := strings.IndexByte(e.Src[pos:], '\n')
	if end < 0 {
		end = len(e.Src)
	} else {
		end += pos
	}
	line := strings.TrimSuffix(e.Src[start:end], "\r")
	var b strings.Builder
	b.WriteString(line)
	b.WriteByte('\n')
	for _, r := range e.Src[start:pos] {
		if r == '\t' {
			b.WriteByte('\t')
			continue
		}
		for range runeWidth(r) {
			b.WriteByte(' ')
		}
	}
	b.WriteString("^ ")
	b.WriteString(e.Msg)
	return b.String()
}

// newError builds a ParseError at byte offset pos of src.
func newError(src string, pos int, code Code, msg string, args ...string) *ParseError {
	pos = min(max(pos, 0), len(src))
	start := strings.LastIndexByte(src[:pos], '\n') + 1
	line := strings.Count(src[:start], "\n") + 1
	return &ParseError{Src: src, Pos: pos, Line: line, Col: displayWidth(src[start:pos]) + 1, Msg: msg, Code: code, Args: args}
}

// displayWidth returns the display width of s in a terminal: East Asian wide and
// full-width characters (汉字, full-width punctuation) count 2, combining marks
// and zero-width characters 0, everything else 1.
func displayWidth(s string) int {
	w := 0
	for _, r := range s {
		w += runeWidth(r)
	}
	return w
}

func runeWidth(r rune) int {
	switch {
	case r == utf8.RuneError:
		return 1
	case r < 0x1100:
		if r >= 0x300 && r <= 0x36F { // combining diacritics
			return 0
		}
		return 1
	case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf):
		return 0
	case r <= 0x115F, // Hangul Jamo
		r >= 0x2E80 && r <= 0x303E,   // CJK radicals, punctuation
		r >= 0x3041 && r <= 0x33FF,   // kana, CJK compatibility
		r >= 0x3400 && r <= 0x4DBF,   // CJK extension A
		r >= 0x4E00 && r <= 0x9FFF,   // CJK unified ideographs
		r >= 0xA000 && r <= 0xA4CF,   // Yi
		r >= 0xAC00 && r <= 0xD7A3,   // Hangul syllables
		r >= 0xF900 && r <= 0xFAFF,   // CJK compatibility ideographs
		r >= 0xFE10 && r <= 0xFE19,   // vertical forms
		r >= 0xFE30 && r <= 0xFE6F,   // CJK compatibility forms, small forms
		r >= 0xFF00 && r <= 0xFF60,   // full-width forms
		r >= 0xFFE0 && r <= 0xFFE6,   // full-width signs
		r >= 0x1F300 && r <= 0x1F64F, // pictographs, emoticons
		r >= 0x1F900 && r <= 0x1F9FF, // supplemental pictographs
		r >= 0x20000 && r <= 0x3FFFD: // CJK extensions B and later
		return 2
	}
	return 1
}
