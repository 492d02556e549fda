package tui

import (
	tea "charm.land/bubbletea/v2"
)

// placeholderPage stands for a screen whose issue has not landed yet and says so plainly.
type placeholderPage struct {
	c   *common
	tab string
}

func newPlaceholderPage(c *common, tab string) *placeholderPage {
	return &placeholderPage{c: c, tab: tab}
}

func (p *placeholderPage) Update(msg tea.Msg) (page, tea.Cmd) { return p, nil }
func (p *placeholderPage) Typing() bool                       { return false }
func (p *placeholderPage) Help() []helpGroup                  { return []helpGroup{p.c.keys.globalHelp(p.c.cat)} }

func (p *placeholderPage) View(w, h int) string {
	return "\n" + p.c.styles.Dim.Render(wrap(p.c.cat.T("tui.not_yet", p.c.cat.T(p.tab)), w))
}
