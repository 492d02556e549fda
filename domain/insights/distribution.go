package insights

import (
	"context"

	"github.com/crmtui/crmtui/domain"
)

// Tally counts customers per class and per stage.
type Tally struct {
	Total   int                  `json:"total"`
	Classes map[domain.Class]int `json:"classes"`
	Stages  map[domain.Stage]int `json:"stages"`
}

func newTally() Tally {
	return Tally{Classes: map[domain.Class]int{}, Stages: map[domain.Stage]int{}}
}

// Split is sales divided into daily (日常) and promotion (促销) sales.
type Split struct {
	DailyCount      int    `json:"daily_count"`
	DailyAmount     Amount `json:"daily_amount"`
	PromotionCount  int    `json:"promotion_count"`
	PromotionAmount Amount `json:"promotion_amount"`
}

// Total is all sales of the split.
func (s Split) Total() Amount { return s.DailyAmount + s.PromotionAmount }

// Distribution (动静分布) is the store's customers by class and stage, and
// its sales by daily and promotion, for the store and each salesperson
// (个人分布 vs 店铺分布).
type Distribution struct {
	AsOf          domain.Date          `json:"as_of"`
	From          domain.Date          `json:"from"` // sales are those of [From, AsOf]
	Salespeople   []domain.Salesperson `json:"salespeople"`
	Store         Tally                `json:"store"`
	BySalesperson map[int64]Tally      `json:"by_salesperson"` // key 0: customers without an owner
	Sales         Split                `json:"sales"`
	SalesBy       map[int64]Split      `json:"sales_by_salesperson"`
}

// ComputeDistribution tallies scored customers by owner, and sales rows by
// salesperson. A sale is a promotion sale when it names an event or falls
// on a day of a promotion or holiday sale (SalesSplit decides, in the store).
func ComputeDistribution(rows []RFMRow, sales []SalesRow) Distribution {
	d := Distribution{Store: newTally(), BySalesperson: map[int64]Tally{}, SalesBy: map[int64]Split{}}
	for _, r := range rows {
		t, ok := d.BySalesperson[r.OwnerID]
		if !ok {
			t = newTally()
		}
		for _, tt := range []*Tally{&d.Store, &t} {
			tt.Total++
			tt.Classes[r.Class]++
			tt.Stages[r.Stage]++
		}
		d.BySalesperson[r.OwnerID] = t
	}
	for _, s := range sales {
		sp := d.SalesBy[s.SalespersonID]
		for _, sp := range []*Split{&d.Sales, &sp} {
			if s.Promotion {
				sp.PromotionCount += s.Count
				sp.PromotionAmount += Amount(s.Amount)
			} else {
				sp.DailyCount += s.Count
				sp.DailyAmount += Amount(s.Amount)
			}
		}
		d.SalesBy[s.SalespersonID] = sp
	}
	return d
}

// DistributionReport scores the store as of asOf and splits the sales of
// the same window.
func DistributionReport(ctx context.Context, src Source, asOf domain.Date, cfg domain.SegmentConfig) (Distribution, error) {
	rfm, err := RFMReportOf(ctx, src, asOf, cfg)
	if err != nil {
		return Distribution{}, err
	}
	sales, err := src.SalesSplit(ctx, rfm.From, asOf)
	if err != nil {
		return Distribution{}, err
	}
	sp, err := src.Salespeople(ctx)
	if err != nil {
		return Distribution{}, err
	}
	d := ComputeDistribution(rfm.Rows, sales)
	d.AsOf, d.From, d.Salespeople = asOf, rfm.From, sp
	return d, nil
}

// RFMReportOf reads every customer's figures and scores them.
// The figures come one at a time: at 100,000 customers holding them all
// besides the rows would take another 21 MB.
func RFMReportOf(ctx context.Context, src Source, asOf domain.Date, cfg domain.SegmentConfig) (RFMReport, error) {
	counts, err := src.CustomerCounts(ctx)
	if err != nil {
		return RFMReport{}, err
	}
	size := 0
	for _, n := range counts {
		size += n
	}
	b := newRFMBuilder(asOf, cfg, size)
	err = src.EachCustomerFigures(ctx, asOf, cfg.WindowDays, func(f *Figures) error {
		b.add(f)
		return nil
	})
	if err != nil {
		return RFMReport{}, err
	}
	return b.finish(), nil
}
