package insights

import (
	"cmp"
	"slices"
)

// ABC is a customer's revenue class (80/20 analysis).
type ABC string

// The ABC classes.
const (
	ClassA ABC = "A"
	ClassB ABC = "B"
	ClassC ABC = "C"
)

// The revenue shares that close A and B: the customers who make up the
// first 80 % of the window's revenue are A, the next 15 % B, the rest C.
const (
	shareA = 0.80
	shareB = 0.95
)

// ABCSummary counts customers and revenue per ABC class.
type ABCSummary struct {
	Revenue Amount         `json:"revenue"` // the window's net revenue of customers who spent more than 0
	Count   map[ABC]int    `json:"count"`
	Spend   map[ABC]Amount `json:"spend"`
}

// assignABC sets each row's ABC class and sums them up.
//
// Customers are ranked by spend in the window, most first. A customer is A
// when the revenue of everyone ranked above them is still under 80 % of the
// total (so the customer who crosses 80 % is A), B under 95 %, else C.
// Customers with the same spend get the class of the first of them, so a
// tie never splits across a boundary by id. Customers who spent nothing in
// the window, or net less than nothing after returns, are C.
func assignABC(rows []RFMRow) ABCSummary {
	sum := ABCSummary{Count: map[ABC]int{}, Spend: map[ABC]Amount{}}
	idx := make([]int, 0, len(rows))
	for i, r := range rows {
		rows[i].ABC = ClassC
		if r.Monetary > 0 {
			idx = append(idx, i)
			sum.Revenue += r.Monetary
		}
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		return cmp.Or(cmp.Compare(rows[b].Monetary, rows[a].Monetary), cmp.Compare(rows[a].CustomerID, rows[b].CustomerID))
	})
	total := float64(sum.Revenue)
	var before Amount
	for n, i := range idx {
		switch {
		case n > 0 && rows[i].Monetary == rows[idx[n-1]].Monetary:
			rows[i].ABC = rows[idx[n-1]].ABC
		case float64(before) < shareA*total:
			rows[i].ABC = ClassA
		case float64(before) < shareB*total:
			rows[i].ABC = ClassB
		}
		before += rows[i].Monetary
	}
	for _, r := range rows {
		sum.Count[r.ABC]++
		if r.Monetary > 0 {
			sum.Spend[r.ABC] += r.Monetary
		}
	}
	return sum
}
