package tui

import (
	tea "charm.land/bubbletea/v2"
)

// page is one screen or dialog. Tabs are pages; dialogs and the customer
// detail are pages pushed on a stack above the current tab, and esc pops them.
type page interface {
	// Update handles a message; pages get every message, not only keys.
	Update(msg tea.Msg) (page, tea.Cmd)
	// View renders the page into width × height cells.
	View(width, height int) string
	// Help lists the page's key groups for `?` and the footer.
	Help() []helpGroup
	// Typing reports whether a text field has the focus, so that letter
	// keys go to it instead of to global shortcuts.
	Typing() bool
}

// pushMsg asks the root to show a page above the current one; it is for
// results of commands (a rendered message). Pages handling a key use
// common.open, which takes effect before the next key.
type pushMsg struct{ p page }

// popMsg asks the root to close the top page (from a command).
type popMsg struct{}

// statusMsg shows a line in the status bar.
type statusMsg struct {
	text string
	err  bool
}

func push(p page) tea.Cmd { return func() tea.Msg { return pushMsg{p} } }

func pop() tea.Msg { return popMsg{} }

func status(text string) tea.Cmd { return func() tea.Msg { return statusMsg{text: text} } }

// errStatus reports an error in the status line: errors never panic or
// break the screen.
func (c *common) errStatus(err error) tea.Cmd {
	if err == nil {
		return nil
	}
	text := c.cat.T("tui.status.error", c.cat.Error(err))
	return func() tea.Msg { return statusMsg{text: text, err: true} }
}
