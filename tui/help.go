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
	// Too tall for the window (80×24): lay the groups out side by side,
	// as many to a row as fit at their natural width, rows below each
	// other. A group wider than the window is cut, never wrapped: a wrapped
	// row reads as two keys.
	var rows []string
	var row []string
	used := 0
	flush := func() {
		if len(row) > 0 {
			rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, row...))
			row, used = nil, 0
		}
	}
	for _, bl := range blocks {
		bw := 0
		lines := strings.Split(bl, "\n")
		for _, l := range lines {
			bw = max(bw, width(l)+2)
		}
		bw = min(bw, w)
		if used+bw > w {
			flush()
		}
		for j, l := range lines {
			lines[j] = cut(l, bw-1)
		}
		row = append(row, lipgloss.NewStyle().Width(bw).Render(strings.Join(lines, "\n")))
		used += bw
	}
	flush()
	return title + "\n\n" + strings.Join(rows, "\n\n")
}
