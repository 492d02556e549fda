package insights

import (
	"cmp"
	"slices"

	"github.com/crmtui/crmtui/domain"
)

// Figures is one customer's purchase history summed up as of a day: what
// the store reads in one grouped query and RFM needs. Purchases after the
// as-of day are not counted.
type Figures struct {
	CustomerID int64
	ExternalID string
	Name       string
	OwnerID    int64
	// Stats: PurchaseCount, FirstPurchase, LastPurchase and
	// AvgIntervalDays up to the as-of day (sales only, returns not counted).
	Stats domain.CustomerStats
	// Frequency and Monetary in the window: sales counted, and spend net of
	// returns, of the WindowDays days ending on the as-of day.
	Frequency int
	Monetary  domain.Money
}

// RFMRow is one customer's line of the RFM report.
type RFMRow struct {
	CustomerID  int64        `json:"customer_id"`
	ExternalID  string       `json:"external_id"`
	Name        string       `json:"name"`
	OwnerID     int64        `json:"owner_id,omitempty"`
	RecencyDays *int         `json:"recency_days"` // null: never bought
	Frequency   int          `json:"frequency"`
	Monetary    Amount       `json:"monetary"`
	R           int          `json:"r"` // 1-5, 0 when never bought
	F           int          `json:"f"`
	M           int          `json:"m"`
	Class       domain.Class `json:"class"`
	Stage       domain.Stage `json:"stage"`
	ABC         ABC          `json:"abc"`
}

// GridCell is one square of the R×F grid: how many customers, what they spent.
type GridCell struct {
	Count int    `json:"count"`
	Spend Amount `json:"spend"`
}

// RFMReport is the store's RFM picture on a day.
type RFMReport struct {
	AsOf       domain.Date          `json:"as_of"`
	WindowDays int                  `json:"window_days"`
	From       domain.Date          `json:"from"` // first day of the window
	Cuts       domain.RFMCuts       `json:"cuts"`
	Customers  int                  `json:"customer_count"` // every customer, with or without a purchase
	Rows       []RFMRow             `json:"customers"`      // one per customer; a screen that keeps only the summary drops them
	Grid       [5][5]GridCell       `json:"grid"`           // Grid[r-1][f-1], customers with a purchase
	Classes    map[domain.Class]int `json:"classes"`
	Stages     map[domain.Stage]int `json:"stages"`
	ABC        ABCSummary           `json:"abc"`
}

// ComputeRFM scores every customer against the store's quintiles, the way
// the store's own segmentation pass does (domain.QuintileCuts, RFM.Score,
// ClassOf, StageOf), then splits revenue into ABC. Rows come back in the
// order of figs.
func ComputeRFM(figs []Figures, asOf domain.Date, cfg domain.SegmentConfig) RFMReport {
	b := newRFMBuilder(asOf, cfg, len(figs))
	for i := range figs {
		b.add(&figs[i])
	}
	return b.finish()
}

// rfmBuilder computes the report in two passes: add takes one customer's
// figures at a time and keeps only the row (recency, frequency, spend,
// stage) and the values the quintiles need; finish scores the rows. So a
// source can hand the figures over one by one without ever holding all of
// them (RFMReportOf).
type rfmBuilder struct {
	rep        RFMReport
	cfg        domain.SegmentConfig
	counts     []int32 // purchase count per row, which the class needs
	rs, fs, ms []int64 // the customers with a purchase, for the cut points
}

func newRFMBuilder(asOf domain.Date, cfg domain.SegmentConfig, size int) *rfmBuilder {
	return &rfmBuilder{cfg: cfg, counts: make([]int32, 0, size),
		rep: RFMReport{AsOf: asOf, WindowDays: cfg.WindowDays, From: asOf.AddDays(-cfg.WindowDays + 1),
			Classes: map[domain.Class]int{}, Stages: map[domain.Stage]int{}, Rows: make([]RFMRow, 0, size)}}
}

// add takes one customer's figures.
func (b *rfmBuilder) add(f *Figures) {
	row := RFMRow{CustomerID: f.CustomerID, ExternalID: f.ExternalID, Name: f.Name, OwnerID: f.OwnerID,
		Frequency: f.Frequency, Monetary: Amount(f.Monetary), Stage: b.cfg.StageOf(f.Stats, b.rep.AsOf)}
	if f.Stats.PurchaseCount > 0 {
		days := max(0, b.rep.AsOf.Sub(f.Stats.LastPurchase))
		row.RecencyDays = &days
		b.rs = append(b.rs, int64(days))
		b.fs = append(b.fs, int64(f.Frequency))
		b.ms = append(b.ms, int64(f.Monetary))
	}
	b.rep.Rows = append(b.rep.Rows, row)
	b.counts = append(b.counts, int32(f.Stats.PurchaseCount))
}

// finish scores every row against the cut points, fills the grid, the
// classes and stages, and splits revenue into ABC.
func (b *rfmBuilder) finish() RFMReport {
	rep := &b.rep
	rep.Cuts = domain.RFMCuts{R: domain.QuintileCuts(b.rs), F: domain.QuintileCuts(b.fs), M: domain.QuintileCuts(b.ms)}
	for i := range rep.Rows {
		row := &rep.Rows[i]
		var scored domain.RFM
		if row.RecencyDays != nil {
			scored = domain.RFM{RecencyDays: *row.RecencyDays, Frequency: row.Frequency, Monetary: domain.Money(row.Monetary)}.Score(rep.Cuts)
			row.R, row.F, row.M = scored.R, scored.F, scored.M
			cell := &rep.Grid[row.R-1][row.F-1]
			cell.Count++
			cell.Spend += row.Monetary
		}
		row.Class = domain.ClassOf(int(b.counts[i]), scored)
		rep.Classes[row.Class]++
		rep.Stages[row.Stage]++
	}
	rep.Customers = len(rep.Rows)
	rep.ABC = assignABC(rep.Rows)
	return *rep
}

// SortByValue orders rows as the report lists them: class (important
// first), then spend, then recency, then id — the order a salesperson
// reads "who matters most" in.
func SortByValue(rows []RFMRow) {
	slices.SortStableFunc(rows, byValue)
}

// MostValuable is the first n rows in SortByValue's order, found without
// copying and sorting all of them: the Insights screen lists 20 of
// 100,000 customers, and a sorted copy of them all would be 40 MB.
func MostValuable(rows []RFMRow, n int) []RFMRow {
	if n <= 0 {
		return nil
	}
	top := make([]RFMRow, 0, min(n, len(rows)))
	for _, r := range rows {
		if len(top) == n && byValue(r, top[n-1]) >= 0 {
			continue
		}
		i, _ := slices.BinarySearchFunc(top, r, byValue)
		if len(top) < n {
			top = append(top, RFMRow{})
		}
		copy(top[i+1:], top[i:len(top)-1])
		top[i] = r
	}
	return top
}

// byValue is SortByValue's order; the id makes it total.
func byValue(a, b RFMRow) int {
	if c := b.Class.Rank() - a.Class.Rank(); c != 0 {
		return c
	}
	if a.Monetary != b.Monetary {
		if a.Monetary > b.Monetary {
			return -1
		}
		return 1
	}
	ar, br := recencyOrMax(a), recencyOrMax(b)
	if ar != br {
		return ar - br
	}
	return cmp.Compare(a.CustomerID, b.CustomerID)
}

func recencyOrMax(r RFMRow) int {
	if r.RecencyDays == nil {
		return 1 << 30
	}
	return *r.RecencyDays
}
