package rules

import (
	"strconv"
	"strings"

	"github.com/crmtui/crmtui/domain"
)

// node is one part of a parsed rule.
type node interface {
	match(f *Facts, today domain.Date) bool
	// write appends the canonical text; prec is the binding of the
	// surrounding operator (precOr, precAnd or precNot), so that
	// parentheses are written only where they are needed.
	write(w *writer, prec int)
	visit(fn func(*field))
}

const (
	precOr = iota
	precAnd
	precNot
)

// writer builds the canonical text in English or Chinese spelling.
type writer struct {
	strings.Builder
	zh bool
}

func (w *writer) pick(en, zh string) string {
	if w.zh {
		return zh
	}
	return en
}

func (w *writer) fieldName(f *field) {
	w.WriteString(w.pick(f.name(), f.zhName()))
}

type orNode []node

func (n orNode) match(f *Facts, today domain.Date) bool {
	for _, x := range n {
		if x.match(f, today) {
			return true
		}
	}
	return false
}

func (n orNode) write(w *writer, prec int) { writeList(w, n, prec, precOr, " or ", " 或 ") }

func (n orNode) visit(fn func(*field)) {
	for _, x := range n {
		x.visit(fn)
	}
}

type andNode []node

func (n andNode) match(f *Facts, today domain.Date) bool {
	for _, x := range n {
		if !x.match(f, today) {
			return false
		}
	}
	return true
}

func (n andNode) write(w *writer, prec int) { writeList(w, n, prec, precAnd, " and ", " 且 ") }

// writeList writes operands joined by a connective (en, zh), in
// parentheses when the surrounding operator binds tighter than own.
func writeList(w *writer, list []node, prec, own int, en, zh string) {
	if prec > own {
		w.WriteByte('(')
	}
	for i, x := range list {
		if i > 0 {
			w.WriteString(w.pick(en, zh))
		}
		x.write(w, own)
	}
	if prec > own {
		w.WriteByte(')')
	}
}

func (n andNode) visit(fn func(*field)) {
	for _, x := range n {
		x.visit(fn)
	}
}

type notNode struct{ x node }

func (n notNode) match(f *Facts, today domain.Date) bool { return !n.x.match(f, today) }

func (n notNode) write(w *writer, _ int) {
	w.WriteString(w.pick("not ", "非"))
	n.x.write(w, precNot)
}

func (n notNode) visit(fn func(*field)) { n.x.visit(fn) }

// textNode is tag:VIP, owner:王芳, store:…: true when the field (any tag)
// equals one of the values, ignoring case.
type textNode struct {
	f    *field
	vals []string
}

func (n *textNode) match(f *Facts, _ domain.Date) bool {
	if n.f.id == fTag {
		for _, t := range f.Tags {
			for _, v := range n.vals {
				if strings.EqualFold(t, v) {
					return true
				}
			}
		}
		return false
	}
	s := strings.TrimSpace(f.text(n.f.id))
	for _, v := range n.vals {
		if strings.EqualFold(s, v) {
			return true
		}
	}
	return false
}

func (n *textNode) write(w *writer, _ int) {
	w.fieldName(n.f)
	w.WriteByte(':')
	for i, v := range n.vals {
		if i > 0 {
			w.WriteString(w.pick(",", "、"))
		}
		writeValue(w, v)
	}
}

func (n *textNode) visit(fn func(*field)) { fn(n.f) }

// enumNode is class:loyal, stage:dormant,lost, …: true when the field holds
// one of the values.
type enumNode struct {
	f    *field
	vals []enumValue
}

func (n *enumNode) match(f *Facts, _ domain.Date) bool {
	s := f.text(n.f.id)
	for _, v := range n.vals {
		if s == v.value {
			return true
		}
	}
	return false
}

func (n *enumNode) write(w *writer, _ int) {
	w.fieldName(n.f)
	w.WriteByte(':')
	for i, v := range n.vals {
		if i > 0 {
			w.WriteString(w.pick(",", "、"))
		}
		w.WriteString(w.pick(v.name(), v.zh[0]))
	}
}

func (n *enumNode) visit(fn func(*field)) { fn(n.f) }

// boolNode is dnc or has_open_case.
type boolNode struct{ f *field }

func (n *boolNode) match(f *Facts, _ domain.Date) bool { return f.flag(n.f.id) }
func (n *boolNode) write(w *writer, _ int)             { w.fieldName(n.f) }
func (n *boolNode) visit(fn func(*field))              { fn(n.f) }

type op uint8

const (
	opGE op = iota
	opGT
	opLE
	opLT
	opEQ
	opNE
)

func (o op) String() string { return [...]string{">=", ">", "<=", "<", "=", "!="}[o] }

func (o op) holds(a, b int64) bool {
	switch o {
	case opGE:
		return a >= b
	case opGT:
		return a > b
	case opLE:
		return a <= b
	case opLT:
		return a < b
	case opEQ:
		return a == b
	}
	return a != b
}

// holdsForInfinity says whether "infinitely many days" satisfies the
// comparison: a customer who never bought has gone longer than any span.
func (o op) holdsForInfinity() bool { return o == opGT || o == opGE || o == opNE }

// cmpNode is spend_365d >= 5000 (money in minor units), purchases > 3, completeness >= 80.
type cmpNode struct {
	f  *field
	op op
	n  int64
}

func (n *cmpNode) match(f *Facts, _ domain.Date) bool { return n.op.holds(f.number(n.f.id), n.n) }

func (n *cmpNode) write(w *writer, _ int) {
	w.fieldName(n.f)
	w.WriteByte(' ')
	w.WriteString(n.op.String())
	w.WriteByte(' ')
	if n.f.kind == kMoney {
		w.WriteString(formatAmount(n.n))
	} else {
		w.WriteString(strconv.FormatInt(n.n, 10))
	}
}

func (n *cmpNode) visit(fn func(*field)) { fn(n.f) }

// formatAmount writes minor units as the shortest amount that reads back the
// same: 500000 → "5000", 19950 → "199.50".
func formatAmount(fen int64) string {
	sign := ""
	if fen < 0 {
		sign, fen = "-", -fen
	}
	s := sign + strconv.FormatInt(fen/100, 10)
	if c := fen % 100; c != 0 {
		s += "." + strconv.FormatInt(c/10, 10) + strconv.FormatInt(c%10, 10)
	}
	return s
}

// units of day spans and windows.
var unitDays = map[byte]int{'d': 1, 'w': 7, 'm': 30, 'y': 365}

var unitZh = map[byte]string{'d': "天", 'w': "周", 'm': "个月", 'y': "年"}

// spanNode is last_purchase > 30d: compares the days from the date to today.
// A date that is not set counts as infinitely long ago.
type spanNode struct {
	f    *field
	op   op
	n    int  // as written
	unit byte // d, w, m or y
	days int  // n × the unit's days
}

func (n *spanNode) match(f *Facts, today domain.Date) bool {
	d := f.date(n.f.id)
	if d.IsZero() {
		return n.op.holdsForInfinity()
	}
	return n.op.holds(int64(today.Sub(d)), int64(n.days))
}

func (n *spanNode) write(w *writer, _ int) {
	w.fieldName(n.f)
	w.WriteByte(' ')
	w.WriteString(n.op.String())
	w.WriteByte(' ')
	w.WriteString(strconv.Itoa(n.n))
	w.WriteString(w.pick(string(n.unit), unitZh[n.unit]))
}

func (n *spanNode) visit(fn func(*field)) { fn(n.f) }

// windowNode is birthday in next 7 days: a key date of the kind is kept on a
// day from today to today + days, both included (0: today).
type windowNode struct {
	f    *field
	days int
}

func (n *windowNode) match(f *Facts, today domain.Date) bool {
	kind := domain.KindBirthday
	if n.f.id == fAnniversary {
		kind = domain.KindAnniversary
	}
	end := today.AddDays(n.days)
	y0, y1 := 0, 0 // the years of today and end, found once a key date needs them
	for i := range f.KeyDates {
		k := &f.KeyDates[i]
		if k.Kind != kind {
			continue
		}
		if y1 == 0 {
			y0, y1 = today.Year(), end.Year()
		}
		if keptWithin(*k, today, end, y0, y1) {
			return true
		}
	}
	return false
}

// keptWithin reports whether the key date is kept on a day of [from, to]
// (to - from ≤ 366; y0 and y1 are their years). It asks
// domain.KeyDate.OccurrenceInYear, which NextOccurrence uses too, so solar,
// lunar, 29 February and leap months follow the domain's rules; unlike
// NextOccurrence it allocates nothing. A solar date is kept in its own year;
// a lunar year starts in January or February, so the occurrence in the lunar
// year before from's can still fall in the window.
func keptWithin(k domain.KeyDate, from, to domain.Date, y0, y1 int) bool {
	if k.Calendar == domain.Lunar {
		y0--
	}
	for y := y0; y <= y1; y++ {
		if d, ok := k.OccurrenceInYear(y); ok && !d.Before(from) && !d.After(to) {
			return true
		}
	}
	return false
}

func (n *windowNode) write(w *writer, _ int) {
	w.fieldName(n.f)
	switch {
	case w.zh && n.days == 0:
		w.WriteString(" 今天")
	case w.zh:
		w.WriteString(" " + strconv.Itoa(n.days) + "天内")
	case n.days == 0:
		w.WriteString(" today")
	case n.days == 1:
		w.WriteString(" in next 1 day")
	default:
		w.WriteString(" in next " + strconv.Itoa(n.days) + " days")
	}
}

func (n *windowNode) visit(fn func(*field)) { fn(n.f) }

// writeValue writes a text value bare when it reads back unchanged, else in
// double quotes with \ before quotes and backslashes.
func writeValue(w *writer, v string) {
	if plainValue(v) {
		w.WriteString(v)
		return
	}
	w.WriteByte('"')
	for _, r := range v {
		if f := fold(r); f == '\\' || isDoubleQuote(f) {
			w.WriteByte('\\')
		}
		w.WriteRune(r)
	}
	w.WriteByte('"')
}
