package tui_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/domain/agenda"
	"github.com/crmtui/crmtui/domain/i18n"
)

// svcWords are the Service screen's words in each language, written out
// here rather than taken from the catalog.
type svcWords struct {
	heading        string    // n open cases
	steps          string    // the case's steps heading: done, of 5
	stepTitle      string    // the step form: step, name, title
	stamped        string    // status: step, name, title
	skipTitle      string    // the skip form: title
	reasonRequired string    // under the reason field: step, name
	closeTitle     string    // the close form: title
	closed         string    // status: title, satisfaction
	closedLine     string    // the case once closed
	stepNames      [5]string // the five steps
	late16         string    // how late a case due yesterday 18:00 is at 10:00
	lateWord       string    // part of every "late" marker
	satRequired    string    // under the satisfaction field
}

var svcWordsOf = map[i18n.Lang]svcWords{
	i18n.ZH: {
		heading:        "未结服务单 %d 个",
		steps:          "处理步骤（%d/5）",
		stepTitle:      "第%d步 %s：%s",
		stamped:        "已记录第%d步 %s：%s",
		skipTitle:      "跳步：%s",
		reasonRequired: "跳过第%d步（%s）要写明原因",
		closeTitle:     "结案：%s",
		closed:         "已结案：%s（满意度 %d）",
		closedLine:     "已结案 今天 10:00 · 满意度 4/5",
		stepNames:      [5]string{"安抚倾听", "表示理解", "澄清解释", "解决共识", "跟进回访"},
		late16:         "超时16小时",
		lateWord:       "超时",
		satRequired:    "选一个满意度 1–5",
	},
	i18n.EN: {
		heading:        "%d open cases",
		steps:          "Steps (%d of 5)",
		stepTitle:      "Step %d, %s: %s",
		stamped:        "Stamped step %d, %s: %s",
		skipTitle:      "Skip ahead: %s",
		reasonRequired: "skipping step %d (%s) needs a reason",
		closeTitle:     "Close the case: %s",
		closed:         "Closed: %s (satisfaction %d)",
		closedLine:     "Closed today 10:00 · satisfaction 4/5",
		stepNames:      [5]string{"listen and soothe", "show understanding", "clarify", "agree a solution", "follow-up visit"},
		late16:         "16h late",
		lateWord:       " late",
		satRequired:    "pick a satisfaction of 1 to 5",
	},
}

// The demo's complaint with two steps done, due tomorrow.
const complaintTitle = "面霜用后脸部泛红"

// typeText types text into the focused field, one key per character.
func (a *app) typeText(text string) {
	for _, r := range text {
		a.tm.Send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

// clearField empties the focused text field (ctrl+u).
func (a *app) clearField() {
	a.tm.Send(tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl})
}

// openComplaints shows the Service tab's complaints (Today, <, <, < and 4)
// and returns the open complaints in the order the list shows them.
func openComplaints(t *testing.T, a *app, f *fixture, lang i18n.Lang) []domain.ServiceCase {
	t.Helper()
	cases, err := f.store.OpenCases(context.Background(), agenda.Scope{SalesID: f.me.ID})
	if err != nil {
		t.Fatal(err)
	}
	var complaints []domain.ServiceCase
	for _, sc := range cases {
		if sc.Kind == domain.CaseComplaint {
			complaints = append(complaints, sc)
		}
	}
	a.waitText(fmt.Sprintf(wordsOf[lang].progress, 0, 62))
	a.key("<", "<", "<")
	a.waitText(fmt.Sprintf(svcWordsOf[lang].heading, len(cases)))
	a.key("4")
	return complaints
}

// TestService_WalkComplaintToClosed: a demo complaint with two steps done
// is opened from the Service tab, its steps 3 to 5 stamped in order with
// notes, a skip without a reason refused (nothing written), and the case
// closed with satisfaction 4; the store has it closed with five steps.
func TestService_WalkComplaintToClosed(t *testing.T) {
	forLangs(t, func(t *testing.T, lang i18n.Lang, _ words) {
		ctx := context.Background()
		sw := svcWordsOf[lang]
		f := newFixture(t)
		a := startApp(t, f.options(lang), 160, 48)
		complaints := openComplaints(t, a, f, lang)
		idx := -1
		for i, sc := range complaints {
			if sc.Title == complaintTitle {
				idx = i
			}
		}
		if idx < 0 || len(complaints[idx].Steps) != 2 {
			t.Fatalf("no demo complaint %q with two steps in %+v", complaintTitle, complaints)
		}
		id := complaints[idx].ID
		for range idx {
			a.key("down")
		}
		a.key("enter")
		a.waitText(fmt.Sprintf(sw.steps, 2), "顾客情绪激动，先道歉并耐心听完", "理解顾客担心皮肤问题")

		stepsInStore := func() []domain.CaseStep {
			t.Helper()
			sc, err := f.store.Case(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			return sc.Steps
		}
		stamp := func(step int, note string) {
			t.Helper()
			a.key("n")
			a.waitText(fmt.Sprintf(sw.stepTitle, step, sw.stepNames[step-1], complaintTitle))
			a.typeText(note)
			a.key("enter")
			s := a.waitText(fmt.Sprintf(sw.stamped, step, sw.stepNames[step-1], complaintTitle), fmt.Sprintf(sw.steps, step))
			if l := lineWith(s, note); !strings.Contains(l, sw.stepNames[step-1]) || !strings.Contains(l, "10:00") {
				t.Errorf("step %d's line %q does not show the step, its time and note", step, l)
			}
		}
		stamp(3, "解释成分，建议先停用观察")

		// Skipping step 4 without a reason is refused under the field.
		a.key("x")
		a.waitText(fmt.Sprintf(sw.skipTitle, complaintTitle))
		a.key("enter")
		s := a.waitText(fmt.Sprintf(sw.reasonRequired, 4, sw.stepNames[3]))
		if !strings.Contains(s, fmt.Sprintf(sw.skipTitle, complaintTitle)) {
			t.Errorf("the skip form closed on a missing reason:\n%s", s)
		}
		if n := len(stepsInStore()); n != 3 {
			t.Fatalf("a refused skip wrote: %d steps in the store, want 3", n)
		}
		a.key("esc")
		a.waitGone(fmt.Sprintf(sw.skipTitle, complaintTitle))

		stamp(4, "同意退货并赠送小样")
		stamp(5, "三天后回访，皮肤已恢复")

		a.key("z")
		a.waitText(fmt.Sprintf(sw.closeTitle, complaintTitle))
		a.typeText("退货退款，顾客接受道歉")
		a.key("enter") // no satisfaction yet: asked for, nothing written
		a.waitText(sw.satRequired)
		if sc, err := f.store.Case(ctx, id); err != nil || sc.Status == domain.CaseClosed {
			t.Fatalf("closed without a satisfaction: %v, %+v", err, sc)
		}
		a.key("l", "l", "l", "l", "enter") // the form put the cursor on the field it asks for
		a.waitText(fmt.Sprintf(sw.closed, complaintTitle, 4), sw.closedLine)

		sc, err := f.store.Case(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if sc.Status != domain.CaseClosed || sc.Satisfaction != 4 || len(sc.Steps) != 5 || sc.Resolution != "退货退款，顾客接受道歉" {
			t.Fatalf("the case in the store: status %s, satisfaction %d, %d steps, resolution %q; want closed, 4, 5 steps",
				sc.Status, sc.Satisfaction, len(sc.Steps), sc.Resolution)
		}
		for i, st := range sc.Steps {
			if int(st.Step) != i+1 || st.SkippedReason != "" || st.Note == "" || st.At.IsZero() {
				t.Errorf("step %d: %+v, want stamped in order with a note", i+1, st)
			}
		}

		// Closed cases leave the list.
		a.key("esc")
		s = a.waitText(fmt.Sprintf(sw.heading, 8))
		if l := lineWith(s, "彭晓燕"); l != "" {
			t.Errorf("the closed case is still listed: %q", l)
		}
	})
}

// TestService_OverdueShowsHowLate: a case past its time limit says how late
// it is on its row (the demo's complaint and delivery were due yesterday at
// 18:00; the clock says 10:00), at 80 and 160 columns; a case due later
// today does not.
func TestService_OverdueShowsHowLate(t *testing.T) {
	f := newFixture(t)
	forLangs(t, func(t *testing.T, lang i18n.Lang, w words) {
		sw := svcWordsOf[lang]
		for _, width := range []int{160, 80} {
			a := startApp(t, f.options(lang), width, 24)
			a.waitText(fmt.Sprintf(w.progress, 0, 62))
			a.key("<", "<", "<")
			s := a.waitText(fmt.Sprintf(sw.heading, 9))
			checkFits(t, s, width, 24)
			for _, who := range []string{"曾海燕", "曹桂英"} {
				if l := lineWith(s, who); !strings.Contains(l, sw.late16) {
					t.Errorf("%d columns: %s's row %q does not say %q", width, who, l, sw.late16)
				}
			}
			if l := lineWith(s, "唐淑珍"); l == "" || strings.Contains(l, sw.lateWord) {
				t.Errorf("%d columns: the appointment due tomorrow shows as late or is missing: %q", width, l)
			}
		}
	})
}

// TestGolden_Service: the Service list, the complaints and one complaint
// as a person sees them, in both languages at 80×24 and 160×48.
// Regenerate with `go test ./tui/ -run TestGolden_Service -update` after
// looking at the diff.
func TestGolden_Service(t *testing.T) {
	f := newFixture(t)
	for _, lang := range langs {
		sw := svcWordsOf[lang]
		for _, size := range [][2]int{{80, 24}, {160, 48}} {
			t.Run(fmt.Sprintf("%s/%dx%d", lang, size[0], size[1]), func(t *testing.T) {
				a := startApp(t, f.options(lang), size[0], size[1])
				shot := goldenShot(t, size)
				a.waitText(fmt.Sprintf(wordsOf[lang].progress, 0, 62))
				a.key("<", "<", "<")
				shot("list", a.waitText(fmt.Sprintf(sw.heading, 9)))
				a.key("4")
				shot("complaints", a.waitFor("the complaints", func(s string) bool {
					return strings.Contains(s, complaintTitle) && !strings.Contains(s, "蚕丝被送货上门")
				}))
				a.key("down", "enter")
				shot("case", a.waitText(fmt.Sprintf(sw.steps, 2), "理解顾客担心皮肤问题"))
				a.key("x")
				a.key("enter")
				shot("skip_refused", a.waitText(fmt.Sprintf(sw.reasonRequired, 3, sw.stepNames[2])))
			})
		}
	}
}

// goldenShot checks a screen against its golden file: it fits the window,
// fills it, and matches.
func goldenShot(t *testing.T, size [2]int) func(name, screen string) {
	return func(name, screen string) {
		t.Helper()
		t.Run(name, func(t *testing.T) { requireScreen(t, screen, size[0], size[1]) })
	}
}
