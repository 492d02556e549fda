package domain

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// CaseKind is the kind of a service case (服务).
type CaseKind string

// Case kinds of SPEC §3.
const (
	CaseAfterSale   CaseKind = "aftersale"   // repair, return/exchange, installation, delivery, alteration
	CaseAppointment CaseKind = "appointment" // an in-store visit at a time (offline target)
	CaseOnline      CaseKind = "online"      // inquiry or online order follow-up (online target)
	CaseComplaint   CaseKind = "complaint"   // 客诉
)

// CaseKinds lists every case kind.
var CaseKinds = []CaseKind{CaseAppointment, CaseOnline, CaseAfterSale, CaseComplaint}

// Valid reports whether k is known.
func (k CaseKind) Valid() bool { return slices.Contains(CaseKinds, k) }

// caseSubkinds lists the sub-kinds each kind allows (empty is always allowed).
var caseSubkinds = map[CaseKind][]string{
	CaseAfterSale:   {"repair", "return_exchange", "installation", "delivery", "alteration"},
	CaseOnline:      {"inquiry", "online_order"},
	CaseAppointment: {"visit", "fitting", "pickup"},
	CaseComplaint:   {"product", "service", "delivery", "price", "other"},
}

// CaseSubkinds returns the sub-kinds of a kind.
func CaseSubkinds(k CaseKind) []string { return caseSubkinds[k] }

// CaseChannel is where a case came in.
type CaseChannel string

// Case channels of SPEC §3.
const (
	CaseByPhone       CaseChannel = "phone"
	CaseByPlatform    CaseChannel = "platform"
	CaseByPublicMedia CaseChannel = "public_media"
	CaseInStore       CaseChannel = "instore"
	CaseByWeChat      CaseChannel = "wechat"
)

// CaseChannels lists every case channel.
var CaseChannels = []CaseChannel{CaseByPhone, CaseByPlatform, CaseByPublicMedia, CaseInStore, CaseByWeChat}

// Valid reports whether c is known or unset.
func (c CaseChannel) Valid() bool { return c == "" || slices.Contains(CaseChannels, c) }

// CaseStatus is the state of a case.
type CaseStatus string

// Case states.
const (
	CaseOpen       CaseStatus = "open"
	CaseInProgress CaseStatus = "in_progress"
	CaseClosed     CaseStatus = "closed"
)

// Valid reports whether s is known.
func (s CaseStatus) Valid() bool { return s == CaseOpen || s == CaseInProgress || s == CaseClosed }

// ComplaintStep is one of the five steps of handling a complaint, in order.
type ComplaintStep int

// The five complaint steps.
const (
	StepListen     ComplaintStep = 1 // 安抚倾听 listen and soothe
	StepUnderstand ComplaintStep = 2 // 表示理解 show understanding
	StepClarify    ComplaintStep = 3 // 澄清解释 clarify
	StepAgree      ComplaintStep = 4 // 解决共识 agree a solution
	StepFollowUp   ComplaintStep = 5 // 跟进回访 follow-up visit
)

// ComplaintSteps lists the steps in order.
var ComplaintSteps = []ComplaintStep{StepListen, StepUnderstand, StepClarify, StepAgree, StepFollowUp}

var stepNames = map[ComplaintStep][2]string{
	StepListen:     {"安抚倾听", "listen and soothe"},
	StepUnderstand: {"表示理解", "show understanding"},
	StepClarify:    {"澄清解释", "clarify"},
	StepAgree:      {"解决共识", "agree a solution"},
	StepFollowUp:   {"跟进回访", "follow-up visit"},
}

// Name returns the step's name in "zh" or "en".
func (s ComplaintStep) Name(lang string) string {
	n, ok := stepNames[s]
	if !ok {
		return strconv.Itoa(int(s))
	}
	if lang == "zh" {
		return n[0]
	}
	return n[1]
}

// CaseStep records a complaint step done (or skipped with a reason).
type CaseStep struct {
	Step          ComplaintStep `json:"step"`
	At            time.Time     `json:"at"`
	Note          string        `json:"note,omitempty"`
	SkippedReason string        `json:"skipped_reason,omitempty"`
}

// ServiceCase is an after-sale job, an appointment, an online target or a complaint.
type ServiceCase struct {
	ID           int64       `json:"id"`
	CustomerID   int64       `json:"customer_id"`
	Kind         CaseKind    `json:"kind"`
	Subkind      string      `json:"subkind,omitempty"`
	Channel      CaseChannel `json:"channel,omitempty"`
	Title        string      `json:"title"`
	Description  string      `json:"description,omitempty"`
	OpenedAt     time.Time   `json:"opened_at"`
	DueAt        time.Time   `json:"due_at"` // the time limit (时效性), or the appointment's time
	Status       CaseStatus  `json:"status"`
	Resolution   string      `json:"resolution,omitempty"`
	Satisfaction int         `json:"satisfaction,omitempty"` // 1-5 after closing, 0 unknown
	ClosedAt     time.Time   `json:"closed_at,omitzero"`
	SalesID      int64       `json:"salesperson_id,omitempty"`
	Steps        []CaseStep  `json:"steps,omitempty"` // complaints only
}

// Validate checks the case.
func (c *ServiceCase) Validate() error {
	p := newProblems("case")
	if c.CustomerID <= 0 {
		p.add("customer_id", CodeRequired, "", "")
	}
	if !c.Kind.Valid() {
		p.add("kind", CodeUnknown, string(c.Kind), "appointment, online, aftersale or complaint")
	} else if c.Subkind != "" && !slices.Contains(caseSubkinds[c.Kind], c.Subkind) {
		p.add("subkind", CodeUnknown, c.Subkind, strings.Join(caseSubkinds[c.Kind], ", "))
	}
	if !c.Channel.Valid() {
		p.add("channel", CodeUnknown, string(c.Channel), "phone, platform, public_media, instore or wechat")
	}
	checkText(p, "title", c.Title, MaxShortRunes, true)
	checkText(p, "description", c.Description, MaxNoteRunes, false)
	checkText(p, "resolution", c.Resolution, MaxNoteRunes, false)
	if c.Status == "" {
		c.Status = CaseOpen
	}
	if !c.Status.Valid() {
		p.add("status", CodeUnknown, string(c.Status), "open, in_progress or closed")
	}
	if c.OpenedAt.IsZero() {
		p.add("opened_at", CodeRequired, "", "")
	}
	if c.DueAt.IsZero() {
		p.add("due_at", CodeRequired, "", "every case has a time limit")
	} else if c.Kind != CaseAppointment && c.DueAt.Before(c.OpenedAt) {
		p.add("due_at", CodeConflict, "", "the time limit is before the case was opened")
	}
	if c.Satisfaction < 0 || c.Satisfaction > 5 {
		p.add("satisfaction", CodeOutOfRange, strconv.Itoa(c.Satisfaction), "1 to 5")
	}
	if c.Status == CaseClosed && c.Satisfaction == 0 {
		p.add("satisfaction", CodeRequired, "", "closing a case asks for satisfaction 1-5")
	}
	if len(c.Steps) > 0 && c.Kind != CaseComplaint {
		p.add("steps", CodeConflict, "", "only complaints have steps")
	}
	for i, s := range c.Steps {
		if s.Step != ComplaintStep(i+1) {
			p.add(indexed("steps", i), CodeConflict, strconv.Itoa(int(s.Step)), "steps are taken in order")
		}
	}
	return p.err()
}

// NextStep returns the complaint's next step, or 0 when all five are done.
func (c *ServiceCase) NextStep() ComplaintStep {
	if len(c.Steps) >= len(ComplaintSteps) {
		return 0
	}
	return ComplaintSteps[len(c.Steps)]
}

// ErrStepOrder is returned when a complaint step is taken out of order.
var ErrStepOrder = errText("complaint steps are taken in order; a step can only be skipped with a reason")

// RecordStep stamps the next complaint step. Taking a later step skips the
// ones between, which needs a reason: the material's five steps exist so that
// no complaint jumps straight to a solution.
func (c *ServiceCase) RecordStep(step ComplaintStep, at time.Time, note, skipReason string) error {
	if c.Kind != CaseComplaint {
		return &FieldError{Entity: "case", Field: "kind", Code: CodeConflict, Detail: "only complaints have steps"}
	}
	next := c.NextStep()
	if next == 0 {
		return &FieldError{Entity: "case", Field: "steps", Code: CodeConflict, Detail: "all five steps are done"}
	}
	if step < next {
		return &FieldError{Entity: "case", Field: "step", Code: CodeConflict, Value: strconv.Itoa(int(step)), Detail: fmt.Sprintf("step %d is already done", step)}
	}
	if step > StepFollowUp {
		return &FieldError{Entity: "case", Field: "step", Code: CodeOutOfRange, Value: strconv.Itoa(int(step)), Detail: "1 to 5"}
	}
	if step > next && strings.TrimSpace(skipReason) == "" {
		return &FieldError{Entity: "case", Field: "skipped_reason", Code: CodeRequired, Detail: ErrStepOrder.Error()}
	}
	for s := next; s < step; s++ {
		c.Steps = append(c.Steps, CaseStep{Step: s, At: at, SkippedReason: skipReason})
	}
	c.Steps = append(c.Steps, CaseStep{Step: step, At: at, Note: note})
	if c.Status == CaseOpen {
		c.Status = CaseInProgress
	}
	return nil
}
