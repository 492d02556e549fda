package rules

import "context"

// FactsSource gives the facts of customers for evaluating rules: every
// customer, or one salesperson's (ownerID ≠ 0). db.Store implements it.
type FactsSource interface {
	RuleFacts(ctx context.Context, ownerID int64) ([]Facts, error)
}
