package domain

import (
	"fmt"
	"slices"
	"testing"
)

// validCustomer returns a customer with every layer filled in correctly.
func validCustomer() *Customer {
	return &Customer{
		ID:         7,
		ExternalID: "POS-0007",
		Name:       "王芳",
		Remark:     "王姐(老客)",
		Salutation: "王姐",
		Phones:     []string{"13800138000", "+8613900139000", "02112345678"},
		WeChat:     "wang_fang-88",
		Gender:     GenderFemale,
		Source:     SourceReferral,
		ReferrerID: 3,
		OwnerID:    1,
		StoreID:    1,
		CreatedOn:  MustDate("2025-03-08"),
		KeyDates: []KeyDate{
			{Kind: KindBirthday, Calendar: Lunar, Year: 1985, Month: 8, Day: 15},
			{Kind: KindAnniversary, Label: "结婚纪念日", Calendar: Solar, Year: 2010, Month: 5, Day: 20},
		},
		DirectNeeds:    "冬季羊绒大衣",
		PotentialNeeds: "给女儿买礼物\n预算 3000",
		Preferences:    Preferences{Sizes: []string{"M"}, Colors: []string{"驼色"}, Brands: []string{"ABC"}, Categories: []string{"外套"}, Other: "不喜欢亮片"},
		RecentFocus:    "围巾",
		Description:    "周末常来,喜欢试新款。\t性格爽快",
		Tags:           []string{"VIP", "老客户"},
		Contact:        ContactPrefs{Preferred: ChannelWeChat, AvoidHours: "12:00-14:00, 21:30-09:00"},
		MAN:            MAN{Money: Yes, Authority: No, Need: Unknown},
		ValueType:      ValueProfit,
	}
}

func TestCustomer_Validate_ValidPasses(t *testing.T) {
	expectValid(t, validCustomer().Validate())
	expectValid(t, (&Customer{Name: "李四"}).Validate())
}

func TestCustomer_Validate(t *testing.T) {
	sixPhones := []string{"13800000001", "13800000002", "13800000003", "13800000004", "13800000005", "13800000006"}
	var manyTags []string
	for i := 0; i <= MaxTags; i++ {
		manyTags = append(manyTags, fmt.Sprintf("t%d", i))
	}
	cases := []struct {
		name   string
		mutate func(c *Customer)
		field  string
		code   ErrorCode
	}{
		{"NameRequired", func(c *Customer) { c.Name = "" }, "name", CodeRequired},
		{"NameBlankIsRequired", func(c *Customer) { c.Name = "  \u3000" }, "name", CodeRequired},
		{"NameTooLong", func(c *Customer) { c.Name = repeatText("王", MaxNameRunes+1) }, "name", CodeTooLong},
		{"NameControlChars", func(c *Customer) { c.Name = "王\x1b[2J芳" }, "name", CodeInvalid},
		{"NameNewline", func(c *Customer) { c.Name = "王\n芳" }, "name", CodeInvalid},
		{"RemarkTooLong", func(c *Customer) { c.Remark = repeatText("a", MaxNameRunes+1) }, "remark", CodeTooLong},
		{"SalutationControlChars", func(c *Customer) { c.Salutation = "王\x00姐" }, "salutation", CodeInvalid},
		{"ExternalIDTooLong", func(c *Customer) { c.ExternalID = repeatText("x", MaxShortRunes+1) }, "external_id", CodeTooLong},
		{"PhoneWithLetters", func(c *Customer) { c.Phones = []string{"13800138000", "1380013800x"} }, "phones[1]", CodeInvalid},
		{"PhoneTooShort", func(c *Customer) { c.Phones = []string{"1234"} }, "phones[0]", CodeInvalid},
		{"MobileNotStartingWith1", func(c *Customer) { c.Phones = []string{"23800138000"} }, "phones[0]", CodeInvalid},
		{"MoreThanFivePhones", func(c *Customer) { c.Phones = sixPhones }, "phones", CodeOutOfRange},
		{"WeChatWithSpace", func(c *Customer) { c.WeChat = "wang fang" }, "wechat", CodeInvalid},
		{"WeChatTooLong", func(c *Customer) { c.WeChat = repeatText("w", 41) }, "wechat", CodeInvalid},
		{"GenderUnknown", func(c *Customer) { c.Gender = "f" }, "gender", CodeUnknown},
		{"SourceUnknown", func(c *Customer) { c.Source = "tv" }, "source", CodeUnknown},
		{"ValueTypeUnknown", func(c *Customer) { c.ValueType = "gold" }, "value_type", CodeUnknown},
		{"PreferredChannelUnknown", func(c *Customer) { c.Contact.Preferred = "fax" }, "contact.preferred", CodeUnknown},
		{"AvoidHoursNoMinutes", func(c *Customer) { c.Contact.AvoidHours = "12-14" }, "contact.avoid_hours", CodeInvalid},
		{"AvoidHoursEndHour24", func(c *Customer) { c.Contact.AvoidHours = "12:00-24:00" }, "contact.avoid_hours", CodeInvalid},
		{"AvoidHoursStartHour24", func(c *Customer) { c.Contact.AvoidHours = "24:00-01:00" }, "contact.avoid_hours", CodeInvalid},
		{"AvoidHoursSingleTime", func(c *Customer) { c.Contact.AvoidHours = "12:00" }, "contact.avoid_hours", CodeInvalid},
		{"AvoidHoursSecondSpanBad", func(c *Customer) { c.Contact.AvoidHours = "12:00-14:00,9:00-10:00" }, "contact.avoid_hours", CodeInvalid},
		{"AvoidHoursMinute60", func(c *Customer) { c.Contact.AvoidHours = "12:60-14:00" }, "contact.avoid_hours", CodeInvalid},
		{"TwoBirthdays", func(c *Customer) {
			c.KeyDates = append(c.KeyDates, KeyDate{Kind: KindBirthday, Calendar: Solar, Month: 1, Day: 2})
		}, "key_dates", CodeConflict},
		{"ReferrerIsSelf", func(c *Customer) { c.ReferrerID = c.ID }, "referrer_id", CodeConflict},
		{"NegativeOwner", func(c *Customer) { c.OwnerID = -1 }, "id", CodeInvalid},
		{"KeyDateMonth13", func(c *Customer) { c.KeyDates[0] = KeyDate{Kind: KindBirthday, Calendar: Solar, Month: 13, Day: 1} }, "key_dates[0].month", CodeOutOfRange},
		{"KeyDateAnniversaryWithoutLabel", func(c *Customer) { c.KeyDates[1].Label = " " }, "key_dates[1].label", CodeRequired},
		{"KeyDateLunarDoesNotExist", func(c *Customer) {
			c.KeyDates[0] = KeyDate{Kind: KindBirthday, Calendar: Lunar, Year: 2024, Month: 2, Day: 15, Leap: true}
		}, "key_dates[0].day", CodeInvalid},
		{"DirectNeedsTooLong", func(c *Customer) { c.DirectNeeds = repeatText("需", MaxNoteRunes+1) }, "direct_needs", CodeTooLong},
		{"DescriptionEscape", func(c *Customer) { c.Description = "ok\x1b]0;x\x07" }, "description", CodeInvalid},
		{"PreferenceItemTooLong", func(c *Customer) { c.Preferences.Colors = []string{repeatText("红", MaxShortRunes+1)} }, "preferences", CodeTooLong},
		{"PreferencesOtherControl", func(c *Customer) { c.Preferences.Other = "\x07" }, "preferences.other", CodeInvalid},
		{"TagWithComma", func(c *Customer) { c.Tags = []string{"VIP", "a,b"} }, "tags[1]", CodeInvalid},
		{"TagWithFullWidthComma", func(c *Customer) { c.Tags = []string{"a，b"} }, "tags[0]", CodeInvalid},
		{"TagTooLong", func(c *Customer) { c.Tags = []string{repeatText("标", MaxTagRunes+1)} }, "tags[0]", CodeInvalid},
		{"MoreThan50Tags", func(c *Customer) { c.Tags = manyTags }, "tags", CodeOutOfRange},
		{"MANOutOfRange", func(c *Customer) { c.MAN.Need = 2 }, "man", CodeInvalid},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := validCustomer()
			tc.mutate(c)
			expectOnlyProblem(t, c.Validate(), tc.field, tc.code)
		})
	}
}

func TestCustomer_Validate_Limits(t *testing.T) {
	cases := []struct {
		name   string
		mutate func(c *Customer)
	}{
		{"NameAtMax", func(c *Customer) { c.Name = repeatText("王", MaxNameRunes) }},
		{"FivePhones", func(c *Customer) {
			c.Phones = []string{"13800000001", "13800000002", "13800000003", "13800000004", "13800000005"}
		}},
		{"TagAtMax", func(c *Customer) { c.Tags = []string{repeatText("标", MaxTagRunes)} }},
		{"WeChatAt40", func(c *Customer) { c.WeChat = repeatText("w", 40) }},
		{"NotesKeepLineBreaksAndTabs", func(c *Customer) { c.DirectNeeds = "a\nb\tc" }},
		{"AvoidHoursMidnightSpan", func(c *Customer) { c.Contact.AvoidHours = "23:59-00:00" }},
		{"NoReferrerOnNewCustomer", func(c *Customer) { c.ID = 0; c.ReferrerID = 0 }},
		{"ReferrerOnUnsavedCustomer", func(c *Customer) { c.ID = 0; c.ReferrerID = 5 }},
		{"LunarDay30WithoutYear", func(c *Customer) {
			c.KeyDates[0] = KeyDate{Kind: KindBirthday, Calendar: Lunar, Month: 12, Day: 30}
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := validCustomer()
			tc.mutate(c)
			expectValid(t, c.Validate())
		})
	}
}

func TestCustomer_Validate_ReportsEveryProblem(t *testing.T) {
	c := &Customer{Name: "", Gender: "x", Source: "y", WeChat: "a b"}
	err := c.Validate()
	expectProblem(t, err, "name", CodeRequired)
	expectProblem(t, err, "gender", CodeUnknown)
	expectProblem(t, err, "source", CodeUnknown)
	if fe := expectProblem(t, err, "wechat", CodeInvalid); fe != nil && (fe.Entity != "customer" || fe.Value != "a b") {
		t.Errorf("wechat problem = %+v, want entity customer and value \"a b\"", fe)
	}
}

func TestCustomer_Validate_KeyDateProblemIsRenamed(t *testing.T) {
	c := validCustomer()
	c.KeyDates[0] = KeyDate{Kind: KindBirthday, Calendar: Solar, Month: 13, Day: 1}
	fe := expectProblem(t, c.Validate(), "key_dates[0].month", CodeOutOfRange)
	if fe != nil && fe.Path() != "customer.key_dates[0].month" {
		t.Errorf("Path = %q, want customer.key_dates[0].month", fe.Path())
	}
}

func TestCustomer_Normalize(t *testing.T) {
	c := &Customer{
		Name:       "  王芳 ",
		Remark:     " 王姐 ",
		Salutation: "\t王姐",
		WeChat:     " wf88 ",
		ExternalID: " P-1 ",
		Phones: []string{
			"138 0013 8000",
			"138-0013-8000",     // same number: dropped
			"１３９００１３９０００",       // full-width digits
			"+86 139 0013 9000", // the +86 form is kept as it is typed (a different string)
			"  ",                // empty after normalising: dropped
			"(021) 1234.5678",
		},
		Tags: []string{" VIP ", "vip", "", "老客户", "Vip", "老客户 ", "新品"},
	}
	c.Normalize()
	if c.Name != "王芳" || c.Remark != "王姐" || c.Salutation != "王姐" || c.WeChat != "wf88" || c.ExternalID != "P-1" {
		t.Errorf("texts not trimmed: %q %q %q %q %q", c.Name, c.Remark, c.Salutation, c.WeChat, c.ExternalID)
	}
	wantPhones := []string{"13800138000", "13900139000", "+8613900139000", "02112345678"}
	if !slices.Equal(c.Phones, wantPhones) {
		t.Errorf("Phones = %q, want %q", c.Phones, wantPhones)
	}
	wantTags := []string{"VIP", "老客户", "新品"}
	if !slices.Equal(c.Tags, wantTags) {
		t.Errorf("Tags = %q, want %q", c.Tags, wantTags)
	}
	expectValid(t, c.Validate())
}

func TestCustomer_Normalize_NilSlices(t *testing.T) {
	c := &Customer{Name: "李"}
	c.Normalize()
	if len(c.Phones) != 0 || len(c.Tags) != 0 {
		t.Errorf("Phones %q, Tags %q; want none", c.Phones, c.Tags)
	}
}

func TestNormalizeTags(t *testing.T) {
	cases := []struct {
		name string
		in   []string
		want []string
	}{
		{"Nil", nil, []string{}},
		{"Trimmed", []string{" a ", "b"}, []string{"a", "b"}},
		{"EmptyDropped", []string{"", "  ", "a"}, []string{"a"}},
		{"CaseInsensitiveDuplicatesKeepFirst", []string{"Vip", "VIP", "vip"}, []string{"Vip"}},
		{"OrderKept", []string{"c", "a", "b", "A"}, []string{"c", "a", "b"}},
		{"ChineseDuplicates", []string{"老客户", " 老客户"}, []string{"老客户"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := NormalizeTags(tc.in); !slices.Equal(got, tc.want) {
				t.Errorf("NormalizeTags(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestCustomer_DisplayName(t *testing.T) {
	cases := []struct {
		name, full, remark, want string
	}{
		{"RemarkWins", "王芳", "王姐", "王姐"},
		{"NoRemark", "王芳", "", "王芳"},
		{"BlankRemark", "王芳", "   ", "王芳"},
		{"RemarkTrimmed", "王芳", " 芳姐 ", "芳姐"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := &Customer{Name: tc.full, Remark: tc.remark}
			if got := c.DisplayName(); got != tc.want {
				t.Errorf("DisplayName = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestCustomer_Phone(t *testing.T) {
	if got := (&Customer{}).Phone(); got != "" {
		t.Errorf("no phones: %q", got)
	}
	if got := (&Customer{Phones: []string{"13800138000", "13900139000"}}).Phone(); got != "13800138000" {
		t.Errorf("Phone = %q, want the first", got)
	}
}

func TestCustomer_HasTag(t *testing.T) {
	c := &Customer{Tags: []string{"VIP", "老客户"}}
	cases := []struct {
		tag  string
		want bool
	}{
		{"VIP", true},
		{"vip", true},
		{"老客户", true},
		{"老", false},
		{"", false},
		{"VIP ", false},
	}
	for _, tc := range cases {
		t.Run(tc.tag, func(t *testing.T) {
			if got := c.HasTag(tc.tag); got != tc.want {
				t.Errorf("HasTag(%q) = %v, want %v", tc.tag, got, tc.want)
			}
		})
	}
}

func TestCustomer_Birthday(t *testing.T) {
	bday := KeyDate{Kind: KindBirthday, Calendar: Lunar, Month: 8, Day: 15}
	anniv := KeyDate{Kind: KindAnniversary, Label: "wedding", Calendar: Solar, Month: 5, Day: 20}
	cases := []struct {
		name   string
		dates  []KeyDate
		want   KeyDate
		wantOK bool
	}{
		{"None", nil, KeyDate{}, false},
		{"OnlyAnniversary", []KeyDate{anniv}, KeyDate{}, false},
		{"AfterAnniversary", []KeyDate{anniv, bday}, bday, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := &Customer{KeyDates: tc.dates}
			got, ok := c.Birthday()
			if got != tc.want || ok != tc.wantOK {
				t.Errorf("Birthday = %+v, %v; want %+v, %v", got, ok, tc.want, tc.wantOK)
			}
		})
	}
}

func TestPreferences_IsEmpty(t *testing.T) {
	cases := []struct {
		name string
		p    Preferences
		want bool
	}{
		{"Zero", Preferences{}, true},
		{"BlankOther", Preferences{Other: "  "}, true},
		{"Size", Preferences{Sizes: []string{"M"}}, false},
		{"Colour", Preferences{Colors: []string{"红"}}, false},
		{"Brand", Preferences{Brands: []string{"A"}}, false},
		{"Category", Preferences{Categories: []string{"鞋"}}, false},
		{"Other", Preferences{Other: "素色"}, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.p.IsEmpty(); got != tc.want {
				t.Errorf("IsEmpty = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestNormalizePhone(t *testing.T) {
	cases := []struct {
		name, in, want string
	}{
		{"Plain", "13800138000", "13800138000"},
		{"Spaces", " 138 0013 8000 ", "13800138000"},
		{"Dashes", "138-0013-8000", "13800138000"},
		{"Dots", "138.0013.8000", "13800138000"},
		{"Brackets", "(021)12345678", "02112345678"},
		{"FullWidthBrackets", "（021）12345678", "02112345678"},
		{"IdeographicSpace", "138\u30000013\u30008000", "13800138000"},
		{"FullWidthDigits", "１３８００１３８０００", "13800138000"},
		{"PlusKept", "+86 138 0013 8000", "+8613800138000"},
		{"FullWidthPlus", "＋86 13800138000", "+8613800138000"},
		{"InnerPlusKept", "86+138", "86+138"},
		{"LettersKeptForValidation", "138abc", "138abc"},
		{"Empty", "", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := NormalizePhone(tc.in); got != tc.want {
				t.Errorf("NormalizePhone(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// TestNormalizePhone_FullWidthPlusAfterBracket: Chinese input methods give
// "（＋86）138…"; the ASCII form "(+86) 138…" normalises to "+86138…" because
// the default branch keeps '+', but the full-width plus is only converted at
// byte 0, so it survives and the number is refused.
func TestNormalizePhone_FullWidthPlusAfterBracket(t *testing.T) {
	if got := NormalizePhone("（＋86）13800138000"); got != "+8613800138000" {
		t.Errorf("got %q, want +8613800138000", got)
	}
}

func TestValidatePhone(t *testing.T) {
	cases := []struct {
		name  string
		in    string
		valid bool
	}{
		{"Mobile", "13800138000", true},
		{"Landline11DigitsWith0", "02112345678", true},
		{"International", "+8613800138000", true},
		{"InternationalNot1", "+4420123456789", true},
		{"FiveDigits", "12345", true},
		{"TwentyDigits", repeatText("1", 20), true},
		{"FourDigits", "1234", false},
		{"TwentyOneDigits", repeatText("1", 21), false},
		{"Empty", "", false},
		{"OnlyPlus", "+", false},
		{"Letters", "1380013800a", false},
		{"NotNormalised", "138 0013 8000", false},
		{"FullWidthDigits", "１３８００１３８０００", false},
		{"ElevenDigitsNotStartingWith1", "23800138000", false},
		{"DoublePlus", "++8613800138000", false},
		{"TenDigitsAnyStart", "2380013800", true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := ValidatePhone(tc.in)
			if (err == nil) != tc.valid {
				t.Errorf("ValidatePhone(%q) = %v, want valid=%v", tc.in, err, tc.valid)
			}
		})
	}
}

func TestValidateWeChat(t *testing.T) {
	cases := []struct {
		name  string
		in    string
		valid bool
	}{
		{"ID", "wxid_abc123", true},
		{"PhoneAsID", "13800138000", true},
		{"Chinese", "王芳", true},
		{"FortyChars", repeatText("a", 40), true},
		{"FortyChineseChars", repeatText("王", 40), true},
		{"FortyOneChars", repeatText("a", 41), false},
		{"Space", "wang fang", false},
		{"IdeographicSpace", "wang\u3000fang", false},
		{"Tab", "wang\tfang", false},
		{"Control", "wang\x00", false},
		{"Escape", "\x1b[31m", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := ValidateWeChat(tc.in)
			if (err == nil) != tc.valid {
				t.Errorf("ValidateWeChat(%q) = %v, want valid=%v", tc.in, err, tc.valid)
			}
		})
	}
}

func TestValidateTag(t *testing.T) {
	cases := []struct {
		name  string
		in    string
		valid bool
	}{
		{"Latin", "VIP", true},
		{"Chinese", "老客户", true},
		{"InnerSpace", "big spender", true},
		{"ThirtyRunes", repeatText("标", 30), true},
		{"ThirtyOneRunes", repeatText("标", 31), false},
		{"Empty", "", false},
		{"Blank", "  ", false},
		{"Comma", "a,b", false},
		{"FullWidthComma", "a，b", false},
		{"Tab", "a\tb", false},
		{"Newline", "a\nb", false},
		{"Escape", "\x1b[2J", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := ValidateTag(tc.in)
			if (err == nil) != tc.valid {
				t.Errorf("ValidateTag(%q) = %v, want valid=%v", tc.in, err, tc.valid)
			}
		})
	}
}

// FuzzNormalizePhone: NormalizePhone never panics, and a number it produces
// that ValidatePhone accepts is already normal (normalising again is a no-op).
func FuzzNormalizePhone(f *testing.F) {
	for _, s := range []string{"138 0013 8000", "+86 138-0013-8000", "１３８００１３８０００", "（021）1234 5678", "＋86 13800138000", "a+b", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := NormalizePhone(s)
		if ValidatePhone(n) != nil {
			return
		}
		if again := NormalizePhone(n); again != n {
			t.Errorf("NormalizePhone(%q) = %q, a valid number, but normalising it again gives %q", s, n, again)
		}
	})
}
