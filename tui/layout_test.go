package tui_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/crmtui/crmtui/domain/i18n"
)

// classWords are a class's long name and its narrow-screen badge.
var classWords = map[i18n.Lang]struct{ long, short string }{
	i18n.ZH: {"重要顾客", "重要"},
	i18n.EN: {"important", "imp"},
}

// agendaRows are the list rows of the Today screen: between the section
// bar and the rule above the details.
func agendaRows(screen string) []string {
	ls := lines(screen)
	var rows []string
	for _, l := range ls[3:] {
		if strings.HasPrefix(l, "──") {
			break
		}
		rows = append(rows, l)
	}
	return rows
}

// narrowRows reports whether the Today list uses the short class badge
// (and never the long class name) and wideRows the opposite.
func narrowRows(lang i18n.Lang, screen string) bool {
	cw := classWords[lang]
	short := regexp.MustCompile(`\s` + cw.short + `\s`)
	any := false
	for _, r := range agendaRows(screen) {
		if strings.Contains(r, cw.long) {
			return false
		}
		any = any || short.MatchString(r)
	}
	return any
}

func wideRows(lang i18n.Lang, screen string) bool {
	for _, r := range agendaRows(screen) {
		if strings.Contains(r, classWords[lang].long) {
			return true
		}
	}
	return false
}

// TestLayout_ResizesLive: 80×24 is narrow (short class badges), 160×48
// wide (class names), 79×24 narrow again; every line fits the window and
// the frame fills it, on Today and on Customers.
func TestLayout_ResizesLive(t *testing.T) {
	f := newFixture(t)
	forLangs(t, func(t *testing.T, lang i18n.Lang, w words) {
		a := startApp(t, f.options(lang), 80, 24)
		progress := fmt.Sprintf(w.progress, 0, 62)
		steps := []struct {
			w, h   int
			narrow bool
		}{{80, 24, true}, {160, 48, false}, {79, 24, true}, {100, 30, false}, {99, 30, true}}
		for _, st := range steps {
			a.resize(st.w, st.h)
			s := a.waitFor(fmt.Sprintf("the Today layout at %d×%d", st.w, st.h), func(s string) bool {
				ls := lines(s)
				if len(ls) != st.h || !strings.Contains(s, progress) {
					return false
				}
				if st.narrow {
					return narrowRows(lang, s)
				}
				return wideRows(lang, s)
			})
			checkFits(t, s, st.w, st.h)
			rows := agendaRows(s)
			// The list fills the body: header, sections, rows, rule, details, status, footer.
			if want := st.h - 3 - 2 - 1 - 3; st.narrow && len(rows) != want+1 || !st.narrow && len(rows) != want {
				t.Errorf("%d×%d: %d rows in the list", st.w, st.h, len(rows))
			}
		}
		a.key(">")
		count := fmt.Sprintf(w.count, 150, 150)
		for _, st := range steps {
			a.resize(st.w, st.h)
			s := a.waitFor(fmt.Sprintf("the Customers layout at %d×%d", st.w, st.h), func(s string) bool {
				return len(lines(s)) == st.h && strings.Contains(s, count) && ansi.StringWidth(lines(s)[3]) == st.w
			})
			checkFits(t, s, st.w, st.h)
		}
	})
}

// TestLayout_TinyWindowDoesNotBreak: a window smaller than anything
// sensible still draws a frame without panicking.
func TestLayout_TinyWindowDoesNotBreak(t *testing.T) {
	f := newFixture(t)
	a := startApp(t, f.options(i18n.ZH), 30, 8)
	a.waitText("已完成")
	for _, size := range [][2]int{{20, 6}, {10, 3}, {1, 1}, {80, 24}} {
		a.resize(size[0], size[1])
	}
	s := a.waitFor("the frame at 80×24", func(s string) bool { return len(lines(s)) == 24 && strings.Contains(s, "已完成 0 / 62") })
	checkFits(t, s, 80, 24)
}

// TestCustomers_SearchHintShown: the empty search field shows its whole
// hint (with the pinyin example), not its first character.
func TestCustomers_SearchHintShown(t *testing.T) {
	f := newFixture(t)
	hint := map[i18n.Lang]string{i18n.ZH: "姓名、拼音（zs、zhangs）、电话、微信、标签", i18n.EN: "name, pinyin (zs, zhangs), phone, WeChat, tag"}
	forLangs(t, func(t *testing.T, lang i18n.Lang, w words) {
		for _, width := range []int{160, 80} {
			a := startApp(t, f.options(lang), width, 24)
			a.key(">")
			s := a.waitText(fmt.Sprintf(w.count, 150, 150))
			if !strings.Contains(lines(s)[1], hint[lang]) {
				t.Errorf("%d columns: the search line is %q, want the hint %q", width, lines(s)[1], hint[lang])
			}
			checkFits(t, s, width, 24)
		}
	})
}

// TestCustomers_ClassAndStageNotCut: the class and stage columns are wide
// enough for their words; the narrow layout uses the short class badge,
// as Today does.
func TestCustomers_ClassAndStageNotCut(t *testing.T) {
	f := newFixture(t)
	forLangs(t, func(t *testing.T, lang i18n.Lang, w words) {
		a := startApp(t, f.options(lang), 160, 48)
		a.key(">")
		s := a.waitText(fmt.Sprintf(w.count, 150, 150))
		if strings.Contains(s, "…") && regexp.MustCompile(`\s(importa|dorma|repe|loya)…`).MatchString(s) {
			t.Errorf("160 columns: a class or stage is cut:\n%s", s)
		}
		if !strings.Contains(lineWith(s, "吴婷 吴姐"), map[i18n.Lang]string{i18n.ZH: "沉睡", i18n.EN: "dormant"}[lang]) {
			t.Errorf("160 columns: the dormant stage is not shown in full: %q", lineWith(s, "吴婷 吴姐"))
		}
		a.resize(80, 24)
		s = a.waitFor("the narrow list", func(s string) bool { return len(lines(s)) == 24 })
		cw := classWords[lang]
		if !regexp.MustCompile(`\s` + cw.short + `\s`).MatchString(lineWith(s, "张敏")) {
			t.Errorf("80 columns: 张敏's row has no short badge %q: %q", cw.short, lineWith(s, "张敏"))
		}
	})
}

// TestForm_FooterSaysSave: the footer of a form names what enter does.
func TestForm_FooterSaysSave(t *testing.T) {
	f := newFixture(t)
	want := map[i18n.Lang]string{i18n.ZH: "enter 保存", i18n.EN: "enter save"}
	forLangs(t, func(t *testing.T, lang i18n.Lang, w words) {
		a := startApp(t, f.options(lang), 80, 24)
		a.waitText(fmt.Sprintf(w.progress, 0, 62))
		a.key("d")
		s := a.waitText(w.logTitle)
		if footer := lines(s)[23]; !strings.HasPrefix(footer, want[lang]) {
			t.Errorf("footer %q, want it to start with %q", footer, want[lang])
		}
	})
}

// TestFooter_HelpKeyAlwaysShown: at 80 columns the footer still ends with
// the way to the full help.
func TestFooter_HelpKeyAlwaysShown(t *testing.T) {
	f := newFixture(t)
	want := map[i18n.Lang]string{i18n.ZH: "? 帮助", i18n.EN: "? help"}
	forLangs(t, func(t *testing.T, lang i18n.Lang, w words) {
		a := startApp(t, f.options(lang), 80, 24)
		s := a.waitText(fmt.Sprintf(w.progress, 0, 62))
		if footer := strings.TrimSpace(lines(s)[23]); !strings.HasSuffix(footer, want[lang]) {
			t.Errorf("Today footer %q does not end with %q", footer, want[lang])
		}
		a.key(">")
		s = a.waitText(fmt.Sprintf(w.count, 150, 150))
		if footer := strings.TrimSpace(lines(s)[23]); !strings.HasSuffix(footer, want[lang]) {
			t.Errorf("Customers footer %q does not end with %q", footer, want[lang])
		}
	})
}

// TestDetail_RecordColumnsAlign: in the customer detail the amounts of the
// purchases and the channels of the contacts line up whatever the length
// of the date ("2026年9月3日" is shorter than "2026年11月14日").
func TestDetail_RecordColumnsAlign(t *testing.T) {
	f := newFixture(t)
	forLangs(t, func(t *testing.T, lang i18n.Lang, w words) {
		a := startApp(t, f.options(lang), 160, 48)
		a.key("/", "z", "h", "a", "n", "g", "m")
		a.waitText(fmt.Sprintf(w.count, 1, 150), "张敏")
		a.key("enter")
		s := a.waitText(w.headings[2], "¥")
		cols := map[int]bool{}
		record := regexp.MustCompile(`^  (\d{4}年|[A-Z][a-z]{2} \d)`)
		amount := regexp.MustCompile(`-?¥`) // a return's amount is "-¥…": it starts one cell left of the ¥
		for _, l := range lines(s) {
			if loc := amount.FindStringIndex(l); loc != nil && record.MatchString(l) {
				cols[ansi.StringWidth(l[:loc[0]])] = true
			}
		}
		if len(cols) != 1 {
			t.Errorf("purchase amounts start at columns %v, want one column:\n%s", cols, s)
		}
	})
}

// TestHelp_ColumnsDoNotWrap: when the help is laid out in columns (80×24)
// a key's description stays on its key's line.
func TestHelp_ColumnsDoNotWrap(t *testing.T) {
	f := newFixture(t)
	a := startApp(t, f.options(i18n.EN), 80, 24)
	a.waitText("done 0 of 62")
	a.key("?")
	s := a.waitText("Keys (? to close)")
	for _, row := range []string{`/\s+search customers`, `shift\+tab\s+previous question`, `(^|\s)tab\s+next question`} {
		if !regexp.MustCompile(row).MatchString(s) {
			t.Errorf("no help line %q:\n%s", row, s)
		}
	}
}
