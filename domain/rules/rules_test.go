package rules

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/crmtui/crmtui/domain"
)

// today is the fixed day of the match tests.
var today = domain.MustDate("2026-11-22")

// The three customers of the match table, A, B and C.
func fixtures() []Facts {
	return []Facts{
		{ // A: a VIP, bought 21 days ago, birthday in 3 days, wedding anniversary in 28.
			ID: 1, Tags: []string{"VIP", "金卡"}, Class: domain.ClassImportant, Stage: domain.StageActive,
			Source: domain.SourceReferral, OwnerName: "王芳", StoreName: "万达广场店", Gender: domain.GenderFemale,
			ValueType: domain.ValueProfit, PurchaseCount: 12, Spend365: 600000, Count365: 5, TotalSpend: 3000000,
			LastPurchase: domain.MustDate("2026-11-01"), LastContact: domain.MustDate("2026-10-01"),
			Created: domain.MustDate("2023-05-01"),
			KeyDates: []domain.KeyDate{
				{Kind: domain.KindBirthday, Calendar: domain.Solar, Year: 1988, Month: 11, Day: 25},
				{Kind: domain.KindAnniversary, Label: "结婚纪念日", Calendar: domain.Solar, Month: 12, Day: 20},
			},
			OpenCases: 1, Completeness: 80,
		},
		{ // B: dormant, do not contact, never contacted, lunar birthday 十月十九 = 2026-11-27 (in 5 days).
			ID: 2, Tags: []string{"new arrivals"}, Class: domain.ClassRepeat, Stage: domain.StageDormant,
			Source: domain.SourceWalkIn, OwnerName: "李娜", StoreName: "万达 店", DoNotContact: true,
			Gender: domain.GenderMale, PurchaseCount: 3, TotalSpend: 1200050,
			LastPurchase: domain.MustDate("2025-12-01"), Created: domain.MustDate("2024-01-10"),
			KeyDates:     []domain.KeyDate{{Kind: domain.KindBirthday, Calendar: domain.Lunar, Month: 10, Day: 19}},
			Completeness: 50,
		},
		{ // C: a prospect put on file two days ago, contacted a week ago.
			ID: 3, Class: domain.ClassProspect, Stage: domain.StageProspect, OwnerName: "王芳", StoreName: "万达广场店",
			ValueType: domain.ValueStrategic, LastContact: domain.MustDate("2026-11-15"),
			Created: domain.MustDate("2026-11-20"), Completeness: 30,
		},
	}
}

// matchCases: a rule and which of the fixtures A, B, C it selects on today.
var matchCases = []struct{ rule, want string }{
	// Tags: any tag, ignoring case; quoted values; lists; negation.
	{"tag:VIP", "A"},
	{"tag:vip", "A"},
	{"TAG:VIP", "A"},
	{"tags:VIP", "A"},
	{"标签:金卡", "A"},
	{"分组标签：金卡", "A"},
	{`tag:"new arrivals"`, "B"},
	{`tag:“new arrivals”`, "B"},
	{`tag:'NEW ARRIVALS'`, "B"},
	{`tag: "new arrivals"`, "B"},
	{"tag : VIP", "A"},
	{"tag:new", ""},
	{"tag=VIP", "A"},
	{`tag:VIP,"new arrivals"`, "AB"},
	{`标签:金卡、"new arrivals"`, "AB"},
	{"tag != VIP", "BC"},
	{"tag<>VIP", "BC"},
	{"tag:ＶＩＰ", "A"},
	// Class, stage, source, gender, value in both languages.
	{"class:important", "A"},
	{"类别:重要顾客", "A"},
	{"分类:重要", "A"},
	{"class:repeat", "B"},
	{"class:Prospect", "C"},
	{"类别:回购、潜在", "BC"},
	{"class:loyal", ""},
	{"class:new", ""},
	{"stage:dormant", "B"},
	{"阶段:沉睡", "B"},
	{"stage:active", "A"},
	{"阶段:潜在", "C"},
	{"stage:new", ""},
	{"stage:lost", ""},
	{"stage:dormant,lost", "B"},
	{"stage != prospect", "AB"},
	{"source:referral", "A"},
	{"来源:转介绍", "A"},
	{"source:walk-in", "B"},
	{`source:"walk in"`, "B"},
	{"来源:进店", "B"},
	{"来源:未填", "C"},
	{"source:unknown", "C"},
	{"source:online", ""},
	{"owner:王芳", "AC"},
	{"导购:李娜", "B"},
	{"owner:王", ""},
	{"store:万达广场店", "AC"},
	{`门店:"万达 店"`, "B"},
	{"gender:female", "A"},
	{"性别:男", "B"},
	{"sex:f", "A"},
	{"gender:unknown", "C"},
	{"value:profit", "A"},
	{"价值:战略型", "C"},
	{"value_type:none", "B"},
	{"value:relationship", ""},
	// Yes/no fields.
	{"dnc", "B"},
	{"DNC", "B"},
	{"不打扰", "B"},
	{"do_not_contact", "B"},
	{"not dnc", "AC"},
	{"!dnc", "AC"},
	{"非不打扰", "AC"},
	{"dnc:no", "AC"},
	{"dnc = false", "AC"},
	{"不打扰:是", "B"},
	{"不打扰：否", "AC"},
	{"dnc != yes", "AC"},
	{"has_open_case", "A"},
	{"有未结服务单", "A"},
	{"has_open_case:no", "BC"},
	{"open_cases >= 1", "A"},
	{"未结服务单数 = 0", "BC"},
	// Money: units, decimals, separators, 千/万, every operator.
	{"spend_365d >= 5000", "A"},
	{"spend_365d >= 6000", "A"},
	{"spend_365d > 6000", ""},
	{"spend_365d = 6000", "A"},
	{"spend_365d == 6000", "A"},
	{"spend_365d != 6000", "BC"},
	{"spend_365d <> 6000", "BC"},
	{"spend_365d < 0.01", "BC"},
	{"spend_365d <= 0", "BC"},
	{"spend_365d >= 6000.01", ""},
	{"spend_365d ≥ 6000", "A"},
	{"spend_365d ＞＝ ６０００", "A"},
	{"spend_365d>=5000", "A"},
	{"近一年消费 >= 5千", "A"},
	{"近一年消费>=5k", "A"},
	{"spend_365d >= 0.6万", "A"},
	{"spend_365d >= ¥6,000.00", "A"},
	{"spend_365d >= 6000元", "A"},
	{"spend_365d > -1", "ABC"},
	{"total_spend > 12000.50", "A"},
	{"total_spend >= 12000.5", "AB"},
	{"total_spend = 12000.50", "B"},
	{"累计消费 < 1万", "C"},
	{"total_spend <= 1.20005w", "BC"},
	// Counts and completeness.
	{"purchases_365d >= 5", "A"},
	{"近一年购买次数 < 1", "BC"},
	{"purchases >= 3", "AB"},
	{"purchases = 3次", "B"},
	{"购买次数 = 0", "C"},
	{"purchases != 12", "BC"},
	{"purchase_count > 11", "A"},
	{"completeness >= 80%", "A"},
	{"资料完整度 < 50", "C"},
	{"completeness <= 50", "BC"},
	{"完整度 = 50％", "B"},
	// Day spans: A bought 21 days ago, B 356, C never (infinitely long ago).
	{"last_purchase > 20d", "ABC"},
	{"last_purchase > 21d", "BC"},
	{"last_purchase >= 21d", "ABC"},
	{"last_purchase = 21d", "A"},
	{"last_purchase != 21d", "BC"},
	{"last_purchase < 30d", "A"},
	{"last_purchase <= 21d", "A"},
	{"last_purchase < 21d", ""},
	{"last_purchase > 30", "BC"},
	{"last_purchase > 30 days", "BC"},
	{"last_purchase > 30 days ago", "BC"},
	{"最近购买 > 3周", "BC"},
	{"最近购买 >= 3周", "ABC"},
	{"最近购买 > 30天前", "BC"},
	{"last_purchase > 11m", "BC"},
	{"上次购买 > 11个月", "BC"},
	{"last_purchase > 1y", "C"},
	{"last_purchase < 1y", "AB"},
	{"last_purchase <= 3w", "A"},
	{"last_contact > 30d", "AB"},
	{"最近联系 > 30天", "AB"},
	{"last_contact < 30d", "C"},
	{"last_contact = 7d", "C"},
	{"last_contact = 1 week", "C"},
	{"last_contact > 2m", "B"},
	{"last_contact <= 1w", "C"},
	{"created < 7d", "C"},
	{"建档 > 2年", "AB"},
	{"created > 3y", "A"},
	{"created = 2 days", "C"},
	// Key dates: A's solar birthday in 3 days, B's lunar birthday in 5, A's anniversary in 28.
	{"birthday in next 3 days", "A"},
	{"birthday in next 2 days", ""},
	{"birthday in next 7 days", "AB"},
	{"birthday in next 5 days", "AB"},
	{"birthday in next 4 days", "A"},
	{"生日 5天内", "AB"},
	{"生日 4天内", "A"},
	{"生日7天内", "AB"},
	{"生日在7天之内", "AB"},
	{"7天内生日", "AB"},
	{"7 天内 生日", "AB"},
	{"birthday within 1 week", "AB"},
	{"birthday in the next 7 days", "AB"},
	{"birthday next 7d", "AB"},
	{"birthday today", ""},
	{"生日 今天", ""},
	{"anniversary in next 28 days", "A"},
	{"纪念日 27天内", ""},
	{"anniversary in next 1 month", "A"},
	{"30天内纪念日", "A"},
	// Precedence: not > and > or; parentheses.
	{"tag:VIP or dnc and stage:new", "A"},
	{"(tag:VIP or dnc) and stage:dormant", "B"},
	{"tag:VIP or dnc and stage:dormant", "AB"},
	{"not tag:VIP and not dnc", "C"},
	{"not (tag:VIP or dnc)", "C"},
	{"not tag:VIP or dnc", "BC"},
	{"!(owner:王芳 and store:万达广场店)", "B"},
	{"tag:VIP || class:prospect && !dnc", "AC"},
	{"tag:VIP | class:prospect & !dnc", "AC"},
	{"（标签:VIP 或 不打扰）且 阶段:沉睡", "B"},
	{"标签:VIP且阶段:活跃", "A"},
	{"标签:VIP或阶段:沉睡", "AB"},
	{"标签:VIP 并且 阶段:活跃", "A"},
	{"标签:VIP 或者 阶段:沉睡", "AB"},
	{"not not tag:VIP", "A"},
	{"非非标签:VIP", "A"},
	{"((tag:VIP))", "A"},
	{"TAG:VIP AND SPEND_365D >= 5000", "A"},
	{"tag:VIP Or Not dnc", "AC"},
	{"stage:dormant,lost and total_spend >= 1万", "B"},
	{"(stage:dormant or stage:lost) and total_spend >= 1万", "B"},
	{"class:loyal and last_contact > 30d", ""},
	{"(class:important or class:repeat) and last_contact > 30d and birthday in next 7 days", "AB"},
	{"tag:VIP and !dnc && (birthday today || anniversary today)", ""},
	{"tag:VIP\tand\nspend_365d >= 5000", "A"},
	{"　tag:VIP　", "A"},
	{"\ufefftag:VIP\u200band dnc", ""},
	{"\ufefftag:VIP\u200bor\u200bdnc", "AB"},
}

func letters(fs []Facts, r *Rule, day domain.Date) string {
	var b strings.Builder
	for i := range fs {
		if r.Match(&fs[i], day) {
			b.WriteByte(byte('A' + i))
		}
	}
	return b.String()
}

func TestMatch(t *testing.T) {
	fs := fixtures()
	for _, c := range matchCases {
		r, err := Parse(c.rule)
		if err != nil {
			t.Errorf("Parse(%q): %v", c.rule, err)
			continue
		}
		if got := letters(fs, r, today); got != c.want {
			t.Errorf("%q (%s) selects %q, want %q", c.rule, r, got, c.want)
		}
	}
}

// TestMatchCoversEveryField makes sure the table above exercises every
// field, every operator and both spellings of every field.
func TestMatchCoversEveryField(t *testing.T) {
	used := map[string]bool{}
	ops := map[op]bool{}
	for _, c := range matchCases {
		r := MustParse(c.rule)
		for _, f := range r.Fields() {
			used[f] = true
		}
		var walk func(n node)
		walk = func(n node) {
			switch n := n.(type) {
			case andNode:
				for _, x := range n {
					walk(x)
				}
			case orNode:
				for _, x := range n {
					walk(x)
				}
			case notNode:
				walk(n.x)
			case *cmpNode:
				ops[n.op] = true
			case *spanNode:
				ops[n.op] = true
			}
		}
		walk(r.root)
	}
	for _, f := range fields {
		if !used[f.name()] {
			t.Errorf("no match case uses %s", f.name())
		}
		zh := false
		for _, c := range matchCases {
			if strings.Contains(c.rule, f.zhName()) {
				zh = true
			}
		}
		if !zh {
			t.Errorf("no match case spells %s in Chinese (%s)", f.name(), f.zhName())
		}
	}
	for o := opGE; o <= opNE; o++ {
		if !ops[o] {
			t.Errorf("no match case compares with %s", o)
		}
	}
}

func TestMatchBoundaries(t *testing.T) {
	day := func(s string) domain.Date { return domain.MustDate(s) }
	cases := []struct {
		rule  string
		facts Facts
		day   domain.Date
		want  bool
	}{
		// Money is exact to the fen.
		{"spend_365d >= 199.50", Facts{Spend365: 19950}, today, true},
		{"spend_365d >= 199.51", Facts{Spend365: 19950}, today, false},
		{"spend_365d < -1", Facts{Spend365: -101}, today, true},
		{"spend_365d < -1", Facts{Spend365: -100}, today, false},
		{"total_spend = 0.05", Facts{TotalSpend: 5}, today, true},
		// Days: today counts 0.
		{"last_contact = 0d", Facts{LastContact: today}, today, true},
		{"last_contact < 1d", Facts{LastContact: today.AddDays(-1)}, today, false},
		{"last_contact <= 1d", Facts{LastContact: today.AddDays(-1)}, today, true},
		{"last_purchase > 30d", Facts{LastPurchase: today.AddDays(-30)}, today, false},
		{"last_purchase > 30d", Facts{LastPurchase: today.AddDays(-31)}, today, true},
		{"last_purchase > 1m", Facts{LastPurchase: today.AddDays(-31)}, today, true},
		{"last_purchase > 1y", Facts{LastPurchase: today.AddDays(-365)}, today, false},
		{"last_purchase > 1y", Facts{LastPurchase: today.AddDays(-366)}, today, true},
		// A missing date is infinitely long ago.
		{"last_purchase > 36600d", Facts{}, today, true},
		{"last_purchase >= 0d", Facts{}, today, true},
		{"last_purchase != 5d", Facts{}, today, true},
		{"last_purchase < 36600d", Facts{}, today, false},
		{"last_purchase <= 36600d", Facts{}, today, false},
		{"last_purchase = 0d", Facts{}, today, false},
		{"created < 7d", Facts{}, today, false},
		{"created > 7d", Facts{}, today, true},
		// Windows include today and today + N.
		{"birthday today", Facts{KeyDates: []domain.KeyDate{solar(domain.KindBirthday, 11, 22)}}, today, true},
		{"birthday in next 0 days", Facts{KeyDates: []domain.KeyDate{solar(domain.KindBirthday, 11, 22)}}, today, true},
		{"birthday in next 1 day", Facts{KeyDates: []domain.KeyDate{solar(domain.KindBirthday, 11, 23)}}, today, true},
		{"birthday today", Facts{KeyDates: []domain.KeyDate{solar(domain.KindBirthday, 11, 21)}}, today, false},
		{"birthday in next 366 days", Facts{KeyDates: []domain.KeyDate{solar(domain.KindBirthday, 11, 21)}}, today, true},
		{"birthday in next 363 days", Facts{KeyDates: []domain.KeyDate{solar(domain.KindBirthday, 11, 21)}}, today, false},
		// An anniversary is not a birthday and the other way round.
		{"birthday in next 30 days", Facts{KeyDates: []domain.KeyDate{solar(domain.KindAnniversary, 11, 25)}}, today, false},
		{"anniversary in next 30 days", Facts{KeyDates: []domain.KeyDate{solar(domain.KindBirthday, 11, 25)}}, today, false},
		{"birthday in next 30 days", Facts{}, today, false},
		// Across the new year.
		{"birthday in next 10 days", Facts{KeyDates: []domain.KeyDate{solar(domain.KindBirthday, 1, 3)}}, day("2026-12-25"), true},
		// 29 February is kept on 28 February in common years.
		{"birthday in next 3 days", Facts{KeyDates: []domain.KeyDate{solar(domain.KindBirthday, 2, 29)}}, day("2027-02-25"), true},
		{"birthday in next 2 days", Facts{KeyDates: []domain.KeyDate{solar(domain.KindBirthday, 2, 29)}}, day("2027-02-25"), false},
		{"birthday today", Facts{KeyDates: []domain.KeyDate{solar(domain.KindBirthday, 2, 29)}}, day("2028-02-29"), true},
		// Lunar: 十一月廿四 is 2027-01-01; 腊月初一 of lunar 2026 is 2027-01-08, seen from January.
		{"birthday in next 40 days", Facts{KeyDates: []domain.KeyDate{lunarKD(11, 24, false)}}, today, true},
		{"birthday in next 39 days", Facts{KeyDates: []domain.KeyDate{lunarKD(11, 24, false)}}, today, false},
		{"生日 7天内", Facts{KeyDates: []domain.KeyDate{lunarKD(12, 1, false)}}, day("2027-01-02"), true},
		// Counts and flags at zero.
		{"has_open_case", Facts{OpenCases: 0}, today, false},
		{"has_open_case", Facts{OpenCases: 3}, today, true},
		{"open_cases > 2", Facts{OpenCases: 3}, today, true},
		// Text ignores case and the owner's surrounding spaces, not inner text.
		{"owner:wang", Facts{OwnerName: " Wang "}, today, true},
		{"owner:wang", Facts{OwnerName: "Wang Fang"}, today, false},
		{"tag:vip", Facts{Tags: []string{"x", "Vip"}}, today, true},
		{"tag:vip", Facts{}, today, false},
		// Enumerated fields that are not set.
		{"class:prospect", Facts{}, today, false},
		{"gender:unknown", Facts{}, today, true},
	}
	for _, c := range cases {
		r := MustParse(c.rule)
		if got := r.Match(&c.facts, c.day); got != c.want {
			t.Errorf("%q on %s: %v, want %v (facts %+v)", c.rule, c.day, got, c.want, c.facts)
		}
	}
}

func solar(k domain.KeyDateKind, m, d int) domain.KeyDate {
	return domain.KeyDate{Kind: k, Label: "x", Calendar: domain.Solar, Month: m, Day: d}
}

func lunarKD(m, d int, leap bool) domain.KeyDate {
	return domain.KeyDate{Kind: domain.KindBirthday, Calendar: domain.Lunar, Month: m, Day: d, Leap: leap}
}

// The fixtures say B's lunar birthday is in 5 days; check that against the
// domain so that the table tests what it claims.
func TestFixtureLunarBirthday(t *testing.T) {
	next, ok := fixtures()[1].KeyDates[0].NextOccurrence(today)
	if !ok || next != domain.MustDate("2026-11-27") {
		t.Fatalf("B's lunar birthday is next kept on %s, the table assumes 2026-11-27", next)
	}
}

// keptWithin must agree with domain.KeyDate.NextOccurrence for every kind of
// key date: solar, lunar, 29 February, lunar day 30, leap months.
func TestWindowAgreesWithNextOccurrence(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	start := domain.MustDate("2020-01-01")
	for range 20000 {
		k := domain.KeyDate{Kind: domain.KindBirthday, Calendar: domain.Solar, Month: 1 + rng.IntN(12), Day: 1 + rng.IntN(31)}
		if rng.IntN(2) == 0 {
			k.Calendar, k.Day, k.Leap = domain.Lunar, 1+rng.IntN(30), rng.IntN(6) == 0
		}
		if rng.IntN(20) == 0 {
			k.Month, k.Day = 2, 29
		}
		if k.Validate() != nil {
			continue
		}
		from := start.AddDays(rng.IntN(3650))
		n := rng.IntN(maxWindowDays + 1)
		next, ok := k.NextOccurrence(from)
		want := ok && !next.After(from.AddDays(n))
		if got := keptWithin(k, from, from.AddDays(n), from.Year(), from.AddDays(n).Year()); got != want {
			t.Fatalf("%s from %s within %d days: %v, NextOccurrence says %s %v", k, from, n, got, next, ok)
		}
	}
}

func TestFields(t *testing.T) {
	cases := map[string][]string{
		"tag:VIP and spend_365d >= 5000":                            {"tag", "spend_365d"},
		"生日 7天内 且 非不打扰 且 标签:VIP 且 标签:金卡":                            {"birthday", "dnc", "tag"},
		"(stage:dormant or class:loyal) and not last_contact < 30d": {"stage", "class", "last_contact"},
	}
	for src, want := range cases {
		if got := MustParse(src).Fields(); !slices.Equal(got, want) {
			t.Errorf("Fields(%q) = %v, want %v", src, got, want)
		}
	}
	if got := FieldNames(); len(got) != len(fields) || got[0] != "tag" || got[len(got)-1] != "anniversary" {
		t.Errorf("FieldNames() = %v", got)
	}
}

func TestCanonicalText(t *testing.T) {
	cases := []struct{ src, en, zh string }{
		{"tag:VIP and spend_365d >= 5000", "tag:VIP and spend_365d >= 5000", "标签:VIP 且 近一年消费 >= 5000"},
		{"标签：ＶＩＰ且近一年消费＞＝5千", "tag:VIP and spend_365d >= 5000", "标签:VIP 且 近一年消费 >= 5000"},
		{"7天内生日", "birthday in next 7 days", "生日 7天内"},
		{"birthday within 1 day", "birthday in next 1 day", "生日 1天内"},
		{"生日 当天", "birthday today", "生日 今天"},
		{"a_b", "", ""},
		{"not (tag:VIP or tag:\"new arrivals\") and !dnc", `not (tag:VIP or tag:"new arrivals") and not dnc`, `非(标签:VIP 或 标签:"new arrivals") 且 非不打扰`},
		{"((tag:a and (tag:b and tag:c)) or (tag:d or tag:e))", "tag:a and tag:b and tag:c or tag:d or tag:e", "标签:a 且 标签:b 且 标签:c 或 标签:d 或 标签:e"},
		{"tag:a and (tag:b or tag:c)", "tag:a and (tag:b or tag:c)", "标签:a 且 (标签:b 或 标签:c)"},
		{"not (tag:a and tag:b)", "not (tag:a and tag:b)", "非(标签:a 且 标签:b)"},
		{"stage != lost", "not stage:lost", "非阶段:流失"},
		{"dnc:no", "not dnc", "非不打扰"},
		{"dnc:yes", "dnc", "不打扰"},
		{"class:重要顾客、忠诚", "class:important,loyal", "类别:重要、忠实"},
		{"source:Face-To-Face", "source:face_to_face", "来源:面对面"},
		{"spend_365d >= ¥1,299.5", "spend_365d >= 1299.50", "近一年消费 >= 1299.50"},
		{"spend_365d >= 0.05", "spend_365d >= 0.05", "近一年消费 >= 0.05"},
		{"spend_365d < -12.3", "spend_365d < -12.30", "近一年消费 < -12.30"},
		{"total_spend >= 1.5万元", "total_spend >= 15000", "累计消费 >= 15000"},
		{"purchases >= 007次", "purchases >= 7", "购买次数 >= 7"},
		{"最近购买 > 2个月前", "last_purchase > 2m", "最近购买 > 2个月"},
		{"created < 3 weeks", "created < 3w", "建档 < 3周"},
		{"last_contact >= 1 year ago", "last_contact >= 1y", "最近联系 >= 1年"},
		{"last_contact <> 30", "last_contact != 30d", "最近联系 != 30天"},
		{`tag:"say \"hi\""`, `tag:"say \"hi\""`, `标签:"say \"hi\""`},
		{`tag:"and"`, `tag:"and"`, `标签:"and"`},
		{`tag:"(x)"`, `tag:"(x)"`, `标签:"(x)"`},
		{`tag:'a,b'`, `tag:"a,b"`, `标签:"a,b"`},
		{`tag:"或许"`, `tag:"或许"`, `标签:"或许"`},
		{`tag:「 x 」`, `tag:x`, `标签:x`},
		{`owner:"a\\b"`, `owner:a\b`, `导购:a\b`},
		{`owner:a\b`, `owner:a\b`, `导购:a\b`},
		{`tag:"a \\ b"`, `tag:"a \\ b"`, `标签:"a \\ b"`},
		{`tag:"(\\"`, `tag:"(\\"`, `标签:"(\\"`},
		{`tag:"x\＂y"`, `tag:"x\＂y"`, `标签:"x\＂y"`},
	}
	for _, c := range cases {
		r, err := Parse(c.src)
		if c.en == "" {
			if err == nil {
				t.Errorf("Parse(%q) = %s, want an error", c.src, r)
			}
			continue
		}
		if err != nil {
			t.Errorf("Parse(%q): %v", c.src, err)
			continue
		}
		if got := r.String(); got != c.en {
			t.Errorf("Parse(%q).String() = %q, want %q", c.src, got, c.en)
		}
		if got := r.Chinese(); got != c.zh {
			t.Errorf("Parse(%q).Chinese() = %q, want %q", c.src, got, c.zh)
		}
		if r.Text() != c.src {
			t.Errorf("Text() = %q, want %q", r.Text(), c.src)
		}
	}
}

// randomFacts makes customers that hit the edges of every field.
func randomFacts(rng *rand.Rand, n int) []Facts {
	tags := []string{"VIP", "vip", "金卡", "new arrivals", "a", "b", `say "hi"`, ""}
	pick := func(s []string) string { return s[rng.IntN(len(s))] }
	date := func() domain.Date {
		if rng.IntN(5) == 0 {
			return domain.Date{}
		}
		return today.AddDays(-rng.IntN(800))
	}
	out := make([]Facts, n)
	for i := range out {
		f := Facts{
			ID:            int64(i + 1),
			Class:         domain.Classes[rng.IntN(len(domain.Classes))],
			Stage:         domain.Stages[rng.IntN(len(domain.Stages))],
			Source:        domain.Source(pick([]string{"", "referral", "walk_in", "online", "face_to_face", "event", "other"})),
			OwnerName:     pick([]string{"王芳", "李娜", "", "Wang"}),
			StoreName:     pick([]string{"万达广场店", "万达 店", ""}),
			DoNotContact:  rng.IntN(4) == 0,
			Gender:        domain.Gender(pick([]string{"", "female", "male"})),
			ValueType:     domain.ValueType(pick([]string{"", "profit", "volume", "relationship", "strategic"})),
			PurchaseCount: rng.IntN(20),
			Spend365:      domain.Money(rng.IntN(2000000) - 10000),
			Count365:      rng.IntN(10),
			TotalSpend:    domain.Money(rng.IntN(5000000)),
			LastPurchase:  date(),
			LastContact:   date(),
			Created:       date(),
			OpenCases:     rng.IntN(3),
			Completeness:  rng.IntN(101),
		}
		for range rng.IntN(4) {
			f.Tags = append(f.Tags, pick(tags))
		}
		for range rng.IntN(3) {
			k := domain.KeyDate{Kind: domain.KindBirthday, Calendar: domain.Solar, Month: 1 + rng.IntN(12), Day: 1 + rng.IntN(28)}
			if rng.IntN(2) == 0 {
				k.Kind = domain.KindAnniversary
			}
			if rng.IntN(3) == 0 {
				k.Calendar = domain.Lunar
			}
			f.KeyDates = append(f.KeyDates, k)
		}
		out[i] = f
	}
	return out
}

// Parse(r.String()) and Parse(r.Chinese()) select the same customers as r,
// and the canonical text is a fixed point.
func TestStringRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	fs := append(fixtures(), randomFacts(rng, 300)...)
	days := []domain.Date{today, domain.MustDate("2027-02-25"), domain.MustDate("2026-01-10")}
	srcs := []string{}
	for _, c := range matchCases {
		srcs = append(srcs, c.rule)
	}
	for _, src := range srcs {
		r := MustParse(src)
		for _, text := range []string{r.String(), r.Chinese()} {
			r2, err := Parse(text)
			if err != nil {
				t.Errorf("%q: canonical %q does not parse: %v", src, text, err)
				continue
			}
			if r2.String() != r.String() {
				t.Errorf("%q: %q reads back as %q", src, text, r2.String())
			}
			for _, d := range days {
				for i := range fs {
					if r.Match(&fs[i], d) != r2.Match(&fs[i], d) {
						t.Errorf("%q and its canonical %q disagree on %+v at %s", src, text, fs[i], d)
						break
					}
				}
			}
		}
	}
}

func TestFactsOf(t *testing.T) {
	c := &domain.Customer{
		ID: 7, Tags: []string{"VIP"}, Source: domain.SourceEvent, Gender: domain.GenderMale,
		ValueType: domain.ValueVolume, CreatedOn: domain.MustDate("2025-01-01"),
		Contact:  domain.ContactPrefs{DoNotContact: true},
		KeyDates: []domain.KeyDate{solar(domain.KindBirthday, 11, 23)},
		Stats: domain.CustomerStats{
			PurchaseCount: 4, TotalSpend: 123400, LastPurchase: domain.MustDate("2026-10-01"),
			LastContact: domain.MustDate("2026-11-01"), Class: domain.ClassLoyal, Stage: domain.StageActive,
			RFM: domain.RFM{Frequency: 3, Monetary: 100000}, Completeness: 60,
		},
	}
	f := FactsOf(c)
	f.OwnerName = "王芳"
	r := MustParse("tag:VIP and source:event and gender:male and value:volume and dnc and purchases = 4 and " +
		"total_spend = 1234 and spend_365d = 1000 and purchases_365d = 3 and class:loyal and stage:active and " +
		"completeness = 60 and last_purchase = 52d and last_contact = 21d and created > 1y and birthday in next 1 day and owner:王芳")
	if !r.Match(&f, today) {
		t.Errorf("FactsOf lost something: %+v", f)
	}
}
