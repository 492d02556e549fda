// Package tui is the terminal app: the daily three questions on the Today
// screen, the customer list with pinyin search and the customer detail,
// over the domain's store interfaces. It never runs SQL and never reads
// the clock itself; loads and writes are tea.Cmds that end in typed
// messages, and state changes only in Update.
package tui

import (
	"context"
	"time"

	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/domain/agenda"
	"github.com/crmtui/crmtui/domain/i18n"
	"github.com/crmtui/crmtui/domain/insights"
	"github.com/crmtui/crmtui/domain/rules"
)

// Store is what the app needs from a store: the agenda's facts and actions,
// the customer file and records. db.Store implements it.
type Store interface {
	agenda.Source
	agenda.Actor
	domain.CustomerStore
	domain.RecordStore
	domain.SegmentStore
	domain.EventStore
	domain.CaseStore
	domain.TemplateStore
	domain.GroupStore
	rules.FactsSource
	// insights.Source feeds the Insights screen's reports.
	insights.Source
	// RecordAgendaDay keeps today's agenda size and items done, which the
	// own-work report's completion figures read; it writes only on change
	// and reports whether it wrote.
	RecordAgendaDay(ctx context.Context, day domain.Date, salespersonID int64, items, done int) (bool, error)
	// DataVersion changes when another process has written to the store,
	// so that the app can reload what it shows (db.Store: PRAGMA data_version).
	DataVersion(ctx context.Context) (int64, error)
}

// Options configure the app.
type Options struct {
	Store     Store
	Config    agenda.Config
	Me        *domain.Salesperson // the salesperson acted as; nil in a store without salespeople
	Scope     agenda.Scope
	Shop      domain.Store // the shop's name and phone, for messages
	Templates []domain.Template
	Lang      i18n.Lang
	Now       func() time.Time
	Loc       *time.Location
	Day       domain.Date // the agenda day to start on; default today
	NoColor   bool        // NO_COLOR: styles without colour
	// ExportDir is the folder Insights writes its CSV exports to (the
	// caller's choice, e.g. the database's folder); empty: the current
	// directory. The app knows no other path.
	ExportDir string
	// FirstFrameExit quits as soon as the first frame showing the day's
	// agenda has been drawn: the time-to-first-frame measurement
	// (CRMTUI_FIRST_FRAME_EXIT=1, timed from outside the process).
	FirstFrameExit bool
}

// common is what every page shares: the store, words, styles, keys, the
// clock and the window size. Only the root model changes it.
type common struct {
	store     Store
	cfg       agenda.Config
	cat       i18n.Catalog
	styles    Styles
	keys      KeyMap
	me        *domain.Salesperson
	scope     agenda.Scope
	shop      domain.Store
	templates []domain.Template
	now       func() time.Time
	loc       *time.Location
	width     int
	height    int
	noColor   bool
	dark      bool
	exportDir string
	nav       []navOp // page changes asked for during this Update, applied by the root before the next message
}

// navOp is a page change a page asks for while handling a message. Pages
// record it here instead of returning a command, so that a key typed right
// after (d then esc) already reaches the page it was meant for.
type navOp struct {
	push   page   // open this page, or
	pop    bool   // close the top page, or
	tab    screen // show this tab (with tabSet)
	tabSet bool
}

// open shows p above the current page.
func (c *common) open(p page) { c.nav = append(c.nav, navOp{push: p}) }

// close closes the top page.
func (c *common) close() { c.nav = append(c.nav, navOp{pop: true}) }

// showTab switches to a tab, closing the pages above the current one.
func (c *common) showTab(s screen) { c.nav = append(c.nav, navOp{tab: s, tabSet: true}) }

// today is the local calendar day of the clock.
func (c *common) today() domain.Date { return domain.DateOf(c.now().In(c.loc)) }

// salesID is the salesperson acted as, or 0.
func (c *common) salesID() int64 {
	if c.me == nil {
		return 0
	}
	return c.me.ID
}

// scopeID is the salesperson whose agenda the app shows, 0 for the store-wide one.
func (c *common) scopeID() int64 {
	if c.scope.All {
		return 0
	}
	return c.scope.SalesID
}

// narrow reports whether the window needs the compact layout.
func (c *common) narrow() bool { return c.width < 100 }

// ctx is the context of store calls; the app has no deadline of its own.
func (c *common) ctx() context.Context { return context.Background() }
