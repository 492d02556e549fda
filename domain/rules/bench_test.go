package rules

import (
	"math/rand/v2"
	"testing"
)

// BenchmarkMatch100k matches typical rules against 100,000 customers; one
// iteration is the whole list (the target is well under 50 ms).
func BenchmarkMatch100k(b *testing.B) {
	fs := randomFacts(rand.New(rand.NewPCG(7, 8)), 100_000)
	for _, bc := range []struct{ name, rule string }{
		{"vip_spend", "tag:VIP and spend_365d >= 5000 and not dnc"},
		{"loyal_contact", "class:loyal,important and last_contact > 30d"},
		{"birthday", "birthday in next 7 days and not dnc"},
		{"mixed", "(tag:VIP or class:important) and (birthday in next 30 days or anniversary in next 30 days) and last_purchase < 1y"},
	} {
		r := MustParse(bc.rule)
		b.Run(bc.name, func(b *testing.B) {
			n := 0
			for b.Loop() {
				n = 0
				for i := range fs {
					if r.Match(&fs[i], today) {
						n++
					}
				}
			}
			b.ReportMetric(float64(n), "matches")
		})
	}
}

func BenchmarkParse(b *testing.B) {
	for b.Loop() {
		if _, err := Parse("(tag:VIP or 类别:重要) and spend_365d >= 5000 and 生日 7天内 且 非不打扰"); err != nil {
			b.Fatal(err)
		}
	}
}
