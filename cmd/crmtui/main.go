// Command crmtui is the daily follow-up tool for retail salespeople: it
// answers whom to maintain, invite and serve today from a customer file in
// an embedded SQLite database. Without arguments it opens the app; the
// subcommands script the same store (see `crmtui help`).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/domain/agenda"
	"github.com/crmtui/crmtui/domain/i18n"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "0.1.0-dev"

func main() {
	a := &app{getenv: os.Getenv, stdout: os.Stdout, stderr: os.Stderr, now: time.Now, loc: time.Local}
	os.Exit(a.run(context.Background(), os.Args[1:]))
}

// app is one run of the command line, with its environment injected so that
// tests drive it without a process.
type app struct {
	getenv func(string) string
	stdout io.Writer
	stderr io.Writer
	now    func() time.Time
	loc    *time.Location
	cat    i18n.Catalog
}

// command is one subcommand.
type command struct {
	name  string // "customer add"
	usage string // catalog keys of the synopsis and description
	help  string
	run   func(a *app, ctx context.Context, args []string) error
}

func commands() []command {
	return []command{
		{"demo", "cli.usage.demo", "cli.help.demo", (*app).cmdDemo},
		{"today", "cli.usage.today", "cli.help.today", (*app).cmdToday},
		{"customer add", "cli.usage.customer_add", "cli.help.customer_add", (*app).cmdCustomerAdd},
		{"customer list", "cli.usage.customer_list", "cli.help.customer_list", (*app).cmdCustomerList},
		{"purchase add", "cli.usage.purchase_add", "cli.help.purchase_add", (*app).cmdPurchaseAdd},
		{"contact add", "cli.usage.contact_add", "cli.help.contact_add", (*app).cmdContactAdd},
		{"followup add", "cli.usage.followup_add", "cli.help.followup_add", (*app).cmdFollowUpAdd},
		{"item done", "cli.usage.item_done", "cli.help.item_done", (*app).cmdItemDone},
		{"item skip", "cli.usage.item_skip", "cli.help.item_skip", (*app).cmdItemSkip},
		{"item snooze", "cli.usage.item_snooze", "cli.help.item_snooze", (*app).cmdItemSnooze},
		{"item undo", "cli.usage.item_undo", "cli.help.item_undo", (*app).cmdItemUndo},
		{"event add", "cli.usage.event_add", "cli.help.event_add", (*app).cmdEventAdd},
		{"event list", "cli.usage.event_list", "cli.help.event_list", (*app).cmdEventList},
		{"event show", "cli.usage.event_show", "cli.help.event_show", (*app).cmdEventShow},
		{"group add", "cli.usage.group_add", "cli.help.group_add", (*app).cmdGroupAdd},
		{"group list", "cli.usage.group_list", "cli.help.group_list", (*app).cmdGroupList},
		{"group show", "cli.usage.group_show", "cli.help.group_show", (*app).cmdGroupShow},
		{"case add", "cli.usage.case_add", "cli.help.case_add", (*app).cmdCaseAdd},
		{"case list", "cli.usage.case_list", "cli.help.case_list", (*app).cmdCaseList},
		{"case step", "cli.usage.case_step", "cli.help.case_step", (*app).cmdCaseStep},
		{"case close", "cli.usage.case_close", "cli.help.case_close", (*app).cmdCaseClose},
		{"import customers", "cli.usage.import", "cli.help.import", (*app).cmdImportCustomers},
		{"import purchases", "cli.usage.import", "cli.help.import", (*app).cmdImportPurchases},
		{"import contacts", "cli.usage.import", "cli.help.import", (*app).cmdImportContacts},
		{"export customers", "cli.usage.export", "cli.help.export", (*app).cmdExportCustomers},
		{"export purchases", "cli.usage.export", "cli.help.export", (*app).cmdExportPurchases},
		{"export contacts", "cli.usage.export", "cli.help.export", (*app).cmdExportContacts},
		{"export records", "cli.usage.export", "cli.help.export", (*app).cmdExportRecords},
		{"export vcard", "cli.usage.export", "cli.help.export", (*app).cmdExportVCard},
		{"customer export", "cli.usage.customer_export", "cli.help.customer_export", (*app).cmdCustomerExport},
		{"customer delete", "cli.usage.customer_delete", "cli.help.customer_delete", (*app).cmdCustomerDelete},
		{"report", "cli.usage.report", "cli.help.report", (*app).cmdReport},
		{"backup", "cli.usage.backup", "cli.help.backup", (*app).cmdBackup},
		{"restore", "cli.usage.restore", "cli.help.restore", (*app).cmdRestore},
		{"config path", "cli.usage.config_path", "cli.help.config_path", (*app).cmdConfigPath},
		{"config show", "cli.usage.config_show", "cli.help.config_show", (*app).cmdConfigShow},
		{"version", "cli.usage.version", "cli.help.version", (*app).cmdVersion},
		// Hidden (no usage line): the writer the crash and concurrency tests run and kill.
		{"debug write-loop", "", "", (*app).cmdDebugWriteLoop},
		// Hidden: the agenda's reads as SQL and the customer filter alone, for scripts/bench-compare.sh.
		{"debug agenda-sql", "", "", (*app).cmdDebugAgendaSQL},
		{"debug filter", "", "", (*app).cmdDebugFilter},
	}
}

// run dispatches the command line and returns the exit code: 0 success,
// 1 runtime error, 2 bad usage (including invalid values, which name the field).
func (a *app) run(ctx context.Context, args []string) int {
	a.cat = i18n.New(i18n.Detect(langFlag(args), a.getenv))
	err := a.dispatch(ctx, args)
	if err == nil {
		return 0
	}
	if errors.Is(err, flag.ErrHelp) {
		a.usage(a.stdout)
		return 0
	}
	fmt.Fprintln(a.stderr, a.cat.T("cli.err.prefix", a.cat.Error(err)))
	if code := exitCode(err); code == 2 {
		fmt.Fprintln(a.stderr, a.cat.T("cli.err.see_help"))
		return 2
	}
	return 1
}

func exitCode(err error) int {
	var ue *usageError
	var ve *domain.ValidationError
	var fe *domain.FieldError
	var ce *configError
	var ae *agenda.ConfigError
	switch {
	case errors.As(err, &ue), errors.As(err, &ve), errors.As(err, &fe), errors.As(err, &ce), errors.As(err, &ae):
		return 2
	}
	return 1
}

func (a *app) dispatch(ctx context.Context, args []string) error {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		return a.cmdOpen(ctx, args)
	}
	if args[0] == "help" || args[0] == "--help" || args[0] == "-h" {
		a.usage(a.stdout)
		return nil
	}
	for _, c := range commands() {
		words := strings.Fields(c.name)
		if len(args) >= len(words) && strings.Join(args[:len(words)], " ") == c.name {
			return c.run(a, ctx, args[len(words):])
		}
	}
	// A known group with a missing or wrong subcommand.
	var subs []string
	for _, c := range commands() {
		if g, sub, ok := strings.Cut(c.name, " "); ok && g == args[0] {
			subs = append(subs, sub)
		}
	}
	if len(subs) > 0 {
		return usagef("%s", a.cat.T("cli.err.missing_subcommand", args[0], strings.Join(subs, "|")))
	}
	return usagef("%s", a.cat.T("cli.err.unknown_command", args[0]))
}

// usage prints every command with its description.
func (a *app) usage(w io.Writer) {
	fmt.Fprintln(w, a.cat.T("cli.usage.header"))
	fmt.Fprintln(w, a.cat.T("cli.usage.no_args"))
	fmt.Fprintln(w)
	fmt.Fprintln(w, a.cat.T("cli.usage.commands"))
	for _, c := range commands() {
		if c.usage == "" {
			continue
		}
		fmt.Fprintf(w, "  %s\n      %s\n", a.cat.T(c.usage), a.cat.T(c.help))
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, a.cat.T("cli.usage.global"))
	fmt.Fprintf(w, "  --db PATH       %s\n", a.cat.T("cli.flag.db", defaultDB(a.getenv)))
	fmt.Fprintf(w, "  --lang zh|en    %s\n", a.cat.T("cli.flag.lang"))
	fmt.Fprintf(w, "  --as NAME       %s\n", a.cat.T("cli.flag.as"))
	fmt.Fprintf(w, "  --all           %s\n", a.cat.T("cli.flag.all"))
	fmt.Fprintf(w, "  --config PATH   %s\n", a.cat.T("cli.flag.config", configPath(a.getenv)))
}

// langFlag finds --lang before flags are parsed, so that even a bad flag is
// reported in the chosen language.
func langFlag(args []string) string {
	for i, arg := range args {
		if v, ok := strings.CutPrefix(arg, "--lang="); ok {
			return v
		}
		if (arg == "--lang" || arg == "-lang") && i+1 < len(args) {
			return args[i+1]
		}
	}
	return ""
}
