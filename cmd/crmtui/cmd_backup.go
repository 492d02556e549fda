package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/crmtui/crmtui/db"
	"github.com/crmtui/crmtui/domain/i18n"
)

// cmdBackup writes a consistent copy of the database (VACUUM INTO: safe
// while the app or another command is writing) and checks it.
func (a *app) cmdBackup(ctx context.Context, args []string) error {
	var g globals
	var to string
	fs := newFlags("backup")
	a.addGlobals(fs, &g)
	fs.StringVar(&to, "to", "", "")
	if err := a.noPositionals(fs, args); err != nil {
		return err
	}
	if to != "" && fileExists(to) && !isDir(to) {
		return usagef("%s", a.cat.T("backup.err.exists", to))
	}
	g.noAutoBackup = true // this is the backup
	s, err := a.open(ctx, g, "")
	if err != nil {
		return err
	}
	defer s.Close()
	path := s.store.Path()
	name := db.BackupName(path, a.now().In(a.loc))
	dst := to
	if dst == "" || isDir(dst) {
		if dst == "" {
			dst = db.BackupDir(path)
		}
		dst = filepath.Join(dst, name)
		ext := filepath.Ext(dst)
		stem := strings.TrimSuffix(dst, ext)
		for n := 2; fileExists(dst); n++ {
			dst = fmt.Sprintf("%s-%d%s", stem, n, ext)
		}
	}
	if err := s.store.Backup(ctx, dst); err != nil {
		return fmt.Errorf("%s", a.cat.T("backup.err.failed", err))
	}
	fc, err := db.QuickCheckFile(ctx, dst)
	if err == nil && fc.Integrity != "ok" {
		err = &db.IntegrityError{Path: dst, Result: fc.Integrity}
	}
	if err != nil {
		return fmt.Errorf("%s", a.cat.T("backup.err.check", dst, err))
	}
	fmt.Fprintln(a.stdout, a.cat.T("backup.done", dst, megabytes(dst), fc.Customers))
	return nil
}

// cmdRestore replaces the database with a backup, after checking the
// backup; the replaced file is kept beside it.
func (a *app) cmdRestore(ctx context.Context, args []string) error {
	var g globals
	fs := newFlags("restore")
	a.addGlobals(fs, &g)
	pos, err := parseFlags(a.cat, fs, args)
	if err != nil {
		return err
	}
	if err := a.checkLang(g); err != nil {
		return err
	}
	switch {
	case len(pos) == 0:
		return usagef("%s", a.cat.T("restore.err.no_file"))
	case len(pos) > 1:
		return usagef("%s", a.cat.T("cli.err.too_many_args", strings.Join(pos[1:], " ")))
	}
	src, target := pos[0], g.db
	if target == "" {
		target = defaultDB(a.getenv)
	}
	res, err := db.Restore(ctx, src, target, a.now().In(a.loc))
	if err != nil {
		return fmt.Errorf("%s", a.restoreErr(src, target, err))
	}
	fmt.Fprintln(a.stdout, a.cat.T("restore.done", src, target, res.Check.Customers))
	if res.Replaced != "" {
		fmt.Fprintln(a.stdout, a.cat.T("restore.kept", res.Replaced))
	}
	return nil
}

// restoreErr words a failed restore; every one of them replaced nothing.
func (a *app) restoreErr(src, target string, err error) string {
	var ie *db.IntegrityError
	switch {
	case errors.As(err, &ie):
		return a.cat.T("restore.err.integrity", src, ie.Result)
	case errors.Is(err, db.ErrInUse):
		return a.cat.T("restore.err.in_use", target)
	case errors.Is(err, db.ErrNotCrmtui):
		return a.cat.T("restore.err.not_crmtui", src)
	case errors.Is(err, os.ErrNotExist):
		return a.cat.T("restore.err.missing", src)
	}
	return a.cat.T("restore.err.failed", err)
}

func isDir(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.IsDir()
}

// megabytes is a file's size for people: "12.3 MB".
func megabytes(path string) string {
	info, err := os.Stat(path)
	if err != nil {
		return "?"
	}
	return fmt.Sprintf("%.1f MB", float64(info.Size())/(1<<20))
}

// The automatic daily backup. The first open of a day (of a database with
// customers, not a demo) copies the database into backups/ beside it,
// keeping the last db.KeepAutomatic daily copies. It runs beside the
// command's own work, so that `today` is not slowed down:
//
//   - a database up to autoBackupWait bytes (a copy takes well under a
//     second) is copied at once and the command waits for the copy at
//     its end;
//   - a larger one (770 MB takes several seconds) is copied only after
//     autoBackupDelay and abandoned when the command ends first: a
//     command is over before then, the app is not, so the copy is made
//     in the background of the app, after its first screens.
const (
	autoBackupWait  = 64 << 20
	autoBackupDelay = 3 * time.Second
)

// autoBackup is the day's automatic backup running beside a session.
type autoBackup struct {
	ctx    context.Context
	cancel context.CancelFunc
	done   chan struct{}
	wait   bool
	err    error
	stderr io.Writer
	cat    i18n.Catalog
}

// startAutoBackup starts the day's automatic backup when it is due.
func (a *app) startAutoBackup(ctx context.Context, s *session, g globals) *autoBackup {
	if g.noAutoBackup {
		return nil
	}
	dir := db.BackupDir(s.store.Path())
	if due, err := s.store.DailyBackupDue(ctx, dir); err != nil || !due {
		return nil
	}
	if demo, err := s.store.IsDemo(ctx); err != nil || demo {
		return nil
	}
	var size int64
	for _, p := range []string{s.store.Path(), s.store.Path() + "-wal"} {
		if info, err := os.Stat(p); err == nil {
			size += info.Size()
		}
	}
	b := &autoBackup{done: make(chan struct{}), wait: size <= autoBackupWait, stderr: a.stderr, cat: a.cat}
	b.ctx, b.cancel = context.WithCancel(context.Background())
	go func() {
		defer close(b.done)
		if !b.wait {
			t := time.NewTimer(autoBackupDelay)
			defer t.Stop()
			select {
			case <-t.C:
			case <-b.ctx.Done():
				return
			}
		}
		_, b.err = s.store.DailyBackup(b.ctx, dir)
	}()
	return b
}

// stop waits for a small database's backup, abandons a large one's, and
// reports a failure on stderr (the command's own work succeeded).
func (b *autoBackup) stop() {
	if b == nil {
		return
	}
	if !b.wait {
		b.cancel()
	}
	<-b.done
	abandoned := b.ctx.Err() != nil
	b.cancel()
	if b.err != nil && !abandoned {
		fmt.Fprintln(b.stderr, b.cat.T("backup.auto_failed", b.err))
	}
}
