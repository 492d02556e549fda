package tui_test

import (
	"fmt"
	"strings"
	"testing"
)

// TestGolden_Insights: the Insights screen as a person sees it (styles
// stripped, NO_COLOR, colour profile pinned), in both languages at 80×24
// and 160×48, as of the fixture's day: every section from its first line,
// and RFM scrolled to its end (the most valuable customers). Regenerate
// with `go test ./tui/ -run TestGolden_Insights -update` after looking at
// the diff.
func TestGolden_Insights(t *testing.T) {
	f := newFixture(t)
	for _, lang := range langs {
		w, iw := wordsOf[lang], insWordsOf[lang]
		for _, size := range [][2]int{{80, 24}, {160, 48}} {
			t.Run(fmt.Sprintf("%s/%dx%d", lang, size[0], size[1]), func(t *testing.T) {
				a := startApp(t, f.options(lang), size[0], size[1])
				shot := func(name, screen string) {
					t.Helper()
					t.Run(name, func(t *testing.T) {
						if strings.Contains(screen, iw.computing) {
							t.Errorf("still computing:\n%s", screen)
						}
						requireScreen(t, screen, size[0], size[1])
					})
				}
				a.waitText(fmt.Sprintf(w.progress, 0, 62)) // Today has recorded its agenda size
				shot("rfm", openInsights(t, a, iw))

				a.key("G")
				shot("rfm_end", a.waitFor("RFM at its end", func(s string) bool {
					m := iw.linesRe.FindStringSubmatch(s)
					return m != nil && m[2] == m[3]
				}))
				a.key("g")
				a.waitFor("RFM at its top", func(s string) bool {
					m := iw.linesRe.FindStringSubmatch(s)
					return m != nil && m[1] == "1"
				})

				for i, name := range []string{"rfm", "abc", "distribution", "retention", "funnel", "complaints", "work"} {
					if i == 0 {
						continue
					}
					a.key(fmt.Sprint(i + 1))
					shot(name, waitReport(t, a, iw, i, fixedDay))
				}
			})
		}
	}
}
