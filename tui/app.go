package tui

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/crmtui/crmtui/domain/i18n"
)

// screen is a tab of the app.
type screen int

const (
	screenToday screen = iota
	screenCustomers
	screenEvents
	screenService
	screenInsights
	screenTemplates
	screenCount
)

var tabKeys = [screenCount]string{"tui.tab.today", "tui.tab.customers", "tui.tab.events", "tui.tab.service", "tui.tab.insights", "tui.tab.templates"}

// Model is the root of the app: the tab bar, the current tab's page, the
// stack of dialogs above it, the help overlay and the status line.
type Model struct {
	c        *common
	current  screen
	tabs     [screenCount]page
	stack    []page
	showHelp bool
	helpOff  int // the help's scroll position, when it is taller than the window
	status   statusMsg
	quitting bool
	version  int64 // the store's data version last seen; -1 before the first look
	// firstFrameExit: quit once Today's agenda is on screen (Options.FirstFrameExit).
	firstFrameExit bool
	customersAsked bool // the Customers list load has been started (after Today's first agenda)
}

// watchEvery is how often the app asks whether another process (a second
// crmtui, an import) has written to the store.
const watchEvery = 2 * time.Second

// watchTickMsg is the time to look at the store's data version.
type watchTickMsg struct{}

// versionMsg carries the store's data version, read off the UI loop.
type versionMsg struct {
	v   int64
	err error
}

func watchTick() tea.Cmd {
	return tea.Tick(watchEvery, func(time.Time) tea.Msg { return watchTickMsg{} })
}

// readVersion asks the store for its data version off the UI loop.
func (m *Model) readVersion() tea.Cmd {
	store, ctx := m.c.store, m.c.ctx()
	return func() tea.Msg {
		v, err := store.DataVersion(ctx)
		return versionMsg{v, err}
	}
}

// versionRead reloads Today and Customers when another process has
// written since the last look, and schedules the next look.
func (m *Model) versionRead(msg versionMsg) tea.Cmd {
	if msg.err != nil {
		return watchTick() // a failed look is tried again; the screens stay as they are
	}
	changed := m.version >= 0 && msg.v != m.version
	m.version = msg.v
	if !changed {
		return watchTick()
	}
	// customersChangedMsg reaches every page: Customers reloads, Insights
	// marks its reports stale and recomputes the one on screen.
	cmds := []tea.Cmd{watchTick(), func() tea.Msg { return customersChangedMsg{} }}
	if p, ok := m.tabs[screenToday].(*todayPage); ok {
		cmds = append(cmds, p.load())
	}
	return tea.Batch(cmds...)
}

// New builds the app.
func New(opt Options) *Model {
	cat := i18n.New(opt.Lang)
	c := &common{store: opt.Store, cfg: opt.Config, cat: cat, keys: DefaultKeyMap(cat), me: opt.Me, scope: opt.Scope,
		shop: opt.Shop, templates: opt.Templates, now: opt.Now, loc: opt.Loc, width: 80, height: 24, noColor: opt.NoColor, dark: true,
		exportDir: opt.ExportDir}
	c.styles = NewStyles(true, opt.NoColor)
	m := &Model{c: c, version: -1, firstFrameExit: opt.FirstFrameExit}
	day := opt.Day
	if day.IsZero() {
		day = c.today()
	}
	m.tabs[screenToday] = newTodayPage(c, day)
	m.tabs[screenCustomers] = newCustomersPage(c)
	m.tabs[screenEvents] = newEventsPage(c)
	m.tabs[screenService] = newServicePage(c)
	m.tabs[screenInsights] = newInsightsPage(c)
	m.tabs[screenTemplates] = newTemplatesPage(c)
	return m
}

// Init loads the first screens and asks the terminal for its background.
func (m *Model) Init() tea.Cmd {
	return tea.Batch(tea.RequestBackgroundColor, m.tabs[screenToday].(*todayPage).load(),
		m.tabs[screenEvents].(*eventsPage).load(), m.tabs[screenService].(*servicePage).load(), m.tabs[screenTemplates].(*templatesPage).load(),
		m.readVersion())
}

func (m *Model) top() page {
	if len(m.stack) > 0 {
		return m.stack[len(m.stack)-1]
	}
	return m.tabs[m.current]
}

// Update routes messages: window and colour changes to the shared state,
// keys to the top page (after the global keys), everything else to every page.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.c.width, m.c.height = msg.Width, msg.Height
		return m, nil
	case tea.BackgroundColorMsg:
		m.c.dark = msg.IsDark()
		m.c.styles = NewStyles(m.c.dark, m.c.noColor)
		return m, nil
	case pushMsg:
		m.stack = append(m.stack, msg.p)
		return m, nil
	case popMsg:
		if len(m.stack) > 0 {
			m.stack = m.stack[:len(m.stack)-1]
		}
		return m, nil
	case statusMsg:
		m.status = msg
		return m, nil
	case watchTickMsg:
		return m, m.readVersion()
	case versionMsg:
		return m, m.versionRead(msg)
	case tea.KeyPressMsg:
		cmd := m.key(msg)
		return m, tea.Batch(cmd, m.applyNav())
	}
	cmd := m.broadcast(msg)
	if !m.customersAsked {
		if p, ok := m.tabs[screenToday].(*todayPage); ok && !p.loading {
			// The whole customer list (and its search index) loads once
			// Today is on screen, not beside it: on two cores it would
			// otherwise delay the first frame.
			m.customersAsked = true
			cmd = tea.Batch(cmd, m.tabs[screenCustomers].(*customersPage).load())
		}
	}
	if m.firstFrameExit {
		if p, ok := m.tabs[screenToday].(*todayPage); ok && !p.loading {
			// The frame drawn after this Update shows the agenda; bubbletea
			// draws it before it quits.
			return m, tea.Quit
		}
	}
	return m, tea.Batch(cmd, m.applyNav())
}

// applyNav carries out the page changes pages asked for during this Update.
func (m *Model) applyNav() tea.Cmd {
	var cmds []tea.Cmd
	for _, op := range m.c.nav {
		switch {
		case op.push != nil:
			m.stack = append(m.stack, op.push)
		case op.pop:
			if len(m.stack) > 0 {
				m.stack = m.stack[:len(m.stack)-1]
			}
		case op.tabSet:
			cmds = append(cmds, m.switchTo(op.tab))
		}
	}
	m.c.nav = m.c.nav[:0]
	return tea.Batch(cmds...)
}

// broadcast gives a non-key message to every page: results of loads and
// writes find the page that asked for them.
func (m *Model) broadcast(msg tea.Msg) tea.Cmd {
	var cmds []tea.Cmd
	for i := range m.tabs {
		var cmd tea.Cmd
		m.tabs[i], cmd = m.tabs[i].Update(msg)
		cmds = append(cmds, cmd)
	}
	for i := range m.stack {
		var cmd tea.Cmd
		m.stack[i], cmd = m.stack[i].Update(msg)
		cmds = append(cmds, cmd)
	}
	return tea.Batch(cmds...)
}

// key handles the keys that work everywhere, then gives the key to the top page.
func (m *Model) key(msg tea.KeyPressMsg) tea.Cmd {
	k := m.c.keys
	if msg.String() == "ctrl+c" {
		m.quitting = true
		return tea.Quit
	}
	if m.showHelp {
		switch {
		case key.Matches(msg, k.Help, k.Back):
			m.showHelp, m.helpOff = false, 0
		case key.Matches(msg, k.Quit):
			m.quitting = true
			return tea.Quit
		case key.Matches(msg, k.Down):
			m.helpOff++
		case key.Matches(msg, k.Up):
			m.helpOff = max(0, m.helpOff-1)
		case key.Matches(msg, k.InsPageDown):
			m.helpOff += max(1, m.c.height-5)
		case key.Matches(msg, k.InsPageUp):
			m.helpOff = max(0, m.helpOff-max(1, m.c.height-5))
		}
		return nil
	}
	top := m.top()
	if !top.Typing() {
		switch {
		case key.Matches(msg, k.Quit):
			m.quitting = true
			return tea.Quit
		case key.Matches(msg, k.Help):
			m.showHelp = true
			return nil
		case len(m.stack) == 0 && key.Matches(msg, k.NextTab):
			return m.switchTo((m.current + 1) % screenCount)
		case len(m.stack) == 0 && key.Matches(msg, k.PrevTab):
			return m.switchTo((m.current + screenCount - 1) % screenCount)
		case len(m.stack) == 0 && key.Matches(msg, k.TabToday):
			return m.switchTo(screenToday)
		case len(m.stack) == 0 && key.Matches(msg, k.Search) && m.current != screenCustomers:
			return m.search()
		}
	}
	var cmd tea.Cmd
	if len(m.stack) > 0 {
		i := len(m.stack) - 1
		m.stack[i], cmd = m.stack[i].Update(msg)
		if len(m.c.nav) == 0 && !top.Typing() && key.Matches(msg, k.Back) {
			m.c.close() // pages without their own esc (the detail) close on esc
		}
		return cmd
	}
	m.tabs[m.current], cmd = m.tabs[m.current].Update(msg)
	return cmd
}

func (m *Model) switchTo(s screen) tea.Cmd {
	m.current = s
	m.stack = nil
	if p, ok := m.tabs[screenInsights].(*insightsPage); ok {
		return p.setActive(s == screenInsights) // reports are computed when shown
	}
	return nil
}

// search shows the Customers tab with the cursor in its search field.
func (m *Model) search() tea.Cmd {
	m.switchTo(screenCustomers)
	if p, ok := m.tabs[screenCustomers].(*customersPage); ok {
		return p.focusFilter()
	}
	return nil
}

// View draws the frame: tab bar, the top page, the status line and a line of help.
func (m *Model) View() tea.View {
	v := tea.NewView("")
	v.AltScreen = true
	if m.quitting {
		return v
	}
	c := m.c
	w, h := max(c.width, 20), max(c.height, 6)
	var b strings.Builder
	b.WriteString(m.tabBar(w))
	b.WriteString("\n")
	bodyH := h - 3
	var body string
	if m.showHelp {
		body = m.help(w, bodyH)
	} else {
		body = m.top().View(w, bodyH)
	}
	b.WriteString(padLines(body, bodyH))
	b.WriteString("\n")
	b.WriteString(m.statusLine(w))
	b.WriteString("\n")
	b.WriteString(m.footer(w))
	v.Content = b.String()
	return v
}

// helpNoter is a page whose help has more than keys: Insights adds the
// definitions behind its figures.
type helpNoter interface {
	helpNotes(w int) []string
}

// help draws the keys of the top page, its notes, and scrolls them when
// they are taller than the window, saying how much more there is.
func (m *Model) help(w, h int) string {
	text := renderHelp(m.c, m.top().Help(), w, h)
	if n, ok := m.top().(helpNoter); ok {
		text += "\n\n" + strings.Join(n.helpNotes(w), "\n")
	}
	lines := strings.Split(text, "\n")
	if len(lines) <= h {
		m.helpOff = 0
		return text
	}
	room := max(1, h-1) // the last line says how much more there is
	m.helpOff = max(0, min(m.helpOff, len(lines)-room))
	shown := lines[m.helpOff : m.helpOff+room]
	more := ""
	if below := len(lines) - m.helpOff - room; below > 0 {
		more = m.c.styles.Dim.Render(cut(m.c.cat.T("tui.ins.help.more", below), w))
	}
	return strings.Join(append(shown, more), "\n")
}

func (m *Model) tabBar(w int) string {
	c := m.c
	var parts []string
	for s := screen(0); s < screenCount; s++ {
		name := c.cat.T(tabKeys[s])
		if s == m.current {
			parts = append(parts, c.styles.TabActive.Render(name))
		} else {
			parts = append(parts, c.styles.Tab.Render(name))
		}
	}
	return cut(strings.Join(parts, c.styles.Dim.Render("·")), w)
}

func (m *Model) statusLine(w int) string {
	if m.status.text == "" {
		return ""
	}
	st := m.c.styles.Status
	if m.status.err {
		st = m.c.styles.Error
	}
	return st.Render(cut(clean(m.status.text), w))
}

// footer shows the most useful keys of the top page and the way to the rest.
func (m *Model) footer(w int) string {
	c := m.c
	groups := m.top().Help()
	var parts []string
	if len(groups) > 0 {
		for _, b := range groups[0].bindings {
			if !b.Enabled() {
				continue
			}
			parts = append(parts, c.styles.Key.Render(b.Help().Key)+" "+c.styles.KeyDesc.Render(b.Help().Desc))
		}
	}
	help := c.styles.Key.Render("?") + " " + c.styles.KeyDesc.Render(c.cat.T("tui.key.help"))
	// "? help" is always there: the page's keys take the room left beside it.
	room := w - width(help) - 2
	line := ""
	for _, p := range parts {
		next := line
		if next != "" {
			next += "  "
		}
		next += p
		if width(next) > room {
			break
		}
		line = next
	}
	if line == "" {
		return help
	}
	return line + "  " + help
}
