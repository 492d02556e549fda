package tui

import (
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/domain/rules"
	"github.com/crmtui/crmtui/domain/search"
)

// sortKind orders the customer list.
type sortKind int

const (
	sortValue sortKind = iota
	sortPurchase
	sortContact
	sortCount
)

var sortKeys = [sortCount]string{"tui.customers.sort.value", "tui.customers.sort.purchase", "tui.customers.sort.contact"}

// customersPage is every customer of the store, filtered as you type over
// name, remark, phone, WeChat, tags and pinyin. The search index is built
// once off the UI loop; each keystroke searches off the loop too, and a
// newer keystroke's answer wins.
type customersPage struct {
	c       *common
	all     []domain.CustomerSummary // most valuable first, as the store gives them
	pos     map[int64]int            // customer id → position in all
	index   *search.Index
	filter  textinput.Model
	typing  bool
	matches []int64 // ids matching the text, in list order; nil: no text filter
	shown   []int   // positions in all, in display order
	seq     int
	cursor  int
	offset  int
	sort    sortKind
	class   int            // 0 all, else index+1 in domain.Classes
	stage   int            // 0 all, else index+1 in domain.Stages
	tags    []string       // the store's tags (分组标签), most used first
	tag     int            // 0 all, else index+1 in tags
	groups  []domain.Group // saved groups (分组管理)
	group   int            // 0 all, else index+1 in groups
	inGroup map[int64]bool // members of the chosen group, computed off the UI loop
	loading bool
	loadErr error
	took    time.Duration // the last search's time, shown for the curious
}

// customersMsg carries the loaded list and its index.
type customersMsg struct {
	list  []domain.CustomerSummary
	index *search.Index
	err   error
}

// searchMsg carries the ids matching a query.
type searchMsg struct {
	seq  int
	ids  []int64
	took time.Duration
}

// customersChangedMsg asks the list to reload after a write.
type customersChangedMsg struct{}

// groupsMsg carries the saved groups.
type groupsMsg struct {
	groups []domain.Group
	err    error
}

// groupMatchMsg carries the members of a saved group.
type groupMatchMsg struct {
	group string
	ids   []int64
	err   error
}

func newCustomersPage(c *common) *customersPage {
	in := textinput.New()
	in.Prompt = ""
	st := textinput.DefaultStyles(c.dark)
	st.Cursor.Blink = false
	in.SetStyles(st)
	return &customersPage{c: c, filter: in, loading: true}
}

// load reads every customer and builds the search index off the UI loop.
func (p *customersPage) load() tea.Cmd {
	c := p.c
	return func() tea.Msg {
		list, err := c.store.CustomerSummaries(c.ctx(), 0)
		if err != nil {
			return customersMsg{err: err}
		}
		entries := make([]search.Entry, len(list))
		for i, cs := range list {
			entries[i] = search.Entry{ID: cs.ID, Name: cs.Name, Remark: cs.Remark, Phones: cs.Phones, WeChat: cs.WeChat, Tags: cs.Tags}
		}
		return customersMsg{list: list, index: search.New(entries)}
	}
}

// focusFilter puts the cursor in the search field.
func (p *customersPage) focusFilter() tea.Cmd {
	p.typing = true
	return p.filter.Focus()
}

// search runs the query off the UI loop.
func (p *customersPage) search() tea.Cmd {
	p.seq++
	seq, q, ix := p.seq, strings.TrimSpace(p.filter.Value()), p.index
	if ix == nil {
		return nil
	}
	if q == "" {
		p.matches = nil
		p.rebuild()
		return nil
	}
	return func() tea.Msg {
		start := time.Now()
		ids := ix.Search(q)
		return searchMsg{seq: seq, ids: ids, took: time.Since(start)}
	}
}

// rebuild applies the text matches, the class and stage filters and the
// sort. It walks only the matches when there is a text filter, so a
// keystroke that narrows 100,000 customers to ten costs ten.
func (p *customersPage) rebuild() {
	p.shown = p.shown[:0]
	candidates := func(yield func(int) bool) {
		if p.matches == nil {
			for i := range p.all {
				if !yield(i) {
					return
				}
			}
			return
		}
		for _, id := range p.matches {
			if i, ok := p.pos[id]; ok && !yield(i) {
				return
			}
		}
	}
	for i := range candidates {
		cs := &p.all[i]
		if p.class > 0 && cs.Class != domain.Classes[p.class-1] {
			continue
		}
		if p.stage > 0 && cs.Stage != domain.Stages[p.stage-1] {
			continue
		}
		if p.tag > 0 && !slices.ContainsFunc(cs.Tags, func(t string) bool { return strings.EqualFold(t, p.tags[p.tag-1]) }) {
			continue
		}
		if p.group > 0 && !p.inGroup[cs.ID] {
			continue
		}
		p.shown = append(p.shown, i)
	}
	switch p.sort {
	case sortPurchase:
		slices.SortStableFunc(p.shown, func(a, b int) int { return p.all[b].LastPurchase.Compare(p.all[a].LastPurchase) })
	case sortContact:
		slices.SortStableFunc(p.shown, func(a, b int) int { return p.all[b].LastContact.Compare(p.all[a].LastContact) })
	}
	p.cursor = max(0, min(p.cursor, len(p.shown)-1))
}

func (p *customersPage) selected() (*domain.CustomerSummary, bool) {
	if p.cursor < 0 || p.cursor >= len(p.shown) {
		return nil, false
	}
	return &p.all[p.shown[p.cursor]], true
}

func (p *customersPage) Update(msg tea.Msg) (page, tea.Cmd) {
	switch msg := msg.(type) {
	case customersMsg:
		p.loading = false
		p.loadErr = msg.err
		if msg.err != nil {
			return p, p.c.errStatus(msg.err)
		}
		p.all, p.index = msg.list, msg.index
		p.pos = make(map[int64]int, len(p.all))
		for i, cs := range p.all {
			p.pos[cs.ID] = i
		}
		p.tags = tagsByUse(p.all)
		p.tag = 0
		p.rebuild()
		return p, tea.Batch(p.search(), p.loadGroups())
	case groupsMsg:
		if msg.err == nil {
			p.groups = msg.groups
		}
		return p, nil
	case groupMatchMsg:
		if p.group == 0 || msg.group != p.groups[p.group-1].Name {
			return p, nil
		}
		if msg.err != nil {
			p.group = 0
			return p, p.c.errStatus(msg.err)
		}
		p.inGroup = make(map[int64]bool, len(msg.ids))
		for _, id := range msg.ids {
			p.inGroup[id] = true
		}
		p.cursor = 0
		p.rebuild()
		return p, nil
	case customersChangedMsg:
		return p, p.load()
	case searchMsg:
		if msg.seq != p.seq {
			return p, nil
		}
		p.took = msg.took
		p.matches = msg.ids
		if p.matches == nil {
			p.matches = []int64{}
		}
		p.cursor = 0
		p.rebuild()
		return p, nil
	case tea.KeyPressMsg:
		return p, p.key(msg)
	}
	return p, nil
}

func (p *customersPage) key(msg tea.KeyPressMsg) tea.Cmd {
	k := p.c.keys
	switch msg.String() {
	case "down":
		p.cursor = min(p.cursor+1, max(0, len(p.shown)-1))
		return nil
	case "up":
		p.cursor = max(p.cursor-1, 0)
		return nil
	case "enter":
		if cs, ok := p.selected(); ok {
			return openCustomer(p.c, cs.ID)
		}
		return nil
	}
	if p.typing {
		if msg.String() == "esc" {
			if p.filter.Value() != "" {
				p.filter.SetValue("")
				return p.search()
			}
			p.typing = false
			p.filter.Blur()
			return nil
		}
		before := p.filter.Value()
		var cmd tea.Cmd
		p.filter, cmd = p.filter.Update(msg)
		if p.filter.Value() != before {
			return tea.Batch(cmd, p.search())
		}
		return cmd
	}
	switch {
	case key.Matches(msg, k.Filter):
		return p.focusFilter()
	case key.Matches(msg, k.Down):
		p.cursor = min(p.cursor+1, max(0, len(p.shown)-1))
	case key.Matches(msg, k.Up):
		p.cursor = max(p.cursor-1, 0)
	case key.Matches(msg, k.Add):
		p.c.open(newQuickAddForm(p.c))
	case key.Matches(msg, k.Sort):
		p.sort = (p.sort + 1) % sortCount
		p.rebuild()
	case key.Matches(msg, k.Class):
		p.class = (p.class + 1) % (len(domain.Classes) + 1)
		p.rebuild()
	case key.Matches(msg, k.Stage):
		p.stage = (p.stage + 1) % (len(domain.Stages) + 1)
		p.rebuild()
	case key.Matches(msg, k.TagFilter):
		p.tag = (p.tag + 1) % (len(p.tags) + 1)
		p.rebuild()
	case key.Matches(msg, k.GroupFilter):
		p.group = (p.group + 1) % (len(p.groups) + 1)
		if p.group == 0 {
			p.inGroup = nil
			p.rebuild()
			return nil
		}
		p.inGroup = map[int64]bool{} // empty until the members come back
		p.rebuild()
		return p.matchGroup(p.groups[p.group-1])
	}
	return nil
}

// Typing is true while the search field has the focus.
func (p *customersPage) Typing() bool { return p.typing }

func (p *customersPage) Help() []helpGroup {
	k := p.c.keys
	return []helpGroup{
		{p.c.cat.T("tui.help.customers"), []key.Binding{k.Filter, k.Open, k.Add, k.Sort, k.Class, k.Stage, k.TagFilter, k.GroupFilter, k.Up, k.Down}},
		k.globalHelp(p.c.cat),
	}
}

func (p *customersPage) View(w, h int) string {
	s, cat := p.c.styles, p.c.cat
	var b strings.Builder
	prompt := s.Filter.Render(cat.T("tui.customers.filter"))
	field := p.filter.View()
	if p.filter.Value() == "" {
		// The hint is drawn beside the empty field rather than as its
		// placeholder: the field would cut a Chinese hint to one character.
		field = cut(field+s.Dim.Render(cat.T("tui.customers.filter_hint")), max(0, w-width(prompt)))
	}
	b.WriteString(prompt + field + "\n")
	if p.loading {
		return b.String() + s.Dim.Render(cat.T("tui.customers.loading"))
	}
	if p.loadErr != nil {
		return b.String() + "\n" + s.Error.Render(wrap(cat.T("tui.status.error", cat.Error(p.loadErr)), w))
	}
	if len(p.all) == 0 {
		b.WriteString("\n" + s.Title.Render(cat.T("tui.empty.title")) + "\n\n")
		for _, k := range []string{"tui.empty.add", "tui.empty.import", "tui.empty.demo"} {
			b.WriteString("  • " + cut(cat.T(k), w-4) + "\n")
		}
		return b.String()
	}
	info := []string{cat.T("tui.customers.count", len(p.shown), len(p.all)), cat.T("tui.customers.sort", cat.T(sortKeys[p.sort]))}
	if p.class > 0 {
		info = append(info, cat.T("tui.customers.class", cat.Class(domain.Classes[p.class-1])))
	}
	if p.stage > 0 {
		info = append(info, cat.T("tui.customers.stage", cat.Stage(domain.Stages[p.stage-1])))
	}
	if p.tag > 0 {
		info = append(info, cat.T("tui.customers.tag", clean(p.tags[p.tag-1])))
	}
	if p.group > 0 {
		info = append(info, cat.T("tui.customers.group", clean(p.groups[p.group-1].Name)))
	}
	b.WriteString(s.Dim.Render(cut(strings.Join(info, " · "), w)) + "\n")
	if len(p.shown) == 0 {
		return b.String() + "\n" + s.Dim.Render(cat.T("tui.customers.none"))
	}
	listH := max(1, h-2)
	if p.cursor < p.offset {
		p.offset = p.cursor
	}
	if p.cursor >= p.offset+listH {
		p.offset = p.cursor - listH + 1
	}
	for i := p.offset; i < min(len(p.shown), p.offset+listH); i++ {
		line := p.row(&p.all[p.shown[i]], w)
		if i == p.cursor {
			line = s.ItemSelected.Render(fit(ansiStrip(line), w))
		}
		b.WriteString(line + "\n")
	}
	return b.String()
}

// row is one customer: name (remark), phone, class, stage, last purchase, tags.
func (p *customersPage) row(cs *domain.CustomerSummary, w int) string {
	s, cat := p.c.styles, p.c.cat
	name := clean(cs.Name)
	if cs.Remark != "" {
		name += " " + clean(cs.Remark)
	}
	phone := ""
	if len(cs.Phones) > 0 {
		phone = cs.Phones[0]
	}
	nameW, classW, stageW := 20, wordWidth(domain.Classes, cat.Class), wordWidth(domain.Stages, cat.Stage)
	class := cat.Class(cs.Class)
	if p.c.narrow() {
		nameW, classW = 14, 4
		class = cat.T("tui.class_short." + string(cs.Class))
	}
	parts := []string{fit(name, nameW), fit(clean(phone), 12), s.badge(cs.Class, fit(class, classW))}
	if !p.c.narrow() {
		parts = append(parts, fit(cat.Stage(cs.Stage), stageW), fit(cat.Date(cs.LastPurchase), 10))
	}
	line := " " + strings.Join(parts, " ") + " "
	return line + s.Dim.Render(cut(clean(strings.Join(cs.Tags, ",")), max(0, w-width(line))))
}

// tagsByUse lists the tags of the customers, the most used first.
func tagsByUse(list []domain.CustomerSummary) []string {
	count := map[string]int{}
	for _, cs := range list {
		for _, t := range cs.Tags {
			count[t]++
		}
	}
	tags := make([]string, 0, len(count))
	for t := range count {
		tags = append(tags, t)
	}
	slices.SortFunc(tags, func(a, b string) int {
		if count[a] != count[b] {
			return count[b] - count[a]
		}
		return strings.Compare(a, b)
	})
	return tags
}

// wordWidth is the widest word the catalog gives for a list of values, so
// that a column fits every value in either language.
func wordWidth[T any](values []T, word func(T) string) int {
	w := 0
	for _, v := range values {
		w = max(w, width(word(v)))
	}
	return w
}

// loadGroups reads the saved groups off the UI loop.
func (p *customersPage) loadGroups() tea.Cmd {
	c := p.c
	return func() tea.Msg {
		groups, err := c.store.Groups(c.ctx())
		return groupsMsg{groups: groups, err: err}
	}
}

// matchGroup evaluates a saved group's rule over the store off the UI loop.
func (p *customersPage) matchGroup(g domain.Group) tea.Cmd {
	c := p.c
	return func() tea.Msg {
		r, err := rules.Parse(g.Rule)
		if err != nil {
			return groupMatchMsg{group: g.Name, err: err}
		}
		facts, err := c.store.RuleFacts(c.ctx(), 0)
		if err != nil {
			return groupMatchMsg{group: g.Name, err: err}
		}
		today := c.today()
		var ids []int64
		for i := range facts {
			if r.Match(&facts[i], today) {
				ids = append(ids, facts[i].ID)
			}
		}
		return groupMatchMsg{group: g.Name, ids: ids}
	}
}
