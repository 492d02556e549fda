package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// fold maps a rune to the form both the index and the queries use:
// full-width ASCII (what Chinese input methods type in full-width mode)
// becomes half-width, the ideographic space a space, and letters lower case.
func fold(r rune) rune {
	switch {
	case r < utf8.RuneSelf:
		if r >= 'A' && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	case r >= 0xFF01 && r <= 0xFF5E:
		r -= 0xFEE0
		if r >= 'A' && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r
	case r == 0x3000:
		return ' '
	}
	return unicode.ToLower(r)
}

// charSet is a prefilter: a set of characters kept as bits, with false
// positives. ASCII letters and digits have a bit each in ascii (0–25, 26–35);
// other ASCII characters share the remaining 28 bits by hash; anything else
// (Chinese characters above all) is hashed into the 64 bits of other. An
// entry's set holds everything it can match, a token's what it needs, so an
// entry whose set lacks a bit of the token's cannot match it.
type charSet struct {
	ascii, other uint64
}

func (s *charSet) add(r rune) {
	switch {
	case r >= 'a' && r <= 'z':
		s.ascii |= 1 << (r - 'a')
	case r >= '0' && r <= '9':
		s.ascii |= 1 << (26 + r - '0')
	case r < utf8.RuneSelf:
		s.ascii |= 1 << (36 + uint32(r)%28)
	default:
		s.other |= 1 << ((uint32(r) * 2654435761) >> 26)
	}
}

func (s *charSet) union(t charSet) {
	s.ascii |= t.ascii
	s.other |= t.other
}

// covers reports whether s has every bit of t.
func (s *charSet) covers(t *charSet) bool {
	return t.ascii&^s.ascii|t.other&^s.other == 0
}

// skipInRun reports whether r is passed over when a token is consumed along
// the characters of a name or remark: spaces, punctuation and symbols, so
// that "Lily 王" is consumed as lilyw and 王姐（瑜伽） as wjyj.
func skipInRun(r rune) bool {
	if r < utf8.RuneSelf {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	}
	return unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) || unicode.IsControl(r) || unicode.Is(unicode.Mn, r)
}

// isPhonePunct reports the characters people type inside a phone number.
func isPhonePunct(r rune) bool {
	return r == '-' || r == '+' || r == '(' || r == ')' || r == '.'
}

// token is one space-separated word of a query, prepared for matching.
type token struct {
	raw    string  // folded; a substring of a field
	digits string  // when raw is digits and phone punctuation: its digits; else ""
	py     bool    // raw has a letter or a non-ASCII character: try pinyin
	need   charSet // the characters every match needs
	first  uint32  // the token's first letter, which a pinyin match starts a reading with; or skippedBit
}

// maxPinyinToken is the longest token (in bytes) matched by pinyin: token
// positions are kept in a uint64 bit set. Longer tokens match as text only.
const maxPinyinToken = 63

// query is a parsed query: its tokens, in the order they are checked.
type query struct {
	tokens []token
}

// parseQuery folds and splits a query into tokens (see the package doc).
// Tokens made only of phone punctuation are dropped; a query made only of
// digits, spaces and phone punctuation becomes one token.
func parseQuery(s string) query {
	var b strings.Builder
	b.Grow(len(s))
	phoneOnly, anyDigit := true, false
	for _, r := range s {
		r = fold(r)
		if unicode.IsSpace(r) || unicode.IsControl(r) || r == utf8.RuneError {
			r = ' '
		}
		switch {
		case r >= '0' && r <= '9':
			anyDigit = true
		case r == ' ' || isPhonePunct(r):
		default:
			phoneOnly = false
		}
		b.WriteRune(r)
	}
	folded := b.String()
	var words []string
	if phoneOnly && anyDigit {
		words = []string{strings.ReplaceAll(folded, " ", "")}
	} else {
		words = strings.Fields(folded)
	}
	q := query{tokens: make([]token, 0, len(words))}
	for _, w := range words {
		if t, ok := newToken(w); ok {
			q.tokens = append(q.tokens, t)
		}
	}
	// Longer tokens first: they are usually the more selective, and later
	// tokens only look at what earlier ones let through.
	for i := 1; i < len(q.tokens); i++ {
		for j := i; j > 0 && len(q.tokens[j].raw) > len(q.tokens[j-1].raw); j-- {
			q.tokens[j], q.tokens[j-1] = q.tokens[j-1], q.tokens[j]
		}
	}
	return q
}

// newToken prepares a folded word; ok is false for a word that is only
// phone punctuation, which matches everything and is dropped.
func newToken(w string) (token, bool) {
	t := token{raw: w}
	phone, meaningful := true, false
	for _, r := range w {
		switch {
		case r >= '0' && r <= '9':
			meaningful = true
		case isPhonePunct(r):
		default:
			phone, meaningful = false, true
		}
		if r >= 'a' && r <= 'z' || r >= utf8.RuneSelf {
			t.py = true
		}
	}
	if !meaningful {
		return t, false
	}
	if phone {
		var d []byte
		for i := 0; i < len(w); i++ {
			if w[i] >= '0' && w[i] <= '9' {
				d = append(d, w[i])
				t.need.add(rune(w[i]))
			}
		}
		t.digits = string(d)
		if t.digits == w {
			t.digits = "" // the substring test already covers it
		}
		return t, true
	}
	if len(w) > maxPinyinToken {
		t.py = false
	}
	for _, r := range w {
		t.need.add(r)
	}
	if c := w[0]; c >= 'a' && c <= 'z' {
		t.first = 1 << (c - 'a')
	}
	if !strings.ContainsFunc(w, func(r rune) bool { return r >= 'a' && r <= 'z' }) {
		t.first = skippedBit
	}
	return t, true
}

// refines reports whether every entry matching q also matches p, judged
// from the tokens alone: each token of p is a prefix of a token of q that is
// matched the same ways. A token extended on the right matches a subset of
// what it matched (a substring, the digits of a phone, a pinyin run that may
// end mid-reading), so typing more narrows the previous result.
func (q *query) refines(p *query) bool {
	for i := range p.tokens {
		pt := &p.tokens[i]
		ok := false
		for j := range q.tokens {
			qt := &q.tokens[j]
			if strings.HasPrefix(qt.raw, pt.raw) && (pt.py || !qt.py) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}
