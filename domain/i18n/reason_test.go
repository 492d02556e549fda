package i18n

import (
	"context"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/domain/agenda"
	"github.com/crmtui/crmtui/domain/lunar"
)

func TestReasonTexts(t *testing.T) {
	zh, en := New(ZH), New(EN)
	nov20 := domain.MustDate("2025-11-20")
	for _, tc := range []struct {
		name   string
		r      agenda.Reason
		zh, en string
	}{
		{"routine 1", agenda.Reason{Code: "routine_1", Date: nov20, Days: 1, N: 1, Name: "羊毛围巾"},
			"11月20日购买羊毛围巾 · 感谢购买，让顾客记住你", "bought 羊毛围巾 on Nov 20 · say thanks, so they remember you"},
		{"routine 3 without product", agenda.Reason{Code: "routine_3", Date: nov20, Days: 3, N: 3},
			"11月20日购买 · 保养提示，让顾客认可你", "purchase on Nov 20 · care tips, so they recognise you"},
		{"routine 7 folded", agenda.Reason{Code: "routine_7", Date: nov20, Days: 7, N: 7, Name: "大衣", Folded: []int{1, 3}},
			"11月20日购买大衣 · 回访感受，让顾客喜欢你（含未做的第1、3天）",
			"bought 大衣 on Nov 20 · ask how it goes, so they like you (incl. day 1, 3 not done)"},
		{"lunar birthday", agenda.Reason{Code: "birthday", Date: domain.MustDate("2026-09-25"), Days: 3, N: 35, Lunar: "八月十五"},
			"农历八月十五生日，还有3天（35岁）", "lunar birthday 八月十五, in 3 days (turns 35)"},
		{"solar birthday today, no year", agenda.Reason{Code: "birthday", Date: nov20},
			"11月20日生日，就是今天", "birthday Nov 20, today"},
		{"birthday yesterday", agenda.Reason{Code: "birthday", Date: nov20, Days: -1, N: 40},
			"11月20日生日，已过1天（40岁）", "birthday Nov 20, 1 day ago (turned 40)"},
		{"anniversary", agenda.Reason{Code: "anniversary", Date: nov20, Days: 1, N: 1, Name: "结婚纪念日"},
			"结婚纪念日（11月20日），还有1天（1周年）", "结婚纪念日 (Nov 20), in 1 day (1 year)"},
		{"lunar anniversary without label", agenda.Reason{Code: "anniversary", Date: nov20, Days: 2, Lunar: "十月初一"},
			"纪念日（农历十月初一），还有2天", "anniversary (lunar 十月初一), in 2 days"},
		{"holiday", agenda.Reason{Code: "holiday", Days: 3, N: 42, Name: "中秋节", NameEN: "Mid-Autumn Festival"},
			"中秋节问候，还有3天 · 42位顾客", "Mid-Autumn Festival greeting, in 3 days · 42 customers"},
		{"holiday today, one customer", agenda.Reason{Code: "holiday", N: 1, Name: "店庆"},
			"店庆问候，就是今天 · 1位顾客", "店庆 greeting, today · 1 customer"},
		{"replenish", agenda.Reason{Code: "replenish", Date: domain.MustDate("2025-11-25"), Days: 3, N: 30, Name: "大米10kg"},
			"大米10kg（可用30天）预计11月25日用完，还剩3天", "大米10kg (30-day supply) runs out Nov 25, 3 days left"},
		{"replenish ran out", agenda.Reason{Code: "replenish", Date: nov20, Days: -2, N: 30},
			"上次买的商品（可用30天）已于11月20日用完（2天前）", "last purchase (30-day supply) ran out Nov 20, 2 days ago"},
		{"replenish today", agenda.Reason{Code: "replenish", Date: nov20, Name: "猫粮"},
			"猫粮预计今天（11月20日）用完", "猫粮 runs out today (Nov 20)"},
		{"dormant", agenda.Reason{Code: "dormant", Days: 100, N: 40},
			"距上次购买100天（平均40天买一次）", "last purchase 100 days ago (usually every 40 days)"},
		{"dormant one-time buyer", agenda.Reason{Code: "dormant", Days: 130},
			"距上次购买130天（只买过一次）", "last purchase 130 days ago (bought once)"},
		{"seasonal", agenda.Reason{Code: "seasonal", Days: 95},
			"95天没有联系也没有购买，季节问候", "no contact or purchase for 95 days: seasonal touch"},
		{"aftercare event", agenda.Reason{Code: "aftercare_event", Date: nov20, Name: "秋冬新品品鉴会"},
			"感谢参加秋冬新品品鉴会（11月20日）", "thank them for coming to 秋冬新品品鉴会 (Nov 20)"},
		{"aftercare case", agenda.Reason{Code: "aftercare_case", Date: nov20, Name: "大衣改短"},
			"回访：大衣改短（11月20日已结案）", "revisit: 大衣改短 (closed Nov 20)"},
		{"followup", agenda.Reason{Code: "followup", Name: "问问\n尺码到货没有"},
			"跟进：问问 尺码到货没有", "follow up: 问问 尺码到货没有"},
		{"followup without note", agenda.Reason{Code: "followup"}, "按约跟进", "follow-up due"},
		{"invite", agenda.Reason{Code: "invite", Date: nov20, Days: 3, N: 2, Name: "VIP之夜"},
			"邀约：VIP之夜（11月20日，3天后） · 排第2", "invite to VIP之夜 (Nov 20, in 3 days) · #2"},
		{"chase", agenda.Reason{Code: "chase", Date: nov20, Days: 2, N: 1, Name: "VIP之夜"},
			"催回复：VIP之夜 · 已邀约1次，2天未回复", "chase: VIP之夜 · asked 1 time, no answer for 2 days"},
		{"remind", agenda.Reason{Code: "remind", Date: nov20, Days: 1, Name: "VIP之夜"},
			"提醒到场：VIP之夜明天开始", "remind: VIP之夜 starts tomorrow"},
		{"appointment today", agenda.Reason{Code: "appointment", Name: "试穿婚纱"},
			"预约到店：试穿婚纱，今天", "appointment: 试穿婚纱, today"},
		{"appointment missed", agenda.Reason{Code: "appointment", Days: -2},
			"预约到店，已错过（2天前）", "appointment, missed (2 days ago)"},
		{"online inquiry", agenda.Reason{Code: "online_inquiry", Name: "问尺码", Days: 0},
			"线上咨询待回复：问尺码，今天到期", "online inquiry to answer: 问尺码, due today"},
		{"online order", agenda.Reason{Code: "online_order", Days: -1},
			"线上订单待跟进，已超期1天", "online order to follow up, 1 day overdue"},
		{"aftersale repair", agenda.Reason{Code: "aftersale", Name: "拉链坏了", NameEN: "repair", Days: 1},
			"售后·维修：拉链坏了，明天到期", "after-sale (repair): 拉链坏了, due tomorrow"},
		{"aftersale", agenda.Reason{Code: "aftersale", Days: 3},
			"售后，3天后到期", "after-sale, due in 3 days"},
		{"complaint", agenda.Reason{Code: "complaint", Name: "尺码不合适", N: 2, Days: 0},
			"客诉：尺码不合适 · 下一步：表示理解，今天到期", "complaint: 尺码不合适 · next: show understanding, due today"},
		{"held", agenda.Reason{Code: "dormant", Days: 100, N: 40, Held: true, Cap: 4},
			"距上次购买100天（平均40天买一次） · 已达30天营销上限（4次），暂缓",
			"last purchase 100 days ago (usually every 40 days) · waits: 30-day marketing cap (4) reached"},
		{"unknown code", agenda.Reason{Code: "mystery"}, "待办（mystery）", "to do (mystery)"},
	} {
		if got := zh.Reason(tc.r); got != tc.zh {
			t.Errorf("%s zh:\n got %s\nwant %s", tc.name, got, tc.zh)
		}
		if got := en.Reason(tc.r); got != tc.en {
			t.Errorf("%s en:\n got %s\nwant %s", tc.name, got, tc.en)
		}
	}
}

// engineCodes reads the agenda package's code and returns the reason codes
// it writes as literals (Code: "holiday", it.Reason.Code = "appointment")
// and the literal prefixes of codes it builds ("online_"+subkind).
func engineCodes(t *testing.T) (codes, prefixes []string) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "agenda", "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	record := func(e ast.Expr) {
		switch v := e.(type) {
		case *ast.BasicLit:
			if s, err := strconv.Unquote(v.Value); err == nil && v.Kind == token.STRING {
				codes = append(codes, s)
			}
		case *ast.BinaryExpr:
			if l, ok := v.X.(*ast.BasicLit); ok && l.Kind == token.STRING {
				s, _ := strconv.Unquote(l.Value)
				prefixes = append(prefixes, s)
			}
		}
	}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CompositeLit:
				if id, ok := n.Type.(*ast.Ident); !ok || id.Name != "Reason" {
					return true
				}
				for _, el := range n.Elts {
					if kv, ok := el.(*ast.KeyValueExpr); ok {
						if k, ok := kv.Key.(*ast.Ident); ok && k.Name == "Code" {
							record(kv.Value)
						}
					}
				}
			case *ast.AssignStmt:
				for i, lhs := range n.Lhs {
					if sel, ok := lhs.(*ast.SelectorExpr); ok && sel.Sel.Name == "Code" && i < len(n.Rhs) {
						record(n.Rhs[i])
					}
				}
			}
			return true
		})
	}
	return codes, prefixes
}

// TestReasonCoversEngineCodes: every code the engine can write — literal
// codes found in its source, rule ids it converts (string(rule)) and the
// online sub-kinds — renders a text of its own in both languages.
func TestReasonCoversEngineCodes(t *testing.T) {
	codes, prefixes := engineCodes(t)
	if len(codes) < 12 || !slices.Contains(codes, "holiday") || !slices.Contains(codes, "appointment") {
		t.Fatalf("the scan found too few codes: %v", codes)
	}
	for _, p := range prefixes {
		if p != "online_" {
			t.Errorf("new computed code prefix %q: teach Reason about it", p)
		}
	}
	for _, sub := range domain.CaseSubkinds(domain.CaseOnline) {
		codes = append(codes, "online_"+sub)
	}
	// Rules whose ids are used as codes (routine steps, birthdays, anniversaries).
	for _, r := range []agenda.RuleID{agenda.RuleRoutine1, agenda.RuleRoutine3, agenda.RuleRoutine7, agenda.RuleBirthday, agenda.RuleAnniversary} {
		codes = append(codes, string(r))
	}
	slices.Sort(codes)
	codes = slices.Compact(codes)
	for _, code := range codes {
		if !ReasonKnown(code) {
			t.Errorf("code %q has no text of its own", code)
			continue
		}
		for _, l := range Langs {
			c := New(l)
			s := c.Reason(agenda.Reason{Code: code, Date: domain.MustDate("2026-05-01"), Days: 2, N: 3, Name: "X"})
			generic := c.T("reason.unknown", code)
			if s == generic || strings.Contains(s, "!") || strings.Contains(s, "%!") || s == "" {
				t.Errorf("%s %q: %q", l, code, s)
			}
		}
	}
	if ReasonKnown("mystery") {
		t.Error("ReasonKnown(mystery)")
	}
}

// TestReasonOfRealAgenda runs the engine on a fixture that triggers every
// rule and renders each item's reason in both languages.
func TestReasonOfRealAgenda(t *testing.T) {
	day := domain.MustDate("2026-09-22")
	src := newFixture(day)
	ag, err := agenda.Build(context.Background(), src, agenda.Query{Date: day, Now: src.at(day, 10), Loc: time.UTC, Scope: agenda.Scope{All: true}},
		agenda.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	held := false
	for _, it := range ag.All() {
		code := it.Reason.Code
		seen[code] = true
		if !ReasonKnown(code) {
			t.Errorf("%s: code %q unknown to the catalog", it.Key, code)
		}
		for _, l := range Langs {
			s := New(l).Reason(it.Reason)
			if s == "" || strings.Contains(s, "!") || strings.Contains(s, "%!") || strings.HasPrefix(s, New(l).T("reason.unknown", code)) {
				t.Errorf("%s %s: %q", l, it.Key, s)
			}
			if it.Held && !strings.Contains(s, New(l).T("reason.held", it.Reason.Cap)) {
				t.Errorf("%s %s: held item does not say so: %q", l, it.Key, s)
			}
			if testing.Verbose() {
				t.Logf("%-28s %2d %s", it.Key, cells(s), s)
			}
		}
		held = held || it.Held
		// One line after the name in 80 columns: the Chinese text of the
		// fixture's short names stays within about 40 cells.
		plain := it.Reason
		plain.Held, plain.Folded = false, nil
		if w := cells(New(ZH).Reason(plain)); w > 46 {
			t.Errorf("%s: %d cells: %s", it.Key, w, New(ZH).Reason(plain))
		}
	}
	for _, want := range []string{"routine_1", "routine_3", "routine_7", "birthday", "anniversary", "holiday",
		"replenish", "dormant", "seasonal", "aftercare_event", "aftercare_case", "followup", "invite", "chase",
		"remind", "appointment", "online_inquiry", "online_order", "aftersale", "complaint"} {
		if !seen[want] {
			t.Errorf("the fixture produced no %q item", want)
		}
	}
	if !held {
		t.Error("the fixture produced no held item")
	}
}

// fixture is an agenda.Source with canned answers: each method returns its
// facts whatever the window asked, and the engine's own checks pick them.
type fixture struct {
	day       domain.Date
	customers map[int64]agenda.CustomerFact
	sales     []agenda.PurchaseFact
	running   []agenda.PurchaseFact
	keyDates  []agenda.KeyDateFact
	group     []agenda.CustomerFact
	dormant   []agenda.CustomerFact
	quiet     []agenda.CustomerFact
	attended  []agenda.InvitationFact
	closed    []domain.ServiceCase
	followUps []domain.FollowUp
	events    []domain.Event
	invs      []domain.Invitation
	cases     []domain.ServiceCase
}

var _ agenda.Source = (*fixture)(nil)

func (f *fixture) at(d domain.Date, hour int) time.Time {
	return d.Time(time.UTC).Add(time.Duration(hour) * time.Hour)
}

func newFixture(day domain.Date) *fixture {
	f := &fixture{day: day, customers: map[int64]agenda.CustomerFact{}}
	for id := int64(1); id <= 80; id++ {
		f.customers[id] = agenda.CustomerFact{ID: id, Name: "顾客" + strconv.FormatInt(id, 10), OwnerID: 1, Class: domain.ClassLoyal}
	}
	cust := func(id int64, s domain.CustomerStats) agenda.CustomerFact {
		c := f.customers[id]
		c.Stats = s
		f.customers[id] = c
		return c
	}
	// 1-3-7: bought 1, 3 and 7 days ago.
	for i, age := range []int{1, 3, 7} {
		id := int64(40 + i)
		on := day.AddDays(-age)
		f.sales = append(f.sales, agenda.PurchaseFact{ID: int64(100 + i), CustomerID: id, On: on, Product: "羊毛围巾", Amount: 129900})
		cust(id, domain.CustomerStats{PurchaseCount: 1, LastPurchase: on, FirstPurchase: on})
	}
	// Replenishment: runs out in 3 days.
	on := day.AddDays(-27)
	f.running = append(f.running, agenda.PurchaseFact{ID: 110, CustomerID: 43, On: on, UsageDays: 30, RunsOutOn: on.AddDays(30), Product: "大米10kg"})
	cust(43, domain.CustomerStats{PurchaseCount: 1, LastPurchase: on})
	// Key dates: a solar birthday in 2 days, a lunar one tomorrow, a wedding anniversary today (held: cap reached).
	y, m, d := day.AddDays(2).YMD()
	f.keyDates = append(f.keyDates, agenda.KeyDateFact{CustomerID: 60, KeyDate: domain.KeyDate{ID: 1, Kind: domain.KindBirthday, Calendar: domain.Solar, Year: 1991, Month: int(m), Day: d}})
	ld, err := lunar.FromSolar(day.AddDays(1).YMD())
	if err != nil {
		panic(err)
	}
	f.keyDates = append(f.keyDates, agenda.KeyDateFact{CustomerID: 61, KeyDate: domain.KeyDate{ID: 2, Kind: domain.KindBirthday, Calendar: domain.Lunar, Month: ld.Month, Day: ld.Day, Leap: ld.Leap}})
	_, m, d = day.YMD()
	f.keyDates = append(f.keyDates, agenda.KeyDateFact{CustomerID: 62, KeyDate: domain.KeyDate{ID: 3, Kind: domain.KindAnniversary, Label: "结婚纪念日", Calendar: domain.Solar, Year: y - 10, Month: int(m), Day: d}})
	c62 := f.customers[62]
	for i := range 4 {
		c62.MarketingDates = append(c62.MarketingDates, day.AddDays(-1-i))
	}
	f.customers[62] = c62
	// Holiday group.
	f.group = []agenda.CustomerFact{f.customers[50], f.customers[51]}
	// Dormant: a regular buyer and a one-time buyer; seasonal: quiet for 95 days.
	f.dormant = []agenda.CustomerFact{
		cust(44, domain.CustomerStats{PurchaseCount: 3, LastPurchase: day.AddDays(-100), FirstPurchase: day.AddDays(-180), AvgIntervalDays: 40}),
		cust(45, domain.CustomerStats{PurchaseCount: 1, LastPurchase: day.AddDays(-200), FirstPurchase: day.AddDays(-200)}),
	}
	f.quiet = []agenda.CustomerFact{cust(46, domain.CustomerStats{PurchaseCount: 2, LastPurchase: day.AddDays(-150), LastContact: day.AddDays(-95)})}
	// Events: one in 5 days (invite, chase), one tomorrow (remind), one that ended yesterday (thanks).
	soon := domain.Event{ID: 1, Name: "秋冬新品品鉴会", Kind: domain.EventNewArrivals, StartsAt: f.at(day.AddDays(5), 14), InviteWindowDays: 14}
	tomorrow := domain.Event{ID: 2, Name: "VIP之夜", Kind: domain.EventVIPEvening, StartsAt: f.at(day.AddDays(1), 19), InviteWindowDays: 7}
	past := domain.Event{ID: 3, Name: "会员沙龙", Kind: domain.EventSalon, StartsAt: f.at(day.AddDays(-1), 14), EndsAt: f.at(day.AddDays(-1), 17)}
	f.events = []domain.Event{soon, tomorrow}
	f.invs = []domain.Invitation{
		{ID: 1, EventID: 1, CustomerID: 20, Status: domain.InvPlanned},
		{ID: 2, EventID: 1, CustomerID: 21, Status: domain.InvInvited, Attempts: 1, LastAttemptAt: f.at(day.AddDays(-3), 11), InvitedOn: day.AddDays(-3)},
		{ID: 3, EventID: 2, CustomerID: 22, Status: domain.InvConfirmed},
	}
	f.attended = []agenda.InvitationFact{{Invitation: domain.Invitation{ID: 4, EventID: 3, CustomerID: 23, Status: domain.InvAttended}, Event: past}}
	f.closed = []domain.ServiceCase{{ID: 1, CustomerID: 24, Kind: domain.CaseAfterSale, Subkind: "alteration", Title: "大衣改短",
		Status: domain.CaseClosed, OpenedAt: f.at(day.AddDays(-12), 10), DueAt: f.at(day.AddDays(-8), 10), ClosedAt: f.at(day.AddDays(-7), 16)}}
	f.followUps = []domain.FollowUp{
		{ID: 1, CustomerID: 25, Due: day, Note: "问问尺码到货没有", Status: domain.FollowUpOpen},
		{ID: 2, CustomerID: 26, Due: day.AddDays(-2), Status: domain.FollowUpOpen},
	}
	opened := f.at(day.AddDays(-1), 9)
	f.cases = []domain.ServiceCase{
		{ID: 10, CustomerID: 30, Kind: domain.CaseAppointment, Subkind: "fitting", Title: "试穿婚纱", OpenedAt: opened, DueAt: f.at(day, 15), Status: domain.CaseOpen},
		{ID: 11, CustomerID: 31, Kind: domain.CaseOnline, Subkind: "inquiry", Title: "问尺码", OpenedAt: opened, DueAt: f.at(day, 12), Status: domain.CaseOpen},
		{ID: 12, CustomerID: 32, Kind: domain.CaseOnline, Subkind: "online_order", Title: "订单 8812", OpenedAt: opened, DueAt: f.at(day.AddDays(-1), 18), Status: domain.CaseOpen},
		{ID: 13, CustomerID: 33, Kind: domain.CaseOnline, OpenedAt: opened, DueAt: f.at(day, 18), Status: domain.CaseOpen},
		{ID: 14, CustomerID: 34, Kind: domain.CaseAfterSale, Subkind: "repair", Title: "拉链坏了", OpenedAt: opened, DueAt: f.at(day.AddDays(1), 18), Status: domain.CaseOpen},
		{ID: 15, CustomerID: 35, Kind: domain.CaseComplaint, Title: "尺码不合适", OpenedAt: opened, DueAt: f.at(day, 18), Status: domain.CaseInProgress,
			Steps: []domain.CaseStep{{Step: domain.StepListen, At: opened}}},
	}
	return f
}

func (f *fixture) RecentSales(context.Context, agenda.Scope, domain.Date, domain.Date) ([]agenda.PurchaseFact, error) {
	return f.sales, nil
}
func (f *fixture) KeyDatesMatching(context.Context, agenda.Scope, []domain.MonthDay, []domain.MonthDay) ([]agenda.KeyDateFact, error) {
	return f.keyDates, nil
}
func (f *fixture) SpecialDays(context.Context) ([]domain.SpecialDay, error) {
	return []domain.SpecialDay{{ID: 1, Name: "店庆", Calendar: domain.Solar, Month: int(f.day.Month()), Day: f.day.Day()}}, nil
}
func (f *fixture) GroupMembers(context.Context, agenda.Scope, agenda.TargetGroup) ([]agenda.GroupMember, error) {
	out := make([]agenda.GroupMember, len(f.group))
	for i, c := range f.group {
		out[i] = agenda.GroupMember{ID: c.ID, Class: c.Class, DoNotContact: c.DoNotContact, MarketingDates: c.MarketingDates}
	}
	return out, nil
}
func (f *fixture) RunningOut(context.Context, agenda.Scope, domain.Date, domain.Date) ([]agenda.PurchaseFact, error) {
	return f.running, nil
}
func (f *fixture) DormantCandidates(context.Context, agenda.Scope, domain.Date, domain.Date, int) ([]agenda.CustomerFact, error) {
	return f.dormant, nil
}
func (f *fixture) QuietCustomers(context.Context, agenda.Scope, domain.Date, domain.Date, int) ([]agenda.CustomerFact, error) {
	return f.quiet, nil
}
func (f *fixture) AttendedBetween(context.Context, agenda.Scope, domain.Date, domain.Date) ([]agenda.InvitationFact, error) {
	return f.attended, nil
}
func (f *fixture) ClosedCasesBetween(context.Context, agenda.Scope, []domain.CaseKind, domain.Date, domain.Date) ([]domain.ServiceCase, error) {
	return f.closed, nil
}
func (f *fixture) OpenFollowUps(context.Context, agenda.Scope, domain.Date) ([]domain.FollowUp, error) {
	return f.followUps, nil
}
func (f *fixture) UpcomingEvents(context.Context, domain.Date) ([]domain.Event, error) {
	return f.events, nil
}
func (f *fixture) Invitations(context.Context, agenda.Scope, []int64, []domain.InvitationStatus) ([]domain.Invitation, error) {
	return f.invs, nil
}
func (f *fixture) InvitedOn(context.Context, agenda.Scope, domain.Date) (int, error) { return 0, nil }
func (f *fixture) OpenCases(context.Context, agenda.Scope) ([]domain.ServiceCase, error) {
	return f.cases, nil
}
func (f *fixture) ItemStates(context.Context, []string) (map[string]agenda.ItemState, error) {
	return map[string]agenda.ItemState{}, nil
}
func (f *fixture) Customers(_ context.Context, ids []int64) (map[int64]agenda.CustomerFact, error) {
	out := map[int64]agenda.CustomerFact{}
	for _, id := range ids {
		if c, ok := f.customers[id]; ok {
			out[id] = c
		}
	}
	return out, nil
}
func (f *fixture) ActedOn(context.Context, agenda.Scope, domain.Date) (agenda.Acted, error) {
	return agenda.Acted{}, nil
}

// cells is the display width of s: East Asian wide and full-width
// characters take two cells.
func cells(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case r >= 0x1100 && r <= 0x115f, r >= 0x2e80 && r <= 0xa4cf, r >= 0xac00 && r <= 0xd7a3,
			r >= 0xf900 && r <= 0xfaff, r >= 0xfe30 && r <= 0xfe4f, r >= 0xff00 && r <= 0xff60, r >= 0xffe0 && r <= 0xffe6:
			n += 2
		default:
			n++
		}
	}
	return n
}
