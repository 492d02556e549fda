package insights

import (
	"context"
	"fmt"
	"time"

	"github.com/crmtui/crmtui/domain"
)

// Section is one report: the Insights screen's sub-tabs and the names
// `crmtui report` takes.
type Section string

// The sections, in the screen's order.
const (
	SectionRFM          Section = "rfm"
	SectionABC          Section = "abc"
	SectionDistribution Section = "distribution"
	SectionRetention    Section = "retention"
	SectionFunnel       Section = "funnel"
	SectionComplaints   Section = "complaints"
	SectionWork         Section = "work"
)

// Sections lists the sections in order.
var Sections = []Section{SectionRFM, SectionABC, SectionDistribution, SectionRetention, SectionFunnel, SectionComplaints, SectionWork}

// Valid reports whether s is a known section.
func (s Section) Valid() bool {
	for _, x := range Sections {
		if s == x {
			return true
		}
	}
	return false
}

// TitleKey is the catalog key of the section's name.
func (s Section) TitleKey() string { return "insights." + string(s) }

// DefinitionKeys are the catalog keys of the definitions that explain it.
func (s Section) DefinitionKeys() []string {
	switch s {
	case SectionRFM:
		return []string{"insights.def.rfm", "insights.def.classes", "insights.def.stages"}
	case SectionABC:
		return []string{"insights.def.abc"}
	case SectionDistribution:
		return []string{"insights.def.distribution", "insights.def.classes", "insights.def.stages"}
	case SectionRetention:
		return []string{"insights.def.retention"}
	case SectionFunnel:
		return []string{"insights.def.funnel"}
	case SectionComplaints:
		return []string{"insights.def.complaints"}
	}
	return []string{"insights.def.work"}
}

// Request says which report to compute and for whom.
type Request struct {
	Section Section
	AsOf    domain.Date
	Segment domain.SegmentConfig
	Loc     *time.Location
	Me      *domain.Salesperson // the own-work report's salesperson; nil for the store
}

// Result holds the computed report of a Request: the field of its section.
type Result struct {
	Section     Section
	AsOf        domain.Date
	Salespeople []domain.Salesperson
	RFM         *RFMReport    // rfm and abc
	Dist        *Distribution // distribution
	Retention   *Retention
	Funnels     []EventFunnel
	Complaints  *Complaints
	Work        *Work
}

// Compute reads and computes one report.
func Compute(ctx context.Context, src Source, req Request) (Result, error) {
	res := Result{Section: req.Section, AsOf: req.AsOf}
	sp, err := src.Salespeople(ctx)
	if err != nil {
		return res, err
	}
	res.Salespeople = sp
	switch req.Section {
	case SectionRFM, SectionABC:
		r, err := RFMReportOf(ctx, src, req.AsOf, req.Segment)
		res.RFM = &r
		return res, err
	case SectionDistribution:
		d, err := DistributionReport(ctx, src, req.AsOf, req.Segment)
		res.Dist = &d
		return res, err
	case SectionRetention:
		r, err := RetentionReport(ctx, src, req.AsOf)
		res.Retention = &r
		return res, err
	case SectionFunnel:
		res.Funnels, err = FunnelReport(ctx, src, req.AsOf, req.Loc)
		return res, err
	case SectionComplaints:
		c, err := ComplaintsReport(ctx, src, req.AsOf, req.Segment.WindowDays, req.Loc)
		res.Complaints = &c
		return res, err
	case SectionWork:
		w, err := WorkReport(ctx, src, req.Me, req.AsOf)
		res.Work = &w
		return res, err
	}
	return res, fmt.Errorf("unknown report %q", req.Section)
}

// Payload is what JSON output carries for the result: the section's report.
func (r Result) Payload() any {
	switch r.Section {
	case SectionRFM:
		return r.RFM
	case SectionABC:
		return struct {
			AsOf domain.Date `json:"as_of"`
			From domain.Date `json:"from"`
			ABCSummary
		}{r.RFM.AsOf, r.RFM.From, r.RFM.ABC}
	case SectionDistribution:
		return r.Dist
	case SectionRetention:
		return r.Retention
	case SectionFunnel:
		return r.Funnels
	case SectionComplaints:
		return r.Complaints
	}
	return r.Work
}
