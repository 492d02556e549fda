package domain

import "strings"

// ProfileField names a key field the completeness meter asks for.
type ProfileField string

// The fields that count for profile completeness (资料完整度), in the order
// they are worth asking for: what drives the agenda first (a birthday gives a
// greeting every year, WeChat a cheap channel), then what helps selling.
const (
	FieldBirthday       ProfileField = "birthday"
	FieldWeChat         ProfileField = "wechat"
	FieldPhone          ProfileField = "phone"
	FieldPreferences    ProfileField = "preferences"
	FieldDirectNeeds    ProfileField = "direct_needs"
	FieldPotentialNeeds ProfileField = "potential_needs"
	FieldRecentFocus    ProfileField = "recent_focus"
	FieldAnniversary    ProfileField = "anniversary"
	FieldGender         ProfileField = "gender"
	FieldSource         ProfileField = "source"
)

// ProfileFields lists the counted fields in asking order.
var ProfileFields = []ProfileField{FieldBirthday, FieldWeChat, FieldPhone, FieldPreferences, FieldDirectNeeds,
	FieldPotentialNeeds, FieldRecentFocus, FieldAnniversary, FieldGender, FieldSource}

// Completeness returns the share of key fields known, in percent, and the
// missing ones in the order worth asking for.
func Completeness(c *Customer) (int, []ProfileField) {
	has := map[ProfileField]bool{
		FieldWeChat:         c.WeChat != "",
		FieldPhone:          len(c.Phones) > 0,
		FieldPreferences:    !c.Preferences.IsEmpty(),
		FieldDirectNeeds:    strings.TrimSpace(c.DirectNeeds) != "",
		FieldPotentialNeeds: strings.TrimSpace(c.PotentialNeeds) != "",
		FieldRecentFocus:    strings.TrimSpace(c.RecentFocus) != "",
		FieldGender:         c.Gender != GenderUnknown,
		FieldSource:         c.Source != "",
	}
	for _, k := range c.KeyDates {
		switch k.Kind {
		case KindBirthday:
			has[FieldBirthday] = true
		case KindAnniversary:
			has[FieldAnniversary] = true
		}
	}
	var missing []ProfileField
	for _, f := range ProfileFields {
		if !has[f] {
			missing = append(missing, f)
		}
	}
	known := len(ProfileFields) - len(missing)
	return known * 100 / len(ProfileFields), missing
}
