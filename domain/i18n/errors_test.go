package i18n

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/domain/agenda"
)

func TestErrorNamesTheField(t *testing.T) {
	c := &domain.Customer{Name: "  ", Phones: []string{"12"}}
	err := c.Validate()
	if err == nil {
		t.Fatal("an empty name and a 2-digit phone should not validate")
	}
	zh := New(ZH).Error(err)
	en := New(EN).Error(err)
	wantZH := `姓名（customer.name）必须填写；电话（customer.phones[0]）格式不对：电话号码为 5 到 20 位数字（输入的是 "12"）`
	wantEN := `name (customer.name) is required; phone (customer.phones[0]) is invalid: a phone number has 5 to 20 digits (got "12")`
	if zh != wantZH {
		t.Errorf("zh:\n got %s\nwant %s", zh, wantZH)
	}
	if en != wantEN {
		t.Errorf("en:\n got %s\nwant %s", en, wantEN)
	}
	lines := New(ZH).Errors(err)
	if len(lines) != 2 || !strings.Contains(lines[1], "customer.phones[0]") {
		t.Errorf("Errors = %q", lines)
	}
}

func TestErrorKinds(t *testing.T) {
	zh, en := New(ZH), New(EN)
	ve := (&domain.Customer{Name: "王芳", Phones: []string{"23456789012"}}).Validate()
	wrapped := fmt.Errorf("import row 3: %w", ve)
	nf := domain.NotFound("customer", 42)
	cfgErr := func() error {
		cfg := agenda.DefaultConfig()
		cfg.Routine.Days = []int{1, 3}
		return cfg.Validate()
	}()
	cfgRange := func() error {
		cfg := agenda.DefaultConfig()
		cfg.Marketing.Cap = -1
		return cfg.Validate()
	}()
	step := &domain.ServiceCase{Kind: domain.CaseComplaint}
	stepErr := step.RecordStep(domain.StepClarify, time.Now(), "", "")
	for _, tc := range []struct {
		name   string
		err    error
		zh, en string
	}{
		{"nil", nil, "", ""},
		{"plain", errors.New("disk full"), "disk full", "disk full"},
		{"wrapped validation", wrapped,
			`import row 3: 电话（customer.phones[0]）格式不对：11 位手机号应以 1 开头（输入的是 "23456789012"）`,
			`import row 3: phone (customer.phones[0]) is invalid: an 11-digit mobile number starts with 1 (got "23456789012")`},
		{"not found", nf, "找不到顾客 42", "customer 42 not found"},
		{"wrapped not found", fmt.Errorf("open: %w", nf), "open: 找不到顾客 42", "open: customer 42 not found"},
		{"config", cfgErr, "配置项 routine.days 有误：需要正好三个天数，例如 [1, 3, 7]",
			"setting routine.days is wrong: needs exactly three days, e.g. [1, 3, 7]"},
		{"config range", cfgRange, "配置项 marketing.cap 有误：应在 0 到 10 之间，现在是 -1",
			"setting marketing.cap is wrong: must be between 0 and 10, got -1"},
		{"field error", stepErr, "跳过原因（case.skipped_reason）必须填写：客诉步骤须按顺序进行；跳过某一步要写明原因",
			"reason for skipping (case.skipped_reason) is required: complaint steps are taken in order; a step can only be skipped with a reason"},
	} {
		if got := zh.Error(tc.err); got != tc.zh {
			t.Errorf("%s zh:\n got %s\nwant %s", tc.name, got, tc.zh)
		}
		if got := en.Error(tc.err); got != tc.en {
			t.Errorf("%s en:\n got %s\nwant %s", tc.name, got, tc.en)
		}
	}
}

func TestFieldNames(t *testing.T) {
	zh, en := New(ZH), New(EN)
	for _, tc := range []struct {
		entity, field string
		zh, en        string
	}{
		{"customer", "name", "姓名", "name"},
		{"customer", "phones[0]", "电话", "phone"},
		{"customer", "phones[12]", "电话", "phone"},
		{"customer", "wechat", "微信号", "WeChat ID"},
		{"customer", "contact.avoid_hours", "免打扰时段", "hours to avoid"},
		{"customer", "key_dates[1].month", "重要日子·月份", "key date month"},
		{"customer", "key_dates[0]", "重要日子", "key dates"},
		{"purchase", "amount", "金额", "amount"},
		{"purchase", "items[2].amount", "商品明细·金额", "line item amount"},
		{"purchase", "customer_id", "顾客", "customer"},
		{"contact", "channel", "渠道", "channel"},
		{"contact", "next_on", "下次跟进日期", "next follow-up date"},
		{"key_date", "day", "日", "day"},
		{"special_day", "month", "月份", "month"},
		{"case", "due_at", "时限", "time limit"},
		{"case", "steps[3]", "处理步骤", "steps"},
		{"item", "until", "延后到", "snooze until"},
		{"customer", "mystery_field", "mystery_field", "mystery_field"},
	} {
		if got := zh.Field(tc.entity, tc.field); got != tc.zh {
			t.Errorf("zh Field(%s, %s) = %q, want %q", tc.entity, tc.field, got, tc.zh)
		}
		if got := en.Field(tc.entity, tc.field); got != tc.en {
			t.Errorf("en Field(%s, %s) = %q, want %q", tc.entity, tc.field, got, tc.en)
		}
	}
}

// validationFields reads the domain's Validate code and returns, per
// entity, the field names it reports.
func validationFields(t *testing.T) map[string][]string {
	t.Helper()
	var files []string
	for _, dir := range []string{"..", "../agenda"} {
		m, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	fset := token.NewFileSet()
	out := map[string][]string{}
	lit := func(e ast.Expr) (string, bool) {
		b, ok := e.(*ast.BasicLit)
		if !ok || b.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(b.Value)
		return s, err == nil
	}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || fn.Body == nil {
				continue
			}
			entity := ""
			var fields []string
			ast.Inspect(fn.Body, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.CallExpr:
					var callee string
					switch f := n.Fun.(type) {
					case *ast.SelectorExpr:
						callee = f.Sel.Name
					case *ast.Ident:
						callee = f.Name
					}
					switch callee {
					case "newProblems":
						if s, ok := lit(n.Args[0]); ok {
							entity = s
						}
					case "add", "p", "indexed":
						if len(n.Args) > 0 {
							if s, ok := lit(n.Args[0]); ok {
								fields = append(fields, s)
							}
						}
					case "checkText":
						if len(n.Args) > 1 {
							if s, ok := lit(n.Args[1]); ok {
								fields = append(fields, s)
							}
						}
					}
				case *ast.CompositeLit:
					for _, el := range n.Elts {
						kv, ok := el.(*ast.KeyValueExpr)
						if !ok {
							continue
						}
						key, _ := kv.Key.(*ast.Ident)
						if key == nil {
							continue
						}
						if s, ok := lit(kv.Value); ok {
							switch key.Name {
							case "Entity":
								entity = s
							case "Field":
								fields = append(fields, s)
							}
						}
					}
				}
				return true
			})
			if entity != "" && len(fields) > 0 {
				out[entity] = append(out[entity], fields...)
			}
		}
	}
	return out
}

// TestEveryValidatedFieldHasAName: every field a domain Validate method can
// report has a name in the catalog, also inside the records that nest
// others (a customer's key dates, a purchase's lines, a store's special days).
func TestEveryValidatedFieldHasAName(t *testing.T) {
	fields := validationFields(t)
	for _, e := range []string{"customer", "purchase", "line_item", "contact", "followup", "event", "invitation",
		"case", "store", "salesperson", "key_date", "special_day", "item"} {
		if len(fields[e]) == 0 {
			t.Errorf("found no fields of %s: is the scan broken?", e)
		}
	}
	nested := map[string][]string{"key_date": {"customer|key_dates[0].", "special_day|"}, "line_item": {"purchase|items[3]."}}
	n := 0
	for entity, list := range fields {
		if !Has("entity." + entity) {
			t.Errorf("entity %s has no name", entity)
		}
		for _, f := range list {
			paths := [][2]string{{entity, f}}
			for _, in := range nested[entity] {
				outer, prefix, _ := strings.Cut(in, "|")
				paths = append(paths, [2]string{outer, prefix + f})
			}
			for _, p := range paths {
				n++
				stripped := indexRe.ReplaceAllString(p[1], "")
				for _, l := range Langs {
					if got := New(l).Field(p[0], p[1]); got == stripped && (l == ZH || strings.Contains(got, "_")) {
						t.Errorf("%s: Field(%s, %s) has no name", l, p[0], p[1])
					}
				}
			}
		}
	}
	if n < 80 {
		t.Errorf("only %d field paths checked", n)
	}
}

// englishPhrase finds two English words in a row: in a Chinese message
// they mean a detail the catalog does not translate yet.
var englishPhrase = regexp.MustCompile(`[A-Za-z]{2,} [A-Za-z]{2,}`)

// TestChineseErrorsAreChinese validates broken records of every kind and
// checks that the Chinese message leaves no English detail behind (the
// typed value and the technical path aside).
func TestChineseErrorsAreChinese(t *testing.T) {
	now := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	long := strings.Repeat("长", 101)
	errs := map[string]error{
		"customer": (&domain.Customer{ID: 3, Name: long, Remark: "a\x01b", Phones: []string{"1", "12a45", "23456789012", "4", "5", "6"},
			WeChat: "has space", Gender: "x", Source: "tv", ReferrerID: 3, OwnerID: -1, Tags: append(make([]string, 51), "a,b"),
			KeyDates: []domain.KeyDate{{Kind: domain.KindBirthday, Calendar: domain.Solar, Month: 2, Day: 30, Leap: true},
				{Kind: domain.KindBirthday, Calendar: domain.Lunar, Month: 13, Day: 31, Year: 1800},
				{Kind: domain.KindAnniversary, Calendar: "julian"}},
			Contact: domain.ContactPrefs{Preferred: "pigeon", AvoidHours: "noon"}, MAN: domain.MAN{Money: 5}, ValueType: "gold"}).Validate(),
		"customer2": (&domain.Customer{Name: "王芳", Phones: []string{"123456789012345678901"}, WeChat: strings.Repeat("w", 41),
			Tags: []string{" ", strings.Repeat("t", 31), "a\x02"},
			KeyDates: []domain.KeyDate{{Kind: domain.KindBirthday, Calendar: domain.Lunar, Year: 2023, Month: 2, Day: 30, Leap: true},
				{Kind: domain.KindBirthday, Calendar: domain.Solar, Year: 1800, Month: 1, Day: 1}}}).Validate(),
		"purchase": (&domain.Purchase{Amount: -5, Channel: "tv", UsageDays: 4000, EventID: -1,
			Items: []domain.LineItem{{Product: "", Quantity: 0, Amount: 3}}}).Validate(),
		"return":     (&domain.Purchase{CustomerID: 1, On: domain.MustDate("2026-01-01"), IsReturn: true, Amount: 5}).Validate(),
		"billion":    (&domain.Purchase{CustomerID: 1, On: domain.MustDate("2026-01-01"), Amount: 2_000_000_000_00}).Validate(),
		"contact":    (&domain.Contact{Channel: "fax", Purpose: "gossip", Outcome: "maybe", On: domain.MustDate("2026-01-02"), NextOn: domain.MustDate("2026-01-01")}).Validate(),
		"followup":   (&domain.FollowUp{Status: "lost"}).Validate(),
		"event":      (&domain.Event{Kind: "rave", EndsAt: now, StartsAt: now.Add(time.Hour), Capacity: -1, InviteWindowDays: 400}).Validate(),
		"event2":     (&domain.Event{Name: "x", Kind: domain.EventSalon}).Validate(),
		"invitation": (&domain.Invitation{Status: "maybe", Attempts: -1}).Validate(),
		"case": (&domain.ServiceCase{Kind: domain.CaseAfterSale, Subkind: "paint", Channel: "fax", Status: "closed",
			Satisfaction: 0, Steps: []domain.CaseStep{{Step: 2}}, OpenedAt: now, DueAt: now.Add(-time.Hour)}).Validate(),
		"case2":       (&domain.ServiceCase{Kind: "party", Status: "lost", Satisfaction: 9}).Validate(),
		"store":       (&domain.Store{Phone: "12"}).Validate(),
		"salesperson": (&domain.Salesperson{Name: "李", Phone: "abcdef", MonthlyTarget: -1}).Validate(),
		"special_day": domain.SpecialDay{Name: "店庆", Calendar: domain.Solar, Month: 4, Day: 31}.Validate(),
		"item1":       (&agenda.ItemState{}).Validate(),
		"item2":       (&agenda.ItemState{Key: "k", State: "gone"}).Validate(),
		"item3":       (&agenda.ItemState{Key: "k", State: agenda.StateSnoozed}).Validate(),
		"item4": (&agenda.ItemState{Key: "k", State: agenda.StateSnoozed, On: domain.MustDate("2026-01-02"),
			Until: domain.MustDate("2026-01-02")}).Validate(),
		"item5": (&agenda.ItemState{Key: "k", State: agenda.StateSkipped}).Validate(),
	}
	complaint := &domain.ServiceCase{Kind: domain.CaseComplaint}
	_ = complaint.RecordStep(domain.StepListen, now, "", "")
	errs["step done"] = complaint.RecordStep(domain.StepListen, now, "", "")
	errs["step range"] = complaint.RecordStep(9, now, "", "")
	errs["step kind"] = (&domain.ServiceCase{Kind: domain.CaseOnline}).RecordStep(1, now, "", "")
	for i := 2; i <= 5; i++ {
		_ = complaint.RecordStep(domain.ComplaintStep(i), now, "", "")
	}
	errs["steps done"] = complaint.RecordStep(domain.StepFollowUp, now, "", "")
	for _, mut := range []func(*agenda.Config){
		func(c *agenda.Config) { c.Marketing.WindowDays = 0 },
		func(c *agenda.Config) { c.Segment.WindowDays = 0 },
		func(c *agenda.Config) { c.Segment.DormantMultiplier = 0.5 },
		func(c *agenda.Config) { c.Calls.MaxTries = 0 },
		func(c *agenda.Config) { c.Routine.Days = []int{1, 3} },
		func(c *agenda.Config) { c.Routine.Days = []int{3, 1, 7} },
		func(c *agenda.Config) { c.Routine.Channels = nil },
		func(c *agenda.Config) { c.Invite.Channel = "fax" },
		func(c *agenda.Config) { c.Holidays.Skip = []string{"easter"} },
		func(c *agenda.Config) { c.Holidays.Groups = []agenda.TargetGroup{{Name: " "}} },
		func(c *agenda.Config) { c.Holidays.Groups = []agenda.TargetGroup{{Name: "g"}} },
		func(c *agenda.Config) {
			c.Holidays.Groups = []agenda.TargetGroup{{Name: "g", Classes: []domain.Class{"vip"}}}
		},
		func(c *agenda.Config) { c.Aftercare.RevisitKinds = []domain.CaseKind{"party"} },
	} {
		cfg := agenda.DefaultConfig()
		mut(&cfg)
		errs[fmt.Sprintf("config %d", len(errs))] = cfg.Validate()
	}

	en := New(EN)
	zh := New(ZH)
	problems := 0
	for name, err := range errs {
		if err == nil {
			t.Errorf("%s: expected a validation error", name)
			continue
		}
		if got := en.Error(err); got == err.Error() && !strings.Contains(got, "setting") {
			// English should at least word the code; identical text means nothing was rendered.
			t.Errorf("%s: English message not rendered: %s", name, got)
		}
		var ve *domain.ValidationError
		var fes []*domain.FieldError
		if errors.As(err, &ve) {
			fes = ve.Problems
		} else {
			var fe *domain.FieldError
			if errors.As(err, &fe) {
				fes = []*domain.FieldError{fe}
			}
		}
		for _, fe := range fes {
			problems++
			msg := zh.FieldError(fe)
			if !strings.Contains(msg, fe.Path()) {
				t.Errorf("%s: %q does not name %s", name, msg, fe.Path())
			}
			rest := strings.Replace(msg, fe.Path(), "", 1)
			if fe.Value != "" {
				rest = strings.Replace(rest, strconv.Quote(fe.Value), "", 1)
			}
			if m := englishPhrase.FindString(rest); m != "" {
				t.Errorf("%s: English left in %q (%q; detail %q)", name, msg, m, fe.Detail)
			}
		}
		if len(fes) == 0 {
			msg := zh.Error(err)
			var ce *agenda.ConfigError
			if !errors.As(err, &ce) {
				t.Errorf("%s: unexpected error kind %T", name, err)
				continue
			}
			rest := strings.Replace(msg, ce.Key, "", 1)
			rest = regexp.MustCompile(`\(.*\)|（.*）|"[^"]*"`).ReplaceAllString(rest, "")
			if m := englishPhrase.FindString(rest); m != "" {
				t.Errorf("%s: English left in %q (%q)", name, msg, m)
			}
		}
	}
	if problems < 60 {
		t.Errorf("only %d problems rendered", problems)
	}
}

// TestDetailsMatchTheDomain: the English text of a detail key is the
// domain's own text, so that the Chinese is found.
func TestDetailsMatchTheDomain(t *testing.T) {
	if got := New(EN).T("detail.step_skip"); got != domain.ErrStepOrder.Error() {
		t.Errorf("detail.step_skip = %q, domain says %q", got, domain.ErrStepOrder.Error())
	}
	if err := domain.ValidatePhone("12"); err == nil || New(EN).T("detail.phone_digits") != err.Error() {
		t.Errorf("detail.phone_digits out of date: %v", err)
	}
	// Pattern details render back to the same English.
	for _, d := range []string{"at most 50 characters", "1 to 31", "0 to 3650 days", "step 2 is already done",
		"the lines add up to 3.00, not -0.05", "must be between 0 and 60, got 61", "must be at least 1",
		`"fax" is not a channel (call, sms)`} {
		if got := New(EN).Detail(domain.CodeInvalid, d); got != d {
			t.Errorf("en Detail(%q) = %q", d, got)
		}
		if got := New(ZH).Detail(domain.CodeInvalid, d); got == d {
			t.Errorf("zh Detail(%q) not translated", d)
		}
	}
	if got := New(ZH).Detail(domain.CodeUnknown, "female, male or empty"); got != "female、male、留空" {
		t.Errorf("zh choices = %q", got)
	}
	if got := New(ZH).Detail(domain.CodeInvalid, "something new"); got != "something new" {
		t.Errorf("an unknown detail should stay as it is, got %q", got)
	}
}

func TestError_TemplateProblemsInChinese(t *testing.T) {
	for body, want := range map[string]string{
		"您好{昵称}": "第 3 个字符处的占位符不认识",
		"您好{称呼":  "第 3 个字符处的 { 没有闭合",
		"价格}":    "第 3 个字符处的 } 没有对应的 {",
	} {
		tpl := domain.Template{Purpose: "birthday", Lang: "zh", Body: body}
		got := New(ZH).Error(tpl.Validate())
		if !strings.Contains(got, want) || !strings.Contains(got, "template.body") {
			t.Errorf("%q: %q, want it to contain %q and the field path", body, got, want)
		}
	}
}
