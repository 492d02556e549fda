package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/crmtui/crmtui/db"
	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/domain/agenda"
	"github.com/crmtui/crmtui/domain/i18n"
)

// globals are the flags every command takes.
type globals struct {
	db     string
	lang   string
	as     string
	all    bool
	config string

	noAutoBackup bool      // not a flag: commands that make their own copy (backup) skip the daily one
	traceSQL     io.Writer // not a flag: debug agenda-sql receives the store's statements (db.Options.TraceSQL)
}

func (a *app) addGlobals(fs *flag.FlagSet, g *globals) {
	fs.StringVar(&g.db, "db", "", "")
	fs.StringVar(&g.lang, "lang", "", "")
	fs.StringVar(&g.as, "as", "", "")
	fs.BoolVar(&g.all, "all", false, "")
	fs.StringVar(&g.config, "config", "", "")
}

// session is an open store with the config and the salesperson acted as.
type session struct {
	store *db.Store
	cfg   Config
	me    *domain.Salesperson // nil when the store has no salespeople yet
	scope agenda.Scope
	auto  *autoBackup // the day's automatic backup, running beside the command (cmd_backup.go)
}

func (s *session) Close() {
	s.auto.stop()
	s.store.Close()
}

// segments brings the classes and RFM scores up to date for day before a
// command shows them: daily for today, within a week for another day (see
// db.Store.EnsureSegments), so that `today --date D` does not depend on
// when it is asked and paging through days never rescores the store.
func (s *session) segments(ctx context.Context, day domain.Date) error {
	tolerance := 7
	if day == s.store.Today() {
		tolerance = 0
	}
	return s.store.EnsureSegments(ctx, day, tolerance)
}

// checkLang validates --lang (langFlag already applied it to the catalog).
func (a *app) checkLang(g globals) error {
	if g.lang == "" {
		return nil
	}
	if _, err := i18n.ParseLang(g.lang); err != nil {
		return usagef("%s", a.cat.T("cli.err.bad_lang", g.lang))
	}
	return nil
}

// open loads the config, opens the database (creating it on first use),
// brings the daily segmentation up to date and resolves "me".
func (a *app) open(ctx context.Context, g globals, path string) (*session, error) {
	if err := a.checkLang(g); err != nil {
		return nil, err
	}
	cfgPath := g.config
	if cfgPath == "" {
		cfgPath = configPath(a.getenv)
	}
	cfg, err := loadConfig(cfgPath)
	if err != nil {
		return nil, err
	}
	if g.lang == "" && cfg.Lang != "" && a.getenv("LC_ALL") == "" && a.getenv("LC_MESSAGES") == "" && a.getenv("LANG") == "" {
		a.cat = i18n.New(i18n.Lang(cfg.Lang))
	}
	if path == "" {
		path = g.db
	}
	if path == "" {
		path = defaultDB(a.getenv)
	}
	seg := cfg.Segment
	st, err := db.Open(ctx, path, db.Options{Now: a.now, Loc: a.loc, Segment: &seg, TraceSQL: g.traceSQL})
	if err != nil {
		return nil, fmt.Errorf("%s", a.cat.T("cli.err.open_db", path, err))
	}
	s := &session{store: st, cfg: cfg}
	// Holiday target groups may name a saved group: use its rule.
	for i, tg := range s.cfg.Holidays.Groups {
		if tg.Group == "" {
			continue
		}
		grp, err := st.GroupByName(ctx, tg.Group)
		if err != nil {
			st.Close()
			return nil, &configError{path: cfgPath, err: &agenda.ConfigError{Key: fmt.Sprintf("holidays.groups[%d].group", i), Detail: err.Error()}}
		}
		s.cfg.Holidays.Groups[i].Rule = grp.Rule
	}
	name := g.as
	if name == "" {
		name = cfg.Me
	}
	if s.me, err = a.resolveMe(ctx, st, name, g.as != ""); err != nil {
		st.Close()
		return nil, err
	}
	s.scope = agenda.Scope{All: g.all || s.me == nil}
	if s.me != nil {
		s.scope.SalesID = s.me.ID
	}
	s.auto = a.startAutoBackup(ctx, s, g)
	return s, nil
}

// resolveMe finds the salesperson the app acts as: the named one, else the
// only or first one; nil when the store has none (then everything is "mine").
func (a *app) resolveMe(ctx context.Context, st *db.Store, name string, fromFlag bool) (*domain.Salesperson, error) {
	all, err := st.Salespeople(ctx)
	if err != nil {
		return nil, err
	}
	if name == "" {
		if len(all) == 0 {
			return nil, nil
		}
		return &all[0], nil
	}
	for i := range all {
		if all[i].Name == strings.TrimSpace(name) {
			return &all[i], nil
		}
	}
	names := make([]string, len(all))
	for i, sp := range all {
		names[i] = sp.Name
	}
	where := "me (config)"
	if fromFlag {
		where = "--as"
	}
	return nil, usagef("%s", a.cat.T("cli.err.no_salesperson", where, name, strings.Join(names, ", ")))
}

// fileExists reports whether path exists.
func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil || !errors.Is(err, os.ErrNotExist)
}
