package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/crmtui/crmtui/domain/i18n"
)

// readCSV reads an export: it must start with the UTF-8 BOM and end its
// lines in CRLF.
func readCSV(t *testing.T, data []byte) [][]string {
	t.Helper()
	if !bytes.HasPrefix(data, []byte(utf8BOM)) {
		t.Fatalf("no UTF-8 BOM: %q", data[:min(len(data), 20)])
	}
	if bytes.Count(data, []byte("\n")) != bytes.Count(data, []byte("\r\n")) {
		t.Error("lines do not all end in CRLF")
	}
	rows, err := csv.NewReader(bytes.NewReader(data[len(utf8BOM):])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func readCSVFile(t *testing.T, path string) [][]string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	info, _ := os.Stat(path)
	if info.Mode().Perm() != 0o600 {
		t.Errorf("%s: mode %o, want 600 (exports hold personal data)", filepath.Base(path), info.Mode().Perm())
	}
	return readCSV(t, data)
}

// byHeader maps a row to its header's cells.
func byHeader(head, row []string) map[string]string {
	m := map[string]string{}
	for i, h := range head {
		if i < len(row) {
			m[h] = row[i]
		}
	}
	return m
}

// sampleStore fills c.db with customers, purchases and contacts through the
// command line, and returns the full customer's id.
func (c *cli) sampleStore() int64 {
	c.t.Helper()
	id := c.id("customer", "add", "--db", c.db, "--name", "欧阳娜娜", "--remark", "娜姐", "--phone", "138 0013 8000",
		"--phone", "021-5555-1234", "--wechat", "ouyang_nn", "--gender", "female", "--source", "referral",
		"--birthday", "lunar:08-15", "--tag", "VIP", "--tag", "羊绒")
	other := c.id("customer", "add", "--db", c.db, "--name", "Li Wei", "--phone", "13900000001")
	c.id("customer", "add", "--db", c.db, "--name", "没有电话")
	c.id("purchase", "add", "--db", c.db, "--customer", fmt.Sprint(id), "--amount", "598.00", "--date", "2026-11-01",
		"--item", "羊绒围巾:1:299.00", "--item", "手套:2:299.00", "--usage-days", "90")
	c.id("purchase", "add", "--db", c.db, "--customer", fmt.Sprint(other), "--amount", "88.50", "--date", "2026-11-10", "--online")
	c.id("purchase", "add", "--db", c.db, "--customer", fmt.Sprint(id), "--amount", "-99.00", "--return", "--date", "2026-11-12",
		"--item", "手套:-1:-99.00")
	c.id("contact", "add", "--db", c.db, "--customer", fmt.Sprint(id), "--channel", "wechat", "--outcome", "replied",
		"--purpose", "routine_1", "--date", "2026-11-02", "--note", "喜欢浅色, 要\"新款\"", "--next", "2026-11-09")
	c.id("contact", "add", "--db", c.db, "--customer", fmt.Sprint(other), "--channel", "call", "--outcome", "no_answer",
		"--date", "2026-11-15", "--note", "=1+1")
	return id
}

func TestExport_CustomersPurchasesContactsCSV(t *testing.T) {
	c := newCLI(t)
	c.sampleStore()
	for _, lang := range []i18n.Lang{i18n.EN, i18n.ZH} {
		t.Run(string(lang), func(t *testing.T) {
			c.t = t
			cat := i18n.New(lang)
			col := func(k string) string { return cat.T("export.col." + k) }
			out := filepath.Join(c.dir, "customers-"+string(lang)+".csv")
			if got := c.ok("export", "customers", "--db", c.db, "--out", out, "--lang", string(lang)); !strings.Contains(got, out) {
				t.Errorf("stdout %q does not name the file", got)
			}
			rows := readCSVFile(t, out)
			if len(rows) != 4 {
				t.Fatalf("%d rows, want header + 3", len(rows))
			}
			for i, k := range customerColumns {
				if rows[0][i] != col(k) {
					t.Errorf("header %d = %q, want %q", i, rows[0][i], col(k))
				}
			}
			r := byHeader(rows[0], rows[1])
			want := map[string]string{"ref": "crm-1", "name": "欧阳娜娜", "remark": "娜姐", "salutation": "欧阳姐", "phone": "13800138000,02155551234",
				"wechat": "ouyang_nn", "gender": cat.Gender("female"), "source": cat.Source("referral"), "birthday": "lunar:08-15",
				"tags": "VIP,羊绒", "created": "2026-11-22", "purchase_count": "1", "total_spend": "499.00", "last_purchase": "2026-11-01",
				"last_contact": "2026-11-02"}
			for k, v := range want {
				if r[col(k)] != v {
					t.Errorf("%s = %q, want %q", col(k), r[col(k)], v)
				}
			}

			out = filepath.Join(c.dir, "purchases-"+string(lang)+".csv")
			c.ok("export", "purchases", "--db", c.db, "--out", out, "--lang", string(lang))
			rows = readCSVFile(t, out)
			if len(rows) != 5 { // header, two lines, a purchase without lines, a return's line
				t.Fatalf("purchases: %d rows\n%v", len(rows), rows)
			}
			l1, l2 := byHeader(rows[0], rows[1]), byHeader(rows[0], rows[2])
			for _, k := range []string{"invoice", "customer_ref", "customer", "date", "amount", "sale_channel", "usage_days"} {
				if l1[col(k)] != l2[col(k)] || l1[col(k)] == "" {
					t.Errorf("%s not repeated on each line: %q, %q", col(k), l1[col(k)], l2[col(k)])
				}
			}
			if l1[col("amount")] != "598.00" || l1[col("product")] != "羊绒围巾" || l2[col("quantity")] != "2" || l2[col("line_amount")] != "299.00" ||
				l1[col("customer_ref")] != "crm-1" || l1[col("usage_days")] != "90" {
				t.Errorf("line rows: %v / %v", l1, l2)
			}
			bare, ret := byHeader(rows[0], rows[3]), byHeader(rows[0], rows[4])
			if bare[col("amount")] != "88.50" || bare[col("product")] != "" || bare[col("sale_channel")] != cat.SaleChannel("online") {
				t.Errorf("purchase without lines: %v", bare)
			}
			if ret[col("amount")] != "-99.00" || ret[col("quantity")] != "-1" {
				t.Errorf("return: %v", ret)
			}

			out = filepath.Join(c.dir, "contacts-"+string(lang)+".csv")
			c.ok("export", "contacts", "--db", c.db, "--out", out, "--lang", string(lang))
			rows = readCSVFile(t, out)
			if len(rows) != 3 {
				t.Fatalf("contacts: %d rows", len(rows))
			}
			k1, k2 := byHeader(rows[0], rows[1]), byHeader(rows[0], rows[2])
			if k1[col("note")] != `喜欢浅色, 要"新款"` || k1[col("next")] != "2026-11-09" || k1[col("channel")] != cat.Channel("wechat") ||
				k1[col("purpose")] != cat.Purpose("routine_1") || k1[col("outcome")] != cat.Outcome("replied") ||
				!strings.HasPrefix(k1[col("time")], "2026-11-02 ") {
				t.Errorf("contact row: %v", k1)
			}
			if k2[col("note")] != "'=1+1" {
				t.Errorf("a note that looks like a formula: %q, want it defused", k2[col("note")])
			}
		})
	}
}

func TestExport_DefaultNameStdoutAndErrors(t *testing.T) {
	c := newCLI(t)
	c.sampleStore()
	dir := t.TempDir()
	t.Chdir(dir)
	c.ok("export", "contacts", "--db", c.db)
	c.ok("export", "contacts", "--db", c.db)
	for _, name := range []string{"contacts-2026-11-22.csv", "contacts-2026-11-22-2.csv"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("default output %s: %v", name, err)
		}
	}
	sub := filepath.Join(dir, "out")
	os.Mkdir(sub, 0o700)
	c.ok("export", "records", "--db", c.db, "--out", sub, "--format", "xlsx")
	if _, err := os.Stat(filepath.Join(sub, "records-2026-11-22.xlsx")); err != nil {
		t.Errorf("--out DIR: %v", err)
	}
	r := c.run("export", "customers", "--db", c.db, "--out", "-")
	if r.code != 0 || !strings.HasPrefix(r.stdout, utf8BOM) || !strings.Contains(r.stderr, "exported 3 customers") {
		t.Errorf("--out -: exit %d, stdout %.40q, stderr %q", r.code, r.stdout, r.stderr)
	}
	if m, _ := filepath.Glob(filepath.Join(dir, ".*tmp*")); len(m) > 0 {
		t.Errorf("temporary files left: %v", m)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"export", "customers", "--format", "pdf"}, `bad value "pdf" for --format`},
		{[]string{"export", "purchases", "--format", "xlsx", "--out", "-"}, "cannot go to stdout"},
		{[]string{"export", "contacts", "--from", "2026-11-10", "--to", "2026-11-01"}, "--from 2026-11-10 is after --to 2026-11-01"},
		{[]string{"export", "vcard", "--format", "csv"}, "vCard"},
		{[]string{"export", "customers", "--out", c.db}, "is the database itself"},
		{[]string{"export", "customers", "--from", "2026-13-01"}, "--from"},
		{[]string{"export"}, "customers|purchases|contacts|records|vcard"},
		{[]string{"customer", "export"}, "name the customer by id"},
		{[]string{"customer", "export", "x1"}, `"x1" is not a customer id`},
		{[]string{"customer", "export", "999"}, "no such customer"},
		{[]string{"customer", "delete", "999", "--yes"}, "no such customer"},
	} {
		r := c.run(append(tc.args, "--db", c.db)...)
		if r.code != 2 || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tc.args, r.code, r.stderr, tc.want)
		}
	}
	if fileExists(filepath.Join(dir, "purchases-2026-11-22.xlsx")) {
		t.Error("a refused export left a file")
	}
}

func TestExport_XLSX(t *testing.T) {
	c := newCLI(t)
	c.sampleStore()
	out := filepath.Join(c.dir, "purchases.xlsx")
	c.ok("export", "purchases", "--db", c.db, "--out", out, "--lang", "zh") // format from the extension
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if sheets := f.GetSheetList(); len(sheets) != 1 || sheets[0] != "消费记录" {
		t.Errorf("sheets %v", sheets)
	}
	rows, err := f.GetRows("消费记录")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 5 || rows[0][0] != "单号" || rows[0][4] != "金额" {
		t.Fatalf("rows %v", rows)
	}
	r := byHeader(rows[0], rows[1])
	if r["金额"] != "598.00" || r["行金额"] != "299.00" || r["数量"] != "1" || r["商品"] != "羊绒围巾" || r["顾客编号"] != "crm-1" {
		t.Errorf("first line %v", r)
	}
	typ, _ := f.GetCellType("消费记录", "E2")
	if typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
		t.Errorf("amount cell type %v, want a number", typ)
	}

	// Phone numbers stay text (no 1.38E+10), and a full sheet goes on in the next.
	defer func(n int) { maxSheetRows = n }(maxSheetRows)
	maxSheetRows = 3 // header + two rows a sheet
	out = filepath.Join(c.dir, "customers.xlsx")
	c.ok("export", "customers", "--db", c.db, "--out", out, "--format", "xlsx")
	g, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	if sheets := g.GetSheetList(); len(sheets) != 2 || sheets[1] != "Customers (2)" {
		t.Fatalf("sheets %v, want two", sheets)
	}
	first, _ := g.GetRows("Customers")
	second, _ := g.GetRows("Customers (2)")
	if len(first) != 3 || len(second) != 2 || second[0][0] != "External ID" {
		t.Errorf("sheets of %d and %d rows", len(first), len(second))
	}
	if ph := byHeader(first[0], first[1])["Phone"]; ph != "13800138000,02155551234" {
		t.Errorf("phone cell %q", ph)
	}
	if typ, _ := g.GetCellType("Customers", "E3"); typ == excelize.CellTypeNumber {
		t.Error("a phone number was written as a number")
	}
}

func TestExport_RecordsTableMineOrAll(t *testing.T) {
	c := newCLI(t)
	c.demoStore(c.db, 40, "7")
	mineOut, allOut := filepath.Join(c.dir, "mine.csv"), filepath.Join(c.dir, "all.csv")
	c.ok("export", "records", "--db", c.db, "--out", mineOut, "--lang", "zh", "--from", "2026-10-01", "--to", "2026-11-22")
	c.ok("export", "records", "--db", c.db, "--out", allOut, "--lang", "zh", "--from", "2026-10-01", "--to", "2026-11-22", "--all")
	mine, all := readCSVFile(t, mineOut), readCSVFile(t, allOut)
	if strings.Join(mine[0], ",") != "顾客,手机,日期,渠道,目的,结果,备注,下次跟进,导购" {
		t.Errorf("header %v", mine[0])
	}
	if len(mine) < 3 || len(all) <= len(mine) {
		t.Fatalf("%d rows of mine, %d of all: want some, and more for the store", len(mine)-1, len(all)-1)
	}
	people := map[string]bool{}
	for _, r := range all[1:] {
		people[r[8]] = true
		if r[2] < "2026-10-01" || r[2] > "2026-11-22" {
			t.Errorf("row out of range: %v", r)
		}
	}
	for _, r := range mine[1:] {
		if r[8] != "王芳" {
			t.Errorf("a record of %q in 王芳's table", r[8])
		}
	}
	if len(people) < 2 {
		t.Errorf("--all has the records of %v only", people)
	}
	// Sorted by day.
	for i := 2; i < len(all); i++ {
		if all[i][2] < all[i-1][2] {
			t.Fatalf("rows not in date order at %d: %s after %s", i, all[i][2], all[i-1][2])
		}
	}
}

// unfold joins vCard continuation lines (CRLF + space).
func unfold(s string) string { return strings.ReplaceAll(s, "\r\n ", "") }

func TestExport_VCard(t *testing.T) {
	c := newCLI(t)
	id := c.sampleStore()
	long := strings.Repeat("很长的备注名", 5)
	c.id("customer", "add", "--db", c.db, "--name", "张三", "--remark", `a,b;c\d`+long, "--phone", "13700000000", "--tag", "老客")
	out := filepath.Join(c.dir, "book.vcf")
	c.ok("export", "vcard", "--db", c.db, "--out", out, "--lang", "zh")
	raw, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	text := string(raw)
	if strings.Count(text, "\n") != strings.Count(text, "\r\n") {
		t.Error("lines do not all end in CRLF")
	}
	for i, l := range strings.Split(strings.TrimSuffix(text, "\r\n"), "\r\n") {
		if len(l) > 75 {
			t.Errorf("line %d has %d octets: %q", i+1, len(l), l)
		}
		if !utf8.ValidString(l) {
			t.Errorf("line %d splits a character: %q", i+1, l)
		}
	}
	cards := strings.Split(strings.TrimSpace(unfold(text)), "END:VCARD")
	if n := strings.Count(text, "BEGIN:VCARD"); n != 3 { // 没有电话 has no phone and no WeChat
		t.Fatalf("%d cards, want 3:\n%s", n, text)
	}
	first := cards[0]
	for _, want := range []string{"VERSION:3.0\r\n", "N:欧阳;娜娜;;;\r\n", "FN:欧阳娜娜\r\n", "NICKNAME:娜姐\r\n",
		"TEL;TYPE=CELL:13800138000\r\n", "TEL;TYPE=CELL:02155551234\r\n", "X-WECHAT:ouyang_nn\r\n", "CATEGORIES:VIP,羊绒\r\n",
		`NOTE:备注名：娜姐\n称呼：欧阳姐\n标签：VIP\, 羊绒\n生日：lunar:08-15` + "\r\n", fmt.Sprintf("UID:crmtui-crm-%d\r\n", id)} {
		if !strings.Contains(first, want) {
			t.Errorf("first card lacks %q:\n%s", want, first)
		}
	}
	if !strings.Contains(cards[1], "N:Wei;Li;;;\r\n") {
		t.Errorf("a Latin name is not split at its last space:\n%s", cards[1])
	}
	if !strings.Contains(cards[2], `NICKNAME:a\,b\;c\\d`+long+"\r\n") || !strings.Contains(cards[2], "N:张;三;;;") {
		t.Errorf("escaping:\n%s", cards[2])
	}
}

func TestCustomerExport_JSON(t *testing.T) {
	c := newCLI(t)
	id := c.sampleStore()
	c.id("case", "add", "--db", c.db, "--customer", fmt.Sprint(id), "--kind", "complaint", "--title", "围巾起球", "--due", "48h")
	r := c.run("customer", "export", fmt.Sprint(id), "--db", c.db, "--out", "-")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var got struct {
		Note     string `json:"note"`
		Customer struct {
			Name     string            `json:"name"`
			Phones   []string          `json:"phones"`
			KeyDates []json.RawMessage `json:"key_dates"`
			Tags     []string          `json:"tags"`
		} `json:"customer"`
		Purchases []struct {
			Amount int64             `json:"amount"`
			Items  []json.RawMessage `json:"items"`
		} `json:"purchases"`
		Contacts    []json.RawMessage `json:"contacts"`
		FollowUps   []json.RawMessage `json:"follow_ups"`
		Invitations []json.RawMessage `json:"invitations"`
		Cases       []json.RawMessage `json:"cases"`
		ItemStates  []json.RawMessage `json:"item_states"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, r.stdout)
	}
	if got.Customer.Name != "欧阳娜娜" || len(got.Customer.Phones) != 2 || len(got.Customer.KeyDates) != 1 || len(got.Customer.Tags) != 2 {
		t.Errorf("customer %+v", got.Customer)
	}
	if len(got.Purchases) != 2 || got.Purchases[0].Amount != 59800 || len(got.Purchases[0].Items) != 2 {
		t.Errorf("purchases %+v", got.Purchases)
	}
	if len(got.Contacts) != 1 || len(got.FollowUps) != 1 || len(got.Cases) != 1 || got.Invitations == nil || got.ItemStates == nil ||
		!strings.Contains(got.Note, "fen") {
		t.Errorf("records: %d contacts, %d follow-ups, %d cases, invitations %v, states %v, note %q",
			len(got.Contacts), len(got.FollowUps), len(got.Cases), got.Invitations, got.ItemStates, got.Note)
	}
	if !strings.Contains(r.stderr, "all the data of customer") {
		t.Errorf("stderr %q", r.stderr)
	}
	t.Chdir(t.TempDir())
	if out := c.ok("customer", "export", fmt.Sprint(id), "--db", c.db); !strings.Contains(out, fmt.Sprintf("customer-%d-2026-11-22.json", id)) {
		t.Errorf("default file: %q", out)
	}
}

func TestCustomerDelete_AsksThenErases(t *testing.T) {
	c := newCLI(t)
	id := c.sampleStore()
	r := c.run("customer", "delete", fmt.Sprint(id), "--db", c.db)
	if r.code != 2 || !strings.Contains(r.stderr, "this would erase customer 1 欧阳娜娜") ||
		!strings.Contains(r.stderr, "2 purchases (3 lines), 1 contacts, 1 follow-ups") || !strings.Contains(r.stderr, "--yes") {
		t.Errorf("without --yes: exit %d, stderr %q", r.code, r.stderr)
	}
	if list := c.customers("--db", c.db); len(list) != 3 {
		t.Fatalf("%d customers after a refused delete, want 3", len(list))
	}
	r = c.run("customer", "delete", fmt.Sprint(id), "--db", c.db, "--yes", "--lang", "zh")
	if r.code != 0 || !strings.Contains(r.stdout, "已删除顾客 1 欧阳娜娜：2 笔消费（3 行商品）") {
		t.Errorf("with --yes: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	list := c.customers("--db", c.db)
	if len(list) != 2 {
		t.Fatalf("%d customers after delete, want 2", len(list))
	}
	out := filepath.Join(c.dir, "p.csv")
	c.ok("export", "purchases", "--db", c.db, "--out", out)
	if rows := readCSVFile(t, out); len(rows) != 2 || strings.Contains(fmt.Sprint(rows), "欧阳娜娜") {
		t.Errorf("purchases after delete: %v", rows)
	}
}

// TestExport_ColumnsInCatalog: every header has words in both languages,
// and no export names two columns alike (an importer would not know which).
func TestExport_ColumnsInCatalog(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.ZH, i18n.EN} {
		cat := i18n.New(lang)
		for kind, cols := range map[string][]string{"customers": customerColumns, "purchases": purchaseColumns,
			"contacts": contactColumns, "records": recordColumns} {
			seen := map[string]bool{}
			for _, k := range cols {
				h := cat.T("export.col." + k)
				if strings.HasPrefix(h, "!") || seen[strings.ToLower(h)] {
					t.Errorf("%s %s: column %s is %q", lang, kind, k, h)
				}
				seen[strings.ToLower(h)] = true
			}
			if s := cat.T("export.sheet." + kind); strings.HasPrefix(s, "!") || utf8.RuneCountInString(s) > 31 {
				t.Errorf("%s: sheet name %q", kind, s)
			}
		}
	}
}
