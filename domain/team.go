package domain

// Store is a shop; one database may serve one store or a few.
type Store struct {
	ID      int64  `json:"id"`
	Name    string `json:"name"`
	Address string `json:"address,omitempty"`
	Phone   string `json:"phone,omitempty"`
}

// Validate checks the store.
func (s *Store) Validate() error {
	p := newProblems("store")
	checkText(p, "name", s.Name, MaxShortRunes, true)
	checkText(p, "address", s.Address, MaxShortRunes*2, false)
	if s.Phone != "" {
		if err := ValidatePhone(NormalizePhone(s.Phone)); err != nil {
			p.add("phone", CodeInvalid, s.Phone, err.Error())
		}
	}
	return p.err()
}

// Salesperson is a user of the app who owns customers (导购/销售).
type Salesperson struct {
	ID            int64  `json:"id"`
	StoreID       int64  `json:"store_id,omitempty"`
	Name          string `json:"name"`
	Phone         string `json:"phone,omitempty"`
	MonthlyTarget Money  `json:"monthly_target,omitempty"` // 业绩目标; 0 when not set
	Active        bool   `json:"active"`
}

// Validate checks the salesperson.
func (s *Salesperson) Validate() error {
	p := newProblems("salesperson")
	checkText(p, "name", s.Name, MaxNameRunes, true)
	if s.Phone != "" {
		if err := ValidatePhone(NormalizePhone(s.Phone)); err != nil {
			p.add("phone", CodeInvalid, s.Phone, err.Error())
		}
	}
	if s.MonthlyTarget < 0 {
		p.add("monthly_target", CodeOutOfRange, s.MonthlyTarget.String(), "0 or more")
	}
	return p.err()
}
