package main

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// reportCLI is a demo store of 300 customers at 2026-11-22.
func reportCLI(t *testing.T) *cli {
	t.Helper()
	c := newCLI(t)
	c.demoStore(c.db, 300, "3")
	return c
}

func TestReport_EveryReportInBothLanguages(t *testing.T) {
	c := reportCLI(t)
	titles := map[string][2]string{
		"rfm": {"RFM 活跃度", "RFM"}, "abc": {"ABC 分析", "ABC"}, "distribution": {"动静分布", "Distribution"},
		"retention": {"顾客保有量", "Retention"}, "funnel": {"活动漏斗", "Funnels"}, "complaints": {"投诉分析", "Complaints"},
		"work": {"我的工作", "My work"},
	}
	for name, title := range titles {
		for i, lang := range []string{"zh", "en"} {
			out := c.ok("report", name, "--db", c.db, "--lang", lang)
			first, _, _ := strings.Cut(out, "\n")
			if !strings.HasPrefix(first, title[i]+" · ") || !strings.Contains(first, "2026-11-22") {
				t.Errorf("report %s --lang %s starts %q, want %q as of 2026-11-22", name, lang, first, title[i])
			}
			if strings.Contains(out, "\x1b[") || strings.Contains(out, "!insights.") {
				t.Errorf("report %s --lang %s: escape codes or a missing message:\n%s", name, lang, out)
			}
			for _, line := range strings.Split(out, "\n") {
				// The customer table of rfm is as wide as its columns; the rest fits a page.
				if w := ansi.StringWidth(line); w > reportWidth && !(name == "rfm" && strings.Count(line, "  ") > 5) {
					t.Errorf("report %s --lang %s: line of %d columns: %q", name, lang, w, line)
				}
			}
			def := map[string]string{"zh": "定义", "en": "Definitions"}[lang]
			if !strings.Contains(out, "\n"+def+"\n") {
				t.Errorf("report %s --lang %s: no definitions", name, lang)
			}
		}
	}
}

func TestReport_RFMJSONListsEveryCustomer(t *testing.T) {
	c := reportCLI(t)
	var rep struct {
		AsOf       string           `json:"as_of"`
		WindowDays int              `json:"window_days"`
		Customers  []map[string]any `json:"customers"`
	}
	if err := json.Unmarshal([]byte(c.ok("report", "rfm", "--json", "--db", c.db)), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.AsOf != "2026-11-22" || rep.WindowDays != 365 || len(rep.Customers) != 300 {
		t.Fatalf("as of %s, window %d, %d customers; want 2026-11-22, 365, 300", rep.AsOf, rep.WindowDays, len(rep.Customers))
	}
	bought := 0
	for _, cu := range rep.Customers {
		for _, k := range []string{"customer_id", "external_id", "recency_days", "frequency", "monetary", "r", "f", "m", "class", "stage"} {
			if _, ok := cu[k]; !ok {
				t.Fatalf("customer %v has no %q", cu["customer_id"], k)
			}
		}
		if cu["recency_days"] != nil {
			bought++
			if r := cu["r"].(float64); r < 1 || r > 5 {
				t.Errorf("customer %v: r %v", cu["customer_id"], r)
			}
		}
	}
	if bought == 0 || bought == 300 {
		t.Errorf("%d of 300 demo customers bought; the demo has both buyers and prospects", bought)
	}
	// An earlier day reads as it was: fewer customers had bought by then.
	var past struct {
		Customers []map[string]any `json:"customers"`
	}
	json.Unmarshal([]byte(c.ok("report", "rfm", "--json", "--as-of", "2025-06-01", "--db", c.db)), &past)
	pastBought := 0
	for _, cu := range past.Customers {
		if cu["recency_days"] != nil {
			pastBought++
		}
	}
	if pastBought >= bought {
		t.Errorf("as of 2025-06-01, %d customers had bought; as of today %d", pastBought, bought)
	}
}

func TestReport_CSVToAFile(t *testing.T) {
	c := reportCLI(t)
	r := c.run("report", "rfm", "--csv", "--out", c.dir, "--db", c.db, "--lang", "zh")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	path := filepath.Join(c.dir, "report-rfm-2026-11-22.csv")
	if strings.TrimSpace(r.stderr) != path {
		t.Errorf("printed %q, want the file's path %q", r.stderr, path)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(raw), "\ufeff") {
		t.Error("the CSV has no BOM: Excel in China would read it as GBK")
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(raw), "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 301 || rows[0][0] != "顾客编号" || len(rows[0]) != 13 {
		t.Errorf("%d rows, header %v", len(rows), rows[0])
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600 (reports hold customer names)", info.Mode().Perm())
	}
}

func TestReport_UsageErrors(t *testing.T) {
	c := reportCLI(t)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"report"}, "rfm|abc"},
		{[]string{"report", "sales"}, `unknown report "sales"`},
		{[]string{"report", "rfm", "abc"}, "unexpected arguments: abc"},
		{[]string{"report", "rfm", "--json", "--csv"}, "--json --csv"},
		{[]string{"report", "rfm", "--as-of", "2026-13-01"}, "--as-of"},
	} {
		r := c.run(append(tc.args, "--db", c.db)...)
		if r.code != 2 || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("crmtui %s: exit %d, stderr %q; want 2 and %q", strings.Join(tc.args, " "), r.code, r.stderr, tc.want)
		}
	}
}
