package domain

import (
	"slices"
	"testing"
)

// validOnList checks that every value of a list is Valid and that a bogus
// value (and, unless emptyOK, the empty one) is not.
func validOnList[T ~string](t *testing.T, name string, list []T, valid func(T) bool, emptyOK bool) {
	t.Helper()
	if len(list) == 0 {
		t.Fatalf("%s: empty list", name)
	}
	seen := map[T]bool{}
	for _, v := range list {
		if !valid(v) {
			t.Errorf("%s: %q is not Valid", name, v)
		}
		if seen[v] {
			t.Errorf("%s: %q listed twice", name, v)
		}
		seen[v] = true
	}
	if valid("bogus") {
		t.Errorf("%s: \"bogus\" is Valid", name)
	}
	if valid(T(string(list[0]) + " ")) {
		t.Errorf("%s: %q with a trailing space is Valid", name, list[0])
	}
	if got := valid(""); got != emptyOK {
		t.Errorf("%s: empty Valid = %v, want %v", name, got, emptyOK)
	}
}

func TestEnums_Valid(t *testing.T) {
	validOnList(t, "Channel", Channels, Channel.Valid, false)
	validOnList(t, "Purpose", Purposes, Purpose.Valid, false)
	validOnList(t, "Outcome", Outcomes, Outcome.Valid, false)
	validOnList(t, "Source", Sources, Source.Valid, true)
	validOnList(t, "Gender", []Gender{GenderFemale, GenderMale}, Gender.Valid, true)
	validOnList(t, "ValueType", []ValueType{ValueProfit, ValueVolume, ValueRelationship, ValueStrategic}, ValueType.Valid, true)
	validOnList(t, "Calendar", []Calendar{Solar, Lunar}, Calendar.Valid, false)
	validOnList(t, "Class", Classes, Class.Valid, false)
	validOnList(t, "Stage", Stages, Stage.Valid, false)
	validOnList(t, "EventKind", EventKinds, EventKind.Valid, false)
	validOnList(t, "InvitationStatus", InvitationStatuses, InvitationStatus.Valid, false)
	validOnList(t, "CaseKind", CaseKinds, CaseKind.Valid, false)
	validOnList(t, "CaseChannel", CaseChannels, CaseChannel.Valid, true)
	validOnList(t, "CaseStatus", []CaseStatus{CaseOpen, CaseInProgress, CaseClosed}, CaseStatus.Valid, false)
	validOnList(t, "FollowUpStatus", []FollowUpStatus{FollowUpOpen, FollowUpDone, FollowUpSkipped, FollowUpSnoozed}, FollowUpStatus.Valid, false)
	validOnList(t, "SaleChannel", []SaleChannel{SaleOffline, SaleOnline}, SaleChannel.Valid, false)
}

// TestEnums_Lists pins the SPEC §3 vocabularies: the values are stored in
// the database and written in config files, so a rename is a migration.
func TestEnums_Lists(t *testing.T) {
	if want := []Channel{"call", "sms", "wechat", "visit", "instore", "email", "other"}; !slices.Equal(Channels, want) {
		t.Errorf("Channels = %v, want %v", Channels, want)
	}
	if want := []Purpose{"routine_1", "routine_3", "routine_7", "birthday", "anniversary", "holiday", "invitation",
		"service", "complaint", "replenishment", "reactivation", "other"}; !slices.Equal(Purposes, want) {
		t.Errorf("Purposes = %v, want %v", Purposes, want)
	}
	if want := []Outcome{"reached", "no_answer", "replied", "no_reply", "declined", "other"}; !slices.Equal(Outcomes, want) {
		t.Errorf("Outcomes = %v, want %v", Outcomes, want)
	}
	if want := []Source{"face_to_face", "referral", "event", "online", "walk_in", "other"}; !slices.Equal(Sources, want) {
		t.Errorf("Sources = %v, want %v", Sources, want)
	}
	if want := []Class{"important", "loyal", "repeat", "new", "prospect"}; !slices.Equal(Classes, want) {
		t.Errorf("Classes = %v, want %v", Classes, want)
	}
	if want := []Stage{"prospect", "new", "active", "dormant", "lost"}; !slices.Equal(Stages, want) {
		t.Errorf("Stages = %v, want %v", Stages, want)
	}
	if want := []InvitationStatus{"planned", "invited", "confirmed", "attended", "declined", "no_show"}; !slices.Equal(InvitationStatuses, want) {
		t.Errorf("InvitationStatuses = %v, want %v", InvitationStatuses, want)
	}
}

func TestPurpose_IsMarketing(t *testing.T) {
	marketing := map[Purpose]bool{
		PurposeBirthday: true, PurposeAnniversary: true, PurposeHoliday: true, PurposeInvitation: true, PurposeReactivation: true,
	}
	for _, p := range Purposes {
		if got := p.IsMarketing(); got != marketing[p] {
			t.Errorf("%s.IsMarketing() = %v, want %v", p, got, marketing[p])
		}
	}
	if Purpose("bogus").IsMarketing() || Purpose("").IsMarketing() {
		t.Error("an unknown purpose counts as marketing")
	}
	want := []Purpose{PurposeBirthday, PurposeAnniversary, PurposeHoliday, PurposeInvitation, PurposeReactivation}
	if got := MarketingPurposes(); !slices.Equal(got, want) {
		t.Errorf("MarketingPurposes = %v, want %v", got, want)
	}
}
