package domain

import (
	"testing"
	"time"
)

func validEvent() *Event {
	start := time.Date(2026, 12, 5, 11, 0, 0, 0, time.UTC)
	return &Event{
		Name:             "冬季新品品鉴会",
		Kind:             EventNewArrivals,
		StartsAt:         start,
		EndsAt:           start.Add(3 * time.Hour),
		Place:            "南京西路店",
		Purpose:          "推新品",
		Script:           "{{.Salutation}}您好,周六有新品品鉴会……",
		TargetRule:       "class:loyal",
		Capacity:         30,
		InviteWindowDays: 14,
	}
}

func TestEvent_Validate(t *testing.T) {
	cases := []struct {
		name   string
		mutate func(e *Event)
		field  string
		code   ErrorCode
	}{
		{"Valid", func(e *Event) {}, "", ""},
		{"NoEnd", func(e *Event) { e.EndsAt = time.Time{} }, "", ""},
		{"EndsWhenItStarts", func(e *Event) { e.EndsAt = e.StartsAt }, "", ""},
		{"WindowZero", func(e *Event) { e.InviteWindowDays = 0 }, "", ""},
		{"WindowOneYear", func(e *Event) { e.InviteWindowDays = 365 }, "", ""},
		{"NoCapacityLimit", func(e *Event) { e.Capacity = 0 }, "", ""},
		{"NameRequired", func(e *Event) { e.Name = "" }, "name", CodeRequired},
		{"KindUnknown", func(e *Event) { e.Kind = "party" }, "kind", CodeUnknown},
		{"StartRequired", func(e *Event) { e.StartsAt = time.Time{}; e.EndsAt = time.Time{} }, "starts_at", CodeRequired},
		{"EndsBeforeStart", func(e *Event) { e.EndsAt = e.StartsAt.Add(-time.Minute) }, "ends_at", CodeConflict},
		{"CapacityNegative", func(e *Event) { e.Capacity = -1 }, "capacity", CodeOutOfRange},
		{"WindowNegative", func(e *Event) { e.InviteWindowDays = -1 }, "invite_window_days", CodeOutOfRange},
		{"WindowOverAYear", func(e *Event) { e.InviteWindowDays = 366 }, "invite_window_days", CodeOutOfRange},
		{"PlaceTooLong", func(e *Event) { e.Place = repeatText("店", MaxShortRunes+1) }, "place", CodeTooLong},
		{"ScriptEscape", func(e *Event) { e.Script = "\x1b]52;c;aGk=\x07" }, "script", CodeInvalid},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := validEvent()
			tc.mutate(e)
			if tc.field == "" {
				expectValid(t, e.Validate())
				return
			}
			expectOnlyProblem(t, e.Validate(), tc.field, tc.code)
		})
	}
}

func TestInvitationStatus_CanMoveTo(t *testing.T) {
	allowed := map[[2]InvitationStatus]bool{
		{InvPlanned, InvInvited}:    true,
		{InvPlanned, InvDeclined}:   true,
		{InvInvited, InvConfirmed}:  true,
		{InvInvited, InvDeclined}:   true,
		{InvInvited, InvAttended}:   true,
		{InvConfirmed, InvAttended}: true,
		{InvConfirmed, InvNoShow}:   true,
		{InvConfirmed, InvDeclined}: true,
		{InvDeclined, InvInvited}:   true,
		{InvDeclined, InvConfirmed}: true,
		{InvNoShow, InvAttended}:    true,
	}
	all := append(append([]InvitationStatus{}, InvitationStatuses...), "", "bogus")
	for _, from := range all {
		for _, to := range all {
			want := allowed[[2]InvitationStatus{from, to}]
			if got := from.CanMoveTo(to); got != want {
				t.Errorf("%q → %q: CanMoveTo = %v, want %v", from, to, got, want)
			}
		}
	}
}

func TestInvitation_Validate(t *testing.T) {
	cases := []struct {
		name  string
		inv   Invitation
		field string
		code  ErrorCode
	}{
		{"Valid", Invitation{EventID: 1, CustomerID: 2, Status: InvInvited, Attempts: 2}, "", ""},
		{"EventRequired", Invitation{CustomerID: 2, Status: InvPlanned}, "event_id", CodeRequired},
		{"CustomerRequired", Invitation{EventID: 1, Status: InvPlanned}, "customer_id", CodeRequired},
		{"StatusEmpty", Invitation{EventID: 1, CustomerID: 2}, "status", CodeUnknown},
		{"StatusUnknown", Invitation{EventID: 1, CustomerID: 2, Status: "maybe"}, "status", CodeUnknown},
		{"AttemptsNegative", Invitation{EventID: 1, CustomerID: 2, Status: InvPlanned, Attempts: -1}, "attempts", CodeOutOfRange},
		{"NoteTooLong", Invitation{EventID: 1, CustomerID: 2, Status: InvPlanned, Note: repeatText("x", MaxNoteRunes+1)}, "note", CodeTooLong},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			inv := tc.inv
			if tc.field == "" {
				expectValid(t, inv.Validate())
				return
			}
			expectOnlyProblem(t, inv.Validate(), tc.field, tc.code)
		})
	}
}
