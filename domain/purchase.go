package domain

import (
	"strconv"
	"strings"
	"time"
)

// SaleChannel says whether a purchase was made in the store or online.
type SaleChannel string

// Sale channels.
const (
	SaleOffline SaleChannel = "offline"
	SaleOnline  SaleChannel = "online"
)

// Valid reports whether c is offline or online.
func (c SaleChannel) Valid() bool { return c == SaleOffline || c == SaleOnline }

// LineItem is one product line of a purchase.
type LineItem struct {
	Product  string `json:"product"`
	SKU      string `json:"sku,omitempty"`
	Category string `json:"category,omitempty"`
	Quantity int    `json:"quantity"`
	Amount   Money  `json:"amount"` // the line's total, not the unit price
}

// Validate checks one line.
func (l LineItem) Validate() error {
	p := newProblems("line_item")
	checkText(p, "product", l.Product, MaxShortRunes*2, true)
	checkText(p, "sku", l.SKU, MaxShortRunes, false)
	checkText(p, "category", l.Category, MaxShortRunes, false)
	if l.Quantity == 0 {
		p.add("quantity", CodeOutOfRange, "0", "a line needs a quantity other than zero")
	}
	return p.err()
}

// Purchase is one sale (消费记录) — or, with a negative amount, a return
// against the customer (IsReturn).
type Purchase struct {
	ID         int64       `json:"id"`
	ExternalID string      `json:"external_id,omitempty"` // invoice or order number
	CustomerID int64       `json:"customer_id"`
	At         time.Time   `json:"at"` // UTC
	On         Date        `json:"on"` // local calendar day of At
	Amount     Money       `json:"amount"`
	Channel    SaleChannel `json:"channel"`
	StoreID    int64       `json:"store_id,omitempty"`
	SalesID    int64       `json:"salesperson_id,omitempty"`
	EventID    int64       `json:"event_id,omitempty"`   // set when bought at an event (promotion vs daily sales)
	UsageDays  int         `json:"usage_days,omitempty"` // how long it lasts: drives replenishment
	IsReturn   bool        `json:"is_return,omitempty"`
	Note       string      `json:"note,omitempty"`
	Items      []LineItem  `json:"items,omitempty"`
}

// RunsOutOn returns the day the purchase is expected to be used up, or the zero date.
func (p *Purchase) RunsOutOn() Date {
	if p.UsageDays <= 0 || p.IsReturn {
		return Date{}
	}
	return p.On.AddDays(p.UsageDays)
}

// MaxUsageDays bounds expected usage to ten years: longer is a typo.
const MaxUsageDays = 3650

// Validate checks the purchase and its lines. A sale has a positive amount,
// a return a negative one; lines, when present, must add up to the amount.
func (p *Purchase) Validate() error {
	pr := newProblems("purchase")
	if p.CustomerID <= 0 {
		pr.add("customer_id", CodeRequired, "", "")
	}
	if p.At.IsZero() && p.On.IsZero() {
		pr.add("date", CodeRequired, "", "")
	}
	if p.IsReturn && p.Amount > 0 {
		pr.add("amount", CodeConflict, p.Amount.String(), "a return has a negative amount")
	}
	if !p.IsReturn && p.Amount < 0 {
		pr.add("amount", CodeOutOfRange, p.Amount.String(), "a sale has an amount of zero or more; record returns as returns")
	}
	if p.Amount > 1_000_000_000_00 || p.Amount < -1_000_000_000_00 {
		pr.add("amount", CodeOutOfRange, p.Amount.String(), "more than a billion")
	}
	if p.Channel != "" && !p.Channel.Valid() {
		pr.add("channel", CodeUnknown, string(p.Channel), "offline or online")
	}
	if p.UsageDays < 0 || p.UsageDays > MaxUsageDays {
		pr.add("usage_days", CodeOutOfRange, strconv.Itoa(p.UsageDays), "0 to 3650 days")
	}
	if p.EventID < 0 || p.StoreID < 0 || p.SalesID < 0 {
		pr.add("id", CodeInvalid, "", "ids are positive")
	}
	checkText(pr, "external_id", p.ExternalID, MaxShortRunes, false)
	checkText(pr, "note", p.Note, MaxNoteRunes, false)
	var sum Money
	for i, l := range p.Items {
		pr.merge(indexed("items", i)+".", l.Validate())
		sum += l.Amount
	}
	if len(p.Items) > 0 && sum != p.Amount {
		pr.add("items", CodeConflict, sum.String(), "the lines add up to "+sum.String()+", not "+p.Amount.String())
	}
	return pr.err()
}

// ParseLineItem reads the command line's NAME:QTY:AMOUNT ("羊毛围巾:1:299.00").
// The name may itself contain colons; the last two fields are the numbers.
func ParseLineItem(s string) (LineItem, error) {
	parts := strings.Split(s, ":")
	if len(parts) < 3 {
		return LineItem{}, errText("an item is NAME:QTY:AMOUNT, e.g. 围巾:1:299.00")
	}
	n := len(parts)
	qty, err := strconv.Atoi(strings.TrimSpace(parts[n-2]))
	if err != nil {
		return LineItem{}, errText("the quantity " + strconv.Quote(parts[n-2]) + " is not a whole number")
	}
	amt, err := ParseMoney(parts[n-1])
	if err != nil {
		return LineItem{}, err
	}
	return LineItem{Product: strings.TrimSpace(strings.Join(parts[:n-2], ":")), Quantity: qty, Amount: amt}, nil
}
