package rules

import (
	"errors"
	"math/rand/v2"
	"testing"
	"unicode/utf8"

	"github.com/crmtui/crmtui/domain"
)

// FuzzParse feeds arbitrary text to Parse. It must never panic; an error must
// be a *ParseError pointing inside the source whose Caret and Error work; a
// rule's canonical English and Chinese texts must read back to the same
// canonical rule, which matches the same customers.
func FuzzParse(f *testing.F) {
	for _, c := range matchCases {
		f.Add(c.rule)
	}
	for _, s := range []string{"", "(", ")", "not", "!", "!=", "tag:", `tag:"`, `tag:"\`, "tag:“", "「", "生日", "7天内",
		"7", "spend_365d >= 1.", "spend_365d >= 1,00", "spend_365d >= 1,000,000.5万", "last_purchase > 30 d ago",
		"标签:VIP且", "并且", "或者", "非", "非非非", "tag:a,,b", "tag:a、", "（", "）", "\t\n", "\xff", "tag:\x00",
		"birthday in the next", "生日 在", "dnc:", "dnc!=", "tag:VIP and (birthday today or", "e\u0301:x", "ＴＡＧ：ｘ"} {
		f.Add(s)
	}
	facts := append(fixtures(), randomFacts(rand.New(rand.NewPCG(5, 6)), 20)...)
	days := []domain.Date{today, domain.MustDate("2027-02-28")}
	f.Fuzz(func(t *testing.T, src string) {
		r, err := Parse(src)
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("Parse(%q) returned %T %v", src, err, err)
			}
			if pe.Pos < 0 || pe.Pos > len(src) || pe.Col < 1 || pe.Line < 1 || pe.Msg == "" || pe.Code == "" || pe.Src != src {
				t.Fatalf("Parse(%q): bad error %+v", src, pe)
			}
			if utf8.ValidString(src) && !utf8.ValidString(src[:pe.Pos]) {
				t.Fatalf("Parse(%q): the error points inside a character (%d)", src, pe.Pos)
			}
			_ = pe.Caret()
			_ = pe.Error()
			return
		}
		en := r.String()
		for _, text := range []string{en, r.Chinese()} {
			r2, err := Parse(text)
			if err != nil {
				t.Fatalf("Parse(%q) = %q, which does not parse: %v", src, text, err)
			}
			if r2.String() != en {
				t.Fatalf("Parse(%q) = %q reads back as %q", src, text, r2.String())
			}
			for _, d := range days {
				for i := range facts {
					if r.Match(&facts[i], d) != r2.Match(&facts[i], d) {
						t.Fatalf("%q and %q disagree on customer %d at %s", src, text, facts[i].ID, d)
					}
				}
			}
		}
		_ = r.Fields()
	})
}
