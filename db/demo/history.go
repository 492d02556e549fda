package demo

import (
	"math/rand/v2"
	"time"
)

// agendaHistory writes the last 30 days of each salesperson's agenda sizes
// and progress, which a real store collects one day at a time as the app
// is opened (agenda_days), so that the demo's own-work report shows a
// completion line from the start. Roughly one day in seven is a day off:
// no agenda was opened. It draws from its own random stream so that the
// customers, purchases and contacts of a seed stay what they were before
// the history was added (the TUI goldens are drawn from them).
func (g *gen) agendaHistory() error {
	r := rand.New(rand.NewPCG(g.opt.Seed^0x5bd1e995, g.opt.Seed+0x27d4eb2f))
	for _, sp := range g.sales {
		for back := 30; back >= 1; back-- {
			if r.IntN(7) == 0 {
				continue
			}
			items := 12 + r.IntN(24)
			done := items * (50 + r.IntN(51)) / 100
			day := g.today.AddDays(-back)
			_, err := g.b.Exec(`INSERT INTO agenda_days (day, salesperson_id, items, done, updated_at) VALUES (?, ?, ?, ?, ?)`,
				day.String(), sp.ID, items, done, day.Time(g.loc).Add(20*time.Hour).UTC().Format(time.RFC3339Nano))
			if err != nil {
				return err
			}
		}
	}
	return nil
}
