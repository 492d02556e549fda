package main

import (
	"compress/gzip"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The RFM report checked against the raw rows of the UCI Online Retail file:
// the test reads the CSV itself (compress/gzip, encoding/csv), puts the rows
// of an invoice together, sums the lines in exact decimal arithmetic and
// scores the customers itself, without domain/imports, db or domain/insights.
// It follows the importer's documented rules (README "Import"):
//   - rows without a CustomerID are left out; "17850.0" is customer 17850;
//   - the rows of one InvoiceNo are one purchase on the InvoiceDate's day as
//     written; its amount is the sum of its lines, each line quantity × unit
//     price rounded to the cent, half away from zero;
//   - a "C" invoice, or a purchase whose amount is negative, is a return
//     (a return written with positive numbers is turned negative);
//
// and the report's definitions (README "Insights and reports", domain/insights):
//   - window: the 365 days ending on the as-of day inclusive;
//   - recency: days from the last sale (not return) on or before the as-of
//     day; null for a customer with no sale;
//   - frequency: sales in the window; monetary: sales plus (negative)
//     returns in the window;
//   - cut points: nearest rank at 20/40/60/80 % over the customers with a
//     sale; R = 5 − cuts strictly below, F and M = 1 + cuts strictly below;
//     0, 0, 0 for a customer with no sale.

// rawInvoice is one invoice of the file as the test groups it.
type rawInvoice struct {
	no       string
	customer string // external id
	day      time.Time
	cents    int64
	isReturn bool
	lines    int
	firstRow int // the data row that opened it, for messages
}

// rawRetail is the file read by the test.
type rawRetail struct {
	rows     int // data rows
	skipped  int // rows without a customer
	invoices []*rawInvoice
	lastDay  time.Time
	// lineCents is the sum of the lines of the rows with a customer, as
	// written (returns negative): a check of the test's own arithmetic
	// against the counts in domain/imports/testdata/README.md.
	lineCents int64
}

var intIDRe = regexp.MustCompile(`^[0-9]+\.0+$`)

// readRawRetail reads the retail CSV (gzipped when its name ends in .gz).
func readRawRetail(t *testing.T, path string) rawRetail {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		defer zr.Close()
		r = zr
	}
	cr := csv.NewReader(r)
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err != nil {
		t.Fatalf("%s: header: %v", path, err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.TrimPrefix(strings.TrimSpace(h), "\ufeff")] = i
	}
	need := []string{"InvoiceNo", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID"}
	for _, h := range need {
		if _, ok := col[h]; !ok {
			t.Fatalf("%s: no %s column in %q", path, h, header)
		}
	}
	var raw rawRetail
	byNo := map[string]*rawInvoice{}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		raw.rows++
		row := raw.rows
		cid := strings.TrimSpace(rec[col["CustomerID"]])
		if cid == "" {
			raw.skipped++
			continue
		}
		if intIDRe.MatchString(cid) {
			cid, _, _ = strings.Cut(cid, ".")
		}
		no := strings.TrimSpace(rec[col["InvoiceNo"]])
		when := strings.TrimSpace(rec[col["InvoiceDate"]])
		at, err := time.Parse(time.DateTime, when)
		if err != nil {
			t.Fatalf("%s data row %d: InvoiceDate %q is not YYYY-MM-DD hh:mm:ss: %v", path, row, when, err)
		}
		day := time.Date(at.Year(), at.Month(), at.Day(), 0, 0, 0, 0, time.UTC)
		cents := rawLineCents(t, row, rec[col["Quantity"]], rec[col["UnitPrice"]])
		inv := byNo[no]
		if inv == nil {
			inv = &rawInvoice{no: no, customer: cid, day: day, firstRow: row}
			byNo[no] = inv
			raw.invoices = append(raw.invoices, inv)
		} else if inv.customer != cid || !inv.day.Equal(day) {
			// The importer refuses such an invoice; the file has none.
			t.Fatalf("data row %d: invoice %s is customer %s on %s, its row %d said %s on %s",
				row, no, cid, day.Format(time.DateOnly), inv.firstRow, inv.customer, inv.day.Format(time.DateOnly))
		}
		inv.cents += cents
		inv.lines++
		raw.lineCents += cents
		if day.After(raw.lastDay) {
			raw.lastDay = day
		}
	}
	for _, inv := range raw.invoices {
		isC := len(inv.no) > 1 && (inv.no[0] == 'C' || inv.no[0] == 'c')
		inv.isReturn = isC || inv.cents < 0
		if inv.isReturn && inv.cents > 0 {
			inv.cents = -inv.cents
		}
	}
	return raw
}

// rawLineCents is quantity × unit price in cents, rounded half away from
// zero, in exact rational arithmetic.
func rawLineCents(t *testing.T, row int, qtyText, priceText string) int64 {
	t.Helper()
	qty, err := strconv.ParseInt(strings.TrimSpace(qtyText), 10, 64)
	if err != nil {
		t.Fatalf("data row %d: quantity %q: %v", row, qtyText, err)
	}
	price, ok := new(big.Rat).SetString(strings.TrimSpace(priceText))
	if !ok {
		t.Fatalf("data row %d: unit price %q is not a number", row, priceText)
	}
	v := new(big.Rat).Mul(price, new(big.Rat).SetInt64(qty*100))
	num := new(big.Int).Abs(v.Num())
	q, rem := new(big.Int).QuoRem(num, v.Denom(), new(big.Int))
	if rem.Lsh(rem, 1).Cmp(v.Denom()) >= 0 {
		q.Add(q, big.NewInt(1))
	}
	if v.Sign() < 0 {
		q.Neg(q)
	}
	if !q.IsInt64() {
		t.Fatalf("data row %d: line amount %s × %s too large", row, qtyText, priceText)
	}
	return q.Int64()
}

// rawRFM is one customer's figures as the test computes them.
type rawRFM struct {
	ext                string
	hasSale            bool
	lastSale           time.Time
	recency, frequency int
	cents              int64
	returns            int // in the window, for messages
	r, f, m            int
}

// rawRFMAsOf computes every customer's RFM figures, the cut points and the
// scores as of a day, with a window of windowDays days.
func rawRFMAsOf(raw rawRetail, asOf time.Time, windowDays int) (map[string]*rawRFM, [3][4]int64) {
	from := asOf.AddDate(0, 0, -(windowDays - 1))
	figs := map[string]*rawRFM{}
	for _, inv := range raw.invoices {
		c := figs[inv.customer]
		if c == nil {
			c = &rawRFM{ext: inv.customer}
			figs[inv.customer] = c
		}
		if inv.day.After(asOf) {
			continue
		}
		if !inv.isReturn && (!c.hasSale || inv.day.After(c.lastSale)) {
			c.hasSale, c.lastSale = true, inv.day
		}
		if inv.day.Before(from) {
			continue
		}
		c.cents += inv.cents
		if inv.isReturn {
			c.returns++
		} else {
			c.frequency++
		}
	}
	var rs, fs, ms []int64
	for _, c := range figs {
		if !c.hasSale {
			continue
		}
		c.recency = int(asOf.Sub(c.lastSale).Hours() / 24)
		rs = append(rs, int64(c.recency))
		fs = append(fs, int64(c.frequency))
		ms = append(ms, c.cents)
	}
	cuts := [3][4]int64{rawQuintiles(rs), rawQuintiles(fs), rawQuintiles(ms)}
	for _, c := range figs {
		if !c.hasSale {
			continue
		}
		c.r = 5 - rawBelow(int64(c.recency), cuts[0])
		c.f = 1 + rawBelow(int64(c.frequency), cuts[1])
		c.m = 1 + rawBelow(c.cents, cuts[2])
	}
	return figs, cuts
}

// rawQuintiles: the values at ranks ⌈k·n/5⌉ (k = 1..4) of the sorted values.
func rawQuintiles(v []int64) [4]int64 {
	var cuts [4]int64
	if len(v) == 0 {
		return cuts
	}
	s := slices.Clone(v)
	slices.Sort(s)
	n := len(s)
	for k := 1; k <= 4; k++ {
		rank := (k*n + 4) / 5 // ⌈k·n/5⌉, 1-based
		cuts[k-1] = s[max(rank, 1)-1]
	}
	return cuts
}

// rawBelow counts the cut points strictly below v.
func rawBelow(v int64, cuts [4]int64) int {
	n := 0
	for _, c := range cuts {
		if c < v {
			n++
		}
	}
	return n
}

// rfmJSONRow is a customer of `report rfm --json`.
type rfmJSONRow struct {
	CustomerID  int64       `json:"customer_id"`
	ExternalID  string      `json:"external_id"`
	RecencyDays *int        `json:"recency_days"`
	Frequency   int         `json:"frequency"`
	Monetary    json.Number `json:"monetary"`
	R           int         `json:"r"`
	F           int         `json:"f"`
	M           int         `json:"m"`
}

type rfmJSON struct {
	AsOf       string `json:"as_of"`
	From       string `json:"from"`
	WindowDays int    `json:"window_days"`
	Cuts       struct {
		R [4]int64 `json:"r"`
		F [4]int64 `json:"f"`
		M [4]int64 `json:"m"`
	} `json:"cuts"`
	Customers []rfmJSONRow `json:"customers"`
}

var moneyJSONRe = regexp.MustCompile(`^-?[0-9]+\.[0-9]{2}$`)

// centsOf reads a report amount ("1499.34", two decimals) as cents, exactly.
func centsOf(n json.Number) (int64, bool) {
	s := n.String()
	if !moneyJSONRe.MatchString(s) {
		return 0, false
	}
	neg := strings.HasPrefix(s, "-")
	units, dec, _ := strings.Cut(strings.TrimPrefix(s, "-"), ".")
	u, err1 := strconv.ParseInt(units, 10, 64)
	d, err2 := strconv.ParseInt(dec, 10, 64)
	if err1 != nil || err2 != nil {
		return 0, false
	}
	v := u*100 + d
	if neg {
		v = -v
	}
	return v, true
}

func fmtCents(c int64) string {
	sign := ""
	if c < 0 {
		sign, c = "-", -c
	}
	return fmt.Sprintf("%s%d.%02d", sign, c/100, c%100)
}

// mismatches collects differences per figure and reports the first few of
// each with a count, so that a systematic error stays readable.
type mismatches struct {
	t     *testing.T
	label string
	count map[string]int
	order []string
}

const mismatchExamples = 12

func (mm *mismatches) add(figure, format string, args ...any) {
	mm.t.Helper()
	if mm.count == nil {
		mm.count = map[string]int{}
	}
	if mm.count[figure] == 0 {
		mm.order = append(mm.order, figure)
	}
	mm.count[figure]++
	if mm.count[figure] <= mismatchExamples {
		mm.t.Errorf("%s: %s: "+format, append([]any{mm.label, figure}, args...)...)
	}
}

func (mm *mismatches) summary(customers int) {
	mm.t.Helper()
	for _, fig := range mm.order {
		if n := mm.count[fig]; n > mismatchExamples {
			mm.t.Errorf("%s: %s differs for %d of %d customers (first %d shown)", mm.label, fig, n, customers, mismatchExamples)
		} else {
			mm.t.Logf("%s: %s differs for %d of %d customers", mm.label, fig, n, customers)
		}
	}
}

// checkRFMAgainstRaw runs `report rfm --as-of DAY --json` on c's database and
// compares every customer with the figures computed from raw.
func checkRFMAgainstRaw(t *testing.T, c *cli, raw rawRetail, asOfText string, wantCustomers int) {
	asOf, err := time.Parse(time.DateOnly, asOfText)
	if err != nil {
		t.Fatal(err)
	}
	const window = 365
	want, cuts := rawRFMAsOf(raw, asOf, window)
	if wantCustomers > 0 && len(want) != wantCustomers {
		t.Errorf("as of %s: the raw file names %d customers, want %d (domain/imports/testdata/README.md)", asOfText, len(want), wantCustomers)
	}

	start := time.Now()
	out := c.ok("report", "rfm", "--as-of", asOfText, "--json", "--db", c.db)
	t.Logf("report rfm --as-of %s: %v, %d bytes", asOfText, time.Since(start).Round(time.Millisecond), len(out))
	var rep rfmJSON
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("report rfm --as-of %s --json: %v\n%.500s", asOfText, err, out)
	}
	label := "as of " + asOfText
	wantFrom := asOf.AddDate(0, 0, -(window - 1)).Format(time.DateOnly)
	if rep.AsOf != asOfText || rep.From != wantFrom || rep.WindowDays != window {
		t.Errorf("%s: as_of %q, from %q, window_days %d; want %q, %q, %d", label, rep.AsOf, rep.From, rep.WindowDays, asOfText, wantFrom, window)
	}
	if len(rep.Customers) != len(want) {
		t.Errorf("%s: the report lists %d customers, the raw file has %d", label, len(rep.Customers), len(want))
	}
	for i, name := range []string{"R", "F", "M"} {
		got := [3][4]int64{rep.Cuts.R, rep.Cuts.F, rep.Cuts.M}[i]
		if got != cuts[i] {
			t.Errorf("%s: %s cut points %v, from the raw rows %v", label, name, got, cuts[i])
		}
	}

	mm := &mismatches{t: t, label: label}
	seen := map[string]bool{}
	withSale := 0
	for _, row := range rep.Customers {
		who := fmt.Sprintf("customer %s (#%d)", row.ExternalID, row.CustomerID)
		if seen[row.ExternalID] {
			mm.add("listing", "%s is listed twice", who)
			continue
		}
		seen[row.ExternalID] = true
		w := want[row.ExternalID]
		if w == nil {
			mm.add("listing", "%s is not a customer of the raw file", who)
			continue
		}
		detail := fmt.Sprintf("(raw: %d sales and %d returns in the window, last sale %s)", w.frequency, w.returns, lastSaleText(w))
		switch {
		case !w.hasSale && row.RecencyDays != nil:
			mm.add("recency_days", "%s: got %d, want null (no sale on or before the as-of day) %s", who, *row.RecencyDays, detail)
		case w.hasSale && row.RecencyDays == nil:
			mm.add("recency_days", "%s: got null, want %d %s", who, w.recency, detail)
		case w.hasSale && *row.RecencyDays != w.recency:
			mm.add("recency_days", "%s: got %d, want %d %s", who, *row.RecencyDays, w.recency, detail)
		}
		if row.Frequency != w.frequency {
			mm.add("frequency", "%s: got %d, want %d %s", who, row.Frequency, w.frequency, detail)
		}
		if got, ok := centsOf(row.Monetary); !ok {
			mm.add("monetary", "%s: got %q, want a number with two decimals (%s) %s", who, row.Monetary, fmtCents(w.cents), detail)
		} else if got != w.cents {
			mm.add("monetary", "%s: got %s, want %s (off by %s) %s", who, fmtCents(got), fmtCents(w.cents), fmtCents(got-w.cents), detail)
		}
		if w.hasSale {
			withSale++
		}
		if row.R != w.r {
			mm.add("r", "%s: got %d, want %d (recency %d days, cuts %v)", who, row.R, w.r, w.recency, cuts[0])
		}
		if row.F != w.f {
			mm.add("f", "%s: got %d, want %d (frequency %d, cuts %v)", who, row.F, w.f, w.frequency, cuts[1])
		}
		if row.M != w.m {
			mm.add("m", "%s: got %d, want %d (monetary %s, cuts in cents %v)", who, row.M, w.m, fmtCents(w.cents), cuts[2])
		}
	}
	var missing []string
	for ext := range want {
		if !seen[ext] {
			missing = append(missing, ext)
		}
	}
	slices.Sort(missing)
	for _, ext := range missing {
		mm.add("listing", "customer %s of the raw file is not in the report %s", ext, fmt.Sprintf("(%d sales in the window)", want[ext].frequency))
	}
	mm.summary(len(want))
	t.Logf("%s: %d customers compared, %d with a sale; cut points R %v F %v M %v", label, len(rep.Customers), withSale, cuts[0], cuts[1], cuts[2])
}

func lastSaleText(w *rawRFM) string {
	if !w.hasSale {
		return "none"
	}
	return w.lastSale.Format(time.DateOnly)
}

// TestReportRFM_MatchesRawRetailData imports the whole UCI Online Retail file
// and checks every customer's RFM figures and scores as of the day after its
// last invoice against what the raw rows say.
func TestReportRFM_MatchesRawRetailData(t *testing.T) {
	path := findSharedData(t)
	if path == "" {
		t.Skip("../shared/data/online-retail-2010-2011.csv.gz is not beside this clone (only the team's checkout has it); " +
			"TestReportRFM_MatchesRetailSlice checks a slice of it instead")
	}
	if testing.Short() {
		t.Skip("-short: importing the full data set takes several seconds")
	}
	start := time.Now()
	raw := readRawRetail(t, path)
	t.Logf("raw file read by the test in %v: %d rows, %d without a customer, %d invoices with one, last day %s",
		time.Since(start).Round(time.Millisecond), raw.rows, raw.skipped, len(raw.invoices), raw.lastDay.Format(time.DateOnly))
	if raw.rows != 541909 || raw.skipped != 135080 || raw.lineCents != 830006581 {
		t.Errorf("raw file: %d data rows, %d without a customer, lines worth %d pence; want 541909, 135080, 830006581 (domain/imports/testdata/README.md)",
			raw.rows, raw.skipped, raw.lineCents)
	}

	c := newCLI(t)
	start = time.Now()
	c.ok("import", "purchases", path, "--db", c.db)
	t.Logf("import: %v", time.Since(start).Round(time.Millisecond))

	checkRFMAgainstRaw(t, c, raw, "2011-12-10", 4372)
}

// TestReportRFM_MatchesRetailSlice does the same on the slice kept with the
// importer: the day after its last invoice (2011-09-26), and the two days
// around the window's edge for its first day (2010-12-01): the last as-of
// day whose window still holds it, and the first that no longer does.
func TestReportRFM_MatchesRetailSlice(t *testing.T) {
	raw := readRawRetail(t, retailSlice)
	if raw.rows != 2031 || raw.skipped != 545 || raw.lineCents != 3246001 {
		t.Fatalf("slice: %d rows, %d without a customer, lines worth %d pence; want 2031, 545, 3246001 (domain/imports/testdata/README.md)",
			raw.rows, raw.skipped, raw.lineCents)
	}
	c := newCLI(t)
	c.ok("import", "purchases", retailSlice, "--db", c.db)
	next := raw.lastDay.AddDate(0, 0, 1).Format(time.DateOnly)
	for _, asOf := range []string{next, "2011-11-30", "2011-12-01", "2011-02-01"} {
		t.Run(asOf, func(t *testing.T) {
			sub := *c
			sub.t = t // c.ok fails the subtest, from its own goroutine
			checkRFMAgainstRaw(t, &sub, raw, asOf, 78)
		})
	}
}
