// Package insights turns the customer file into the figures of SPEC §5:
// RFM and ABC per customer, class and stage distributions, retention,
// event funnels, complaint analysis and the salesperson's own work. It is
// pure Go: a store hands it rows (Source), it computes and returns plain
// reports that the app draws, the CLI prints and both export as CSV.
//
// Every report is computed "as of" a day, so that a past day can be looked
// at again and a test can recompute a figure from raw data.
package insights
