package insights

import (
	"context"
	"slices"
	"time"

	"github.com/crmtui/crmtui/domain"
)

// Complaints (投诉记录与定期分析) sums up the complaints opened in the
// window: where they came from, what about, how fast and how well they
// were resolved, and whether the customers came back to buy.
type Complaints struct {
	AsOf      domain.Date                `json:"as_of"`
	From      domain.Date                `json:"from"`
	Total     int                        `json:"total"`
	Open      int                        `json:"open"`
	ByChannel map[domain.CaseChannel]int `json:"by_channel"` // "" when not recorded
	ByKind    map[string]int             `json:"by_kind"`    // the complaint's sub-kind: product, service, …; "" when not recorded
	Closed    int                        `json:"closed"`
	// Hours from opening to closing of the closed complaints.
	MedianHours float64 `json:"median_hours_to_resolve"`
	MeanHours   float64 `json:"mean_hours_to_resolve"`
	// WithinLimit: closed by their time limit (时效性); an open complaint
	// past its limit counts as not within. LimitBase is what it is out of.
	WithinLimit int `json:"within_limit"`
	LimitBase   int `json:"limit_base"`
	// Satisfaction 1-5 of closed complaints that have one.
	Satisfaction [5]int  `json:"satisfaction"` // count per score 1..5
	MeanScore    float64 `json:"mean_satisfaction"`
	// Complainants: distinct customers; CameBack: of them, those with a
	// sale on a later day than their (first) complaint in the window.
	Complainants int `json:"complainants"`
	CameBack     int `json:"came_back"`
}

// ComputeComplaints sums up cs (complaints of any date; those opened in
// [from, asOf] count) with each complainant's last sale day up to asOf.
func ComputeComplaints(cs []domain.ServiceCase, lastSale map[int64]domain.Date, from, asOf domain.Date, loc *time.Location) Complaints {
	out := Complaints{AsOf: asOf, From: from, ByChannel: map[domain.CaseChannel]int{}, ByKind: map[string]int{}}
	end := asOf.AddDays(1).Time(loc) // the end of the as-of day
	firstDay := map[int64]domain.Date{}
	var hours []float64
	scores, scored := 0, 0
	for _, c := range cs {
		opened := domain.DateOf(c.OpenedAt.In(loc))
		if c.Kind != domain.CaseComplaint || opened.Before(from) || opened.After(asOf) {
			continue
		}
		out.Total++
		out.ByChannel[c.Channel]++
		out.ByKind[c.Subkind]++
		closed := !c.ClosedAt.IsZero() && c.ClosedAt.Before(end)
		switch {
		case closed:
			out.Closed++
			hours = append(hours, c.ClosedAt.Sub(c.OpenedAt).Hours())
			out.LimitBase++
			if !c.ClosedAt.After(c.DueAt) {
				out.WithinLimit++
			}
			if c.Satisfaction >= 1 && c.Satisfaction <= 5 {
				out.Satisfaction[c.Satisfaction-1]++
				scores += c.Satisfaction
				scored++
			}
		default:
			out.Open++
			if c.DueAt.Before(end) {
				out.LimitBase++ // past its limit and still open: not within
			}
		}
		if d, ok := firstDay[c.CustomerID]; !ok || opened.Before(d) {
			firstDay[c.CustomerID] = opened
		}
	}
	out.Complainants = len(firstDay)
	for id, d := range firstDay {
		if last, ok := lastSale[id]; ok && last.After(d) {
			out.CameBack++
		}
	}
	if len(hours) > 0 {
		slices.Sort(hours)
		sum := 0.0
		for _, h := range hours {
			sum += h
		}
		out.MeanHours = sum / float64(len(hours))
		n := len(hours)
		out.MedianHours = hours[n/2]
		if n%2 == 0 {
			out.MedianHours = (hours[n/2-1] + hours[n/2]) / 2
		}
	}
	if scored > 0 {
		out.MeanScore = float64(scores) / float64(scored)
	}
	return out
}

// ComplaintsReport reads the complaints and the complainants' last sales.
func ComplaintsReport(ctx context.Context, src Source, asOf domain.Date, windowDays int, loc *time.Location) (Complaints, error) {
	cs, err := src.Cases(ctx, domain.CaseFilter{Kind: domain.CaseComplaint})
	if err != nil {
		return Complaints{}, err
	}
	var ids []int64
	for _, c := range cs {
		ids = append(ids, c.CustomerID)
	}
	slices.Sort(ids)
	last, err := src.LastSaleDays(ctx, slices.Compact(ids), asOf)
	if err != nil {
		return Complaints{}, err
	}
	return ComputeComplaints(cs, last, asOf.AddDays(-windowDays+1), asOf, loc), nil
}
