package insights

import "github.com/crmtui/crmtui/domain"

// Amount is money in reports: JSON writes it as a decimal number in the
// currency's units (1299.5 yuan → 1299.50), the form spreadsheets and
// scripts expect, where domain.Money would write cents.
type Amount domain.Money

// MarshalJSON writes the amount with two decimals as a JSON number.
func (a Amount) MarshalJSON() ([]byte, error) { return []byte(domain.Money(a).String()), nil }

// String is the amount with two decimals.
func (a Amount) String() string { return domain.Money(a).String() }
