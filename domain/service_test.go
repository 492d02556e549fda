package domain

import (
	"errors"
	"slices"
	"testing"
	"time"
)

var caseOpened = time.Date(2026, 11, 22, 2, 0, 0, 0, time.UTC)

func validComplaint() *ServiceCase {
	return &ServiceCase{
		CustomerID:  7,
		Kind:        CaseComplaint,
		Subkind:     "product",
		Channel:     CaseByPhone,
		Title:       "围巾起球",
		Description: "买了两周就起球",
		OpenedAt:    caseOpened,
		DueAt:       caseOpened.Add(48 * time.Hour),
		Status:      CaseOpen,
	}
}

func TestServiceCase_Validate(t *testing.T) {
	cases := []struct {
		name   string
		mutate func(c *ServiceCase)
		field  string
		code   ErrorCode
	}{
		{"Valid", func(c *ServiceCase) {}, "", ""},
		{"ValidClosed", func(c *ServiceCase) { c.Status = CaseClosed; c.Satisfaction = 4; c.Resolution = "换新" }, "", ""},
		{"ValidStepsInOrder", func(c *ServiceCase) {
			c.Steps = []CaseStep{{Step: StepListen, At: caseOpened}, {Step: StepUnderstand, At: caseOpened}}
		}, "", ""},
		{"AppointmentMayBeDueBeforeOpened", func(c *ServiceCase) {
			c.Kind, c.Subkind = CaseAppointment, "fitting"
			c.DueAt = caseOpened.Add(-time.Hour)
		}, "", ""},
		{"NoSubkind", func(c *ServiceCase) { c.Subkind = "" }, "", ""},
		{"NoChannel", func(c *ServiceCase) { c.Channel = "" }, "", ""},
		{"CustomerRequired", func(c *ServiceCase) { c.CustomerID = 0 }, "customer_id", CodeRequired},
		{"KindUnknown", func(c *ServiceCase) { c.Kind = "warranty"; c.Subkind = "" }, "kind", CodeUnknown},
		{"SubkindOfAnotherKind", func(c *ServiceCase) { c.Subkind = "repair" }, "subkind", CodeUnknown},
		{"SubkindUnknown", func(c *ServiceCase) { c.Kind = CaseOnline; c.Subkind = "visit" }, "subkind", CodeUnknown},
		{"ChannelUnknown", func(c *ServiceCase) { c.Channel = "letter" }, "channel", CodeUnknown},
		{"TitleRequired", func(c *ServiceCase) { c.Title = " " }, "title", CodeRequired},
		{"StatusUnknown", func(c *ServiceCase) { c.Status = "pending" }, "status", CodeUnknown},
		{"OpenedRequired", func(c *ServiceCase) { c.OpenedAt = time.Time{} }, "opened_at", CodeRequired},
		{"DueRequired", func(c *ServiceCase) { c.DueAt = time.Time{} }, "due_at", CodeRequired},
		{"DueBeforeOpened", func(c *ServiceCase) { c.DueAt = caseOpened.Add(-time.Hour) }, "due_at", CodeConflict},
		{"SatisfactionSix", func(c *ServiceCase) { c.Satisfaction = 6 }, "satisfaction", CodeOutOfRange},
		{"SatisfactionNegative", func(c *ServiceCase) { c.Satisfaction = -1 }, "satisfaction", CodeOutOfRange},
		{"ClosedNeedsSatisfaction", func(c *ServiceCase) { c.Status = CaseClosed }, "satisfaction", CodeRequired},
		{"StepsOnlyOnComplaints", func(c *ServiceCase) {
			c.Kind, c.Subkind = CaseAfterSale, "repair"
			c.Steps = []CaseStep{{Step: StepListen, At: caseOpened}}
		}, "steps", CodeConflict},
		{"StepsOutOfOrder", func(c *ServiceCase) {
			c.Steps = []CaseStep{{Step: StepListen, At: caseOpened}, {Step: StepClarify, At: caseOpened}}
		}, "steps[1]", CodeConflict},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := validComplaint()
			tc.mutate(c)
			if tc.field == "" {
				expectValid(t, c.Validate())
				return
			}
			expectOnlyProblem(t, c.Validate(), tc.field, tc.code)
		})
	}
}

func TestServiceCase_Validate_EmptyStatusBecomesOpen(t *testing.T) {
	c := validComplaint()
	c.Status = ""
	expectValid(t, c.Validate())
	if c.Status != CaseOpen {
		t.Errorf("Status = %q, want open", c.Status)
	}
}

func TestServiceCase_RecordStep_InOrder(t *testing.T) {
	c := validComplaint()
	for i, s := range ComplaintSteps {
		if next := c.NextStep(); next != s {
			t.Fatalf("before step %d: NextStep = %d, want %d", i+1, next, s)
		}
		at := caseOpened.Add(time.Duration(i) * time.Hour)
		if err := c.RecordStep(s, at, s.Name("zh"), ""); err != nil {
			t.Fatalf("RecordStep(%d): %v", s, err)
		}
		if c.Status != CaseInProgress {
			t.Errorf("after step %d: Status = %q, want in_progress", s, c.Status)
		}
		got := c.Steps[len(c.Steps)-1]
		if want := (CaseStep{Step: s, At: at, Note: s.Name("zh")}); got != want {
			t.Errorf("step %d stamped %+v, want %+v", s, got, want)
		}
	}
	if len(c.Steps) != 5 || c.NextStep() != 0 {
		t.Fatalf("after five steps: %d steps, NextStep %d; want 5, 0", len(c.Steps), c.NextStep())
	}
	expectValid(t, c.Validate())

	err := c.RecordStep(StepFollowUp, caseOpened, "again", "")
	var fe *FieldError
	if !errors.As(err, &fe) || fe.Field != "steps" || fe.Code != CodeConflict {
		t.Errorf("sixth RecordStep = %v, want steps conflict", err)
	}
	if len(c.Steps) != 5 {
		t.Errorf("refused step was recorded: %d steps", len(c.Steps))
	}
}

func TestServiceCase_RecordStep_Refused(t *testing.T) {
	cases := []struct {
		name   string
		setup  func(c *ServiceCase)
		step   ComplaintStep
		reason string
		field  string
		code   ErrorCode
	}{
		{"SkipWithoutReason", func(c *ServiceCase) {}, StepClarify, "", "skipped_reason", CodeRequired},
		{"SkipWithBlankReason", func(c *ServiceCase) {}, StepUnderstand, "  ", "skipped_reason", CodeRequired},
		{"StepAlreadyDone", func(c *ServiceCase) { c.Steps = []CaseStep{{Step: StepListen}} }, StepListen, "", "step", CodeConflict},
		{"StepSix", func(c *ServiceCase) {}, ComplaintStep(6), "because", "step", CodeOutOfRange},
		{"NotAComplaint", func(c *ServiceCase) { c.Kind, c.Subkind = CaseAfterSale, "repair" }, StepListen, "", "kind", CodeConflict},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := validComplaint()
			tc.setup(c)
			before := len(c.Steps)
			err := c.RecordStep(tc.step, caseOpened, "note", tc.reason)
			var fe *FieldError
			if !errors.As(err, &fe) {
				t.Fatalf("RecordStep = %v, want a *FieldError", err)
			}
			if fe.Field != tc.field || fe.Code != tc.code || fe.Entity != "case" {
				t.Errorf("RecordStep = %s/%s/%s, want case/%s/%s", fe.Entity, fe.Field, fe.Code, tc.field, tc.code)
			}
			if len(c.Steps) != before || c.Status != CaseOpen {
				t.Errorf("refused step changed the case: %d steps, status %q", len(c.Steps), c.Status)
			}
		})
	}
}

func TestServiceCase_RecordStep_SkipWithReason(t *testing.T) {
	c := validComplaint()
	at := caseOpened.Add(time.Hour)
	if err := c.RecordStep(StepClarify, at, "解释了面料特性", "顾客赶时间"); err != nil {
		t.Fatalf("RecordStep: %v", err)
	}
	want := []CaseStep{
		{Step: StepListen, At: at, SkippedReason: "顾客赶时间"},
		{Step: StepUnderstand, At: at, SkippedReason: "顾客赶时间"},
		{Step: StepClarify, At: at, Note: "解释了面料特性"},
	}
	if !slices.Equal(c.Steps, want) {
		t.Errorf("Steps = %+v, want %+v", c.Steps, want)
	}
	if c.NextStep() != StepAgree || c.Status != CaseInProgress {
		t.Errorf("NextStep %d, Status %q; want 4, in_progress", c.NextStep(), c.Status)
	}
	expectValid(t, c.Validate())
}

func TestServiceCase_RecordStep_KeepsInProgress(t *testing.T) {
	c := validComplaint()
	c.Status = CaseInProgress
	if err := c.RecordStep(StepListen, caseOpened, "", ""); err != nil {
		t.Fatal(err)
	}
	if c.Status != CaseInProgress {
		t.Errorf("Status = %q, want in_progress", c.Status)
	}
}

func TestServiceCase_NextStep(t *testing.T) {
	cases := []struct {
		name  string
		steps int
		want  ComplaintStep
	}{
		{"None", 0, StepListen},
		{"One", 1, StepUnderstand},
		{"Two", 2, StepClarify},
		{"Three", 3, StepAgree},
		{"Four", 4, StepFollowUp},
		{"Five", 5, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := validComplaint()
			for i := 0; i < tc.steps; i++ {
				c.Steps = append(c.Steps, CaseStep{Step: ComplaintStep(i + 1)})
			}
			if got := c.NextStep(); got != tc.want {
				t.Errorf("NextStep = %d, want %d", got, tc.want)
			}
		})
	}
}

func TestComplaintStep_Name(t *testing.T) {
	cases := []struct {
		step   ComplaintStep
		zh, en string
	}{
		{StepListen, "安抚倾听", "listen and soothe"},
		{StepUnderstand, "表示理解", "show understanding"},
		{StepClarify, "澄清解释", "clarify"},
		{StepAgree, "解决共识", "agree a solution"},
		{StepFollowUp, "跟进回访", "follow-up visit"},
		{ComplaintStep(9), "9", "9"},
	}
	for _, tc := range cases {
		if got := tc.step.Name("zh"); got != tc.zh {
			t.Errorf("%d.Name(zh) = %q, want %q", tc.step, got, tc.zh)
		}
		if got := tc.step.Name("en"); got != tc.en {
			t.Errorf("%d.Name(en) = %q, want %q", tc.step, got, tc.en)
		}
	}
}

func TestCaseSubkinds(t *testing.T) {
	cases := []struct {
		kind CaseKind
		want []string
	}{
		{CaseAfterSale, []string{"repair", "return_exchange", "installation", "delivery", "alteration"}},
		{CaseOnline, []string{"inquiry", "online_order"}},
		{CaseAppointment, []string{"visit", "fitting", "pickup"}},
		{CaseComplaint, []string{"product", "service", "delivery", "price", "other"}},
		{"bogus", nil},
	}
	for _, tc := range cases {
		if got := CaseSubkinds(tc.kind); !slices.Equal(got, tc.want) {
			t.Errorf("CaseSubkinds(%q) = %v, want %v", tc.kind, got, tc.want)
		}
	}
}
