package tui

import (
	"context"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"

	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/domain/insights"
)

// topCustomers is how many of the most valuable customers the RFM section
// lists under its charts (the CSV export has them all).
const topCustomers = 20

// cacheMax bounds the computed reports kept. Each is small: RFM keeps its
// summary and most valuable few, not a row per customer.
const cacheMax = 16

// reportKey names a computed report: the section and its as-of day. ABC
// is computed with RFM (one pass gives both), so both use the key of RFM.
type reportKey struct {
	section insights.Section
	asOf    domain.Date
}

// keyOf is the cache key of a section as of a day.
func keyOf(s insights.Section, asOf domain.Date) reportKey {
	if s == insights.SectionABC {
		s = insights.SectionRFM
	}
	return reportKey{s, asOf}
}

// report is a computed report with what the screen needs beyond it.
type report struct {
	res  insights.Result
	top  []insights.RFMRow // the most valuable customers first, at most topCustomers; RFM only
	gen  int               // the page's generation when it was asked for; older is stale
	used int               // when it was last wanted, for evicting the least recently used
}

// insightsPage is the Insights tab: the seven reports of SPEC §5 as
// sub-tabs, each computed off the UI loop as of a day and cached until
// the data changes.
type insightsPage struct {
	c       *common
	section int         // index in insights.Sections
	asOf    domain.Date // the day the reports are computed as of; today by default
	chosen  bool        // the day was moved by hand; else it follows today past midnight
	offset  [7]int      // scroll position per section
	cache   map[reportKey]*report
	clock   int  // counts uses, for the cache's LRU
	gen     int  // bumped when the store's data changes: older reports are stale
	active  bool // the tab is on screen: a change recomputes at once, else when shown

	// The computation in flight; an answer of an older seq is dropped.
	seq     int
	loading bool
	want    reportKey
	wantGen int
	cancel  context.CancelFunc
	failed  bool // the last computation of the shown report failed

	spin     spinner.Model
	spinning bool // a tick chain is running

	// Render memo: drawing is cheap but not free, and scrolling redraws.
	memo struct {
		rep     *report
		section insights.Section
		width   int
		dark    bool
		lines   []string
	}
	bodyH int // content lines of the last View, for paging
}

func newInsightsPage(c *common) *insightsPage {
	return &insightsPage{c: c, asOf: c.today(), cache: map[reportKey]*report{},
		spin: spinner.New(spinner.WithSpinner(spinner.MiniDot))}
}

// insightsMsg carries a computed report.
type insightsMsg struct {
	seq int
	gen int
	key reportKey
	rep *report
	err error
}

// exportedMsg reports a CSV export.
type exportedMsg struct {
	path string
	rows int
	err  error
}

// current is the section on screen.
func (p *insightsPage) current() insights.Section { return insights.Sections[p.section] }

// shownKey is the cache key of what is on screen.
func (p *insightsPage) shownKey() reportKey { return keyOf(p.current(), p.asOf) }

// me is whose work and distribution the reports show: the salesperson
// acted as, none (the store) with the store-wide scope, like `crmtui report`.
func (p *insightsPage) me() *domain.Salesperson {
	if p.c.scope.All {
		return nil
	}
	return p.c.me
}

// computing reports whether the report on screen is being computed (another
// section's computation may still be running after a switch to a cached one).
func (p *insightsPage) computing() bool { return p.loading && p.want == p.shownKey() }

// shown is the report to draw, fresh or not (a stale one stays up while
// its replacement is computed), or nil.
func (p *insightsPage) shown() *report { return p.cache[p.shownKey()] }

// setActive tells the page whether its tab is on screen; showing it
// computes the visible report if it is missing or stale.
func (p *insightsPage) setActive(on bool) tea.Cmd {
	p.active = on
	if on {
		if today := p.c.today(); !p.chosen && p.asOf != today {
			p.asOf = today // the app was left open over midnight
		}
		return p.load()
	}
	return nil
}

// invalidate marks every cached report stale after a write, ours or
// another process's; the visible one is recomputed at once, the others
// when they are shown.
func (p *insightsPage) invalidate() tea.Cmd {
	p.gen++
	if p.active {
		return p.load()
	}
	return nil
}

// invalidateWork drops the own-work reports, the only ones that read the
// agenda sizes Today records, and recomputes the one on screen.
func (p *insightsPage) invalidateWork() tea.Cmd {
	for k := range p.cache {
		if k.section == insights.SectionWork {
			delete(p.cache, k)
		}
	}
	if p.active && p.current() == insights.SectionWork {
		p.loading = false // a computation in flight may have read the old sizes: start again
		return p.load()
	}
	return nil
}

// load computes the visible report off the UI loop unless a fresh one is
// cached or already being computed. A newer load cancels the one in flight.
func (p *insightsPage) load() tea.Cmd {
	k := p.shownKey()
	if r, ok := p.cache[k]; ok && r.gen == p.gen {
		p.clock++
		r.used = p.clock
		return nil
	}
	if p.loading && p.want == k && p.wantGen == p.gen {
		return nil
	}
	if p.cancel != nil {
		p.cancel()
	}
	p.seq++
	p.loading, p.want, p.wantGen, p.failed = true, k, p.gen, false
	ctx, cancel := context.WithCancel(p.c.ctx())
	p.cancel = cancel
	seq, gen, c := p.seq, p.gen, p.c
	req := p.request(k)
	compute := func() tea.Msg {
		defer cancel()
		// Today's classes feed the coverage of important customers and
		// make today's RFM read the kept columns, as in `crmtui report`.
		if err := c.store.EnsureSegments(ctx, c.today(), 0); err != nil {
			return insightsMsg{seq: seq, gen: gen, key: k, err: err}
		}
		res, err := insights.Compute(ctx, c.store, req)
		if err != nil {
			return insightsMsg{seq: seq, gen: gen, key: k, err: err}
		}
		r := &report{gen: gen}
		if res.RFM != nil {
			// The screen shows the summary and the most valuable few; a row
			// per customer (14 MB at 100,000) is not kept: the CSV export
			// computes them again.
			r.top = insights.MostValuable(res.RFM.Rows, topCustomers)
			summary := *res.RFM
			summary.Rows = nil
			res.RFM = &summary
		}
		r.res = res
		return insightsMsg{seq: seq, gen: gen, key: k, rep: r}
	}
	return tea.Batch(compute, p.startSpinner())
}

// request is what computes the report of key k, for the salesperson the
// app acts as (the store with the store-wide scope).
func (p *insightsPage) request(k reportKey) insights.Request {
	c := p.c
	return insights.Request{Section: k.section, AsOf: k.asOf, Segment: c.cfg.Segment, Loc: c.loc, Me: p.me()}
}

func (p *insightsPage) startSpinner() tea.Cmd {
	if p.spinning {
		return nil
	}
	p.spinning = true
	return p.spin.Tick
}

// store keeps a computed report, evicting the least recently used past
// the cache's bound.
func (p *insightsPage) store(k reportKey, r *report) {
	p.clock++
	r.used = p.clock
	p.cache[k] = r
	for len(p.cache) > cacheMax {
		var oldest reportKey
		found := false
		for kk, x := range p.cache {
			if kk != k && (!found || x.used < p.cache[oldest].used) {
				oldest, found = kk, true
			}
		}
		if !found {
			return
		}
		delete(p.cache, oldest)
	}
}

// changesData reports whether a message says this app wrote to the store:
// the reports then recompute. Another process's writes arrive as
// customersChangedMsg from the root's data-version watch.
func changesData(msg tea.Msg) bool {
	switch msg.(type) {
	case customersChangedMsg, actedMsg, undoneMsg, savedMsg, caseSavedMsg, eventsChangedMsg, invitedMsg:
		return true
	}
	return false
}

// Update handles computed reports, the spinner, data changes and keys.
func (p *insightsPage) Update(msg tea.Msg) (page, tea.Cmd) {
	switch msg := msg.(type) {
	case insightsMsg:
		if msg.seq != p.seq {
			return p, nil // a newer computation was asked for: this one is stale
		}
		p.loading, p.cancel = false, nil
		if msg.err != nil {
			p.failed = true
			return p, p.c.errStatus(msg.err)
		}
		p.store(msg.key, msg.rep)
		return p, nil
	case spinner.TickMsg:
		if msg.ID != p.spin.ID() {
			return p, nil
		}
		if !p.loading {
			p.spinning = false
			return p, nil
		}
		var cmd tea.Cmd
		p.spin, cmd = p.spin.Update(msg)
		return p, cmd
	case agendaRecordedMsg:
		return p, p.invalidateWork()
	case exportedMsg:
		if msg.err != nil {
			return p, p.c.errStatus(msg.err)
		}
		return p, status(p.c.cat.T("tui.ins.exported", msg.rows, msg.path))
	case tea.KeyPressMsg:
		return p, p.key(msg)
	}
	if changesData(msg) {
		return p, p.invalidate()
	}
	return p, nil
}

func (p *insightsPage) key(msg tea.KeyPressMsg) tea.Cmd {
	k := p.c.keys
	n := len(insights.Sections)
	switch {
	case key.Matches(msg, k.InsNext):
		return p.show((p.section + 1) % n)
	case key.Matches(msg, k.InsPrev):
		return p.show((p.section + n - 1) % n)
	case key.Matches(msg, k.InsSection):
		return p.show(int(msg.String()[0] - '1'))
	case key.Matches(msg, k.Down):
		p.scroll(1)
	case key.Matches(msg, k.Up):
		p.scroll(-1)
	case key.Matches(msg, k.InsPageDown):
		p.scroll(max(1, p.bodyH-1))
	case key.Matches(msg, k.InsPageUp):
		p.scroll(-max(1, p.bodyH-1))
	case key.Matches(msg, k.InsTop):
		p.offset[p.section] = 0
	case key.Matches(msg, k.InsBottom):
		p.offset[p.section] = 1 << 30 // View clamps it to the last page
	case key.Matches(msg, k.InsPrevDay):
		return p.moveTo(p.asOf.AddDays(-1))
	case key.Matches(msg, k.InsNextDay):
		return p.moveTo(p.asOf.AddDays(1))
	case key.Matches(msg, k.InsPrevMonth):
		return p.moveTo(addMonths(p.asOf, -1))
	case key.Matches(msg, k.InsNextMonth):
		return p.moveTo(addMonths(p.asOf, 1))
	case key.Matches(msg, k.InsToday):
		return p.moveTo(p.c.today())
	case key.Matches(msg, k.InsRefresh):
		delete(p.cache, p.shownKey())
		return tea.Batch(p.load(), status(p.c.cat.T("tui.status.refreshed")))
	case key.Matches(msg, k.InsExport):
		return p.export()
	}
	return nil
}

// show switches to a section and computes it if needed.
func (p *insightsPage) show(i int) tea.Cmd {
	if i < 0 || i >= len(insights.Sections) {
		return nil
	}
	p.section = i
	return p.load()
}

// moveTo sets the as-of day, never past today: a report of tomorrow would
// only repeat today's.
func (p *insightsPage) moveTo(day domain.Date) tea.Cmd {
	if today := p.c.today(); day.After(today) {
		day = today
	}
	if day == p.asOf {
		return nil
	}
	p.asOf, p.chosen = day, day != p.c.today()
	return p.load()
}

// addMonths is the same day n months later, the month's last day when
// the month is shorter (31 March less a month is 28 or 29 February).
func addMonths(d domain.Date, n int) domain.Date {
	y, m, dd := d.YMD()
	first := domain.NewDate(y, m+time.Month(n), 1)
	return domain.ClampDate(first.Year(), first.Month(), dd)
}

// scroll moves the report by n lines; View clamps the offset.
func (p *insightsPage) scroll(n int) {
	p.offset[p.section] = max(0, min(p.offset[p.section], p.maxOffset())+n)
}

// maxOffset is the last scroll position of the drawn lines.
func (p *insightsPage) maxOffset() int {
	return max(0, len(p.memo.lines)-p.bodyH)
}

// Typing: the Insights page has no text field.
func (p *insightsPage) Typing() bool { return false }

// Help lists the Insights keys, the most used first (the footer shows the first group).
func (p *insightsPage) Help() []helpGroup {
	k, cat := p.c.keys, p.c.cat
	return []helpGroup{
		{cat.T("tui.ins.help"), []key.Binding{k.InsPrev, k.InsNext, k.Down, k.Up, k.InsPrevDay, k.InsNextDay, k.InsExport}},
		{cat.T("tui.help.move"), []key.Binding{k.InsSection, k.InsPageDown, k.InsPageUp, k.InsTop, k.InsBottom,
			k.InsPrevMonth, k.InsNextMonth, k.InsToday, k.InsRefresh}},
		k.globalHelp(cat),
	}
}
