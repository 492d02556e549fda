package main

import (
	"context"
	"fmt"
	"os"

	tea "charm.land/bubbletea/v2"

	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/tui"
)

// openApp runs the terminal app on the session's store; when stdout is not
// a terminal (a pipe, a script) it prints the agenda instead.
func (a *app) openApp(ctx context.Context, s *session, day domain.Date) error {
	if a.stdout != os.Stdout || !isTerminal(os.Stdout) || !isTerminal(os.Stdin) {
		return a.printAgenda(ctx, s, day, false)
	}
	opt := tui.Options{Store: s.store, Config: s.cfg.Config, Me: s.me, Scope: s.scope, Lang: a.cat.Lang(),
		Now: a.now, Loc: a.loc, Day: day, NoColor: a.getenv("NO_COLOR") != ""}
	if user, err := s.store.Templates(ctx); err == nil {
		opt.Templates = user
	}
	if shops, err := s.store.Stores(ctx); err == nil && len(shops) > 0 {
		opt.Shop = shops[0]
		for _, sh := range shops {
			if s.me != nil && sh.ID == s.me.StoreID {
				opt.Shop = sh
			}
		}
	}
	p := tea.NewProgram(tui.New(opt), tea.WithContext(ctx))
	if _, err := p.Run(); err != nil {
		return fmt.Errorf("terminal app: %w", err)
	}
	return nil
}
