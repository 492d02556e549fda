package main

import (
	"context"
	"fmt"
	"os"
	"runtime/debug"

	tea "charm.land/bubbletea/v2"

	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/tui"
)

// appMemoryLimit is the terminal app's soft memory limit (GOMEMLIMIT
// overrides it): the garbage collector works harder near it, never fails.
// Why 92 MiB: see openApp.
const appMemoryLimit = 92 << 20

// exportDir is where the app's CSV exports go: the current folder, as for
// `crmtui export`, unless it cannot be written to (an app started from a
// Windows shortcut runs in System32), then the home folder. The status line
// shows the full path of every file written.
func exportDir() string {
	if f, err := os.CreateTemp(".", ".crmtui-write-check-*"); err == nil {
		f.Close()
		os.Remove(f.Name())
		return "."
	}
	if home, err := os.UserHomeDir(); err == nil {
		return home
	}
	return "."
}

// openApp runs the terminal app on the session's store; when stdout is not
// a terminal (a pipe, a script) it prints the agenda instead.
func (a *app) openApp(ctx context.Context, s *session, day domain.Date) error {
	if a.stdout != os.Stdout || !isTerminal(os.Stdout) || !isTerminal(os.Stdin) {
		return a.printAgenda(ctx, s, day, false)
	}
	opt := tui.Options{Store: s.store, Config: s.cfg.Config, Me: s.me, Scope: s.scope, Lang: a.cat.Lang(),
		Now: a.now, Loc: a.loc, Day: day, NoColor: a.getenv("NO_COLOR") != "",
		FirstFrameExit: a.getenv("CRMTUI_FIRST_FRAME_EXIT") == "1", // for timing the first frame from outside
		ExportDir:      exportDir()}
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
	if a.getenv("GOMEMLIMIT") == "" {
		// The app keeps every customer in memory for the filter (about
		// 50 MB live at 100,000 customers), and the garbage collector lets
		// the heap grow to twice what is live by default; a soft limit
		// makes it collect sooner instead. The limit counts all the Go
		// runtime's memory, so the heap's goal sits some 15 MB under it:
		// at 80 MiB the RFM of 100,000 customers (20 MB live for a moment)
		// took 40 collections and 1.1 s, at 100 MiB the idle app grew to
		// 140 MB; at 92 MiB it stays at 115-138 MB resident and RFM takes
		// about 10 collections and 0.6 s (README, Performance).
		debug.SetMemoryLimit(appMemoryLimit)
	}
	p := tea.NewProgram(tui.New(opt), tea.WithContext(ctx))
	if _, err := p.Run(); err != nil {
		return fmt.Errorf("terminal app: %w", err)
	}
	return nil
}
