package imports

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/crmtui/crmtui/domain"
)

var cst = time.FixedZone("CST", 8*3600)

// readAll reads every record of a file given as bytes.
func readAll(t *testing.T, data []byte, name string, opt Options) ([]*Record, *Reader) {
	t.Helper()
	if opt.Loc == nil {
		opt.Loc = cst
	}
	r, err := NewReader(bytes.NewReader(data), name, int64(len(data)), opt)
	if err != nil {
		t.Fatalf("NewReader(%s): %v", name, err)
	}
	var out []*Record
	for {
		rec, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("Next: %v", err)
		}
		out = append(out, rec)
	}
	return out, r
}

func fields(m *Mapping) map[string]Field {
	out := map[string]Field{}
	for _, c := range m.Columns {
		out[c.Header] = c.Field
	}
	return out
}

func TestSynonyms_ChineseAndEnglishHeaders(t *testing.T) {
	for _, tc := range []struct {
		kind   Kind
		header []string
		want   map[string]Field
	}{
		{Customers, []string{"客户名称", "手机", "微信", "生日", "农历", "标签", "备注", "性别", "会员卡号"},
			map[string]Field{"客户名称": Name, "手机": Phone, "微信": WeChat, "生日": Birthday, "农历": Lunar, "标签": Tags,
				"备注": Description, "性别": Gender, "会员卡号": CustomerID}},
		{Customers, []string{"姓名*", "电话", "联系方式", "农历生日", " Name ", "Remark"},
			nil}, // duplicate name: checked below
		{Customers, []string{"Customer Name", "Mobile", "WeChat ID", "Date of Birth", "Tags", "Country"},
			map[string]Field{"Customer Name": Name, "Mobile": Phone, "WeChat ID": WeChat, "Date of Birth": Birthday, "Tags": Tags, "Country": Country}},
		{Purchases, []string{"InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID", "Country"},
			map[string]Field{"InvoiceNo": Invoice, "StockCode": SKU, "Description": Product, "Quantity": Quantity,
				"InvoiceDate": Date, "UnitPrice": UnitPrice, "CustomerID": CustomerID, "Country": Country}},
		{Purchases, []string{"订单号", "消费日期", "时间", "姓名", "手机", "金额（元）", "商品名称", "数量", "单价", "退货", "备注"},
			map[string]Field{"订单号": Invoice, "消费日期": Date, "时间": Time, "姓名": Name, "手机": Phone, "金额（元）": Amount,
				"商品名称": Product, "数量": Quantity, "单价": UnitPrice, "退货": Return, "备注": Note}},
		{Purchases, []string{"单号", "日期", "消费金额", "电话", "原因", "行号"},
			map[string]Field{"单号": Invoice, "日期": Date, "消费金额": Amount, "电话": Phone, "原因": Ignore, "行号": Ignore}},
		{Contacts, []string{"联系日期", "顾客姓名", "联系方式", "方式", "目的", "结果", "内容", "下次跟进"},
			map[string]Field{"联系日期": Date, "顾客姓名": Name, "联系方式": Phone, "方式": Channel, "目的": Purpose,
				"结果": Outcome, "内容": Note, "下次跟进": Next}},
	} {
		m, err := NewMapping(tc.kind, tc.header, nil)
		if tc.want == nil {
			var me *MappingError
			if !errors.As(err, &me) || me.Code != DuplicateField || me.Field != string(Name) {
				t.Errorf("%v: want a duplicate name, got %v", tc.header, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s %v: %v", tc.kind, tc.header, err)
			continue
		}
		got := fields(m)
		for h, f := range tc.want {
			if got[h] != f {
				t.Errorf("%s: %q → %q, want %q", tc.kind, h, got[h], f)
			}
		}
	}
}

// TestSynonyms_OneFieldPerHeader: no header means two fields in one kind.
func TestSynonyms_OneFieldPerHeader(t *testing.T) {
	for _, k := range []Kind{Customers, Purchases, Contacts} {
		seen := map[string]Field{}
		tables := []map[Field][]string{synonyms[k], common}
		for ti, table := range tables {
			for f, names := range table {
				if ti == 1 && !contains(fieldNames(k), string(f)) {
					continue
				}
				for _, n := range names {
					h := normHeader(n)
					if prev, ok := seen[h]; ok && prev != f {
						t.Errorf("%s: %q means %s and %s", k, n, prev, f)
					}
					seen[h] = f
					if got := lookupField(k, n); got != f {
						t.Errorf("%s: lookupField(%q) = %q, want %q", k, n, got, f)
					}
				}
			}
		}
	}
}

func TestMap_OverridesAndErrors(t *testing.T) {
	header := []string{"客户", "客户电话", "Tel 2", "消费日期", "金额", "Foo"}
	if _, err := NewMapping(Purchases, header, []string{"客户=-", "客户电话=-"}); err == nil {
		t.Fatal("both customer columns left out: want an error")
	}
	m, err := NewMapping(Purchases, header, []string{"客户电话=phone", "tel2=手机", "Foo = 备注"})
	if err != nil {
		t.Fatal(err)
	}
	got := fields(m)
	if got["客户电话"] != Phone || got["Tel 2"] != Phone || got["Foo"] != Note || got["客户"] != Name {
		t.Errorf("mapping = %v", got)
	}
	for _, tc := range []struct {
		maps []string
		code MappingCode
	}{
		{[]string{"客户电话"}, BadMap},
		{[]string{"=phone"}, BadMap},
		{[]string{"客户电话=shoe_size"}, UnknownField},
		{[]string{"Bar=phone"}, UnknownColumn},
		{[]string{"Foo=amount"}, DuplicateField},
	} {
		_, err := NewMapping(Purchases, header, tc.maps)
		var me *MappingError
		if !errors.As(err, &me) || me.Code != tc.code {
			t.Errorf("--map %v: %v, want %s", tc.maps, err, tc.code)
		} else if me.Error() == "" {
			t.Errorf("--map %v: empty message", tc.maps)
		}
	}
	for _, tc := range []struct {
		kind   Kind
		header []string
		field  string
	}{
		{Purchases, []string{"姓名", "金额"}, "date|time"},
		{Purchases, []string{"姓名", "日期"}, "amount|unit_price"},
		{Purchases, []string{"日期", "金额"}, "customer_id|phone|name"},
		{Contacts, []string{"日期", "内容"}, "customer_id|phone|name"},
		{Customers, []string{"生日", "性别"}, "name|phone|customer_id|wechat"},
	} {
		_, err := NewMapping(tc.kind, tc.header, nil)
		var me *MappingError
		if !errors.As(err, &me) || me.Code != MissingField || me.Field != tc.field {
			t.Errorf("%s %v: %v, want missing %s", tc.kind, tc.header, err, tc.field)
		}
	}
}

const customersCSV = "客户名称,手机,微信,性别,生日,农历,标签\r\n" +
	"张三,138-0013-8000,zhangsan88,男,1990-08-15,否,VIP；茶友\r\n" +
	"李娜,13900139000,,女,八月十五,是,\r\n"

func checkCustomers(t *testing.T, recs []*Record, what string) {
	t.Helper()
	if len(recs) != 2 {
		t.Fatalf("%s: %d records", what, len(recs))
	}
	a, b := recs[0], recs[1]
	if !a.OK() || !b.OK() {
		t.Fatalf("%s: problems %v %v", what, a.Problems, b.Problems)
	}
	if a.Customer.Name != "张三" || a.Customer.Phone() != "13800138000" || a.Customer.Gender != domain.GenderMale ||
		len(a.Customer.Tags) != 2 || a.Customer.Tags[1] != "茶友" || a.Customer.KeyDates[0].String() != "1990-08-15" {
		t.Errorf("%s: first customer %+v", what, a.Customer)
	}
	if b.Customer.Name != "李娜" || b.Customer.KeyDates[0].String() != "lunar:08-15" || a.Rows[0].Num != 2 || b.Rows[0].Num != 3 {
		t.Errorf("%s: second customer %+v, rows %d %d", what, b.Customer, a.Rows[0].Num, b.Rows[0].Num)
	}
}

func encode(t *testing.T, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestEncodings(t *testing.T) {
	gbk := encode(t, simplifiedchinese.GBK, customersCSV)
	for _, tc := range []struct {
		name string
		data []byte
		enc  Encoding
		want Encoding
	}{
		{"utf8", []byte(customersCSV), EncAuto, EncUTF8},
		{"utf8 with BOM", append([]byte("\xEF\xBB\xBF"), customersCSV...), EncAuto, EncUTF8},
		{"gbk detected", gbk, EncAuto, EncGB18030},
		{"gbk forced", gbk, EncGBK, EncGBK},
		{"gb18030", encode(t, simplifiedchinese.GB18030, customersCSV), EncAuto, EncGB18030},
		{"gb18030 forced", encode(t, simplifiedchinese.GB18030, customersCSV), EncGB18030, EncGB18030},
		{"utf16 with BOM, tabs", encode(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), strings.ReplaceAll(customersCSV, ",", "\t")), EncAuto, EncUTF16},
		{"semicolons", []byte(strings.ReplaceAll(customersCSV, ",", ";")), EncAuto, EncUTF8},
	} {
		recs, r := readAll(t, tc.data, "c.csv", Options{Kind: Customers, Encoding: tc.enc})
		if r.Encoding() != tc.want {
			t.Errorf("%s: encoding %q, want %q", tc.name, r.Encoding(), tc.want)
		}
		checkCustomers(t, recs, tc.name)
	}
	// A GBK file read as UTF-8: the header says what to do.
	_, err := NewReader(bytes.NewReader(gbk), "c.csv", 0, Options{Kind: Customers, Encoding: EncUTF8})
	var me *MappingError
	if !errors.As(err, &me) || me.Code != BadEncoding {
		t.Errorf("GBK read as UTF-8: %v", err)
	}
	// GBK bytes in a UTF-8 file after the header: a problem on that cell.
	mixed := append([]byte("姓名,手机\n张三,13800138000\n"), encode(t, simplifiedchinese.GBK, "李娜,13900139000\n")...)
	recs, _ := readAll(t, mixed, "m.csv", Options{Kind: Customers, Encoding: EncUTF8})
	if len(recs) != 2 || !recs[0].OK() || recs[1].OK() || recs[1].Problems[0].Err.Detail != errNotUTF8.detail || recs[1].Problems[0].Column != "姓名" {
		t.Errorf("GBK cell in a UTF-8 file: %+v", recs[1].Problems)
	}
}

func TestGzipAndRowNumbers(t *testing.T) {
	// A title row, a blank row, a note with a line break inside quotes:
	// rows are numbered as a spreadsheet shows them.
	csv := "顾客名单 2026年11月\n\n姓名,手机,备注\n张三,13800138000,\"两行\n备注\"\n,,\n李四,12,\n王五,13700137000,\n"
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write([]byte(csv))
	zw.Close()
	for _, name := range []string{"list.csv.gz", "list"} { // by extension and by magic bytes
		recs, r := readAll(t, buf.Bytes(), name, Options{Kind: Customers})
		if r.HeaderRow() != 3 || r.Stats().Before != 1 {
			t.Errorf("%s: header row %d, before %d", name, r.HeaderRow(), r.Stats().Before)
		}
		if len(recs) != 3 {
			t.Fatalf("%s: %d records", name, len(recs))
		}
		if recs[0].Customer.Description != "两行\n备注" || recs[0].Rows[0].Num != 4 {
			t.Errorf("%s: first %+v row %d", name, recs[0].Customer, recs[0].Rows[0].Num)
		}
		p := recs[1].Problems
		if recs[1].Rows[0].Num != 6 || len(p) != 1 || p[0].Row != 6 || p[0].Column != "手机" || p[0].Value != "12" {
			t.Errorf("%s: bad phone row: %+v", name, p)
		}
		if recs[2].Rows[0].Num != 7 || r.Stats().Blank != 1 {
			t.Errorf("%s: last row %d, blank %d", name, recs[2].Rows[0].Num, r.Stats().Blank)
		}
	}
	if _, err := NewReader(strings.NewReader("not gzip"), "x.csv.gz", 0, Options{Kind: Customers}); err == nil {
		t.Error("a .gz that is not gzip was read")
	}
	if _, err := NewReader(bytes.NewReader([]byte{0xD0, 0xCF, 0x11, 0xE0, 0, 0, 0, 0}), "old.xls", 0, Options{Kind: Customers}); !errors.Is(err, ErrOldExcel) {
		t.Errorf("old .xls: %v", err)
	}
}

// TestXLSX builds a workbook the way Excel users fill one: a title row,
// real dates (serial numbers with a date format), numbers for phones and
// amounts.
func TestXLSX(t *testing.T) {
	f := excelize.NewFile()
	sh := "Sheet1"
	f.SetSheetRow(sh, "A1", &[]any{"2026年11月销售"})
	f.SetSheetRow(sh, "A2", &[]any{"单号", "消费日期", "姓名", "手机", "商品", "数量", "金额"})
	f.SetSheetRow(sh, "A3", &[]any{"S001", time.Date(2026, 11, 20, 14, 30, 0, 0, time.UTC), "张三", 13800138000, "羊绒围巾", 1, 299.9})
	f.SetSheetRow(sh, "A4", &[]any{"S001", time.Date(2026, 11, 20, 14, 30, 0, 0, time.UTC), "张三", 13800138000, "手套", 2, 100})
	f.SetSheetRow(sh, "A6", &[]any{"S002", "2026/11/21", "李娜", "13900139000", "面霜", 1, "¥88.00"})
	f.SetSheetRow(sh, "A7", &[]any{"S003", "明天", "王五", "13700137000", "面霜", 1, 88})
	path := filepath.Join(t.TempDir(), "sales.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	r, err := Open(path, Options{Kind: Purchases, Loc: cst})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if r.Format() != FormatXLSX || r.HeaderRow() != 2 {
		t.Errorf("format %s, header row %d", r.Format(), r.HeaderRow())
	}
	var recs []*Record
	for {
		rec, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		recs = append(recs, rec)
	}
	if len(recs) != 3 {
		t.Fatalf("%d records", len(recs))
	}
	p := recs[0].Purchase
	if !recs[0].OK() || p.ExternalID != "S001" || p.Amount != 39990 || len(p.Items) != 2 || p.On.String() != "2026-11-20" ||
		p.At.In(cst).Format("15:04") != "14:30" || recs[0].Customer.Phone() != "13800138000" {
		t.Errorf("S001: %+v %+v problems %v", p, recs[0].Customer, recs[0].Problems)
	}
	if !recs[1].OK() || recs[1].Purchase.Amount != 8800 || recs[1].Rows[0].Num != 6 {
		t.Errorf("S002: %+v row %d", recs[1].Purchase, recs[1].Rows[0].Num)
	}
	if recs[2].OK() || recs[2].Problems[0].Row != 7 || recs[2].Problems[0].Column != "消费日期" || recs[2].Problems[0].Value != "明天" {
		t.Errorf("S003: %+v", recs[2].Problems)
	}
}

func TestPurchases_InvoicesReturnsAndSiblings(t *testing.T) {
	csv := "单号,日期,顾客编号,姓名,商品,数量,单价,退货\n" +
		"A1,2026-11-01,C9,,围巾,1,299,\n" +
		"A1,2026-11-01,C9,,手套,2,50.5,\n" +
		"R1,2026-11-02,C9,,手套,1,50.5,是\n" + // a return written with positive numbers
		"B1,2026-11-03,C7,,帽子,x,10,\n" + // bad quantity: the whole invoice is refused
		"B1,2026-11-03,C7,,围巾,1,10,\n" +
		"M1,2026-11-04,C1,,围巾,1,10,\n" +
		"M1,2026-11-04,C2,,围巾,1,10,\n" + // another customer on the same invoice
		",2026-11-05,,李娜,面霜,1,88,\n" + // no invoice number: a purchase of its own
		"Z1,2026-11-06,,,围巾,1,10,\n" // no customer: left out
	recs, r := readAll(t, []byte(csv), "p.csv", Options{Kind: Purchases, NewCustomerName: func(id string) string { return "顾客 " + id }})
	byInv := map[string]*Record{}
	for _, rec := range recs {
		byInv[rec.Purchase.ExternalID] = rec
	}
	if a := byInv["A1"]; !a.OK() || a.Purchase.Amount != 40000 || len(a.Purchase.Items) != 2 || a.Purchase.IsReturn ||
		a.Customer.ExternalID != "C9" || a.Customer.Name != "顾客 C9" {
		t.Errorf("A1: %+v %+v", a.Purchase, a.Customer)
	}
	if ret := byInv["R1"]; !ret.OK() || !ret.Purchase.IsReturn || ret.Purchase.Amount != -5050 || ret.Purchase.Items[0].Quantity != -1 {
		t.Errorf("R1: %+v %v", ret.Purchase, ret.Problems)
	}
	b := byInv["B1"]
	if b.OK() || len(b.Problems) != 2 || b.Problems[0].Row != 5 || b.Problems[0].Column != "数量" || b.Problems[1].Sibling != 5 || b.Problems[1].Row != 6 {
		t.Errorf("B1: %+v", b.Problems)
	}
	m := byInv["M1"]
	if m.OK() || m.Problems[0].Row != 8 || m.Problems[0].Err.Detail != errMixed.detail {
		t.Errorf("M1: %+v", m.Problems)
	}
	if l := byInv[""]; !l.OK() || l.Customer.Name != "李娜" || l.Purchase.Amount != 8800 {
		t.Errorf("no invoice: %+v", l)
	}
	st := r.Stats()
	if st.NoCustomer != 1 || st.BadRows != 4 || st.Rows != 9 || len(recs) != 5 {
		t.Errorf("stats %+v, %d records", st, len(recs))
	}
}

func TestContactsRows(t *testing.T) {
	csv := "日期,时间,姓名,手机,方式,目的,结果,内容,下次跟进\n" +
		"2026-11-20,14:30,张三,13800138000,电话,生日祝福,已联系上,祝生日快乐,2026-11-27\n" +
		"2026-11-21,25:00,李娜,,传真,,,x,\n" +
		"2026-11-21,,,,微信,,,,\n"
	recs, _ := readAll(t, []byte(csv), "k.csv", Options{Kind: Contacts})
	c := recs[0].Contact
	if !recs[0].OK() || c.Channel != domain.ChannelCall || c.Purpose != domain.PurposeBirthday || c.Outcome != domain.OutcomeReached ||
		c.At.In(cst).Format("2006-01-02 15:04") != "2026-11-20 14:30" || c.NextOn.String() != "2026-11-27" {
		t.Errorf("contact %+v %v", c, recs[0].Problems)
	}
	if p := recs[1].Problems; len(p) != 2 || p[0].Column != "时间" || p[1].Column != "方式" {
		t.Errorf("bad contact: %+v", p)
	}
	if p := recs[2].Problems; len(p) != 1 || p[0].Err.Code != domain.CodeRequired || p[0].Err.Field != "customer_id" {
		t.Errorf("contact without customer: %+v", p)
	}
}

// TestRetailSlice reads the slice of the UCI Online Retail file kept in
// testdata (its README gives the source, the licence and how the expected
// counts were found with python3).
func TestRetailSlice(t *testing.T) {
	r, err := Open("testdata/online-retail-slice.csv", Options{Kind: Purchases, Loc: time.UTC})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	sales, returns, lines := 0, 0, 0
	var total domain.Money
	customers := map[string]bool{}
	for {
		rec, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if !rec.OK() {
			t.Fatalf("rows %d: %v", rec.Rows[0].Num, rec.Problems[0].Err)
		}
		if rec.Purchase.IsReturn {
			returns++
		} else {
			sales++
		}
		lines += len(rec.Purchase.Items)
		total += rec.Purchase.Amount
		customers[rec.Customer.ExternalID] = true
		if rec.Purchase.ExternalID == "536365" {
			p := rec.Purchase
			if p.Amount != 13912 || len(p.Items) != 7 || p.At.Format("2006-01-02 15:04") != "2010-12-01 08:26" ||
				rec.Customer.ExternalID != "17850" || rec.Customer.Tags[0] != "United Kingdom" {
				t.Errorf("536365: %+v %+v", p, rec.Customer)
			}
		}
	}
	st := r.Stats()
	if sales != 90 || returns != 7 || len(customers) != 78 || lines != 1486 || total != 3246001 {
		t.Errorf("sales %d, returns %d, customers %d, lines %d, total %d; want 90, 7, 78, 1486, 3246001", sales, returns, len(customers), lines, total)
	}
	if st.Rows != 2031 || st.NoCustomer != 545 || st.StockAdjust != 10 || st.Rounded != 4 || st.Trimmed != 281 || st.BadRows != 0 {
		t.Errorf("stats %+v", st)
	}
}

// TestWindow_LateLinesComeApart: with a window of one row, invoice 542806
// (interleaved with C542805 in the file) comes out in two parts, which the
// store joins.
func TestWindow_LateLinesComeApart(t *testing.T) {
	r, err := Open("testdata/online-retail-slice.csv", Options{Kind: Purchases, Window: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	parts := 0
	for {
		rec, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if rec.Purchase.ExternalID == "542806" {
			parts++
		}
	}
	if parts != 2 {
		t.Errorf("542806 came in %d parts, want 2", parts)
	}
}

func TestMapRow_ProblemsNameTheColumn(t *testing.T) {
	rec, err := MapRow(Customers, []string{"姓名", "手机", "生日", "性别"}, []string{"", "12", "13/45", "x"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	cols := map[string]bool{}
	for _, p := range rec.Problems {
		cols[p.Column] = true
		if p.Row != 2 || p.Err == nil {
			t.Errorf("problem %+v", p)
		}
	}
	for _, c := range []string{"姓名", "手机", "生日", "性别"} {
		if !cols[c] {
			t.Errorf("no problem on %s: %+v", c, rec.Problems)
		}
	}
}

// TestCustomers_EveryLayer reads the columns beyond the basics, as a
// crmtui export writes them: needs, tastes, contact preferences, MAN,
// value type, anniversaries, the referrer, the created day; the derived
// figures are left out.
func TestCustomers_EveryLayer(t *testing.T) {
	csv := "编号,姓名,手机,介绍人编号,生日,纪念日,潜在需求,尺码,颜色,其他喜好,近期关注,首选联系方式,避开时段,有预算,能做主,价值类型,创建日期,累计消费\n" +
		"crm-2,全资料,13600000000,crm-1,1990-02-28,结婚纪念日=lunar:L04-08; 入会=2020-05-01,给先生买礼物,\"M,L\",红,不要香味,羊绒,微信,12:00-14:00,是,否,关系型,2026-01-05,499.00\n" +
		"crm-3,坏资料,13500000000,,,入会,,,,,,传真,,也许,,黄金型,,\n"
	recs, r := readAll(t, []byte(csv), "c.csv", Options{Kind: Customers})
	for _, c := range r.Columns() {
		if c.Header == "累计消费" && c.Field != Ignore {
			t.Errorf("累计消费 → %q, want it left out", c.Field)
		}
	}
	c := recs[0].Customer
	if !recs[0].OK() {
		t.Fatalf("problems %+v", recs[0].Problems)
	}
	if len(c.KeyDates) != 3 || c.KeyDates[0].Kind != domain.KindBirthday || c.KeyDates[1].Label != "结婚纪念日" ||
		c.KeyDates[1].String() != "lunar:L04-08" || c.KeyDates[2].String() != "2020-05-01" {
		t.Errorf("key dates %+v", c.KeyDates)
	}
	if c.PotentialNeeds != "给先生买礼物" || len(c.Preferences.Sizes) != 2 || c.Preferences.Colors[0] != "红" ||
		c.Preferences.Other != "不要香味" || c.RecentFocus != "羊绒" || c.Contact.Preferred != domain.ChannelWeChat ||
		c.Contact.AvoidHours != "12:00-14:00" || c.MAN.Money != domain.Yes || c.MAN.Authority != domain.No ||
		c.MAN.Need != domain.Unknown || c.ValueType != domain.ValueRelationship || c.CreatedOn.String() != "2026-01-05" ||
		recs[0].Referrer != "crm-1" || c.ExternalID != "crm-2" {
		t.Errorf("customer %+v, referrer %q", c, recs[0].Referrer)
	}
	cols := map[string]bool{}
	for _, p := range recs[1].Problems {
		cols[p.Column] = true
	}
	for _, col := range []string{"纪念日", "首选联系方式", "有预算", "价值类型"} {
		if !cols[col] {
			t.Errorf("no problem on %s: %+v", col, recs[1].Problems)
		}
	}
}
