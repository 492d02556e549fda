package tui

import (
	"strings"
)

// renderHelp draws the full help of the top page from the one key map.
func renderHelp(c *common, groups []helpGroup, w, h int) string {
	s := c.styles
	var b strings.Builder
	b.WriteString(s.Title.Render(c.cat.T("tui.help.title")) + "\n")
	seen := map[string]bool{}
	for _, g := range append(groups, c.keys.globalHelp(c.cat)) {
		var rows []string
		for _, k := range g.bindings {
			hk := k.Help()
			if !k.Enabled() || seen[hk.Key+hk.Desc] {
				continue
			}
			seen[hk.Key+hk.Desc] = true
			rows = append(rows, "  "+s.Key.Render(fit(hk.Key, 12))+" "+s.KeyDesc.Render(hk.Desc))
		}
		if len(rows) == 0 {
			continue
		}
		b.WriteString("\n" + s.Section.Render(g.title) + "\n")
		b.WriteString(strings.Join(rows, "\n") + "\n")
	}
	return b.String()
}
