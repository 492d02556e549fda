package insights

import (
	"context"
	"slices"
	"time"

	"github.com/crmtui/crmtui/domain"
)

// EventFunnel is one event with its funnel: targeted → invited → confirmed
// → attended → bought.
type EventFunnel struct {
	Event  domain.Event  `json:"event"`
	Funnel domain.Funnel `json:"funnel"`
}

// FunnelsSinceDays: events that started within this many days before the
// as-of day, or start later, are shown.
const FunnelsSinceDays = 365

// FunnelReport lists the events of the last FunnelsSinceDays days and the
// upcoming ones, newest first, each with its funnel.
func FunnelReport(ctx context.Context, src Source, asOf domain.Date, loc *time.Location) ([]EventFunnel, error) {
	events, err := src.Events(ctx)
	if err != nil {
		return nil, err
	}
	since := asOf.AddDays(-FunnelsSinceDays)
	var out []EventFunnel
	for _, e := range events {
		if domain.DateOf(e.StartsAt.In(loc)).Before(since) {
			continue
		}
		f, err := src.EventFunnel(ctx, e.ID)
		if err != nil {
			return nil, err
		}
		out = append(out, EventFunnel{Event: e, Funnel: f})
	}
	slices.SortStableFunc(out, func(a, b EventFunnel) int { return b.Event.StartsAt.Compare(a.Event.StartsAt) })
	return out, nil
}
