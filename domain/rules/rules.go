package rules

import (
	"github.com/crmtui/crmtui/domain"
)

// Rule is a parsed and checked group rule. It is immutable and safe for
// concurrent use.
type Rule struct {
	src  string
	root node
}

// MustParse is Parse for rules written in code and tests; it panics on a bad rule.
func MustParse(src string) *Rule {
	r, err := Parse(src)
	if err != nil {
		panic(err)
	}
	return r
}

// Match reports whether the customer described by f belongs to the group on
// the given day (day spans and key-date windows count from today).
func (r *Rule) Match(f *Facts, today domain.Date) bool { return r.root.match(f, today) }

// String returns the canonical text of the rule in English spelling, with
// parentheses only where needed: "tag:VIP and spend_365d >= 5000". Parse
// reads it back to a rule that matches the same customers.
func (r *Rule) String() string {
	var w writer
	r.root.write(&w, precOr)
	return w.String()
}

// Chinese returns the canonical text in Chinese spelling:
// "标签:VIP 且 近一年消费 >= 5000". Parse reads it back as well.
func (r *Rule) Chinese() string {
	w := writer{zh: true}
	r.root.write(&w, precOr)
	return w.String()
}

// Text returns the rule as it was given to Parse.
func (r *Rule) Text() string { return r.src }

// Fields returns the canonical English names of the fields the rule uses, in
// order of first use: "tag", "spend_365d". A store can use it to skip facts no
// rule needs (key dates, open cases).
func (r *Rule) Fields() []string {
	var out []string
	seen := map[fieldID]bool{}
	r.root.visit(func(f *field) {
		if !seen[f.id] {
			seen[f.id] = true
			out = append(out, f.name())
		}
	})
	return out
}

// FieldNames returns the canonical English name of every field of the
// language, in documentation order.
func FieldNames() []string {
	out := make([]string, len(fields))
	for i, f := range fields {
		out[i] = f.name()
	}
	return out
}
