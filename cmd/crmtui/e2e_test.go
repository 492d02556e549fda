package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/domain/agenda"
	"github.com/crmtui/crmtui/domain/i18n"
)

// e2eVersion is stamped into the test binary with -ldflags, as a release build does.
const e2eVersion = "9.9.9-e2e"

var (
	binOnce sync.Once
	binDir  string
	binPath string
	binErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// crmtuiBinary builds the command once per test run (`go build` of this
// package) and returns its path; -short skips the end-to-end tests.
func crmtuiBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("end-to-end: builds and runs the real crmtui binary; skipped with -short")
	}
	binOnce.Do(func() {
		binDir, binErr = os.MkdirTemp("", "crmtui-e2e-")
		if binErr != nil {
			return
		}
		binPath = filepath.Join(binDir, "crmtui")
		if runtime.GOOS == "windows" {
			binPath += ".exe"
		}
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
		defer cancel()
		cmd := exec.CommandContext(ctx, "go", "build", "-ldflags", "-X main.version="+e2eVersion, "-o", binPath, ".")
		if out, err := cmd.CombinedOutput(); err != nil {
			binErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

// proc runs the binary with its own HOME, data and config folders and an
// English locale: nothing of the developer's environment ($CRMTUI_DB, a
// config file) leaks in.
type proc struct {
	t   *testing.T
	bin string
	dir string
	env []string
}

func newProc(t *testing.T) *proc {
	t.Helper()
	bin := crmtuiBinary(t)
	dir := t.TempDir()
	return &proc{t: t, bin: bin, dir: dir, env: []string{
		"HOME=" + filepath.Join(dir, "home"),
		"XDG_DATA_HOME=" + filepath.Join(dir, "data"),
		"XDG_CONFIG_HOME=" + filepath.Join(dir, "config"),
		"LANG=en_US.UTF-8",
		"TZ=Asia/Shanghai",
		"PATH=" + os.Getenv("PATH"),
	}}
}

func (p *proc) run(args ...string) result {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, p.bin, args...)
	cmd.Env = p.env
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	r := result{stdout: out.String(), stderr: errOut.String()}
	var ee *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &ee):
		r.code = ee.ExitCode()
	default:
		p.t.Fatalf("crmtui %s: %v", strings.Join(args, " "), err)
	}
	return r
}

func (p *proc) ok(args ...string) string {
	p.t.Helper()
	r := p.run(args...)
	if r.code != 0 {
		p.t.Fatalf("crmtui %s: exit %d, stderr:\n%s", strings.Join(args, " "), r.code, r.stderr)
	}
	return r.stdout
}

func (p *proc) demo(path, seed string) {
	p.t.Helper()
	out := p.ok("demo", "--no-tui", "--db", path, "--today", "2026-11-22", "--customers", "300", "--seed", seed)
	if !strings.Contains(out, "wrote demo store to "+path) || !strings.Contains(out, "customers: 300") {
		p.t.Fatalf("demo summary:\n%s", out)
	}
}

// TestE2E_DemoThenToday is the acceptance test of the foundation issue: the
// real binary writes a demo store and `today --json` answers all three
// questions with every rule.
func TestE2E_DemoThenToday(t *testing.T) {
	p := newProc(t)
	db := filepath.Join(p.dir, "demo.db")
	p.demo(db, "7")

	out := p.ok("today", "--db", db, "--date", "2026-11-22", "--json")
	var raw struct {
		Date     string                       `json:"date"`
		Maintain []map[string]json.RawMessage `json:"maintain"`
		Invite   []map[string]json.RawMessage `json:"invite"`
		Serve    []map[string]json.RawMessage `json:"serve"`
	}
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatalf("today --json is not JSON: %v\n%.500s", err, out)
	}
	var ag agendaOut
	if err := json.Unmarshal([]byte(out), &ag); err != nil {
		t.Fatal(err)
	}
	if raw.Date != "2026-11-22" || ag.Date != "2026-11-22" {
		t.Errorf("date %q, want 2026-11-22", raw.Date)
	}
	for q, items := range map[string][]map[string]json.RawMessage{"maintain": raw.Maintain, "invite": raw.Invite, "serve": raw.Serve} {
		if len(items) == 0 {
			t.Errorf("%s is empty", q)
		}
		for i, it := range items {
			for _, k := range []string{"key", "customer_id", "customer", "rule", "reason", "due", "overdue_days", "channel", "class"} {
				if _, ok := it[k]; !ok {
					t.Errorf("%s[%d] has no %q: %v", q, i, k, it)
				}
			}
		}
	}

	rules := map[string]int{}
	keys := map[string]bool{}
	for q, items := range map[string][]itemOut{"maintain": ag.Maintain, "invite": ag.Invite, "serve": ag.Serve} {
		for _, it := range items {
			rules[it.Rule]++
			if keys[it.Key] {
				t.Errorf("key %s twice", it.Key)
			}
			keys[it.Key] = true
			if it.Key == "" || it.Customer == "" || it.Rule == "" || it.Reason == "" || it.Due == "" || it.Channel == "" || it.Class == "" {
				t.Errorf("%s item with an empty field: %+v", q, it)
			}
			if r := agenda.RuleID(it.Rule); !r.Valid() || string(r.Question()) != q || it.Question != q {
				t.Errorf("item %s of rule %q is listed under %s (question %q)", it.Key, it.Rule, q, it.Question)
			}
			if !domain.Channel(it.Channel).Valid() || !slices.Contains(domain.Classes, domain.Class(it.Class)) {
				t.Errorf("item %s: channel %q / class %q unknown", it.Key, it.Channel, it.Class)
			}
			if _, err := domain.ParseDate(it.Due); err != nil || it.OverdueDays < 0 {
				t.Errorf("item %s: due %q, overdue_days %d", it.Key, it.Due, it.OverdueDays)
			}
			if it.Group != nil {
				if it.Rule != "holiday" || it.CustomerID != 0 || it.Group.Name == "" || len(it.Group.Members) == 0 {
					t.Errorf("grouped item %+v: want a holiday with customer_id 0, a name and members", it)
				}
			} else if it.CustomerID <= 0 {
				t.Errorf("item %s has customer_id %d", it.Key, it.CustomerID)
			}
		}
	}
	for _, r := range agenda.Rules {
		if rules[string(r)] == 0 {
			t.Errorf("rule %s does not appear on the demo's agenda", r)
		}
	}
	if len(agenda.Rules) != 18 {
		t.Errorf("%d rules, the issue lists 18", len(agenda.Rules))
	}
	if t.Failed() {
		t.Logf("rules seen: %v", rules)
	}

	// The text agenda lines up in both languages.
	for _, lang := range []i18n.Lang{i18n.EN, i18n.ZH} {
		t.Run("text_"+string(lang), func(t *testing.T) {
			p.t = t
			defer func() { p.t = nil }()
			var agl agendaOut
			if err := json.Unmarshal([]byte(p.ok("today", "--db", db, "--date", "2026-11-22", "--json", "--lang", string(lang))), &agl); err != nil {
				t.Fatal(err)
			}
			text := p.ok("today", "--db", db, "--date", "2026-11-22", "--lang", string(lang))
			checkAgendaColumns(t, text, agl, i18n.New(lang))
		})
	}
	p.t = t

	// Acting on an item from the binary: done, then undo.
	key := ag.Maintain[0].Key
	if out := p.ok("item", "done", key, "--db", db, "--date", "2026-11-22"); out != "done: "+key+"\n" {
		t.Errorf("item done printed %q", out)
	}
	if r := p.run("item", "done", key, "--db", db, "--date", "2026-11-22"); r.code != 2 || !strings.Contains(r.stderr, key+" is not on the agenda of 2026-11-22") {
		t.Errorf("done twice: exit %d, stderr %q", r.code, r.stderr)
	}
	if out := p.ok("item", "undo", "--db", db); out != "undone: "+key+"\n" {
		t.Errorf("item undo printed %q", out)
	}
}

// TestE2E_SameSeedSameData: two demos with the same seed and day are the
// same customers; another seed gives others.
func TestE2E_SameSeedSameData(t *testing.T) {
	p := newProc(t)
	a, b, c := filepath.Join(p.dir, "a.db"), filepath.Join(p.dir, "b.db"), filepath.Join(p.dir, "c.db")
	p.demo(a, "7")
	p.demo(b, "7")
	p.demo(c, "8")
	la := p.ok("customer", "list", "--json", "--all", "--db", a)
	lb := p.ok("customer", "list", "--json", "--all", "--db", b)
	lc := p.ok("customer", "list", "--json", "--all", "--db", c)
	var list []customerOut
	if err := json.Unmarshal([]byte(la), &list); err != nil || len(list) != 300 {
		t.Fatalf("customer list --json --all: %d customers, err %v", len(list), err)
	}
	if la != lb {
		t.Error("two demos with seed 7 list different customers")
	}
	if la == lc {
		t.Error("seeds 7 and 8 list the same customers")
	}
	ta := p.ok("today", "--db", a, "--date", "2026-11-22", "--json")
	tb := p.ok("today", "--db", b, "--date", "2026-11-22", "--json")
	var ja, jb agendaOut
	if json.Unmarshal([]byte(ta), &ja) != nil || json.Unmarshal([]byte(tb), &jb) != nil || !slices.Equal(ja.keys(), jb.keys()) {
		t.Error("two demos with seed 7 have different agendas")
	}
}

// TestE2E_ExitCodes checks exit codes and stderr of the real process.
func TestE2E_ExitCodes(t *testing.T) {
	p := newProc(t)
	db := filepath.Join(p.dir, "crm.db")
	blocker := writeFile(t, filepath.Join(p.dir, "file"), "x")
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{"version", []string{"version"}, 0, "crmtui version " + e2eVersion + "\n", ""},
		{"help", []string{"help"}, 0, "usage: crmtui", ""},
		{"unknown command", []string{"frobnicate"}, 2, "", `error: unknown command "frobnicate"`},
		{"bad --date", []string{"today", "--db", db, "--date", "2026-11-31"}, 2, "", `bad value "2026-11-31" for --date`},
		{"bad --date zh", []string{"today", "--db", db, "--date", "2026-11-31", "--lang", "zh"}, 2, "", `参数 --date 的值 "2026-11-31" 不对`},
		{"missing --name", []string{"customer", "add", "--db", db}, 2, "", "--name is required"},
		{"bad phone", []string{"customer", "add", "--db", db, "--name", "王小明", "--phone", "12"}, 2, "", "customer.phones[0]"},
		{"unknown item key", []string{"item", "done", "nope:1", "--db", db, "--date", "2026-11-22"}, 2, "", "nope:1 is not on the agenda of 2026-11-22"},
		{"database folder is a file", []string{"today", "--db", filepath.Join(blocker, "crm.db"), "--date", "2026-11-22"}, 1, "", "cannot open the database"},
		{"add prints the id", []string{"customer", "add", "--db", db, "--name", "王小明"}, 0, "1\n", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p.t = t
			r := p.run(tc.args...)
			p.t = nil
			if r.code != tc.code {
				t.Errorf("exit %d, want %d; stderr %q", r.code, tc.code, r.stderr)
			}
			if !strings.Contains(r.stdout, tc.stdout) {
				t.Errorf("stdout %q, want %q", r.stdout, tc.stdout)
			}
			if !strings.Contains(r.stderr, tc.stderr) || (tc.stderr == "" && r.stderr != "") {
				t.Errorf("stderr %q, want %q", r.stderr, tc.stderr)
			}
		})
	}
}
