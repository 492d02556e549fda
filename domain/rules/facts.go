package rules

import "github.com/crmtui/crmtui/domain"

// Facts is what a rule can see of one customer. The store fills it cheaply,
// from the customer's row and its aggregate columns, for every customer a
// group is evaluated over; Rule.Fields says which parts a rule needs, so a
// store may leave out, say, the key dates of a rule that never looks at them.
type Facts struct {
	ID           int64
	Tags         []string
	Class        domain.Class
	Stage        domain.Stage
	Source       domain.Source
	OwnerName    string // the salesperson's name ("owner:王芳")
	StoreName    string
	DoNotContact bool
	Gender       domain.Gender
	ValueType    domain.ValueType

	PurchaseCount int          // lifetime sales, returns not counted
	Spend365      domain.Money // net spend in the last 365 days (the RFM window)
	Count365      int          // purchases in the last 365 days
	TotalSpend    domain.Money // lifetime net spend

	LastPurchase domain.Date // zero: never bought
	LastContact  domain.Date // zero: never contacted
	Created      domain.Date // zero: unknown

	KeyDates     []domain.KeyDate // birthdays and anniversaries, solar or lunar
	OpenCases    int              // service cases not yet closed
	Completeness int              // profile completeness in percent
}

// FactsOf fills Facts from a customer file. The spend and count in the window
// are the RFM figures (domain.SegmentConfig.WindowDays, 365 by default). The
// owner's and store's names and the open cases live in other tables, so the
// caller fills OwnerName, StoreName and OpenCases.
func FactsOf(c *domain.Customer) Facts {
	return Facts{
		ID:            c.ID,
		Tags:          c.Tags,
		Class:         c.Stats.Class,
		Stage:         c.Stats.Stage,
		Source:        c.Source,
		DoNotContact:  c.Contact.DoNotContact,
		Gender:        c.Gender,
		ValueType:     c.ValueType,
		PurchaseCount: c.Stats.PurchaseCount,
		Spend365:      c.Stats.RFM.Monetary,
		Count365:      c.Stats.RFM.Frequency,
		TotalSpend:    c.Stats.TotalSpend,
		LastPurchase:  c.Stats.LastPurchase,
		LastContact:   c.Stats.LastContact,
		Created:       c.CreatedOn,
		KeyDates:      c.KeyDates,
		Completeness:  c.Stats.Completeness,
	}
}

// text returns the value a text or enumerated field compares.
func (f *Facts) text(id fieldID) string {
	switch id {
	case fClass:
		return string(f.Class)
	case fStage:
		return string(f.Stage)
	case fSource:
		return string(f.Source)
	case fOwner:
		return f.OwnerName
	case fStore:
		return f.StoreName
	case fGender:
		return string(f.Gender)
	case fValue:
		return string(f.ValueType)
	}
	return ""
}

// number returns the value a numeric field compares (money in minor units).
func (f *Facts) number(id fieldID) int64 {
	switch id {
	case fOpenCases:
		return int64(f.OpenCases)
	case fSpend365:
		return int64(f.Spend365)
	case fPurchases365:
		return int64(f.Count365)
	case fPurchases:
		return int64(f.PurchaseCount)
	case fTotalSpend:
		return int64(f.TotalSpend)
	case fCompleteness:
		return int64(f.Completeness)
	}
	return 0
}

// date returns the date a day-span field counts from.
func (f *Facts) date(id fieldID) domain.Date {
	switch id {
	case fLastPurchase:
		return f.LastPurchase
	case fLastContact:
		return f.LastContact
	case fCreated:
		return f.Created
	}
	return domain.Date{}
}

// flag returns a boolean field.
func (f *Facts) flag(id fieldID) bool {
	switch id {
	case fDNC:
		return f.DoNotContact
	case fHasOpenCase:
		return f.OpenCases > 0
	}
	return false
}
