package tui_test

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/crmtui/crmtui/domain/i18n"
)

// Text from the database that the domain's validation would refuse, written
// behind its back with SQL: a name that clears the screen, a salutation that
// sets the window title.
const (
	evilName       = "\x1b[2J张三"
	evilSalutation = "\x1b]0;pwned\x07张总"
)

// evil are escape sequences of the evil text that must never reach the screen.
var evil = []string{"[2J", "]0;", "pwned"}

// TestSanitize_EscapesNeverReachTheScreen: a customer named "\x1b[2J张三"
// shows as 张三 on Today, in the log form, the snooze dialog, the message,
// the search results, the detail and the profile form; no frame the app
// draws carries the escape sequences.
func TestSanitize_EscapesNeverReachTheScreen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "demo.db")
	copyFile(t, templateDB, path)
	// The first item of the day is about this customer.
	f := openFixture(t, path)
	id := f.agenda(t, fixedDay).Maintain[0].CustomerID
	f.store.Close()
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	res, err := raw.Exec(`UPDATE customers SET name = ?, remark = '', salutation = ? WHERE id = ?`, evilName, evilSalutation, id)
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := res.RowsAffected(); n != 1 {
		t.Fatalf("updated %d customers", n)
	}
	if err := raw.Close(); err != nil {
		t.Fatal(err)
	}
	f = openFixture(t, path)
	if c, err := f.store.Customer(context.Background(), id); err != nil || c.Name != evilName {
		t.Fatalf("the store reads back %+v, %v", c, err)
	}
	ag := f.agenda(t, fixedDay)
	if ag.Maintain[0].CustomerID != id {
		t.Fatalf("the first item is about %d, not %d", ag.Maintain[0].CustomerID, id)
	}

	for _, lang := range langs {
		t.Run(string(lang), func(t *testing.T) {
			w := wordsOf[lang]
			a := startApp(t, f.options(lang), 160, 48)
			a.rec.forbid(evil...)
			check := func(where, screen string) {
				t.Helper()
				if !strings.Contains(screen, "张三") {
					t.Errorf("%s: no 张三 on the screen:\n%s", where, screen)
				}
				rawView, plain := a.rec.snapshot()
				for _, e := range evil {
					if strings.Contains(rawView, e) {
						t.Errorf("%s: the view carries %q", where, e)
					}
				}
				if strings.ContainsRune(plain, '\x1b') || strings.ContainsRune(ansi.Strip(rawView), 0x07) {
					t.Errorf("%s: control characters left after stripping the styles: %q", where, plain)
				}
			}

			s := a.waitText(fmt.Sprintf(w.progress, 0, ag.Total))
			check("Today", s)
			if !strings.Contains(lines(s)[3], "张三") {
				t.Errorf("the first row is not 张三: %q", lines(s)[3])
			}
			a.key("d")
			check("log form", a.waitText(w.logTitle+"张三"))
			a.key("esc")
			a.waitGone(w.logTitle)
			a.key("s")
			check("snooze", a.waitText(w.snooze+"张三"))
			a.key("esc")
			a.waitGone(w.snooze)
			a.key("c")
			s = a.waitText(w.message+"张三", w.copied)
			check("message", s)
			if !strings.Contains(s, "张总") {
				t.Errorf("the message does not greet 张总:\n%s", s)
			}
			a.key("esc")
			a.waitGone(w.copied)

			a.key("/")
			a.waitText(fmt.Sprintf(w.count, 150, 150))
			a.key("z", "s")
			s = a.waitText(fmt.Sprintf(w.count, 1, 150))
			check("Customers", s)
			if !strings.HasPrefix(strings.TrimSpace(lines(s)[3]), "张三 ") {
				t.Errorf("zs lists %q, want 张三", lines(s)[3])
			}
			a.key("enter")
			s = a.waitText(w.headings[0], "张总")
			check("detail", s)
			if !strings.HasPrefix(lines(s)[1], "张三  张总  ") {
				t.Errorf("the detail's header is %q", lines(s)[1])
			}
			a.key("e")
			s = a.waitText(map[i18n.Lang]string{i18n.ZH: "编辑：张三", i18n.EN: "Edit: 张三"}[lang])
			check("profile form", s)

			if v := a.rec.violations(); len(v) > 0 {
				t.Errorf("%d frames carried the escape sequences, the first:\n%q", len(v), v[0])
			}
			if out := a.output(); strings.Contains(out, "]0;pwned") {
				t.Errorf("the program wrote the window title sequence to the terminal")
			}
		})
	}
}
