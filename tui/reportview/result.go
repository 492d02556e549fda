package reportview

import (
	"time"

	"github.com/crmtui/crmtui/domain/insights"
)

// Lines draws a computed report.
func (v View) Lines(r insights.Result, loc *time.Location) []string {
	if v.Names == nil {
		v.Names = NamesOf(r.Salespeople)
	}
	switch r.Section {
	case insights.SectionRFM:
		return v.RFMSummary(*r.RFM)
	case insights.SectionABC:
		return v.ABC(*r.RFM)
	case insights.SectionDistribution:
		return v.Distribution(*r.Dist)
	case insights.SectionRetention:
		return v.Retention(*r.Retention)
	case insights.SectionFunnel:
		return v.Funnels(r.AsOf, r.Funnels, loc)
	case insights.SectionComplaints:
		return v.Complaints(*r.Complaints)
	}
	return v.Work(*r.Work)
}

// Table lays a computed report out as rows, for CSV: every customer for
// RFM, the split for ABC, and so on.
func (v View) Table(r insights.Result, loc *time.Location) Table {
	if v.Names == nil {
		v.Names = NamesOf(r.Salespeople)
	}
	switch r.Section {
	case insights.SectionRFM:
		return v.RFMTable(r.RFM.Rows, 0)
	case insights.SectionABC:
		return v.ABCTable(*r.RFM)
	case insights.SectionDistribution:
		return v.DistributionTable(*r.Dist)
	case insights.SectionRetention:
		return v.RetentionTable(*r.Retention)
	case insights.SectionFunnel:
		return v.FunnelTable(r.Funnels, loc)
	case insights.SectionComplaints:
		return v.ComplaintsTable(*r.Complaints)
	}
	return v.WorkTable(*r.Work)
}
