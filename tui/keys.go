package tui

import (
	"charm.land/bubbles/v2/key"

	"github.com/crmtui/crmtui/domain/i18n"
)

// KeyMap is the one key map of the app; `?` renders it, so help never
// disagrees with what the keys do.
type KeyMap struct {
	// Everywhere.
	Help, Quit, Back, Search, NextTab, PrevTab, TabToday key.Binding
	// Lists.
	Up, Down, Open key.Binding
	// Today.
	NextSection, PrevSection, Maintain, Invite, Serve                key.Binding
	Done, Snooze, Skip, Copy, Undo, Refresh, PrevDay, NextDay, Today key.Binding
	// Invitations (Today and Events): the customer said yes or no.
	Confirm, Decline key.Binding
	// Grouped items: every customer's message, then log them all.
	CopyAll key.Binding
	// Customers.
	Add, Sort, Class, Stage, TagFilter, GroupFilter, Filter key.Binding
	// Customer detail.
	Edit, Contact, Purchase, FollowUp, Tag key.Binding
	// Service: the list by kind, and a case walked step by step.
	SvcKind, SvcNextKind, SvcPrevKind, SvcOpen key.Binding
	SvcStep, SvcSkip, SvcClose, SvcCustomer    key.Binding
	// Templates: edit, preview with a real customer, revert to the default.
	TplEdit, TplPreview, TplRevert, TplCopy key.Binding
	// Insights: the sections, scrolling the report, its as-of day, export.
	InsNext, InsPrev, InsSection, InsPageDown, InsPageUp, InsTop, InsBottom key.Binding
	InsPrevDay, InsNextDay, InsPrevMonth, InsNextMonth, InsToday            key.Binding
	InsExport, InsRefresh                                                   key.Binding
}

// DefaultKeyMap returns the keys with help in the catalog's language.
func DefaultKeyMap(cat i18n.Catalog) KeyMap {
	b := func(help string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(keyLabel(keys), cat.T(help)))
	}
	return KeyMap{
		Help:     b("tui.key.help", "?"),
		Quit:     b("tui.key.quit", "q", "ctrl+c"),
		Back:     b("tui.key.back", "esc"),
		Search:   b("tui.key.search", "/"),
		NextTab:  b("tui.key.next_tab", ">", "f2"),
		PrevTab:  b("tui.key.prev_tab", "<"),
		TabToday: b("tui.key.tab_today", "T", "f1"),

		Up:   b("tui.key.up", "k", "up"),
		Down: b("tui.key.down", "j", "down"),
		Open: b("tui.key.open", "enter"),

		NextSection: b("tui.key.section", "tab"),
		PrevSection: b("tui.key.prev_section", "shift+tab"),
		Maintain:    b("tui.key.maintain", "1"),
		Invite:      b("tui.key.invite", "2"),
		Serve:       b("tui.key.serve", "3"),
		Done:        b("tui.key.done", "d"),
		Snooze:      b("tui.key.snooze", "s"),
		Skip:        b("tui.key.skip", "x"),
		Copy:        b("tui.key.copy", "c"),
		Undo:        b("tui.key.undo", "u"),
		Refresh:     b("tui.key.refresh", "r"),
		PrevDay:     b("tui.key.prev_day", "["),
		NextDay:     b("tui.key.next_day", "]"),
		Today:       b("tui.key.today", "t"),
		Confirm:     b("tui.key.confirm", "y"),
		Decline:     b("tui.key.decline", "n"),
		CopyAll:     b("tui.key.copy_all", "C"),

		Add:         b("tui.key.add", "a"),
		Sort:        b("tui.key.sort", "o"),
		Class:       b("tui.key.class", "v"),
		Stage:       b("tui.key.stage", "g"),
		TagFilter:   b("tui.key.tag_filter", "#"),
		GroupFilter: b("tui.key.group_filter", "G"),
		Filter:      b("tui.key.filter", "/"),

		Edit:     b("tui.key.edit", "e"),
		Contact:  b("tui.key.contact", "l"),
		Purchase: b("tui.key.purchase", "p"),
		FollowUp: b("tui.key.followup", "f"),
		Tag:      b("tui.key.tag", "t"),

		SvcKind: key.NewBinding(key.WithKeys("0", "1", "2", "3", "4"),
			key.WithHelp("0-4", cat.T("tui.svc.key.kind"))),
		SvcNextKind: b("tui.svc.key.next_kind", "tab"),
		SvcPrevKind: b("tui.svc.key.prev_kind", "shift+tab"),
		SvcOpen:     b("tui.svc.key.open", "enter"),
		SvcStep:     b("tui.svc.key.step", "n"),
		SvcSkip:     b("tui.svc.key.skip", "x"),
		SvcClose:    b("tui.svc.key.close", "z"),
		SvcCustomer: b("tui.svc.key.customer", "o"),

		TplEdit:    b("tui.tpl.key.edit", "e", "enter"),
		TplPreview: b("tui.tpl.key.preview", "p"),
		TplRevert:  b("tui.tpl.key.revert", "D"),
		TplCopy:    b("tui.tpl.key.copy", "c", "y"),

		// `<` and `>` switch tabs everywhere, so the as-of day moves with
		// the same `[` `]` `t` as Today's day.
		InsNext: b("tui.ins.key.next", "right", "l"),
		InsPrev: b("tui.ins.key.prev", "left", "h"),
		InsSection: key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6", "7"),
			key.WithHelp("1-7", cat.T("tui.ins.key.section"))),
		InsPageDown:  b("tui.ins.key.page_down", "pgdown", "space"),
		InsPageUp:    b("tui.ins.key.page_up", "pgup"),
		InsTop:       b("tui.ins.key.top", "g", "home"),
		InsBottom:    b("tui.ins.key.bottom", "G", "end"),
		InsPrevDay:   b("tui.ins.key.prev_day", "["),
		InsNextDay:   b("tui.ins.key.next_day", "]"),
		InsPrevMonth: b("tui.ins.key.prev_month", "{"),
		InsNextMonth: b("tui.ins.key.next_month", "}"),
		InsToday:     b("tui.ins.key.today", "t"),
		InsExport:    b("tui.ins.key.export", "e"),
		InsRefresh:   b("tui.ins.key.refresh", "r"),
	}
}

// keyLabel shows the keys of a binding the way people read them: "j/↓".
func keyLabel(keys []string) string {
	names := map[string]string{"up": "↑", "down": "↓", "left": "←", "right": "→", "enter": "enter", "esc": "esc",
		"ctrl+c": "ctrl+c", "shift+tab": "shift+tab"}
	out := ""
	for i, k := range keys {
		if n, ok := names[k]; ok {
			k = n
		}
		if i > 0 {
			out += "/"
		}
		out += k
	}
	return out
}

// helpGroup is a titled group of bindings for the full help.
type helpGroup struct {
	title    string
	bindings []key.Binding
}

// globalHelp is the group of keys that work everywhere.
func (k KeyMap) globalHelp(cat i18n.Catalog) helpGroup {
	return helpGroup{cat.T("tui.help.global"), []key.Binding{k.Help, k.Quit, k.Back, k.Search, k.TabToday, k.NextTab, k.PrevTab}}
}
