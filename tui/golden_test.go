package tui_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// TestGolden: the screens as a person sees them (styles stripped, NO_COLOR,
// colour profile pinned), in both languages at 80×24 and 160×48: Today,
// the help, the log form and Customers. Regenerate with
// `go test ./tui/ -run TestGolden -update` after looking at the diff.
func TestGolden(t *testing.T) {
	f := newFixture(t)
	for _, lang := range langs {
		w := wordsOf[lang]
		for _, size := range [][2]int{{80, 24}, {160, 48}} {
			t.Run(fmt.Sprintf("%s/%dx%d", lang, size[0], size[1]), func(t *testing.T) {
				a := startApp(t, f.options(lang), size[0], size[1])
				shot := func(name, screen string) {
					t.Helper()
					t.Run(name, func(t *testing.T) { requireScreen(t, screen, size[0], size[1]) })
				}
				progress := fmt.Sprintf(w.progress, 0, 62)
				shot("today", a.waitText(progress))

				a.key("?")
				shot("help", a.waitText(w.helpTitle))
				a.key("?")
				a.waitGone(w.helpTitle)

				a.key("d")
				shot("log_form", a.waitText(w.logTitle))
				a.key("esc")
				a.waitFor("Today again", func(s string) bool { return !strings.Contains(s, w.logTitle) && strings.Contains(s, progress) })

				a.key(">")
				shot("customers", a.waitText(fmt.Sprintf(w.count, 150, 150)))
			})
		}
	}
}

// requireScreen checks a whole screen: it fits the window, fills every
// line of it, and equals its golden file.
func requireScreen(t *testing.T, screen string, w, h int) {
	t.Helper()
	checkFits(t, screen, w, h)
	if n := len(lines(screen)); n != h {
		t.Errorf("%d lines, want %d", n, h)
	}
	golden.RequireEqual(t, screen)
}
