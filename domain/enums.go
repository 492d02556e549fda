package domain

import "slices"

// Channel is how a salesperson reaches a customer. It is first-class on every
// contact because the material's "do online sales too" means knowing which
// channel works for whom.
type Channel string

// The contact channels of SPEC §3.
const (
	ChannelCall    Channel = "call"
	ChannelSMS     Channel = "sms"
	ChannelWeChat  Channel = "wechat"
	ChannelVisit   Channel = "visit"
	ChannelInStore Channel = "instore"
	ChannelEmail   Channel = "email"
	ChannelOther   Channel = "other"
)

// Channels lists every contact channel in display order.
var Channels = []Channel{ChannelCall, ChannelSMS, ChannelWeChat, ChannelVisit, ChannelInStore, ChannelEmail, ChannelOther}

// Valid reports whether c is a known channel.
func (c Channel) Valid() bool { return slices.Contains(Channels, c) }

// Purpose is why a contact was made.
type Purpose string

// The contact purposes of SPEC §3.
const (
	PurposeRoutine1      Purpose = "routine_1"
	PurposeRoutine3      Purpose = "routine_3"
	PurposeRoutine7      Purpose = "routine_7"
	PurposeBirthday      Purpose = "birthday"
	PurposeAnniversary   Purpose = "anniversary"
	PurposeHoliday       Purpose = "holiday"
	PurposeInvitation    Purpose = "invitation"
	PurposeService       Purpose = "service"
	PurposeComplaint     Purpose = "complaint"
	PurposeReplenishment Purpose = "replenishment"
	PurposeReactivation  Purpose = "reactivation"
	PurposeOther         Purpose = "other"
)

// Purposes lists every contact purpose.
var Purposes = []Purpose{PurposeRoutine1, PurposeRoutine3, PurposeRoutine7, PurposeBirthday, PurposeAnniversary,
	PurposeHoliday, PurposeInvitation, PurposeService, PurposeComplaint, PurposeReplenishment, PurposeReactivation, PurposeOther}

// Valid reports whether p is a known purpose.
func (p Purpose) Valid() bool { return slices.Contains(Purposes, p) }

// IsMarketing reports whether a contact of this purpose counts against the
// 30-day marketing-touch cap (greetings, invitations, reactivation: SPEC §4.4).
func (p Purpose) IsMarketing() bool {
	switch p {
	case PurposeBirthday, PurposeAnniversary, PurposeHoliday, PurposeInvitation, PurposeReactivation:
		return true
	}
	return false
}

// MarketingPurposes lists the purposes for which IsMarketing is true.
func MarketingPurposes() []Purpose {
	var out []Purpose
	for _, p := range Purposes {
		if p.IsMarketing() {
			out = append(out, p)
		}
	}
	return out
}

// Outcome is what came of a contact.
type Outcome string

// The contact outcomes of SPEC §3.
const (
	OutcomeReached  Outcome = "reached"
	OutcomeNoAnswer Outcome = "no_answer"
	OutcomeReplied  Outcome = "replied"
	OutcomeNoReply  Outcome = "no_reply"
	OutcomeDeclined Outcome = "declined"
	OutcomeOther    Outcome = "other"
)

// Outcomes lists every outcome.
var Outcomes = []Outcome{OutcomeReached, OutcomeNoAnswer, OutcomeReplied, OutcomeNoReply, OutcomeDeclined, OutcomeOther}

// Valid reports whether o is a known outcome.
func (o Outcome) Valid() bool { return slices.Contains(Outcomes, o) }

// Source is how a customer came to the store.
type Source string

// The customer sources of SPEC §2.
const (
	SourceFaceToFace Source = "face_to_face"
	SourceReferral   Source = "referral"
	SourceEvent      Source = "event"
	SourceOnline     Source = "online"
	SourceWalkIn     Source = "walk_in"
	SourceOther      Source = "other"
)

// Sources lists every source.
var Sources = []Source{SourceFaceToFace, SourceReferral, SourceEvent, SourceOnline, SourceWalkIn, SourceOther}

// Valid reports whether s is a known source (empty is allowed: unknown).
func (s Source) Valid() bool { return s == "" || slices.Contains(Sources, s) }

// Gender is optional; it only feeds the salutation suggestion.
type Gender string

// Genders.
const (
	GenderUnknown Gender = ""
	GenderFemale  Gender = "female"
	GenderMale    Gender = "male"
)

// Valid reports whether g is known or unset.
func (g Gender) Valid() bool { return g == GenderUnknown || g == GenderFemale || g == GenderMale }

// ValueType is the salesperson's own judgement of what a customer is worth
// to the store (SPEC §2), set by hand.
type ValueType string

// The value types.
const (
	ValueNone         ValueType = ""
	ValueProfit       ValueType = "profit"
	ValueVolume       ValueType = "volume"
	ValueRelationship ValueType = "relationship"
	ValueStrategic    ValueType = "strategic"
)

// Valid reports whether v is known or unset.
func (v ValueType) Valid() bool {
	return slices.Contains([]ValueType{ValueNone, ValueProfit, ValueVolume, ValueRelationship, ValueStrategic}, v)
}

// Calendar says whether a date is solar (公历) or lunar (农历).
type Calendar string

// Calendars.
const (
	Solar Calendar = "solar"
	Lunar Calendar = "lunar"
)

// Valid reports whether c is solar or lunar.
func (c Calendar) Valid() bool { return c == Solar || c == Lunar }
