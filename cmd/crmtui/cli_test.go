package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/domain/agenda"
	"github.com/crmtui/crmtui/domain/i18n"
)

// The fixed clock of the in-process tests: Sunday 2026-11-22, 10:00 in China.
var (
	cst     = time.FixedZone("CST", 8*3600)
	testNow = time.Date(2026, 11, 22, 10, 0, 0, 0, cst)
)

// cli runs the command line in-process with its own HOME, data and config
// folders, an English locale and a fixed clock.
type cli struct {
	t   *testing.T
	dir string
	env map[string]string
	now time.Time
	db  string // a database path for the tests that pass --db
}

func newCLI(t *testing.T) *cli {
	t.Helper()
	dir := t.TempDir()
	return &cli{t: t, dir: dir, now: testNow, db: filepath.Join(dir, "crm.db"), env: map[string]string{
		"HOME":            filepath.Join(dir, "home"),
		"XDG_DATA_HOME":   filepath.Join(dir, "data"),
		"XDG_CONFIG_HOME": filepath.Join(dir, "config"),
		"LANG":            "en_US.UTF-8",
	}}
}

type result struct {
	code           int
	stdout, stderr string
}

func (c *cli) run(args ...string) result {
	var out, errOut bytes.Buffer
	now := c.now
	a := &app{getenv: func(k string) string { return c.env[k] }, stdout: &out, stderr: &errOut,
		now: func() time.Time { return now }, loc: cst}
	code := a.run(context.Background(), args)
	return result{code, out.String(), errOut.String()}
}

// ok runs a command that must succeed and returns its stdout.
func (c *cli) ok(args ...string) string {
	c.t.Helper()
	r := c.run(args...)
	if r.code != 0 {
		c.t.Fatalf("crmtui %s: exit %d, stderr:\n%s", strings.Join(args, " "), r.code, r.stderr)
	}
	return r.stdout
}

// id runs an add command and returns the id it printed.
func (c *cli) id(args ...string) int64 {
	c.t.Helper()
	out := c.ok(args...)
	id, err := strconv.ParseInt(strings.TrimSpace(out), 10, 64)
	if err != nil || id <= 0 {
		c.t.Fatalf("crmtui %s: stdout %q is not a new record id", strings.Join(args, " "), out)
	}
	return id
}

// agenda runs `today --json` with extra args and decodes it.
func (c *cli) agenda(args ...string) agendaOut {
	c.t.Helper()
	out := c.ok(append([]string{"today", "--json"}, args...)...)
	var ag agendaOut
	if err := json.Unmarshal([]byte(out), &ag); err != nil {
		c.t.Fatalf("today --json: %v\n%s", err, out)
	}
	return ag
}

func (c *cli) customers(args ...string) []customerOut {
	c.t.Helper()
	out := c.ok(append([]string{"customer", "list", "--json"}, args...)...)
	var list []customerOut
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		c.t.Fatalf("customer list --json: %v\n%s", err, out)
	}
	return list
}

// agendaOut and itemOut are `today --json` as a script reads it.
type agendaOut struct {
	Date        string    `json:"date"`
	Salesperson string    `json:"salesperson"`
	Lang        string    `json:"lang"`
	Done        int       `json:"done"`
	Total       int       `json:"total"`
	Maintain    []itemOut `json:"maintain"`
	Invite      []itemOut `json:"invite"`
	Serve       []itemOut `json:"serve"`
}

type itemOut struct {
	Key         string `json:"key"`
	CustomerID  int64  `json:"customer_id"`
	Customer    string `json:"customer"`
	Rule        string `json:"rule"`
	Question    string `json:"question"`
	Reason      string `json:"reason"`
	Due         string `json:"due"`
	OverdueDays int    `json:"overdue_days"`
	Channel     string `json:"channel"`
	Class       string `json:"class"`
	Group       *struct {
		Name    string  `json:"name"`
		Members []int64 `json:"members"`
	} `json:"group"`
}

func (ag agendaOut) all() []itemOut {
	return slices.Concat(ag.Maintain, ag.Invite, ag.Serve)
}

// find returns the item with the rule for the customer, or nil.
func (ag agendaOut) find(rule string, customerID int64) *itemOut {
	for _, it := range ag.all() {
		if it.Rule == rule && it.CustomerID == customerID {
			return &it
		}
	}
	return nil
}

func (ag agendaOut) byKey(key string) *itemOut {
	for _, it := range ag.all() {
		if it.Key == key {
			return &it
		}
	}
	return nil
}

func (ag agendaOut) keys() []string {
	var out []string
	for _, it := range ag.all() {
		out = append(out, it.Key)
	}
	slices.Sort(out)
	return out
}

type customerOut struct {
	ID           int64    `json:"id"`
	Name         string   `json:"name"`
	Phone        string   `json:"phone"`
	Tags         []string `json:"tags"`
	OwnerID      int64    `json:"owner_id"`
	Class        string   `json:"class"`
	Purchases    int      `json:"purchase_count"`
	TotalSpend   float64  `json:"total_spend"`
	LastPurchase *string  `json:"last_purchase"`
	LastContact  *string  `json:"last_contact"`
}

func strp(p *string) string {
	if p == nil {
		return "<null>"
	}
	return *p
}

func fileHash(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

func writeFile(t *testing.T, path, text string) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestExitCodesAndMessages checks the exit code of bad command lines and
// that stderr names the flag or field, in English and in Chinese.
func TestExitCodesAndMessages(t *testing.T) {
	c := newCLI(t)
	db := c.db
	// A customer to hang records and bad records on.
	if id := c.id("customer", "add", "--db", db, "--name", "王小明", "--phone", "13800138000"); id != 1 {
		t.Fatalf("first customer id = %d, want 1", id)
	}
	notDir := writeFile(t, filepath.Join(c.dir, "plainfile"), "not a folder")

	tests := []struct {
		name    string
		env     map[string]string // added to the default environment
		args    []string
		code    int
		stdout  string   // substring of stdout
		stderr  []string // substrings of stderr, all required
		noInErr string   // must not appear in stderr
	}{
		{name: "help", args: []string{"help"}, code: 0, stdout: "usage: crmtui"},
		{name: "--help on a command", args: []string{"today", "--help"}, code: 0, stdout: "crmtui today [--date YYYY-MM-DD]"},
		{name: "version", args: []string{"version"}, code: 0, stdout: "crmtui version " + version},
		{name: "unknown command", args: []string{"frobnicate"}, code: 2, stderr: []string{`error: unknown command "frobnicate"`, "run crmtui help for usage"}},
		{name: "unknown command zh", args: []string{"frobnicate", "--lang", "zh"}, code: 2, stderr: []string{`错误：没有这个命令："frobnicate"`, "运行 crmtui help 查看用法"}},
		{name: "group without subcommand", args: []string{"customer"}, code: 2, stderr: []string{"customer needs a subcommand: add|list"}},
		{name: "item with wrong subcommand", args: []string{"item", "finish"}, code: 2, stderr: []string{"item needs a subcommand: done|skip|snooze|undo"}},
		{name: "unknown flag", args: []string{"today", "--db", db, "--bogus"}, code: 2, stderr: []string{"today: unknown flag: --bogus"}},
		{name: "unknown flag zh", args: []string{"today", "--lang", "zh", "--bogus"}, code: 2, stderr: []string{"today: 没有这个参数：--bogus"}},
		{name: "flag without value", args: []string{"customer", "add", "--name"}, code: 2, stderr: []string{"flag --name needs a value"}},
		{name: "bad --lang", args: []string{"today", "--db", db, "--lang", "fr"}, code: 2, stderr: []string{`unknown language "fr": use zh or en`}},
		{name: "bad --date", args: []string{"today", "--db", db, "--date", "2026-13-01"}, code: 2,
			stderr: []string{`bad value "2026-13-01" for --date: "2026-13-01" is not a date of the form YYYY-MM-DD`}},
		{name: "bad --date zh", args: []string{"today", "--db", db, "--date", "2026-02-30", "--lang", "zh"}, code: 2,
			stderr: []string{`错误：today: 参数 --date 的值 "2026-02-30" 不对："2026-02-30" 不是日期，请写成 YYYY-MM-DD`}, noInErr: "bad value"},
		{name: "bad bool flag", args: []string{"today", "--db", db, "--json=maybe"}, code: 2, stderr: []string{`bad value "maybe" for --json: "maybe" is not one of: true, false`}},
		{name: "too many args", args: []string{"today", "--db", db, "tomorrow"}, code: 2, stderr: []string{"unexpected arguments: tomorrow"}},

		{name: "customer add without --name", args: []string{"customer", "add", "--db", db, "--phone", "13900139000"}, code: 2, stderr: []string{"error: --name is required"}},
		{name: "customer add without --name zh", args: []string{"customer", "add", "--db", db, "--lang", "zh"}, code: 2, stderr: []string{"错误：必须提供 --name"}},
		{name: "LANG=zh chooses Chinese", env: map[string]string{"LANG": "zh_CN.UTF-8"}, args: []string{"customer", "add", "--db", db}, code: 2, stderr: []string{"必须提供 --name"}},
		{name: "LC_MESSAGES beats LANG", env: map[string]string{"LANG": "en_US.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8"}, args: []string{"customer", "add", "--db", db}, code: 2, stderr: []string{"必须提供 --name"}},
		{name: "LC_ALL beats LC_MESSAGES", env: map[string]string{"LC_ALL": "en_US.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8"}, args: []string{"customer", "add", "--db", db}, code: 2, stderr: []string{"--name is required"}},
		{name: "--lang beats LC_ALL", env: map[string]string{"LC_ALL": "zh_CN.UTF-8"}, args: []string{"customer", "add", "--db", db, "--lang=en"}, code: 2, stderr: []string{"--name is required"}},
		{name: "bad phone", args: []string{"customer", "add", "--db", db, "--name", "李四", "--phone", "123"}, code: 2,
			stderr: []string{"phone (customer.phones[0]) is invalid", `(got "123")`}},
		{name: "bad second phone", args: []string{"customer", "add", "--db", db, "--name", "李四", "--phone", "13900139000", "--phone", "12ab"}, code: 2,
			stderr: []string{"customer.phones[1]"}},
		{name: "bad phone zh", args: []string{"customer", "add", "--db", db, "--name", "李四", "--phone", "123", "--lang", "zh"}, code: 2,
			stderr: []string{"错误：电话（customer.phones[0]）格式不对"}},
		{name: "bad birthday month", args: []string{"customer", "add", "--db", db, "--name", "李四", "--birthday", "13-45"}, code: 2,
			stderr: []string{"customer.key_dates[0].month", `(got "13")`}},
		{name: "bad birthday text", args: []string{"customer", "add", "--db", db, "--name", "李四", "--birthday", "tomorrow"}, code: 2,
			stderr: []string{"--birthday", `"tomorrow"`}},

		{name: "purchase without --customer", args: []string{"purchase", "add", "--db", db, "--amount", "1"}, code: 2, stderr: []string{"--customer is required"}},
		{name: "purchase bad --customer", args: []string{"purchase", "add", "--db", db, "--customer", "abc", "--amount", "1"}, code: 2,
			stderr: []string{`--customer: "abc" is not a record id`}},
		{name: "purchase without --amount", args: []string{"purchase", "add", "--db", db, "--customer", "1"}, code: 2, stderr: []string{"--amount is required"}},
		{name: "purchase bad --amount", args: []string{"purchase", "add", "--db", db, "--customer", "1", "--amount", "12元"}, code: 2,
			stderr: []string{`--amount: "12元" is not an amount`}},
		{name: "purchase bad --item", args: []string{"purchase", "add", "--db", db, "--customer", "1", "--amount", "1", "--item", "围巾"}, code: 2,
			stderr: []string{`--item "围巾"`}},
		{name: "purchase bad --date", args: []string{"purchase", "add", "--db", db, "--customer", "1", "--amount", "1", "--date", "21/11/2026"}, code: 2,
			stderr: []string{`for --date`}},
		{name: "purchase unknown customer", args: []string{"purchase", "add", "--db", db, "--customer", "99", "--amount", "1"}, code: 2,
			stderr: []string{"purchase.customer_id", `(got "99")`}},

		{name: "contact without --channel", args: []string{"contact", "add", "--db", db, "--customer", "1", "--outcome", "reached"}, code: 2, stderr: []string{"--channel is required"}},
		{name: "contact bad --channel", args: []string{"contact", "add", "--db", db, "--customer", "1", "--channel", "fax", "--outcome", "reached"}, code: 2,
			stderr: []string{"channel (contact.channel)", `(got "fax")`}},
		{name: "contact bad --outcome", args: []string{"contact", "add", "--db", db, "--customer", "1", "--channel", "call", "--outcome", "maybe"}, code: 2,
			stderr: []string{"contact.outcome", `(got "maybe")`}},
		{name: "contact bad --next", args: []string{"contact", "add", "--db", db, "--customer", "1", "--channel", "call", "--outcome", "reached", "--next", "soon"}, code: 2,
			stderr: []string{`bad value "soon" for --next`}},
		{name: "contact unknown customer", args: []string{"contact", "add", "--db", db, "--customer", "99", "--channel", "call", "--outcome", "reached"}, code: 2,
			stderr: []string{"contact.customer_id", `(got "99")`}},
		{name: "followup without --due", args: []string{"followup", "add", "--db", db, "--customer", "1"}, code: 2, stderr: []string{"--due is required"}},
		{name: "followup bad --due", args: []string{"followup", "add", "--db", db, "--customer", "1", "--due", "2026-11-31"}, code: 2,
			stderr: []string{`bad value "2026-11-31" for --due`}},

		{name: "item done without key", args: []string{"item", "done", "--db", db}, code: 2, stderr: []string{"KEY is required"}},
		{name: "item done unknown key", args: []string{"item", "done", "--db", db, "routine:999:1"}, code: 2,
			stderr: []string{"routine:999:1 is not on the agenda of 2026-11-22"}},
		{name: "item done unknown key zh", args: []string{"item", "done", "--db", db, "routine:999:1", "--lang", "zh"}, code: 2,
			stderr: []string{"routine:999:1 不在 2026-11-22 的待办里"}},
		{name: "item done two keys", args: []string{"item", "done", "--db", db, "a:1", "b:2"}, code: 2, stderr: []string{"unexpected arguments: b:2"}},
		{name: "item skip without reason", args: []string{"item", "skip", "--db", db, "routine:999:1"}, code: 2, stderr: []string{"--reason is required"}},
		{name: "item snooze without until", args: []string{"item", "snooze", "--db", db, "routine:999:1", "--reason", "busy"}, code: 2, stderr: []string{"--until is required"}},
		{name: "item undo with nothing", args: []string{"item", "undo", "--db", db}, code: 0, stdout: "nothing to undo"},

		{name: "demo --customers 0", args: []string{"demo", "--db", filepath.Join(c.dir, "d0.db"), "--customers", "0"}, code: 2, stderr: []string{"--customers"}},
		{name: "demo --seed 0", args: []string{"demo", "--db", filepath.Join(c.dir, "d0.db"), "--seed", "0"}, code: 2, stderr: []string{"--seed"}},
		{name: "demo bad --today", args: []string{"demo", "--db", filepath.Join(c.dir, "d0.db"), "--today", "22.11.2026"}, code: 2, stderr: []string{`bad value "22.11.2026" for --today`}},
		{name: "--as unknown", args: []string{"today", "--db", db, "--as", "张三"}, code: 2, stderr: []string{`--as: no salesperson named "张三"`}},
		{name: "database cannot be created", args: []string{"today", "--db", filepath.Join(notDir, "crm.db")}, code: 1,
			stderr: []string{"cannot open the database " + filepath.Join(notDir, "crm.db")}, noInErr: "crmtui help"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			saved := c.env
			c.env = map[string]string{}
			for k, v := range saved {
				c.env[k] = v
			}
			for k, v := range tc.env {
				c.env[k] = v
			}
			c.t = t
			r := c.run(tc.args...)
			c.env, c.t = saved, nil
			if r.code != tc.code {
				t.Errorf("exit code %d, want %d\nstdout: %s\nstderr: %s", r.code, tc.code, r.stdout, r.stderr)
			}
			if !strings.Contains(r.stdout, tc.stdout) {
				t.Errorf("stdout %q does not contain %q", r.stdout, tc.stdout)
			}
			for _, want := range tc.stderr {
				if !strings.Contains(r.stderr, want) {
					t.Errorf("stderr %q does not contain %q", r.stderr, want)
				}
			}
			if tc.noInErr != "" && strings.Contains(r.stderr, tc.noInErr) {
				t.Errorf("stderr %q contains %q", r.stderr, tc.noInErr)
			}
			if tc.code != 0 && r.stdout != "" && !strings.Contains(tc.stdout, r.stdout) {
				t.Errorf("a failing command printed on stdout: %q", r.stdout)
			}
			if tc.code == 0 && r.stderr != "" {
				t.Errorf("a successful command printed on stderr: %q", r.stderr)
			}
		})
	}
	c.t = t
	// None of the bad adds wrote anything.
	if list := c.customers("--db", db); len(list) != 1 || list[0].Name != "王小明" || list[0].Purchases != 0 {
		t.Errorf("after the bad commands the store holds %+v, want only 王小明 without purchases", list)
	}
}

// TestScenario_FreshDatabase walks a salesperson's day on an empty store:
// add a customer and yesterday's purchase, act on the 1-3-7 item, undo,
// set a next contact, snooze it, and a lunar birthday.
func TestScenario_FreshDatabase(t *testing.T) {
	c := newCLI(t)
	c.env["CRMTUI_DB"] = c.db // every command below uses the store through $CRMTUI_DB

	if ag := c.agenda(); ag.Date != "2026-11-22" || len(ag.all()) != 0 || ag.Maintain == nil || ag.Invite == nil || ag.Serve == nil {
		t.Fatalf("empty store: agenda %+v, want date 2026-11-22 and three empty lists", ag)
	}
	cust := c.id("customer", "add", "--name", "王小明", "--phone", "138 0013 8000", "--wechat", "wxm_88", "--tag", "VIP", "--tag", "羊绒")
	if cust != 1 {
		t.Fatalf("customer id %d, want 1", cust)
	}
	if p := c.id("purchase", "add", "--customer", "1", "--amount", "199.00", "--date", "2026-11-21", "--item", "羊绒围巾:1:199.00"); p != 1 {
		t.Fatalf("purchase id %d, want 1", p)
	}
	list := c.customers()
	if len(list) != 1 {
		t.Fatalf("customer list: %+v", list)
	}
	if got := list[0]; got.ID != 1 || got.Name != "王小明" || got.Phone != "13800138000" || !slices.Equal(got.Tags, []string{"VIP", "羊绒"}) ||
		got.Purchases != 1 || got.TotalSpend != 199 || strp(got.LastPurchase) != "2026-11-21" || got.LastContact != nil {
		t.Errorf("customer list --json = %+v, want 王小明 13800138000 [VIP 羊绒], 1 purchase of 199 on 2026-11-21, no contact", got)
	}

	// Yesterday's purchase puts the day-1 thanks on today's agenda.
	ag := c.agenda("--date", "2026-11-22")
	it := ag.find("routine_1", cust)
	if it == nil {
		t.Fatalf("no routine_1 item for customer %d: %+v", cust, ag)
	}
	if it.Key != "routine:1:1" || it.Customer != "王小明" || it.Due != "2026-11-22" || it.OverdueDays != 0 || it.Question != "maintain" ||
		it.Channel != "wechat" || !strings.Contains(it.Reason, "Nov 21") {
		t.Errorf("routine_1 item = %+v", *it)
	}
	if ag.Total != 1 || ag.Done != 0 {
		t.Errorf("progress done %d of %d, want 0 of 1", ag.Done, ag.Total)
	}
	key := it.Key

	// Done: off the agenda, and the contact is logged.
	if out := c.ok("item", "done", key); out != "done: "+key+"\n" {
		t.Errorf("item done printed %q", out)
	}
	ag = c.agenda()
	if ag.byKey(key) != nil || ag.Done != 1 || ag.Total != 1 {
		t.Errorf("after done: agenda %+v, want %s gone and done 1 of 1", ag, key)
	}
	if lc := c.customers()[0].LastContact; strp(lc) != "2026-11-22" {
		t.Errorf("after done: last_contact %s, want 2026-11-22", strp(lc))
	}
	if r := c.run("item", "done", key); r.code != 2 || !strings.Contains(r.stderr, key+" is not on the agenda of 2026-11-22") {
		t.Errorf("done twice: exit %d, stderr %q", r.code, r.stderr)
	}

	// Undo: back, and the contact is gone again.
	if out := c.ok("item", "undo"); out != "undone: "+key+"\n" {
		t.Errorf("item undo printed %q", out)
	}
	ag = c.agenda()
	if ag.byKey(key) == nil || ag.Done != 0 {
		t.Errorf("after undo: agenda %+v, want %s back and nothing done", ag, key)
	}
	if lc := c.customers()[0].LastContact; lc != nil {
		t.Errorf("after undo: last_contact %s, want null", *lc)
	}
	if out := c.ok("item", "undo"); out != "nothing to undo\n" {
		t.Errorf("second undo printed %q", out)
	}

	// Skip needs a known reason and hides the item for good.
	if r := c.run("item", "skip", key, "--reason", "lazy"); r.code != 2 || !strings.Contains(r.stderr, "item.reason") {
		t.Errorf("skip with a bad reason: exit %d, stderr %q", r.code, r.stderr)
	}
	c.ok("item", "skip", key, "--reason", "not_interested")
	if ag := c.agenda(); ag.byKey(key) != nil {
		t.Errorf("skipped item still on the agenda")
	}
	c.ok("item", "undo")

	// A contact with --next sets a follow-up on that day.
	contact := c.id("contact", "add", "--customer", "1", "--channel", "call", "--outcome", "reached", "--purpose", "other", "--note", "约了周三", "--next", "2026-11-25")
	if contact <= 0 {
		t.Fatal("no contact id")
	}
	if ag := c.agenda("--date", "2026-11-24"); ag.find("followup", cust) != nil {
		t.Errorf("follow-up shows before its day: %+v", ag.find("followup", cust))
	}
	fu := c.agenda("--date", "2026-11-25").find("followup", cust)
	if fu == nil {
		t.Fatal("no followup item on 2026-11-25 after contact add --next 2026-11-25")
	}
	if fu.Due != "2026-11-25" || fu.OverdueDays != 0 || !strings.Contains(fu.Reason, "约了周三") || fu.Question != "maintain" {
		t.Errorf("followup item = %+v", *fu)
	}

	// Snooze hides it until the day given.
	if r := c.run("item", "snooze", fu.Key, "--date", "2026-11-25", "--until", "2026-11-25", "--reason", "busy"); r.code != 2 || !strings.Contains(r.stderr, "item.until") {
		t.Errorf("snooze to the same day: exit %d, stderr %q", r.code, r.stderr)
	}
	if out := c.ok("item", "snooze", fu.Key, "--date", "2026-11-25", "--until", "2026-11-27", "--reason", "busy"); out != "snoozed until 2026-11-27: "+fu.Key+"\n" {
		t.Errorf("item snooze printed %q", out)
	}
	for _, d := range []string{"2026-11-25", "2026-11-26"} {
		if c.agenda("--date", d).byKey(fu.Key) != nil {
			t.Errorf("snoozed item shows on %s", d)
		}
	}
	if back := c.agenda("--date", "2026-11-27").byKey(fu.Key); back == nil || back.OverdueDays != 2 {
		t.Errorf("snoozed item on 2026-11-27 = %+v, want back, 2 days overdue", back)
	}

	// A follow-up set by hand.
	fid := c.id("followup", "add", "--customer", "1", "--due", "2026-11-23", "--note", "送围巾")
	if it := c.agenda("--date", "2026-11-23").byKey("followup:" + strconv.FormatInt(fid, 10)); it == nil || !strings.Contains(it.Reason, "送围巾") {
		t.Errorf("followup add: item %+v on 2026-11-23", it)
	}

	// A lunar birthday: 八月十五 is 2026-09-25, announced three days ahead.
	lunarID := c.id("customer", "add", "--name", "李月", "--birthday", "lunar:08-15")
	bd := c.agenda("--date", "2026-09-23").find("birthday", lunarID)
	if bd == nil {
		t.Fatal("no birthday item on 2026-09-23 for a lunar:08-15 birthday")
	}
	if bd.Due != "2026-09-25" || !strings.Contains(bd.Reason, "八月十五") || bd.Channel != "wechat" {
		t.Errorf("lunar birthday item = %+v", *bd)
	}
	if c.agenda("--date", "2026-09-21").find("birthday", lunarID) != nil {
		t.Errorf("lunar birthday item shows four days early")
	}
	// A solar birthday with a year.
	solarID := c.id("customer", "add", "--name", "张敏", "--birthday", "1990-11-24", "--phone", "13900139000")
	if bd := c.agenda("--date", "2026-11-22").find("birthday", solarID); bd == nil || bd.Due != "2026-11-24" {
		t.Errorf("solar birthday item = %+v, want due 2026-11-24", bd)
	}

	// A purchase with usage days: the replenishment call three days before it runs out.
	rice := c.id("purchase", "add", "--customer", strconv.FormatInt(solarID, 10), "--amount", "99", "--date", "2026-10-27", "--usage-days", "30")
	if c.agenda("--date", "2026-11-22").byKey("replenish:"+strconv.FormatInt(rice, 10)) != nil {
		t.Error("replenish item four days before the run-out day")
	}
	if it := c.agenda("--date", "2026-11-23").find("replenish", solarID); it == nil || it.Key != "replenish:"+strconv.FormatInt(rice, 10) ||
		it.Due != "2026-11-23" || !strings.Contains(it.Reason, "runs out Nov 26") || it.Channel != "call" {
		t.Errorf("replenish item = %+v, want due 2026-11-23, runs out Nov 26, by call", it)
	}

	// The filter matches name, phone and tag.
	for filter, want := range map[string][]int64{"小明": {1}, "8000": {1}, "VIP": {1}, "李月": {lunarID}, "nobody": nil} {
		var ids []int64
		for _, cu := range c.customers("--filter", filter) {
			ids = append(ids, cu.ID)
		}
		if !slices.Equal(ids, want) {
			t.Errorf("customer list --filter %s = %v, want %v", filter, ids, want)
		}
	}
}

// TestPurchaseAdd_UnknownEvent: a bad --event is reported as the event.
func TestPurchaseAdd_UnknownEvent(t *testing.T) {
	c := newCLI(t)
	c.env["CRMTUI_DB"] = c.db
	c.id("customer", "add", "--name", "王小明")
	r := c.run("purchase", "add", "--customer", "1", "--amount", "5", "--event", "99")
	if r.code != 2 || !strings.Contains(r.stderr, "purchase.event_id") || strings.Contains(r.stderr, "purchase.customer_id") {
		t.Errorf("exit %d, stderr %q: want 2 naming purchase.event_id", r.code, r.stderr)
	}
}

// TestDefaultDatabase: --db, else $CRMTUI_DB, else the data folder.
func TestDefaultDatabase(t *testing.T) {
	c := newCLI(t)
	xdg := filepath.Join(c.env["XDG_DATA_HOME"], "crmtui", "crm.db")
	c.id("customer", "add", "--name", "默认库")
	if _, err := os.Stat(xdg); err != nil {
		t.Fatalf("without --db or $CRMTUI_DB the store is not at %s: %v", xdg, err)
	}
	envDB := filepath.Join(c.dir, "env.db")
	c.env["CRMTUI_DB"] = envDB
	c.id("customer", "add", "--name", "环境库")
	flagDB := filepath.Join(c.dir, "flag.db")
	c.id("customer", "add", "--name", "参数库", "--db", flagDB)
	for path, want := range map[string]string{xdg: "默认库", envDB: "环境库", flagDB: "参数库"} {
		list := c.customers("--db", path)
		if len(list) != 1 || list[0].Name != want {
			t.Errorf("%s holds %+v, want only %s", path, list, want)
		}
	}
	// Without XDG_DATA_HOME: ~/.local/share.
	delete(c.env, "CRMTUI_DB")
	delete(c.env, "XDG_DATA_HOME")
	c.id("customer", "add", "--name", "家目录库")
	if _, err := os.Stat(filepath.Join(c.env["HOME"], ".local", "share", "crmtui", "crm.db")); err != nil {
		t.Errorf("without XDG_DATA_HOME the store is not under ~/.local/share: %v", err)
	}
	// The usage names the default.
	c.env["CRMTUI_DB"] = envDB
	if out := c.ok("help"); !strings.Contains(out, "(default "+envDB+")") {
		t.Errorf("help does not show the default database %s:\n%s", envDB, out)
	}
}

// demoStore writes an in-process demo of n customers to path.
func (c *cli) demoStore(path string, n int, seed string) string {
	c.t.Helper()
	return c.ok("demo", "--no-tui", "--db", path, "--today", "2026-11-22", "--customers", strconv.Itoa(n), "--seed", seed)
}

// TestDemo_OwnFileAndSummary: without --db the demo writes its own file in
// the data folder and never the user's database, even one named by $CRMTUI_DB.
func TestDemo_OwnFileAndSummary(t *testing.T) {
	c := newCLI(t)
	userDB := filepath.Join(c.dir, "mine.db")
	c.env["CRMTUI_DB"] = userDB
	c.id("customer", "add", "--name", "真顾客")
	before := fileHash(t, userDB)

	out := c.ok("demo", "--no-tui", "--today", "2026-11-22", "--customers", "60", "--seed", "3")
	demoPath := filepath.Join(c.env["XDG_DATA_HOME"], "crmtui", "demo.db")
	for _, want := range []string{"wrote demo store to " + demoPath, "customers: 60", "salespeople: 4", "agenda of 2026-11-22 for 王芳: maintain ",
		"see it: crmtui today --db " + demoPath + " --date 2026-11-22"} {
		if !strings.Contains(out, want) {
			t.Errorf("demo summary lacks %q:\n%s", want, out)
		}
	}
	if fileHash(t, userDB) != before {
		t.Error("demo without --db changed the user's database")
	}
	if list := c.customers(); len(list) != 1 || list[0].Name != "真顾客" {
		t.Errorf("user's database now holds %+v", list)
	}
	if n := len(c.customers("--db", demoPath, "--all")); n != 60 {
		t.Errorf("demo store has %d customers, want 60", n)
	}
	// Without --today the demo's day is today.
	if out := c.ok("demo", "--no-tui", "--customers", "40"); !strings.Contains(out, "agenda of 2026-11-22 for 王芳") {
		t.Errorf("demo without --today:\n%s", out)
	}
	// Without --no-tui (until the app lands) it prints the agenda.
	out = c.ok("demo", "--today", "2026-11-22", "--customers", "60", "--seed", "3", "--lang", "zh")
	if !strings.HasPrefix(out, "今日三问 2026-11-22 周日 · 王芳") {
		t.Errorf("demo without --no-tui printed:\n%.300s", out)
	}
}

// TestDemo_RefusesRealDatabase: a store with real customers is never replaced.
func TestDemo_RefusesRealDatabase(t *testing.T) {
	c := newCLI(t)
	c.id("customer", "add", "--db", c.db, "--name", "王小明", "--phone", "13800138000")
	c.id("purchase", "add", "--db", c.db, "--customer", "1", "--amount", "88")
	before := fileHash(t, c.db)

	r := c.run("demo", "--no-tui", "--db", c.db, "--today", "2026-11-22", "--customers", "40")
	if r.code != 1 {
		t.Errorf("demo over a real store: exit %d, want 1", r.code)
	}
	if want := c.db + " holds 1 customers and is not a demo store"; !strings.Contains(r.stderr, want) {
		t.Errorf("stderr %q does not contain %q", r.stderr, want)
	}
	if r.stdout != "" {
		t.Errorf("stdout %q, want nothing", r.stdout)
	}
	if fileHash(t, c.db) != before {
		t.Error("the refused demo changed the file")
	}
	if list := c.customers("--db", c.db); len(list) != 1 || list[0].Name != "王小明" || list[0].Purchases != 1 {
		t.Errorf("store after the refused demo: %+v", list)
	}
	if m, _ := filepath.Glob(c.db + ".tmp-*"); len(m) > 0 {
		t.Errorf("left temporary files: %v", m)
	}
	zh := c.run("demo", "--no-tui", "--db", c.db, "--today", "2026-11-22", "--lang", "zh")
	if zh.code != 1 || !strings.Contains(zh.stderr, "里已有 1 位真实顾客，不是示例库，不会覆盖") {
		t.Errorf("zh: exit %d, stderr %q", zh.code, zh.stderr)
	}

	// An empty store and an earlier demo may be replaced.
	empty := filepath.Join(c.dir, "empty.db")
	c.ok("customer", "list", "--db", empty)
	c.demoStore(empty, 40, "1")
	c.demoStore(empty, 50, "2")
	if n := len(c.customers("--db", empty, "--all")); n != 50 {
		t.Errorf("replaced demo has %d customers, want 50", n)
	}
}

// TestDemo_FewCustomers: --customers N below the scripted part.
func TestDemo_FewCustomers(t *testing.T) {
	c := newCLI(t)
	r := c.run("demo", "--no-tui", "--db", c.db, "--customers", "10", "--today", "2026-11-22")
	if r.code != 2 || !strings.Contains(r.stderr, "--customers") || fileExists(c.db) {
		t.Errorf("demo --customers 10: exit %d, stderr %q, file written %v; want 2 naming --customers and no file", r.code, r.stderr, fileExists(c.db))
	}
	c.demoStore(c.db, 40, "1")
	if n := len(c.customers("--db", c.db, "--all")); n != 40 {
		t.Errorf("demo --customers 40 wrote %d customers", n)
	}
}

// TestDemo_SameSeedSameData: the data depends on the seed and the day only,
// not on the time of day the demo is built.
func TestDemo_SameSeedSameData(t *testing.T) {
	c := newCLI(t)
	a, b, other := filepath.Join(c.dir, "a.db"), filepath.Join(c.dir, "b.db"), filepath.Join(c.dir, "c.db")
	c.demoStore(a, 40, "5")
	c.now = testNow.Add(7*time.Hour + 13*time.Minute)
	c.demoStore(b, 40, "5")
	c.demoStore(other, 40, "6")
	c.now = testNow
	la := c.ok("customer", "list", "--json", "--all", "--db", a)
	lb := c.ok("customer", "list", "--json", "--all", "--db", b)
	lc := c.ok("customer", "list", "--json", "--all", "--db", other)
	if la != lb {
		t.Error("two demos with seed 5 differ")
	}
	if la == lc {
		t.Error("seeds 5 and 6 gave the same customers")
	}
	if ka, kb := c.agenda("--db", a, "--date", "2026-11-22").keys(), c.agenda("--db", b, "--date", "2026-11-22").keys(); !slices.Equal(ka, kb) {
		t.Errorf("same seed, different agendas:\n%v\n%v", ka, kb)
	}
}

// TestToday_DateDoesNotDependOnClock: `today --date D` is the same whenever
// it is asked (the classes the rules read are taken as of D).
func TestToday_DateDoesNotDependOnClock(t *testing.T) {
	c := newCLI(t)
	c.demoStore(c.db, 60, "7")
	want := c.agenda("--db", c.db, "--date", "2026-11-22")
	if want.find("holiday", 0) == nil {
		t.Fatalf("no grouped holiday item on the demo's day: %v", want.keys())
	}
	for _, now := range []time.Time{testNow.AddDate(1, 0, 0), testNow.AddDate(0, -2, 0), testNow} {
		c.now = now
		got := c.agenda("--db", c.db, "--date", "2026-11-22")
		if !slices.Equal(got.keys(), want.keys()) {
			t.Errorf("asked on %s, the agenda of 2026-11-22 differs:\n got %v\nwant %v", now.Format(time.DateOnly), got.keys(), want.keys())
		}
	}
}

// TestAsAndAll: the agenda is the first salesperson's (with every rule in
// the demo), another's with --as or config me, the whole store's with --all.
func TestAsAndAll(t *testing.T) {
	c := newCLI(t)
	c.demoStore(c.db, 60, "7")
	mine := c.agenda("--db", c.db)
	if mine.Salesperson != "王芳" {
		t.Errorf("default salesperson %q, want the first one, 王芳", mine.Salesperson)
	}
	rules := map[string]bool{}
	for _, it := range mine.all() {
		rules[it.Rule] = true
	}
	for _, r := range agenda.Rules {
		if !rules[string(r)] {
			t.Errorf("rule %s missing from the demo's agenda", r)
		}
	}

	owners := map[int64]int64{} // customer → owner
	all := c.customers("--db", c.db, "--all")
	if len(all) != 60 {
		t.Fatalf("--all lists %d customers, want 60", len(all))
	}
	for _, cu := range all {
		owners[cu.ID] = cu.OwnerID
	}
	ownerOf := func(ag agendaOut) map[int64]bool {
		out := map[int64]bool{}
		for _, it := range ag.all() {
			if it.CustomerID != 0 {
				out[owners[it.CustomerID]] = true
			}
		}
		return out
	}
	mineList := c.customers("--db", c.db)
	if len(mineList) == 0 || len(mineList) >= 60 {
		t.Fatalf("王芳 has %d customers of 60", len(mineList))
	}
	myID := mineList[0].OwnerID
	for _, cu := range mineList {
		if cu.OwnerID != myID {
			t.Errorf("customer list without --all shows %s of owner %d", cu.Name, cu.OwnerID)
		}
	}
	if o := ownerOf(mine); len(o) != 1 || !o[myID] {
		t.Errorf("王芳's agenda has customers of owners %v", o)
	}

	lina := c.agenda("--db", c.db, "--as", "李娜")
	if lina.Salesperson != "李娜" || len(lina.all()) == 0 {
		t.Fatalf("--as 李娜: salesperson %q, %d items", lina.Salesperson, len(lina.all()))
	}
	if o := ownerOf(lina); len(o) != 1 || o[myID] {
		t.Errorf("李娜's agenda has customers of owners %v (王芳 is %d)", o, myID)
	}
	whole := c.agenda("--db", c.db, "--all")
	if whole.Salesperson != "" || whole.Total < mine.Total+lina.Total {
		t.Errorf("--all: salesperson %q, total %d; 王芳 %d + 李娜 %d", whole.Salesperson, whole.Total, mine.Total, lina.Total)
	}
	if o := ownerOf(whole); len(o) < 2 {
		t.Errorf("--all agenda has customers of owners %v only", o)
	}

	// config me, and --as over it.
	cfg := writeFile(t, filepath.Join(c.env["XDG_CONFIG_HOME"], "crmtui", "config.toml"), "me = \"李娜\"\n")
	if got := c.agenda("--db", c.db); got.Salesperson != "李娜" || !slices.Equal(got.keys(), lina.keys()) {
		t.Errorf("config me = 李娜: salesperson %q", got.Salesperson)
	}
	if got := c.agenda("--db", c.db, "--as", "王芳"); got.Salesperson != "王芳" {
		t.Errorf("--as 王芳 over config me: salesperson %q", got.Salesperson)
	}
	writeFile(t, cfg, "me = \"nobody\"\n")
	if r := c.run("today", "--db", c.db); r.code != 2 || !strings.Contains(r.stderr, `me (config): no salesperson named "nobody" (known: 王芳, 李娜, 陈静, 赵磊)`) {
		t.Errorf("config me = nobody: exit %d, stderr %q", r.code, r.stderr)
	}
}

// TestConfig covers config path / show and bad config files.
func TestConfig(t *testing.T) {
	c := newCLI(t)
	def := filepath.Join(c.env["XDG_CONFIG_HOME"], "crmtui", "config.toml")
	r := c.run("config", "path")
	if r.code != 0 || r.stdout != def+"\n" || !strings.Contains(r.stderr, "does not exist yet") {
		t.Errorf("config path: %+v, want %s and a note that it is missing", r, def)
	}
	envCfg := writeFile(t, filepath.Join(c.dir, "env.toml"), "lang = \"en\"\n")
	c.env["CRMTUI_CONFIG"] = envCfg
	if r := c.run("config", "path"); r.stdout != envCfg+"\n" || r.stderr != "" {
		t.Errorf("config path with $CRMTUI_CONFIG: %+v", r)
	}
	delete(c.env, "CRMTUI_CONFIG")

	defaults := c.ok("config", "show")
	for _, want := range []string{"me = \"\"", "[routine]", "days = [1, 3, 7]", "max_overdue_days = 7", "[important_days]", "lead_days = 3", "[holidays]"} {
		if !strings.Contains(defaults, want) {
			t.Errorf("config show lacks %q", want)
		}
	}

	// A changed knob shows, and the output loads back unchanged.
	custom := writeFile(t, filepath.Join(c.dir, "custom.toml"), "lang = \"zh\"\n[routine]\nmax_overdue_days = 5\nchannels = [\"call\", \"wechat\", \"call\"]\n")
	shown := c.ok("config", "show", "--config", custom)
	if !strings.Contains(shown, "max_overdue_days = 5") || !strings.Contains(shown, `channels = ["call", "wechat", "call"]`) || !strings.Contains(shown, `lang = "zh"`) {
		t.Errorf("config show --config custom:\n%s", shown)
	}
	round := writeFile(t, filepath.Join(c.dir, "round.toml"), shown)
	if again := c.ok("config", "show", "--config", round); again != shown {
		t.Errorf("config show output does not round-trip:\n%s\n---\n%s", shown, again)
	}
	roundDefaults := writeFile(t, filepath.Join(c.dir, "defaults.toml"), defaults)
	if again := c.ok("config", "show", "--config", roundDefaults); again != defaults {
		t.Error("the default config does not round-trip")
	}
	c.ok("today", "--config", round, "--db", c.db)

	bad := []struct {
		name, text string
		want       []string
	}{
		{"unknown key", "bogus = 1\n", []string{"setting bogus is wrong", "unknown key"}},
		{"unknown knob", "[routine]\nmax_overdue_dayz = 3\n", []string{"routine.max_overdue_dayz", "unknown key"}},
		{"out of range", "[routine]\nmax_overdue_days = -1\n", []string{"routine.max_overdue_days", "-1"}},
		{"bad channel", "[routine]\nchannels = [\"fax\", \"wechat\", \"call\"]\n", []string{"routine.channels[0]", `"fax"`}},
		{"wrong type", "[important_days]\nlead_days = \"x\"\n", []string{"important_days.lead_days"}},
		{"bad lang", "lang = \"fr\"\n", []string{"setting lang is wrong", `"fr" is not zh or en`}},
		{"syntax", "me = \"x\"\nlang = zh\n", []string{"line 2"}},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			path := writeFile(t, filepath.Join(t.TempDir(), "config.toml"), tc.text)
			for _, args := range [][]string{{"config", "show", "--config", path}, {"today", "--config", path, "--db", c.db}} {
				c.t = t
				r := c.run(args...)
				c.t = nil
				if r.code != 2 {
					t.Errorf("%v: exit %d, want 2", args, r.code)
				}
				for _, w := range append([]string{path + ": "}, tc.want...) {
					if !strings.Contains(r.stderr, w) {
						t.Errorf("%v: stderr %q does not contain %q", args, r.stderr, w)
					}
				}
			}
		})
	}
	c.t = t

	// A config's lang applies when no locale is set; the locale beats it.
	zhCfg := writeFile(t, def, "lang = \"zh\"\n")
	delete(c.env, "LANG")
	if out := c.ok("today", "--db", c.db); !strings.HasPrefix(out, "今日三问 2026-11-22 周日") {
		t.Errorf("config lang = zh without a locale printed %.80q", out)
	}
	c.env["LANG"] = "en_US.UTF-8"
	if out := c.ok("today", "--db", c.db); !strings.HasPrefix(out, "Today's three questions, 2026-11-22 Sun") {
		t.Errorf("LANG=en over config lang = zh printed %.80q", out)
	}
	// A rule switched off in the config is off on the agenda.
	c.id("customer", "add", "--db", c.db, "--name", "王小明")
	c.id("purchase", "add", "--db", c.db, "--customer", "1", "--amount", "10", "--date", "2026-11-21")
	if c.agenda("--db", c.db).find("routine_1", 1) == nil {
		t.Fatal("no routine_1 item with the default config")
	}
	writeFile(t, zhCfg, "[routine]\nenabled = false\n")
	if it := c.agenda("--db", c.db).find("routine_1", 1); it != nil {
		t.Errorf("routine.enabled = false, yet %+v", *it)
	}
}

// TestTodayText_ColumnsLineUp: the text agenda pads by display width, so
// every column starts at the same terminal column in both languages, and
// long English markers are not cut.
func TestTodayText_ColumnsLineUp(t *testing.T) {
	c := newCLI(t)
	c.demoStore(c.db, 60, "7")
	for _, lang := range []i18n.Lang{i18n.EN, i18n.ZH} {
		t.Run(string(lang), func(t *testing.T) {
			c.t = t
			ag := c.agenda("--db", c.db, "--date", "2026-11-22", "--lang", string(lang))
			text := c.ok("today", "--db", c.db, "--date", "2026-11-22", "--lang", string(lang))
			c.t = nil
			checkAgendaColumns(t, text, ag, i18n.New(lang))
		})
	}
	c.t = t
	ag := c.agenda("--db", c.db, "--date", "2026-11-22")
	// The scripted customer whose call went unanswered at 09:00: the retry time is in the store's zone.
	text := c.ok("today", "--db", c.db, "--date", "2026-11-22")
	if !strings.Contains(text, "解文博") || !strings.Contains(text, "retry after 09:10") {
		t.Errorf("no \"retry after 09:10\" (CST) for 解文博's unanswered call:\n%s", text)
	}
	most := 0
	for _, it := range ag.all() {
		most = max(most, it.OverdueDays)
	}
	if want := "overdue " + strconv.Itoa(most) + " days "; most < 100 || !strings.Contains(text, want) {
		t.Errorf("the longest marker %q (%d days) is not shown in full:\n%s", want, most, text)
	}
}

// checkAgendaColumns checks the text agenda against the JSON one: one line
// per item, and the class, channel and reason columns start at the same
// display column on every item line.
func checkAgendaColumns(t *testing.T, text string, ag agendaOut, cat i18n.Catalog) {
	t.Helper()
	items := map[string]itemOut{}
	for _, it := range ag.all() {
		items[it.Key] = it
	}
	cols := map[string]map[int][]string{"customer": {}, "class": {}, "channel": {}, "reason": {}}
	seen := 0
	for _, line := range strings.Split(text, "\n") {
		i := strings.LastIndex(line, "  [")
		if !strings.HasPrefix(line, "  ") || i < 0 || !strings.HasSuffix(line, "]") {
			continue
		}
		key := line[i+3 : len(line)-1]
		it, ok := items[key]
		if !ok {
			t.Errorf("line for unknown key %q: %s", key, line)
			continue
		}
		seen++
		ri := strings.Index(line, " "+it.Reason)
		if ri < 0 {
			t.Errorf("line lacks the reason %q: %s", it.Reason, line)
			continue
		}
		ri++
		ch := cat.Channel(domain.Channel(it.Channel))
		ci := strings.LastIndex(line[:ri], " "+ch+" ")
		if ci < 0 || strings.TrimSpace(line[ci+1+len(ch):ri]) != "" {
			t.Errorf("channel %q is not the cell before the reason: %s", ch, line)
			continue
		}
		ci++
		cl := cat.Class(domain.Class(it.Class))
		li := strings.LastIndex(line[:ci], " "+cl+" ")
		if li < 0 || strings.TrimSpace(line[li+1+len(cl):ci]) != "" {
			t.Errorf("class %q is not the cell before the channel: %s", cl, line)
			continue
		}
		li++
		if strings.Contains(line[:li], "…") {
			t.Errorf("a marker or customer is cut: %s", line)
		}
		if it.Group == nil {
			ni := strings.Index(line, it.Customer)
			if ni < 0 {
				t.Errorf("line lacks the customer %q: %s", it.Customer, line)
			} else {
				cols["customer"][ansi.StringWidth(line[:ni])] = append(cols["customer"][ansi.StringWidth(line[:ni])], line)
			}
		}
		cols["class"][ansi.StringWidth(line[:li])] = append(cols["class"][ansi.StringWidth(line[:li])], line)
		cols["channel"][ansi.StringWidth(line[:ci])] = append(cols["channel"][ansi.StringWidth(line[:ci])], line)
		cols["reason"][ansi.StringWidth(line[:ri])] = append(cols["reason"][ansi.StringWidth(line[:ri])], line)
	}
	if seen != len(items) || seen == 0 {
		t.Errorf("%d item lines for %d items", seen, len(items))
	}
	for name, at := range cols {
		if len(at) != 1 {
			msg := ""
			for col, lines := range at {
				msg += "\n  column " + strconv.Itoa(col) + ": " + lines[0]
			}
			t.Errorf("the %s column starts at %d different display columns:%s", name, len(at), msg)
		}
	}
	for _, q := range []agenda.Question{agenda.Maintain, agenda.Invite, agenda.Serve} {
		n := len(ag.Maintain)
		switch q {
		case agenda.Invite:
			n = len(ag.Invite)
		case agenda.Serve:
			n = len(ag.Serve)
		}
		if head := cat.T("cli.agenda.section", cat.Question(q), n); !strings.Contains(text, "\n"+head+"\n") {
			t.Errorf("no section heading %q", head)
		}
	}
}

// TestCustomerListText_Aligned: the table pads Chinese names by display width.
func TestCustomerListText_Aligned(t *testing.T) {
	c := newCLI(t)
	c.env["CRMTUI_DB"] = c.db
	c.id("customer", "add", "--name", "欧阳娜娜", "--remark", "娜姐", "--phone", "13800138000")
	c.id("customer", "add", "--name", "Anna Li", "--phone", "13900139000")
	c.id("customer", "add", "--name", "王", "--phone", "13700137000", "--tag", "VIP")
	out := c.ok("customer", "list")
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 4 {
		t.Fatalf("customer list printed %d lines, want a header and 3 rows:\n%s", len(lines), out)
	}
	for i, phone := range []string{"Phone", "13800138000", "13900139000", "13700137000"} {
		line := lines[0]
		for _, l := range lines {
			if strings.Contains(l, phone) {
				line = l
			}
		}
		at := strings.Index(line, phone)
		if at < 0 {
			t.Fatalf("no %s in the list:\n%s", phone, out)
		}
		if col := ansi.StringWidth(line[:at]); col != ansi.StringWidth(lines[0][:strings.Index(lines[0], "Phone")]) {
			t.Errorf("row %d: phone starts at column %d:\n%s", i, col, out)
		}
	}
	if !strings.Contains(out, "欧阳娜娜（娜姐）") {
		t.Errorf("the remark is not shown beside the name:\n%s", out)
	}
}
