package tui

import (
	"strings"

	"charm.land/lipgloss/v2"
)

// renderHelp draws the full help of the top page from the one key map.
func renderHelp(c *common, groups []helpGroup, w, h int) string {
	s := c.styles
	var blocks []string
	seen := map[string]bool{}
	for _, g := range append(groups, c.keys.globalHelp(c.cat)) {
		var rows []string
		keyW := 0
		for _, k := range g.bindings {
			keyW = max(keyW, width(k.Help().Key))
		}
		for _, k := range g.bindings {
			hk := k.Help()
			if !k.Enabled() || seen[hk.Key+hk.Desc] {
				continue
			}
			seen[hk.Key+hk.Desc] = true
			rows = append(rows, " "+s.Key.Render(fit(hk.Key, keyW))+" "+s.KeyDesc.Render(hk.Desc))
		}
		if len(rows) == 0 {
			continue
		}
		blocks = append(blocks, s.Section.Render(g.title)+"\n"+strings.Join(rows, "\n"))
	}
	title := s.Title.Render(c.cat.T("tui.help.title"))
	one := title + "\n\n" + strings.Join(blocks, "\n\n")
	if strings.Count(one, "\n") < h || len(blocks) < 2 {
		return one
	}
	// Too tall for the window (80×24): lay the groups out side by side.
	// Each column as wide as its widest row when they all fit, else equal
	// shares with rows cut, never wrapped: a wrapped row reads as two keys.
	widths := make([]int, len(blocks))
	total := 0
	for i, bl := range blocks {
		for _, l := range strings.Split(bl, "\n") {
			widths[i] = max(widths[i], width(l)+2)
		}
		total += widths[i]
	}
	if total > w {
		for i := range widths {
			widths[i] = max(16, w/len(blocks)-1)
		}
	}
	cols := make([]string, len(blocks))
	for i, bl := range blocks {
		lines := strings.Split(bl, "\n")
		for j, l := range lines {
			lines[j] = cut(l, widths[i]-1)
		}
		cols[i] = lipgloss.NewStyle().Width(widths[i]).Render(strings.Join(lines, "\n"))
	}
	return title + "\n\n" + lipgloss.JoinHorizontal(lipgloss.Top, cols...)
}
