package rules

import (
	"strings"
	"unicode/utf8"

	"github.com/crmtui/crmtui/domain"
)

// kind says how a field is written in a condition and what it compares.
type kind uint8

const (
	kText    kind = iota // tag:VIP, owner:王芳 — free text, compared case-insensitively
	kEnum                // class:loyal — one of a fixed list of values
	kBool                // dnc — true or false
	kMoney               // spend_365d >= 5000 — an amount in currency units
	kCount               // purchases >= 3 — a whole number
	kPercent             // completeness >= 80 — a whole number of percent
	kSpan                // last_purchase > 30d — days since a date
	kWindow              // birthday in next 7 days — a key date coming up
)

// fieldID names the fields; Facts.get* switch on it.
type fieldID uint8

const (
	fTag fieldID = iota
	fClass
	fStage
	fSource
	fOwner
	fStore
	fGender
	fValue
	fDNC
	fHasOpenCase
	fOpenCases
	fSpend365
	fPurchases365
	fPurchases
	fTotalSpend
	fCompleteness
	fLastPurchase
	fLastContact
	fCreated
	fBirthday
	fAnniversary
)

// field describes one field of the language. The first spelling of en and zh
// is the canonical one, written by Rule.String and Rule.Chinese.
type field struct {
	id     fieldID
	en     []string // English spellings, lower case
	zh     []string // Chinese spellings
	kind   kind
	values []enumValue // the allowed values of a kEnum field
	what   string      // the value's name in messages: "class", "stage"
}

func (f *field) name() string   { return f.en[0] }
func (f *field) zhName() string { return f.zh[0] }

// enumValue is one allowed value of an enumerated field.
type enumValue struct {
	value string   // what Facts holds ("" for unset), and the canonical English spelling unless en says otherwise
	en    []string // English spellings, normalised (lower case, _ for spaces and dashes)
	zh    []string // Chinese spellings; the first is canonical
}

func (v enumValue) name() string { return v.en[0] }

// fields lists every field in documentation order.
var fields = []*field{
	{id: fTag, en: []string{"tag", "tags"}, zh: []string{"标签", "分组标签"}, kind: kText},
	{id: fClass, en: []string{"class"}, zh: []string{"类别", "分类", "顾客类别"}, kind: kEnum, what: "class", values: []enumValue{
		{value: string(domain.ClassImportant), en: []string{"important"}, zh: []string{"重要", "重要顾客", "重要客户"}},
		{value: string(domain.ClassLoyal), en: []string{"loyal"}, zh: []string{"忠实", "忠实顾客", "忠实客户", "忠诚", "忠诚顾客"}},
		{value: string(domain.ClassRepeat), en: []string{"repeat"}, zh: []string{"回购", "回购顾客", "复购", "复购顾客"}},
		{value: string(domain.ClassNew), en: []string{"new"}, zh: []string{"新", "新顾客", "新客", "新客户"}},
		{value: string(domain.ClassProspect), en: []string{"prospect"}, zh: []string{"潜在", "潜在顾客", "潜在客户"}},
	}},
	{id: fStage, en: []string{"stage"}, zh: []string{"阶段", "生命周期"}, kind: kEnum, what: "stage", values: []enumValue{
		{value: string(domain.StageProspect), en: []string{"prospect"}, zh: []string{"潜在", "潜客"}},
		{value: string(domain.StageNew), en: []string{"new"}, zh: []string{"新", "新客"}},
		{value: string(domain.StageActive), en: []string{"active"}, zh: []string{"活跃"}},
		{value: string(domain.StageDormant), en: []string{"dormant"}, zh: []string{"沉睡", "休眠"}},
		{value: string(domain.StageLost), en: []string{"lost"}, zh: []string{"流失"}},
	}},
	{id: fSource, en: []string{"source"}, zh: []string{"来源"}, kind: kEnum, what: "source", values: []enumValue{
		{value: string(domain.SourceFaceToFace), en: []string{"face_to_face"}, zh: []string{"面对面", "当面"}},
		{value: string(domain.SourceReferral), en: []string{"referral"}, zh: []string{"转介绍", "介绍", "老顾客介绍", "朋友介绍", "推荐"}},
		{value: string(domain.SourceEvent), en: []string{"event"}, zh: []string{"活动"}},
		{value: string(domain.SourceOnline), en: []string{"online"}, zh: []string{"线上", "网上", "网络"}},
		{value: string(domain.SourceWalkIn), en: []string{"walk_in"}, zh: []string{"进店", "自然进店"}},
		{value: string(domain.SourceOther), en: []string{"other"}, zh: []string{"其他", "其它"}},
		{value: "", en: []string{"unknown", "none"}, zh: []string{"未填", "未知"}},
	}},
	{id: fOwner, en: []string{"owner", "salesperson"}, zh: []string{"导购", "负责人"}, kind: kText},
	{id: fStore, en: []string{"store"}, zh: []string{"门店"}, kind: kText},
	{id: fGender, en: []string{"gender", "sex"}, zh: []string{"性别"}, kind: kEnum, what: "gender", values: []enumValue{
		{value: string(domain.GenderFemale), en: []string{"female", "f"}, zh: []string{"女", "女性"}},
		{value: string(domain.GenderMale), en: []string{"male", "m"}, zh: []string{"男", "男性"}},
		{value: "", en: []string{"unknown", "none"}, zh: []string{"未填", "未知"}},
	}},
	{id: fValue, en: []string{"value", "value_type"}, zh: []string{"价值", "价值类型"}, kind: kEnum, what: "value type", values: []enumValue{
		{value: string(domain.ValueProfit), en: []string{"profit"}, zh: []string{"利润型", "利润"}},
		{value: string(domain.ValueVolume), en: []string{"volume"}, zh: []string{"销量型", "销量"}},
		{value: string(domain.ValueRelationship), en: []string{"relationship"}, zh: []string{"关系型", "关系"}},
		{value: string(domain.ValueStrategic), en: []string{"strategic"}, zh: []string{"战略型", "战略"}},
		{value: "", en: []string{"none", "unknown"}, zh: []string{"未填", "未知"}},
	}},
	{id: fDNC, en: []string{"dnc", "do_not_contact"}, zh: []string{"不打扰", "勿扰"}, kind: kBool},
	{id: fHasOpenCase, en: []string{"has_open_case", "open_case"}, zh: []string{"有未结服务单", "有服务单"}, kind: kBool},
	{id: fOpenCases, en: []string{"open_cases"}, zh: []string{"未结服务单数", "未结服务单"}, kind: kCount},
	{id: fSpend365, en: []string{"spend_365d"}, zh: []string{"近一年消费", "近一年消费额", "年消费"}, kind: kMoney},
	{id: fPurchases365, en: []string{"purchases_365d"}, zh: []string{"近一年购买次数", "近一年次数"}, kind: kCount},
	{id: fPurchases, en: []string{"purchases", "purchase_count"}, zh: []string{"购买次数", "累计购买次数"}, kind: kCount},
	{id: fTotalSpend, en: []string{"total_spend"}, zh: []string{"累计消费", "总消费"}, kind: kMoney},
	{id: fCompleteness, en: []string{"completeness"}, zh: []string{"资料完整度", "完整度"}, kind: kPercent},
	{id: fLastPurchase, en: []string{"last_purchase"}, zh: []string{"最近购买", "上次购买", "距上次购买"}, kind: kSpan},
	{id: fLastContact, en: []string{"last_contact"}, zh: []string{"最近联系", "上次联系", "距上次联系"}, kind: kSpan},
	{id: fCreated, en: []string{"created"}, zh: []string{"建档", "建档时间"}, kind: kSpan},
	{id: fBirthday, en: []string{"birthday"}, zh: []string{"生日"}, kind: kWindow},
	{id: fAnniversary, en: []string{"anniversary"}, zh: []string{"纪念日"}, kind: kWindow},
}

// byName finds a field by any spelling: English in lower case, Chinese as is.
var byName = func() map[string]*field {
	m := map[string]*field{}
	for _, f := range fields {
		for _, n := range f.en {
			m[n] = f
		}
		for _, n := range f.zh {
			m[n] = f
		}
	}
	return m
}()

// zhNames lists the Chinese spellings longest first, so that a field name
// written without a space before its operand (生日7天内) is found as a prefix.
var zhNames = func() [][]rune {
	var out [][]rune
	for _, f := range fields {
		for _, n := range f.zh {
			out = append(out, []rune(n))
		}
	}
	// Longest first: 近一年消费额 before 近一年消费.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && len(out[j]) > len(out[j-1]); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}()

// knownFields is the list shown when a field name is not known.
var knownFields = func() string {
	var b strings.Builder
	for i, f := range fields {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(f.name())
		b.WriteByte(' ')
		b.WriteString(f.zhName())
	}
	return b.String()
}()

// lookupValue finds an enumerated value by any spelling.
func (f *field) lookupValue(s string) (enumValue, bool) {
	n := normalizeEnum(s)
	for _, v := range f.values {
		for _, e := range v.en {
			if e == n {
				return v, true
			}
		}
		for _, z := range v.zh {
			if z == s {
				return v, true
			}
		}
	}
	return enumValue{}, false
}

// allowed lists a field's values for an error message: "important (重要), loyal (忠实) or prospect (潜在)".
func (f *field) allowed() string {
	var b strings.Builder
	for i, v := range f.values {
		switch {
		case i == len(f.values)-1:
			b.WriteString(" or ")
		case i > 0:
			b.WriteString(", ")
		}
		b.WriteString(v.name())
		b.WriteString(" (")
		b.WriteString(v.zh[0])
		b.WriteByte(')')
	}
	return b.String()
}

// normalizeEnum lower-cases an English value and writes spaces and dashes as
// underscores, so that "Face-to-face" and "walk in" are found.
func normalizeEnum(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 'A' && r <= 'Z':
			b.WriteRune(r + 'a' - 'A')
		case r == '-' || r == ' ':
			b.WriteByte('_')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isASCIIName reports whether a spelling is written in ASCII (and so needs a
// word boundary after it).
func isASCIIName(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
