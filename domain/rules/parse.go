package rules

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxDepth bounds nesting: each ( and each not counts one level.
const maxDepth = 50

// Limits on numbers.
const (
	maxAmountFen  = 100_000_000_000_000 // 1 000 000 000 000.00: a trillion in currency units
	maxCount      = 999_999_999
	maxSpanDays   = 36_600 // 100 years and some
	maxWindowDays = 366
)

// parser reads a rule by recursive descent, straight from the runes of the
// source: what a run of characters means depends on where it stands (after
// tag: it is a value, at the start of a condition a field name), so there is
// no separate tokenizer.
type parser struct {
	src   string
	rs    []rune // the runes, folded (full-width forms as ASCII)
	raw   []rune // the runes as written, for quoted values
	off   []int  // byte offset of each rune, and len(src) at the end
	i     int    // the current rune
	depth int
}

func newParser(src string) *parser {
	n := utf8.RuneCountInString(src)
	p := &parser{src: src, rs: make([]rune, 0, n), raw: make([]rune, 0, n), off: make([]int, 0, n+1)}
	for o, r := range src {
		p.off = append(p.off, o)
		p.raw = append(p.raw, r)
		p.rs = append(p.rs, fold(r))
	}
	p.off = append(p.off, len(src))
	return p
}

// fold maps what Chinese input methods type to its ASCII twin: full-width
// letters, digits and punctuation (ｔａｇ：ＶＩＰ，＞＝，（），！), the
// ideographic space and the full-width yuan sign; byte-order marks and
// zero-width spaces read as spaces.
func fold(r rune) rune {
	switch {
	case r >= 0xFF01 && r <= 0xFF5E:
		return r - 0xFF01 + '!'
	case r == 0x3000:
		return ' '
	case r == 0xFFE5:
		return '¥'
	case r == 0xFEFF || r == 0x200B: // a byte-order mark, a zero-width space
		return ' '
	}
	return r
}

func (p *parser) eof() bool { return p.i >= len(p.rs) }

func (p *parser) peek() rune { return p.peekAt(0) }

func (p *parser) peekAt(k int) rune {
	if p.i+k >= len(p.rs) {
		return -1
	}
	return p.rs[p.i+k]
}

// text returns the source from rune a to rune b, as written.
func (p *parser) text(a, b int) string { return p.src[p.off[a]:p.off[b]] }

// skipSpace skips white space and reports whether there was any.
func (p *parser) skipSpace() bool {
	start := p.i
	for !p.eof() && unicode.IsSpace(p.rs[p.i]) {
		p.i++
	}
	return p.i > start
}

// hasPrefix reports whether the folded runes at the current position start with s.
func (p *parser) hasPrefix(s string) bool {
	k := p.i
	for _, r := range s {
		if k >= len(p.rs) || p.rs[k] != r {
			return false
		}
		k++
	}
	return true
}

// eat consumes s if it comes next.
func (p *parser) eat(s string) bool {
	if p.hasPrefix(s) {
		p.i += utf8.RuneCountInString(s)
		return true
	}
	return false
}

// hasWord reports whether the ASCII word w (lower case) comes next in any
// case and is not followed by another letter, digit or _.
func (p *parser) hasWord(w string) bool {
	if p.i+len(w) > len(p.rs) {
		return false
	}
	for k := 0; k < len(w); k++ {
		if unicode.ToLower(p.rs[p.i+k]) != rune(w[k]) {
			return false
		}
	}
	return !isASCIIIdent(p.peekAt(len(w)))
}

// eatWord consumes the ASCII word w if it comes next.
func (p *parser) eatWord(w string) bool {
	if p.hasWord(w) {
		p.i += len(w)
		return true
	}
	return false
}

func (p *parser) fail(at int, code Code, msg string, args ...string) *ParseError {
	return newError(p.src, p.off[min(at, len(p.rs))], code, msg, args...)
}

func isASCIIIdent(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_'
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// isIdent reports whether r can be part of a field name or unit.
func isIdent(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// joinAt reports whether an and/or written in Chinese starts at rune k: a
// value or name written without spaces (标签:VIP且阶段:沉睡) ends before it.
func (p *parser) joinAt(k int) bool {
	switch p.rs[k] {
	case '且', '或':
		return true
	case '并', '而':
		return k+1 < len(p.rs) && p.rs[k+1] == '且'
	}
	return false
}

// andWord, orWord and notWord consume a connective and return it as written.
func (p *parser) andWord() (string, bool) {
	return p.connective("and", "&&", "&", "并且", "而且", "且")
}
func (p *parser) orWord() (string, bool) { return p.connective("or", "||", "|", "或者", "或") }

func (p *parser) notWord() (string, bool) {
	if p.peek() == '!' && p.peekAt(1) != '=' {
		p.i++
		return p.text(p.i-1, p.i), true
	}
	return p.connective("not", "非")
}

func (p *parser) connective(word string, others ...string) (string, bool) {
	start := p.i
	if p.eatWord(word) {
		return p.text(start, p.i), true
	}
	for _, s := range others {
		if p.eat(s) {
			return p.text(start, p.i), true
		}
	}
	return "", false
}

// Parse reads a rule. Errors are *ParseError, pointing at the problem.
func Parse(src string) (*Rule, error) {
	if !utf8.ValidString(src) {
		for o, r := range src {
			if r == utf8.RuneError {
				if _, size := utf8.DecodeRuneInString(src[o:]); size == 1 {
					return nil, newError(src, o, CodeBadText, "the rule is not valid UTF-8 text")
				}
			}
		}
	}
	p := newParser(src)
	for k, r := range p.raw {
		if unicode.IsControl(r) && !unicode.IsSpace(r) {
			return nil, p.fail(k, CodeBadText, "the rule contains a control character")
		}
	}
	p.skipSpace()
	if p.eof() {
		return nil, newError(src, 0, CodeEmpty, "the rule is empty")
	}
	root, err := p.parseOr("")
	if err != nil {
		return nil, err
	}
	p.skipSpace()
	if !p.eof() {
		if p.peek() == ')' {
			return nil, p.fail(p.i, CodeUnmatchedParen, "there is no ( for this )")
		}
		return nil, p.fail(p.i, CodeExpectConnective, "expected and or or here")
	}
	return &Rule{src: src, root: root}, nil
}

func (p *parser) parseOr(after string) (node, *ParseError) {
	return parseList[orNode](p, after, p.parseAnd, p.orWord)
}

func (p *parser) parseAnd(after string) (node, *ParseError) {
	return parseList[andNode](p, after, p.parseUnary, p.andWord)
}

// parseList reads operands joined by one connective (or, and) into one
// flat list: a nested list of the same kind is spliced in, and a single
// operand stands alone. after is the word before the first operand, for
// the error messages.
func parseList[L interface {
	~[]node
	node
}](p *parser, after string, operand func(after string) (node, *ParseError), connective func() (string, bool)) (node, *ParseError) {
	var list L
	for kw := after; ; {
		x, err := operand(kw)
		if err != nil {
			return nil, err
		}
		if inner, ok := x.(L); ok {
			list = append(list, inner...)
		} else {
			list = append(list, x)
		}
		save := p.i
		p.skipSpace()
		var more bool
		if kw, more = connective(); !more {
			p.i = save
			break
		}
	}
	if len(list) == 1 {
		return list[0], nil
	}
	return list, nil
}

func (p *parser) deeper(at int) *ParseError {
	p.depth++
	if p.depth > maxDepth {
		return p.fail(at, CodeTooDeep, "the rule is nested too deeply (at most "+strconv.Itoa(maxDepth)+" levels)", strconv.Itoa(maxDepth))
	}
	return nil
}

func (p *parser) parseUnary(after string) (node, *ParseError) {
	p.skipSpace()
	start := p.i
	if kw, ok := p.notWord(); ok {
		if err := p.deeper(start); err != nil {
			return nil, err
		}
		x, err := p.parseUnary(kw)
		if err != nil {
			return nil, err
		}
		p.depth--
		return notNode{x}, nil
	}
	return p.parsePrimary(after)
}

func (p *parser) parsePrimary(after string) (node, *ParseError) {
	if p.peek() != '(' {
		return p.parseCondition(after)
	}
	open := p.i
	p.i++
	if err := p.deeper(open); err != nil {
		return nil, err
	}
	x, err := p.parseOr("(")
	if err != nil {
		return nil, err
	}
	p.skipSpace()
	if p.peek() != ')' {
		if p.eof() {
			col := strconv.Itoa(p.fail(open, "", "").Col)
			return nil, p.fail(p.i, CodeUnclosedParen, "expected ) to close the ( at column "+col, col)
		}
		return nil, p.fail(p.i, CodeExpectConnective, "expected and, or or )")
	}
	p.i++
	p.depth--
	return x, nil
}

func (p *parser) expectCondition(after string) *ParseError {
	switch {
	case p.peek() == ')':
		return p.fail(p.i, CodeExpectCondition, "expected a condition before )", after)
	case after != "":
		return p.fail(p.i, CodeExpectCondition, "expected a condition after "+after, after)
	}
	return p.fail(p.i, CodeExpectCondition, "expected a condition")
}

func (p *parser) parseCondition(after string) (node, *ParseError) {
	start := p.i
	if p.eof() || p.peek() == ')' {
		return nil, p.expectCondition(after)
	}
	if isDigit(p.peek()) {
		return p.parseWindowFirst()
	}
	save := p.i
	if kw, ok := p.andWord(); ok {
		p.i = save
		return nil, p.fail(p.i, CodeExpectCondition, "expected a condition before "+kw, after)
	}
	if kw, ok := p.orWord(); ok {
		p.i = save
		return nil, p.fail(p.i, CodeExpectCondition, "expected a condition before "+kw, after)
	}
	f, err := p.fieldName(after)
	if err != nil {
		return nil, err
	}
	name := p.text(start, p.i)
	switch f.kind {
	case kText, kEnum:
		return p.parseMember(f, name)
	case kBool:
		return p.parseBool(f, name)
	case kMoney, kCount, kPercent:
		return p.parseCompare(f, name)
	case kSpan:
		return p.parseSpan(f, name)
	}
	return p.parseWindow(f, name)
}

// word returns the end of the run of name characters at the current
// position: ASCII letters, digits and _, or other letters and marks (汉字).
// A run ends where the script changes (生日7天内 is 生日, 7, 天内) and before a
// Chinese and/or (不打扰且标签 is 不打扰, 且, 标签).
func (p *parser) word() int {
	k := p.i
	if k >= len(p.rs) {
		return k
	}
	ascii := isASCIIIdent(p.rs[k])
	for k < len(p.rs) {
		r := p.rs[k]
		if !isIdent(r) || isASCIIIdent(r) != ascii {
			break
		}
		if !ascii && p.joinAt(k) {
			break
		}
		k++
	}
	return k
}

// fieldName reads a field name: an ASCII name in any case, or a Chinese one,
// which may run straight into what follows (生日7天内, 非标签).
func (p *parser) fieldName(after string) (*field, *ParseError) {
	start := p.i
	end := p.word()
	if end == start {
		return nil, p.expectCondition(after)
	}
	w := string(p.rs[start:end])
	if f, ok := byName[strings.ToLower(w)]; ok {
		p.i = end
		return f, nil
	}
	if !isASCIIIdent(p.rs[start]) {
		for _, n := range zhNames {
			if len(n) < end-start && string(p.rs[start:start+len(n)]) == string(n) {
				p.i = start + len(n)
				return byName[string(n)], nil
			}
		}
	}
	return nil, p.fail(start, CodeUnknownField, "unknown field \""+p.text(start, end)+"\"; known fields: "+knownFields, p.text(start, end), knownFields)
}

// parseMember reads tag:VIP, class:loyal,repeat, stage != lost, 门店：“万达店”.
func (p *parser) parseMember(f *field, name string) (node, *ParseError) {
	p.skipSpace()
	opStart := p.i
	neg := false
	switch {
	case p.eat("!="), p.eat("<>"), p.eat("≠"):
		neg = true
	case p.eat("=="), p.eat(":"), p.eat("="):
	default:
		return nil, p.fail(opStart, CodeExpectOperator, "expected : and a value after "+name+", as in "+f.name()+":"+exampleValue(f), name)
	}
	opText := p.text(opStart, p.i)
	after := name + opText
	var text []string
	var enum []enumValue
	for {
		spaced := p.skipSpace()
		vStart := p.i
		v, quoted, err := p.value()
		if err != nil {
			return nil, err
		}
		if !quoted && (v == "" || spaced && isKeyword(v)) {
			return nil, p.fail(vStart, CodeExpectValue, "expected a value after "+after, name, opText)
		}
		if quoted && v == "" {
			return nil, p.fail(vStart, CodeEmptyValue, "the value is empty")
		}
		if f.kind == kEnum {
			ev, ok := f.lookupValue(v)
			if !ok {
				return nil, p.fail(vStart, CodeUnknownValue, "unknown "+f.what+" \""+v+"\"; use "+f.allowed(), f.what, v, f.allowed())
			}
			enum = append(enum, ev)
		} else {
			text = append(text, v)
		}
		save := p.i
		p.skipSpace()
		if p.eat(",") || p.eat("、") {
			continue
		}
		p.i = save
		break
	}
	var n node = &textNode{f: f, vals: text}
	if f.kind == kEnum {
		n = &enumNode{f: f, vals: enum}
	}
	if neg {
		if err := p.implicitNot(opStart); err != nil {
			return nil, err
		}
		n = notNode{n}
	}
	return n, nil
}

// implicitNot counts the not of != as a level, so that the canonical text
// (not tag:VIP) never nests deeper than the source.
func (p *parser) implicitNot(at int) *ParseError {
	if p.depth+1 > maxDepth {
		return p.fail(at, CodeTooDeep, "the rule is nested too deeply (at most "+strconv.Itoa(maxDepth)+" levels)", strconv.Itoa(maxDepth))
	}
	return nil
}

func exampleValue(f *field) string {
	switch f.kind {
	case kEnum:
		return f.values[0].name()
	case kText:
		if f.id == fTag {
			return "VIP"
		}
		return "王芳"
	}
	return ""
}

func isKeyword(v string) bool {
	switch strings.ToLower(v) {
	case "and", "or", "not", "非":
		return true
	}
	return false
}

// Quote characters. Double quotes (" “ ”) close each other, as do single
// ones (' ‘ ’), so that a rule typed half in an input method still reads.
func isDoubleQuote(r rune) bool { return r == '"' || r == '“' || r == '”' }
func isSingleQuote(r rune) bool { return r == '\'' || r == '‘' || r == '’' }

func closes(open, r rune) bool {
	switch {
	case isDoubleQuote(open):
		return isDoubleQuote(r)
	case isSingleQuote(open):
		return isSingleQuote(r)
	case open == '「':
		return r == '」'
	case open == '『':
		return r == '』'
	}
	return false
}

func isQuote(r rune) bool {
	return isDoubleQuote(r) || isSingleQuote(r) || r == '「' || r == '」' || r == '『' || r == '』'
}

// isValueRune reports whether the rune at k can be part of a bare value.
func (p *parser) isValueRune(k int) bool {
	r := p.rs[k]
	switch {
	case unicode.IsSpace(r), isQuote(r):
		return false
	}
	switch r {
	case '(', ')', ',', '、', '&', '|':
		return false
	}
	return !p.joinAt(k)
}

// value reads a bare or quoted value. Bare values are folded (ＶＩＰ is VIP);
// quoted ones are kept as written, trimmed, with \ taking the next character
// literally.
func (p *parser) value() (string, bool, *ParseError) {
	var b strings.Builder
	if open := p.peek(); isQuote(open) && open != '」' && open != '』' {
		start := p.i
		p.i++
		for {
			if p.eof() {
				return "", true, p.fail(start, CodeUnclosedQuote, "the quote is not closed")
			}
			r := p.rs[p.i]
			if r == '\\' {
				p.i++
				if p.eof() {
					return "", true, p.fail(start, CodeUnclosedQuote, "the quote is not closed")
				}
				b.WriteRune(p.raw[p.i])
				p.i++
				continue
			}
			p.i++
			if closes(open, r) {
				return strings.TrimSpace(b.String()), true, nil
			}
			b.WriteRune(p.raw[p.i-1])
		}
	}
	for !p.eof() && p.isValueRune(p.i) {
		b.WriteRune(p.rs[p.i])
		p.i++
	}
	return b.String(), false, nil
}

// plainValue reports whether v can be written bare and read back unchanged.
func plainValue(v string) bool {
	if v == "" || isKeyword(v) || !utf8.ValidString(v) {
		return false
	}
	p := newParser(v)
	for k, r := range p.raw {
		if unicode.IsControl(r) || r != p.rs[k] {
			return false
		}
	}
	got, quoted, err := p.value()
	return err == nil && !quoted && got == v && p.eof()
}

var yesNo = map[string]bool{
	"yes": true, "y": true, "true": true, "1": true, "是": true, "有": true,
	"no": false, "n": false, "false": false, "0": false, "否": false, "无": false, "没有": false,
}

// parseBool reads dnc, dnc:yes, 不打扰:否, has_open_case = false.
func (p *parser) parseBool(f *field, name string) (node, *ParseError) {
	save := p.i
	p.skipSpace()
	opStart := p.i
	neg := false
	switch {
	case p.eat("!="), p.eat("<>"), p.eat("≠"):
		neg = true
	case p.eat("=="), p.eat(":"), p.eat("="):
	default:
		p.i = save
		return &boolNode{f: f}, nil
	}
	opText := p.text(opStart, p.i)
	p.skipSpace()
	vStart := p.i
	v, _, err := p.value()
	if err != nil {
		return nil, err
	}
	yes, ok := yesNo[strings.ToLower(v)]
	if !ok {
		return nil, p.fail(vStart, CodeExpectValue, "expected yes or no after "+name+opText, name, opText)
	}
	var n node = &boolNode{f: f}
	if yes == neg {
		if err := p.implicitNot(opStart); err != nil {
			return nil, err
		}
		n = notNode{n}
	}
	return n, nil
}

// comparison reads >=, >, <=, <, =, ==, !=, <>, ≥, ≤, ≠ (full-width forms fold to these).
func (p *parser) comparison() (op, bool) {
	switch {
	case p.eat(">="), p.eat("≥"):
		return opGE, true
	case p.eat("<="), p.eat("≤"):
		return opLE, true
	case p.eat("!="), p.eat("<>"), p.eat("≠"):
		return opNE, true
	case p.eat("=="), p.eat("="):
		return opEQ, true
	case p.eat(">"):
		return opGT, true
	case p.eat("<"):
		return opLT, true
	}
	return 0, false
}

func (p *parser) expectComparison(name string) (op, string, *ParseError) {
	p.skipSpace()
	start := p.i
	o, ok := p.comparison()
	if !ok {
		return 0, "", p.fail(start, CodeExpectOperator, "expected a comparison (>=, >, <=, <, =, !=) after "+name, name)
	}
	return o, p.text(start, p.i), nil
}

// parseCompare reads spend_365d >= 5000, purchases < 3次, completeness >= 80%.
func (p *parser) parseCompare(f *field, name string) (node, *ParseError) {
	o, opText, err := p.expectComparison(name)
	if err != nil {
		return nil, err
	}
	p.skipSpace()
	var n int64
	if f.kind == kMoney {
		n, err = p.amount(opText)
	} else {
		n, err = p.count(opText, f.kind)
	}
	if err != nil {
		return nil, err
	}
	return &cmpNode{f: f, op: o, n: n}, nil
}

// digits reads ASCII digits, allowing thousands separators (5,000).
func (p *parser) digits() string {
	var b strings.Builder
	for isDigit(p.peek()) {
		b.WriteRune(p.peek())
		p.i++
	}
	for b.Len() > 0 && p.peek() == ',' && isDigit(p.peekAt(1)) && isDigit(p.peekAt(2)) && isDigit(p.peekAt(3)) && !isDigit(p.peekAt(4)) {
		b.WriteString(string(p.rs[p.i+1 : p.i+4]))
		p.i += 4
	}
	return b.String()
}

// amount reads an amount in currency units and returns minor units:
// 5000, 199.50, -20, ¥5,000, 5000元, 5k, 5千, 1.5万, 2w.
func (p *parser) amount(after string) (int64, *ParseError) {
	start := p.i
	neg := p.eat("-")
	if !neg {
		p.eat("+")
	}
	_ = p.eat("¥") || p.eat("$")
	whole := p.digits()
	if whole == "" {
		p.i = start
		return 0, p.fail(start, CodeExpectNumber, "expected a number after "+after, after)
	}
	frac := ""
	if p.peek() == '.' && isDigit(p.peekAt(1)) {
		p.i++
		frac = p.digits()
	}
	mult := int64(1)
	switch {
	case p.eat("k"), p.eat("K"), p.eat("千"):
		mult = 1000
	case p.eat("w"), p.eat("W"), p.eat("万"):
		mult = 10000
	}
	_ = p.eat("元") || p.eat("块")
	whole = strings.TrimLeft(whole, "0")
	frac = strings.TrimRight(frac, "0")
	if len(whole) > 12 {
		return 0, p.fail(start, CodeOutOfRange, "the amount is too large", formatAmount(maxAmountFen))
	}
	if len(frac) > 6 {
		return 0, p.fail(start, CodeBadNumber, "an amount has at most two decimals")
	}
	mantissa, _ := strconv.ParseInt(whole+frac, 10, 64) // at most 18 digits: fits
	if whole+frac == "" {
		mantissa = 0
	}
	mul, den := mult*100, int64(1)
	for range len(frac) {
		den *= 10
	}
	g := gcd(mul, den)
	mul, den = mul/g, den/g
	if mantissa%den != 0 {
		return 0, p.fail(start, CodeBadNumber, "an amount has at most two decimals")
	}
	q := mantissa / den
	if q > maxAmountFen/mul {
		return 0, p.fail(start, CodeOutOfRange, "the amount is too large", formatAmount(maxAmountFen))
	}
	fen := q * mul
	if neg {
		fen = -fen
	}
	return fen, nil
}

func gcd(a, b int64) int64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// count reads a whole number: 3, 3次 (purchases, cases), 80% (completeness).
func (p *parser) count(after string, k kind) (int64, *ParseError) {
	start := p.i
	d := p.digits()
	if d == "" {
		return 0, p.fail(start, CodeExpectNumber, "expected a number after "+after, after)
	}
	if p.peek() == '.' && isDigit(p.peekAt(1)) {
		return 0, p.fail(start, CodeBadNumber, "expected a whole number after "+after)
	}
	d = strings.TrimLeft(d, "0")
	if len(d) > 9 {
		return 0, p.fail(start, CodeOutOfRange, "the number is too large", strconv.Itoa(maxCount))
	}
	n, _ := strconv.ParseInt("0"+d, 10, 64)
	switch k {
	case kPercent:
		p.eat("%")
	case kCount:
		_ = p.eat("次") || p.eat("笔") || p.eat("单") || p.eat("个")
	}
	return n, nil
}

// unit reads the unit after a number of days: d, day, days, w, week(s), m,
// month(s), y, year(s), 天, 日, 周, 星期, 个星期, 月, 个月, 年. A number with
// no unit counts days; bare reports that. A word straight after the number
// that is not a unit is an error; after a space it is left for the caller.
func (p *parser) unit() (u byte, bare bool, err *ParseError) {
	save := p.i
	spaced := p.skipSpace()
	start := p.i
	for _, c := range []struct {
		s string
		u byte
	}{{"个星期", 'w'}, {"星期", 'w'}, {"个月", 'm'}, {"天", 'd'}, {"日", 'd'}, {"周", 'w'}, {"月", 'm'}, {"年", 'y'}} {
		if p.eat(c.s) {
			return c.u, false, nil
		}
	}
	end := p.word()
	if end > start && isASCIIIdent(p.rs[start]) {
		switch strings.ToLower(string(p.rs[start:end])) {
		case "d", "day", "days":
			u = 'd'
		case "w", "wk", "week", "weeks":
			u = 'w'
		case "m", "mo", "month", "months":
			u = 'm'
		case "y", "yr", "year", "years":
			u = 'y'
		}
		if u != 0 {
			p.i = end
			return u, false, nil
		}
	}
	if end > start && !spaced {
		w := p.text(start, end)
		return 0, false, p.fail(start, CodeUnknownUnit, "unknown unit \""+w+"\"; use d, w, m or y (天, 周, 月, 年)", w)
	}
	p.i = save
	return 'd', true, nil
}

// parseSpan reads last_purchase > 30d, 最近联系 >= 2个月, created < 7 days.
func (p *parser) parseSpan(f *field, name string) (node, *ParseError) {
	o, opText, err := p.expectComparison(name)
	if err != nil {
		return nil, err
	}
	p.skipSpace()
	start := p.i
	n, err := p.count(opText, kSpan)
	if err != nil {
		return nil, err
	}
	u, _, err := p.unit()
	if err != nil {
		return nil, err
	}
	days := n * int64(unitDays[u])
	if days > maxSpanDays {
		return nil, p.fail(start, CodeOutOfRange, "at most "+strconv.Itoa(maxSpanDays)+" days", strconv.Itoa(maxSpanDays))
	}
	// "30 days ago", "30天前" read the same as 30d.
	save := p.i
	p.skipSpace()
	if !p.eatWord("ago") && !p.eat("以前") && !p.eat("之前") && !p.eat("前") {
		p.i = save
	}
	return &spanNode{f: f, op: o, n: int(n), unit: u, days: int(days)}, nil
}

// parseWindow reads what follows birthday or 生日: in next 7 days, within 2
// weeks, today, 7天内, 在30天之内, 今天.
func (p *parser) parseWindow(f *field, name string) (node, *ParseError) {
	p.skipSpace()
	if p.eatWord("today") || p.eat("今天") || p.eat("当天") {
		return &windowNode{f: f, days: 0}, nil
	}
	lead := ""
	start := p.i
	switch {
	case p.eatWord("in"), p.eatWord("within"):
		p.skipSpace()
		if p.eatWord("the") {
			p.skipSpace()
		}
		if p.eatWord("next") {
			p.skipSpace()
		}
		lead = p.text(start, p.i)
	case p.eatWord("next"):
		p.skipSpace()
		lead = p.text(start, p.i)
	case p.eat("在"):
		p.skipSpace()
		lead = p.text(start, p.i)
	}
	if !isDigit(p.peek()) {
		if lead != "" {
			lead = strings.TrimSpace(lead)
			return nil, p.fail(p.i, CodeExpectNumber, "expected a number of days after "+lead, lead)
		}
		return nil, p.fail(p.i, CodeExpectWindow, "expected \"in next N days\" or \"N天内\" after "+name, name)
	}
	days, err := p.windowDays()
	if err != nil {
		return nil, err
	}
	save := p.i
	p.skipSpace()
	if !p.eat("之内") && !p.eat("以内") && !p.eat("内") {
		p.i = save
	}
	return &windowNode{f: f, days: days}, nil
}

// windowDays reads N and its unit for a key-date window.
func (p *parser) windowDays() (int, *ParseError) {
	start := p.i
	n, err := p.count("in next", kSpan)
	if err != nil {
		return 0, err
	}
	u, _, err := p.unit()
	if err != nil {
		return 0, err
	}
	days := n * int64(unitDays[u])
	if days > maxWindowDays {
		return 0, p.fail(start, CodeOutOfRange, "at most "+strconv.Itoa(maxWindowDays)+" days ahead", strconv.Itoa(maxWindowDays))
	}
	return int(days), nil
}

// parseWindowFirst reads the Chinese order 7天内生日, 30天内纪念日.
func (p *parser) parseWindowFirst() (node, *ParseError) {
	start := p.i
	days, err := p.windowDays()
	if err != nil {
		return nil, err
	}
	p.skipSpace()
	if !p.eat("之内") && !p.eat("以内") && !p.eat("内") {
		lead := strings.TrimSpace(p.text(start, p.i))
		return nil, p.fail(p.i, CodeExpectKeyDate, "expected 内 after "+lead+", as in 7天内生日", lead)
	}
	lead := p.text(start, p.i)
	p.skipSpace()
	fStart := p.i
	end := p.word()
	var f *field
	if end > fStart {
		f = byName[strings.ToLower(string(p.rs[fStart:end]))]
	}
	if f == nil || f.kind != kWindow {
		return nil, p.fail(fStart, CodeExpectKeyDate, "expected 生日 or 纪念日 after "+lead, lead)
	}
	p.i = end
	return &windowNode{f: f, days: days}, nil
}
