package domain

import (
	"slices"
	"testing"
)

func TestCompleteness(t *testing.T) {
	all := []ProfileField{FieldBirthday, FieldWeChat, FieldPhone, FieldPreferences, FieldDirectNeeds,
		FieldPotentialNeeds, FieldRecentFocus, FieldAnniversary, FieldGender, FieldSource}
	full := validCustomer()
	cases := []struct {
		name    string
		c       *Customer
		pct     int
		missing []ProfileField
	}{
		{"Empty", &Customer{}, 0, all},
		{"Full", full, 100, nil},
		{"BirthdayWeChatPhone", &Customer{
			KeyDates: []KeyDate{{Kind: KindBirthday, Calendar: Solar, Month: 1, Day: 1}},
			WeChat:   "wx", Phones: []string{"13800138000"},
		}, 30, all[3:]},
		{"AnniversaryIsNotBirthday", &Customer{
			KeyDates: []KeyDate{{Kind: KindAnniversary, Label: "wedding", Calendar: Solar, Month: 1, Day: 1}},
		}, 10, []ProfileField{FieldBirthday, FieldWeChat, FieldPhone, FieldPreferences, FieldDirectNeeds,
			FieldPotentialNeeds, FieldRecentFocus, FieldGender, FieldSource}},
		{"BlankTextsDoNotCount", &Customer{DirectNeeds: " ", PotentialNeeds: "\n", RecentFocus: "\t", Preferences: Preferences{Other: " "}}, 0, all},
		{"PreferenceListCounts", &Customer{Preferences: Preferences{Sizes: []string{"L"}}, Gender: GenderMale, Source: SourceWalkIn}, 30,
			[]ProfileField{FieldBirthday, FieldWeChat, FieldPhone, FieldDirectNeeds, FieldPotentialNeeds, FieldRecentFocus, FieldAnniversary}},
		{"NinetyPercent", func() *Customer { c := validCustomer(); c.Source = ""; return c }(), 90, []ProfileField{FieldSource}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			pct, missing := Completeness(tc.c)
			if pct != tc.pct {
				t.Errorf("percent = %d, want %d", pct, tc.pct)
			}
			if !slices.Equal(missing, tc.missing) {
				t.Errorf("missing = %v, want %v", missing, tc.missing)
			}
		})
	}
}

func TestProfileFields_Order(t *testing.T) {
	want := []ProfileField{"birthday", "wechat", "phone", "preferences", "direct_needs",
		"potential_needs", "recent_focus", "anniversary", "gender", "source"}
	if !slices.Equal(ProfileFields, want) {
		t.Errorf("ProfileFields = %v, want %v", ProfileFields, want)
	}
}
