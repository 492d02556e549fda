package main

import (
	"context"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/crmtui/crmtui/db"
	"github.com/crmtui/crmtui/db/demo"
	"github.com/crmtui/crmtui/domain"
)

// cmdDemo writes a demo store to its own file (never the user's database)
// and opens it: prints a summary with --no-tui, else the app (until the
// terminal app lands, the agenda).
func (a *app) cmdDemo(ctx context.Context, args []string) error {
	var g globals
	var today domain.Date
	var opt demo.Options
	var noTUI bool
	var seed int64
	fs := newFlags("demo")
	a.addGlobals(fs, &g)
	fs.IntVar(&opt.Customers, "customers", 120, "")
	fs.Int64Var(&seed, "seed", 1, "")
	fs.Var(dateFlag{&today}, "today", "")
	fs.BoolVar(&noTUI, "no-tui", false, "")
	fs.Float64Var(&opt.PurchasesPerCustomer, "purchases-per-customer", 10, "")
	fs.Float64Var(&opt.ContactsPerCustomer, "contacts-per-customer", 20, "")
	if err := a.noPositionals(fs, args); err != nil {
		return err
	}
	if err := a.checkLang(g); err != nil {
		return err
	}
	if opt.Customers < demo.MinCustomers || opt.Customers > 2_000_000 {
		return usagef("--customers: %s", a.cat.T("cli.err.bad_choice", fmt.Sprint(opt.Customers), fmt.Sprintf("%d … 2000000", demo.MinCustomers)))
	}
	if seed < 1 {
		return usagef("--seed: %s", a.cat.T("cli.err.bad_number", fmt.Sprint(seed)))
	}
	opt.Seed = uint64(seed)
	if opt.PurchasesPerCustomer <= 0 || opt.PurchasesPerCustomer > 200 || opt.ContactsPerCustomer < 0 || opt.ContactsPerCustomer > 500 {
		return usagef("--purchases-per-customer / --contacts-per-customer: %s", a.cat.T("cli.err.bad_choice", "", "0 … 200 / 0 … 500"))
	}
	if !today.IsZero() {
		// The demo's clock runs on the chosen day at the current time of day.
		a.now = func() time.Time {
			t := time.Now().In(a.loc)
			return today.Time(a.loc).Add(time.Duration(t.Hour())*time.Hour + time.Duration(t.Minute())*time.Minute)
		}
	} else {
		today = domain.DateOf(a.now().In(a.loc))
	}
	path := g.db
	if path == "" {
		path = demoDB(a.getenv)
	}
	if err := a.writeDemo(ctx, path, today, opt); err != nil {
		return err
	}
	s, err := a.open(ctx, g, path)
	if err != nil {
		return err
	}
	defer s.Close()
	if noTUI {
		return a.printSummary(ctx, s, path, today)
	}
	return a.openApp(ctx, s, today)
}

// writeDemo generates into a fresh file beside path and renames it into
// place, so an interrupted run never leaves half a demo; it refuses to
// replace a database that holds someone's real customers.
func (a *app) writeDemo(ctx context.Context, path string, today domain.Date, opt demo.Options) error {
	if fileExists(path) {
		if err := a.checkReplaceable(ctx, path); err != nil {
			return err
		}
	}
	tmp := fmt.Sprintf("%s.tmp-%d", path, os.Getpid())
	removeDB(tmp)
	start := today.Time(a.loc).Add(9 * time.Hour) // generated on the day at 09:00: same seed, same data
	st, err := db.Open(ctx, tmp, db.Options{Now: func() time.Time { return start }, Loc: a.loc})
	if err != nil {
		return fmt.Errorf("%s", a.cat.T("cli.err.open_db", tmp, err))
	}
	fmt.Fprintln(a.stderr, a.cat.T("cli.generating_demo", opt.Customers))
	if isTerminal(os.Stderr) {
		opt.Progress = func(done, total int) {
			fmt.Fprintf(a.stderr, "\r%s", progressBar(done, total, 30))
			if done == total {
				fmt.Fprintln(a.stderr)
			}
		}
	}
	began := time.Now()
	genErr := demo.Generate(ctx, st, opt)
	closeErr := st.Close()
	if genErr != nil || closeErr != nil {
		removeDB(tmp)
		if genErr != nil {
			return genErr
		}
		return closeErr
	}
	removeDB(path)
	if err := os.Rename(tmp, path); err != nil {
		removeDB(tmp)
		return err
	}
	info, _ := os.Stat(path)
	size := int64(0)
	if info != nil {
		size = info.Size()
	}
	fmt.Fprintln(a.stderr, a.cat.T("cli.demo_built", time.Since(began).Round(time.Millisecond).String(), float64(size)/(1<<20)))
	return nil
}

// checkReplaceable allows replacing an empty database or an earlier demo only.
func (a *app) checkReplaceable(ctx context.Context, path string) error {
	st, err := db.Open(ctx, path, db.Options{Now: a.now, Loc: a.loc})
	if err != nil {
		return fmt.Errorf("%s", a.cat.T("cli.err.open_db", path, err))
	}
	defer st.Close()
	isDemo, err := st.IsDemo(ctx)
	if err != nil {
		return err
	}
	n, err := st.Counts(ctx)
	if err != nil {
		return err
	}
	if !isDemo && n.Customers > 0 {
		return fmt.Errorf("%s", a.cat.T("cli.err.not_demo", path, n.Customers))
	}
	return nil
}

// removeDB deletes a database file with its WAL and shared-memory files.
func removeDB(path string) {
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		os.Remove(path + suffix)
	}
}

func isTerminal(f *os.File) bool {
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// progressBar renders [#####.....] 42% as plain text.
func progressBar(done, total, width int) string {
	if total <= 0 {
		total = 1
	}
	n := done * width / total
	return fmt.Sprintf("[%s%s] %3d%% %d/%d", strings.Repeat("#", n), strings.Repeat(".", width-n), done*100/total, done, total)
}

// printSummary prints one screen about the demo store.
func (a *app) printSummary(ctx context.Context, s *session, path string, today domain.Date) error {
	n, err := s.store.Counts(ctx)
	if err != nil {
		return err
	}
	ag, err := a.buildAgenda(ctx, s, today)
	if err != nil {
		return err
	}
	fmt.Fprintln(a.stdout, a.cat.T("cli.wrote_demo", path))
	sales, _ := s.store.Salespeople(ctx)
	names := make([]string, len(sales))
	for i, sp := range sales {
		names[i] = sp.Name
	}
	line := func(key string, v int) { fmt.Fprintln(a.stdout, "  "+a.cat.T("cli.summary.line", a.cat.T(key), v)) }
	line("cli.summary.salespeople", n.Salespeople)
	fmt.Fprintln(a.stdout, "    "+strings.Join(names, "、"))
	line("cli.summary.customers", n.Customers)
	line("cli.summary.purchases", n.Purchases)
	line("cli.summary.contacts", n.Contacts)
	line("cli.summary.events", n.Events)
	line("cli.summary.invitations", n.Invitations)
	line("cli.summary.open_cases", n.OpenCases)
	who := ""
	if s.me != nil {
		who = s.me.Name
	}
	fmt.Fprintln(a.stdout)
	fmt.Fprintln(a.stdout, a.cat.T("cli.demo_agenda", today.String(), who, len(ag.Maintain), len(ag.Invite), len(ag.Serve)))
	fmt.Fprintln(a.stdout, a.cat.T("cli.demo_next", path, today.String()))
	return nil
}
