package imports

import (
	"errors"
	"regexp"
	"strconv"
	"strings"

	"github.com/crmtui/crmtui/domain"
)

// Row is one row of the file as read: its number as a spreadsheet shows it
// (the header is usually row 1) and its cells, kept for --skip-bad.
type Row struct {
	Num   int
	Cells []string
}

// Problem is why a row cannot be imported: the row and column as the user
// sees them, the value, and why — a domain FieldError the catalog words.
type Problem struct {
	Row    int
	Column string // the column's header; "" when the problem is the row as a whole
	Value  string
	Err    *domain.FieldError
	// Sibling is set when this row is fine but another row of the same
	// invoice (that row's number) is not: a purchase is imported whole or not at all.
	Sibling int
}

// Record is what one or more rows become: a customer, a purchase (one
// invoice, possibly many rows) or a contact — or the problems that keep it out.
type Record struct {
	Kind Kind
	Rows []Row
	// Customer is the customer of a customers file; in a purchases or
	// contacts file it is whose row it is: matched by external id, then
	// phone, then name, else created from it.
	Customer *domain.Customer
	Purchase *domain.Purchase
	Contact  *domain.Contact
	Problems []Problem
	// Referrer is who referred a customer, as the file names them (their
	// external id, phone or name): the store finds them once every row is in.
	Referrer string

	m *Mapping
}

// OK reports whether the record has no problems.
func (r *Record) OK() bool { return len(r.Problems) == 0 }

// Problem turns an error the store found while writing the record (a
// FieldError: several customers with that name, a number already used by
// another customer) into a problem on the record's first row, naming the
// column behind the field.
func (r *Record) Problem(err error) (Problem, bool) {
	var fe *domain.FieldError
	if !errors.As(err, &fe) {
		var ve *domain.ValidationError
		if !errors.As(err, &ve) || len(ve.Problems) == 0 {
			return Problem{}, false
		}
		fe = ve.Problems[0]
	}
	p := Problem{Err: fe, Value: fe.Value}
	if len(r.Rows) > 0 {
		p.Row = r.Rows[0].Num
	}
	if r.m != nil {
		f, _ := fieldOf(fe.Entity, fe.Field)
		p.Column = r.m.Header(f)
	}
	return p, true
}

// fieldPath is how a field is named in messages: the entity and the
// domain's field path, so that the catalog finds its words.
func fieldPath(k Kind, f Field) (entity, path string) {
	switch f {
	case CustomerID:
		return "customer", "external_id"
	case Name, Remark, Salutation, WeChat, Gender, Source, Description:
		return "customer", string(f)
	case Phone:
		return "customer", "phones"
	case Birthday, LunarBirth, Lunar:
		return "customer", "birthday"
	case Tags:
		return "customer", "tags"
	case Country:
		return "customer", "country"
	case Needs:
		return "customer", "direct_needs"
	case Potential, RecentFocus, ValueType:
		return "customer", string(f)
	case Sizes, Colors, Brands, Categories:
		return "customer", "preferences"
	case Preferences:
		return "customer", "preferences.other"
	case Preferred:
		return "customer", "contact.preferred"
	case AvoidHours:
		return "customer", "contact.avoid_hours"
	case ManMoney, ManAuthority, ManNeed:
		return "customer", "man"
	case Anniversary:
		return "customer", "key_dates"
	case Created:
		return "customer", "created_on"
	case Referrer:
		return "customer", "referrer_id"
	case ItemAmount:
		return "purchase", "items.amount"
	case DoNotContact:
		return "customer", "do_not_contact"
	case Invoice:
		return "purchase", "external_id"
	case Amount, UsageDays:
		return "purchase", string(f)
	case UnitPrice:
		return "purchase", "unit_price"
	case Return:
		return "purchase", "is_return"
	case Product, SKU, Category, Quantity:
		return "purchase", "items." + string(f)
	case Purpose, Outcome:
		return "contact", string(f)
	case Next:
		return "contact", "next_on"
	case Date, Time, Channel, Note:
		if k == Contacts {
			return "contact", fieldDate(f)
		}
		return "purchase", fieldDate(f)
	}
	return string(k), string(f)
}

func fieldDate(f Field) string {
	if f == Time {
		return "date"
	}
	return string(f)
}

var indexRe = regexp.MustCompile(`\[(\d+)\]`)

// fieldOf maps a domain field path back to the import field (and the line
// index for a purchase's items[i]), so that a validation problem names the
// column and row it came from.
func fieldOf(entity, path string) (Field, int) {
	line := -1
	if m := indexRe.FindStringSubmatch(path); m != nil && strings.HasPrefix(path, "items[") {
		line, _ = strconv.Atoi(m[1])
	}
	p := indexRe.ReplaceAllString(path, "")
	switch entity {
	case "customer":
		switch {
		case p == "external_id":
			return CustomerID, -1
		case p == "phones":
			return Phone, -1
		case p == "birthday", strings.HasPrefix(p, "key_dates"):
			return Birthday, -1
		case p == "contact.preferred":
			return Preferred, -1
		case p == "contact.avoid_hours":
			return AvoidHours, -1
		case p == "preferences.other":
			return Preferences, -1
		case p == "preferences":
			return Sizes, -1
		case p == "man":
			return ManMoney, -1
		case p == "potential_needs", p == "recent_focus", p == "value_type":
			return Field(p), -1
		case p == "tags":
			return Tags, -1
		case p == "direct_needs":
			return Needs, -1
		case strings.HasPrefix(p, "contact."):
			return DoNotContact, -1
		case p == "name", p == "remark", p == "salutation", p == "wechat", p == "gender", p == "source", p == "description":
			return Field(p), -1
		}
	case "purchase":
		switch p {
		case "external_id":
			return Invoice, -1
		case "date":
			return Date, -1
		case "amount", "items":
			return Amount, -1
		case "items.product":
			return Product, line
		case "items.quantity":
			return Quantity, line
		case "items.amount":
			return ItemAmount, line
		case "items.sku":
			return SKU, line
		case "items.category":
			return Category, line
		case "usage_days", "channel", "note":
			return Field(p), -1
		}
	case "contact":
		switch p {
		case "date":
			return Date, -1
		case "next_on":
			return Next, -1
		case "channel", "purpose", "outcome", "note":
			return Field(p), -1
		}
	}
	return "", -1
}
