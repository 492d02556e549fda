package domain

import (
	"testing"
	"time"
)

func validContact() *Contact {
	return &Contact{
		CustomerID: 7,
		At:         time.Date(2026, 11, 22, 2, 0, 0, 0, time.UTC),
		On:         MustDate("2026-11-22"),
		Channel:    ChannelCall,
		Purpose:    PurposeRoutine3,
		Outcome:    OutcomeReached,
		Note:       "围巾很满意\n下周来店",
		NextOn:     MustDate("2026-11-29"),
	}
}

func TestContact_Validate(t *testing.T) {
	cases := []struct {
		name   string
		mutate func(c *Contact)
		field  string
		code   ErrorCode
	}{
		{"Valid", func(c *Contact) {}, "", ""},
		{"NextOnSameDay", func(c *Contact) { c.NextOn = c.On }, "", ""},
		{"NoNextOn", func(c *Contact) { c.NextOn = Date{} }, "", ""},
		{"NextOnWithoutOn", func(c *Contact) { c.On = Date{}; c.NextOn = MustDate("2020-01-01") }, "", ""},
		{"CustomerRequired", func(c *Contact) { c.CustomerID = 0 }, "customer_id", CodeRequired},
		{"DateRequired", func(c *Contact) { c.At = time.Time{}; c.On = Date{}; c.NextOn = Date{} }, "date", CodeRequired},
		{"ChannelUnknown", func(c *Contact) { c.Channel = "fax" }, "channel", CodeUnknown},
		{"ChannelEmpty", func(c *Contact) { c.Channel = "" }, "channel", CodeUnknown},
		{"PurposeUnknown", func(c *Contact) { c.Purpose = "gossip" }, "purpose", CodeUnknown},
		{"OutcomeUnknown", func(c *Contact) { c.Outcome = "maybe" }, "outcome", CodeUnknown},
		{"NoteTooLong", func(c *Contact) { c.Note = repeatText("话", MaxNoteRunes+1) }, "note", CodeTooLong},
		{"NextBeforeDate", func(c *Contact) { c.NextOn = MustDate("2026-11-21") }, "next_on", CodeConflict},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := validContact()
			tc.mutate(c)
			if tc.field == "" {
				expectValid(t, c.Validate())
				return
			}
			expectOnlyProblem(t, c.Validate(), tc.field, tc.code)
		})
	}
}

func TestContact_Validate_EmptyPurposeBecomesOther(t *testing.T) {
	c := validContact()
	c.Purpose = ""
	expectValid(t, c.Validate())
	if c.Purpose != PurposeOther {
		t.Errorf("Purpose = %q, want other", c.Purpose)
	}
}

func TestFollowUp_Validate(t *testing.T) {
	cases := []struct {
		name  string
		f     FollowUp
		field string
		code  ErrorCode
	}{
		{"Valid", FollowUp{CustomerID: 1, Due: MustDate("2026-11-29"), Status: FollowUpSnoozed}, "", ""},
		{"CustomerRequired", FollowUp{Due: MustDate("2026-11-29"), Status: FollowUpOpen}, "customer_id", CodeRequired},
		{"DueRequired", FollowUp{CustomerID: 1, Status: FollowUpOpen}, "due", CodeRequired},
		{"StatusUnknown", FollowUp{CustomerID: 1, Due: MustDate("2026-11-29"), Status: "later"}, "status", CodeUnknown},
		{"NoteControl", FollowUp{CustomerID: 1, Due: MustDate("2026-11-29"), Note: "\x07"}, "note", CodeInvalid},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := tc.f
			if tc.field == "" {
				expectValid(t, f.Validate())
				return
			}
			expectOnlyProblem(t, f.Validate(), tc.field, tc.code)
		})
	}
	t.Run("EmptyStatusBecomesOpen", func(t *testing.T) {
		f := FollowUp{CustomerID: 1, Due: MustDate("2026-11-29")}
		expectValid(t, f.Validate())
		if f.Status != FollowUpOpen {
			t.Errorf("Status = %q, want open", f.Status)
		}
	})
}
