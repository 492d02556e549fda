package demo

import "time"

// agendaHistory writes the last 30 days of each salesperson's agenda sizes
// and progress, which a real store collects one day at a time as the app
// is opened (agenda_days), so that the demo's own-work report shows a
// completion line from the start. Roughly one day in seven is a day off:
// no agenda was opened.
func (g *gen) agendaHistory() error {
	for _, sp := range g.sales {
		for back := 30; back >= 1; back-- {
			if g.r.IntN(7) == 0 {
				continue
			}
			items := 12 + g.r.IntN(24)
			done := items * (50 + g.r.IntN(51)) / 100
			day := g.today.AddDays(-back)
			_, err := g.b.Exec(`INSERT INTO agenda_days (day, salesperson_id, items, done, updated_at) VALUES (?, ?, ?, ?, ?)`,
				day.String(), sp.ID, items, done, g.at(day).UTC().Format(time.RFC3339Nano))
			if err != nil {
				return err
			}
		}
	}
	return nil
}
