package insights

import "testing"

func abcRows(spend ...Amount) []RFMRow {
	rows := make([]RFMRow, len(spend))
	for i, s := range spend {
		rows[i] = RFMRow{CustomerID: int64(i + 1), Monetary: s}
	}
	return rows
}

func TestAssignABC(t *testing.T) {
	cases := []struct {
		name  string
		spend []Amount
		want  string
	}{
		// 1000 of 1250 is 80 %: the first customer alone makes A.
		{"OneBigCustomer", []Amount{1000, 100, 100, 50}, "ABBC"},
		// The customer who crosses 80 % is A: 700 < 800 before the second.
		{"CrossingCustomerIsA", []Amount{700, 200, 60, 40}, "AABC"},
		{"NothingSpent", []Amount{0, 0}, "CC"},
		{"NegativeAfterReturnsIsC", []Amount{500, -100}, "AC"},
		// Equal spend, equal class: the two 300s straddle 80 % but stay A.
		{"TieAtTheBoundary", []Amount{400, 300, 300}, "AAA"},
		{"Empty", nil, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rows := abcRows(tc.spend...)
			sum := assignABC(rows)
			got := ""
			for _, r := range rows {
				got += string(r.ABC)
			}
			if got != tc.want {
				t.Errorf("classes %q, want %q", got, tc.want)
			}
			n := 0
			for _, c := range sum.Count {
				n += c
			}
			if n != len(rows) {
				t.Errorf("summary counts %d customers of %d", n, len(rows))
			}
		})
	}
}

func TestAssignABC_SummaryShares(t *testing.T) {
	rows := abcRows(1000, 100, 100, 50, 0)
	s := assignABC(rows)
	if s.Revenue != 1250 || s.Spend[ClassA] != 1000 || s.Spend[ClassB] != 200 || s.Spend[ClassC] != 50 ||
		s.Count[ClassA] != 1 || s.Count[ClassB] != 2 || s.Count[ClassC] != 2 {
		t.Errorf("summary %+v", s)
	}
}
