package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"modernc.org/sqlite"
)

// Backups live in a "backups" folder beside the database (mode 0700, files
// 0600) under names that sort by time:
//
//	crm-20261122-100000.db        crmtui backup (kept until you delete it)
//	crm-20261122-100000.daily.db  the automatic copy of the day's first open
//	crm.db.v1-20261122T020000.bak the automatic copy before a migration
//
// The automatic ones are pruned to the newest KeepAutomatic of each kind.

// KeepAutomatic is how many automatic backups of each kind are kept.
const KeepAutomatic = 7

const (
	stampLayout  = "20060102-150405"
	dailySuffix  = ".daily.db"
	manualSuffix = ".db"
)

// BackupDir is the folder of backups beside the database at path.
func BackupDir(path string) string { return filepath.Join(filepath.Dir(path), "backups") }

// backupBase is the database's name without its extension: crm for crm.db.
func backupBase(path string) string {
	b := filepath.Base(path)
	return strings.TrimSuffix(b, filepath.Ext(b))
}

// BackupName is the name of a backup of the database at path made at t.
func BackupName(path string, t time.Time) string {
	return backupBase(path) + "-" + t.Format(stampLayout) + manualSuffix
}

// Backup writes a consistent copy of the database to dst. VACUUM INTO reads
// one snapshot in a read transaction, so the copy is whole even while this
// and other processes keep writing, and nobody waits for it. The copy is
// written to a temporary file beside dst (created 0600 before SQLite writes
// into it, so it is never readable by others), synced and renamed into
// place: dst holds a complete backup or does not exist. dst must not exist;
// its folder is created (0700) when missing.
func (s *Store) Backup(ctx context.Context, dst string) error {
	return vacuumInto(ctx, s.db, dst)
}

// vacuumInto copies the database behind q into dst as Backup describes.
func vacuumInto(ctx context.Context, q interface {
	ExecContext(context.Context, string, ...any) (sql.Result, error)
}, dst string) error {
	if _, err := os.Lstat(dst); err == nil {
		return fmt.Errorf("backup: %s %w", dst, errExists)
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o700); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(dst), "."+filepath.Base(dst)+".tmp-*")
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	tmpName := tmp.Name()
	tmp.Close()
	if err := os.Chmod(tmpName, 0o600); err != nil { // CreateTemp makes 0600 already; say it
		os.Remove(tmpName)
		return fmt.Errorf("backup: %w", err)
	}
	fail := func(err error) error {
		os.Remove(tmpName)
		return fmt.Errorf("backup to %s: %w", dst, err)
	}
	// VACUUM INTO accepts an existing empty file and keeps its mode.
	if _, err := q.ExecContext(ctx, "VACUUM INTO ?", tmpName); err != nil {
		return fail(err)
	}
	if err := syncFile(tmpName); err != nil {
		return fail(err)
	}
	if _, err := os.Lstat(dst); err == nil {
		return fail(errExists)
	}
	if err := os.Rename(tmpName, dst); err != nil {
		return fail(err)
	}
	syncDir(filepath.Dir(dst))
	return nil
}

// errExists is a backup whose file is already there.
var errExists = errors.New("already exists")

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// syncDir makes a rename durable; best effort (not every system allows it).
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// DailyBackupDue reports whether the day's automatic backup into dir is
// still to be made: none of today (the store's local day) exists and the
// database holds at least one customer (an empty file is not worth a copy).
func (s *Store) DailyBackupDue(ctx context.Context, dir string) (bool, error) {
	today := s.now().In(s.loc).Format("20060102")
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return false, err
	}
	prefix := backupBase(s.path) + "-" + today + "-"
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), prefix) && strings.HasSuffix(e.Name(), dailySuffix) {
			return false, nil
		}
	}
	var any bool
	if err := s.db.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM customers)").Scan(&any); err != nil {
		return false, err
	}
	return any, nil
}

// DailyBackup makes the day's automatic backup into dir and prunes the
// automatic backups there to the newest KeepAutomatic of each kind. It
// returns the backup's path.
func (s *Store) DailyBackup(ctx context.Context, dir string) (string, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("backup: %w", err)
	}
	name := backupBase(s.path) + "-" + s.now().In(s.loc).Format(stampLayout) + dailySuffix
	dst := filepath.Join(dir, name)
	// Another crmtui opening the same database at the same second makes the
	// same copy: theirs is as good as ours.
	if err := s.Backup(ctx, dst); err != nil && !errors.Is(err, errExists) {
		return "", err
	}
	return dst, PruneBackups(dir, s.path, KeepAutomatic)
}

// PruneBackups deletes all but the newest keep automatic backups of each
// kind (daily, before a migration) of the database at path from dir. Backups
// made with crmtui backup, and any other file, are never touched.
func PruneBackups(dir, path string, keep int) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil
		}
		return err
	}
	base, file := backupBase(path), filepath.Base(path)
	var daily, migration []string
	for _, e := range entries {
		n := e.Name()
		switch {
		case !e.Type().IsRegular():
		case strings.HasPrefix(n, base+"-") && strings.HasSuffix(n, dailySuffix):
			daily = append(daily, n)
		case strings.HasPrefix(n, file+".v") && strings.HasSuffix(n, ".bak"):
			migration = append(migration, n)
		}
	}
	var errs []error
	for _, list := range [][]string{daily, migration} {
		// Names end in a time stamp: they sort by time within a kind (for
		// migrations, by version first, which is also by time).
		sort.Strings(list)
		for len(list) > keep {
			if err := os.Remove(filepath.Join(dir, list[0])); err != nil && !errors.Is(err, os.ErrNotExist) {
				errs = append(errs, err)
			}
			list = list[1:]
		}
	}
	return errors.Join(errs...)
}

// FileCheck is what CheckFile found in a database file.
type FileCheck struct {
	Integrity     string // "ok", or SQLite's first complaints
	SchemaVersion int
	Customers     int
}

// ErrNotCrmtui marks a file that is a SQLite database but not crmtui's.
var ErrNotCrmtui = errors.New("not a crmtui database")

// CheckFile opens the database file at path read-only and runs PRAGMA
// integrity_check. An error means the file could not be read as a database
// at all; a readable but damaged file gives Integrity other than "ok".
func CheckFile(ctx context.Context, path string) (FileCheck, error) {
	return checkFile(ctx, path, "integrity_check")
}

// QuickCheckFile is CheckFile with PRAGMA quick_check: the same structural
// checks without matching indexes to their tables, several times faster.
func QuickCheckFile(ctx context.Context, path string) (FileCheck, error) {
	return checkFile(ctx, path, "quick_check")
}

// checkFile runs PRAGMA integrity_check or the faster quick_check.
func checkFile(ctx context.Context, path, pragma string) (FileCheck, error) {
	var fc FileCheck
	info, err := os.Stat(path)
	if err != nil {
		return fc, err
	}
	if !info.Mode().IsRegular() {
		return fc, fmt.Errorf("%s is not a file", path)
	}
	q := url.Values{}
	q.Set("mode", "ro")
	q.Add("_pragma", "busy_timeout(5000)")
	d, err := sql.Open("sqlite", "file:"+(&url.URL{Path: path}).EscapedPath()+"?"+q.Encode())
	if err != nil {
		return fc, err
	}
	defer d.Close()
	d.SetMaxOpenConns(1)
	rows, err := d.QueryContext(ctx, "PRAGMA "+pragma+"(20)")
	if err != nil {
		return fc, damaged(err, &fc)
	}
	var lines []string
	for rows.Next() {
		var l string
		if err := rows.Scan(&l); err != nil {
			rows.Close()
			return fc, err
		}
		lines = append(lines, l)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fc, damaged(err, &fc)
	}
	fc.Integrity = strings.Join(lines, "; ")
	if fc.Integrity != "ok" {
		return fc, nil
	}
	if err := d.QueryRowContext(ctx, "PRAGMA user_version").Scan(&fc.SchemaVersion); err != nil {
		return fc, err
	}
	if err := d.QueryRowContext(ctx, "SELECT count(*) FROM customers").Scan(&fc.Customers); err != nil || fc.SchemaVersion == 0 {
		return fc, ErrNotCrmtui
	}
	return fc, nil
}

// damaged sorts the errors of reading a file: one SQLite calls corrupt is a
// failed check (nil error, Integrity says why); one that is no database at
// all is ErrNotCrmtui; others are returned.
func damaged(err error, fc *FileCheck) error {
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case 11: // SQLITE_CORRUPT
			fc.Integrity = err.Error()
			return nil
		case 26: // SQLITE_NOTADB
			return fmt.Errorf("%w: %v", ErrNotCrmtui, err)
		}
	}
	return err
}

// ErrInUse is Restore's answer when another process has the database open.
var ErrInUse = errors.New("the database is open in another program")

// RestoreResult says what Restore did.
type RestoreResult struct {
	Check    FileCheck
	Replaced string // where the replaced database was kept ("" when there was none)
}

// Restore replaces the database at path with a copy of the backup src:
//
//  1. src must pass PRAGMA integrity_check and be a crmtui database no newer
//     than this build; otherwise nothing is touched.
//  2. src is copied (VACUUM INTO, read-only) to a temporary file beside path,
//     0600, synced.
//  3. The current database is switched out of WAL mode, which folds its
//     -wal into the file and deletes the -wal and -shm; SQLite allows that
//     only when no other connection has the file open, so a running crmtui
//     makes Restore fail with ErrInUse, nothing replaced. Holding an
//     exclusive lock, the old file is renamed to path.replaced-STAMP and
//     the copy renamed to path.
//
// A damaged current database that SQLite cannot open is set aside as it is,
// with its -wal and -shm beside it under the same new name.
func Restore(ctx context.Context, src, path string, now time.Time) (RestoreResult, error) {
	var res RestoreResult
	if si, err := os.Stat(src); err == nil {
		if pi, err := os.Stat(path); err == nil && os.SameFile(si, pi) {
			return res, errors.New("the backup is the database itself")
		}
	}
	fc, err := CheckFile(ctx, src)
	res.Check = fc
	if err != nil {
		return res, err
	}
	if fc.Integrity != "ok" {
		return res, &IntegrityError{Path: src, Result: fc.Integrity}
	}
	if fc.SchemaVersion > SchemaVersion() {
		return res, fmt.Errorf("the backup has schema version %d, newer than this crmtui (%d): update crmtui", fc.SchemaVersion, SchemaVersion())
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return res, err
	}
	tmp := filepath.Join(dir, "."+filepath.Base(path)+".restore-"+now.Format(stampLayout))
	os.Remove(tmp)
	if err := copyDatabase(ctx, src, tmp); err != nil {
		return res, err
	}
	if cc, err := checkFile(ctx, tmp, "quick_check"); err != nil || cc.Integrity != "ok" {
		os.Remove(tmp)
		if err == nil {
			err = &IntegrityError{Path: tmp, Result: cc.Integrity}
		}
		return res, fmt.Errorf("copy of the backup: %w", err)
	}
	replaced := path + ".replaced-" + now.Format(stampLayout)
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		for _, suffix := range []string{"-wal", "-shm", "-journal"} { // leftovers of a deleted file must not meet the new one
			if _, err := os.Stat(path + suffix); err == nil {
				if err := os.Rename(path+suffix, replaced+suffix); err != nil {
					os.Remove(tmp)
					return res, err
				}
			}
		}
		if err := os.Rename(tmp, path); err != nil {
			os.Remove(tmp)
			return res, err
		}
		syncDir(dir)
		return res, nil
	}
	if err := swapIn(ctx, path, tmp, replaced); err != nil {
		os.Remove(tmp)
		return res, err
	}
	res.Replaced = replaced
	return res, nil
}

// IntegrityError is a database file that failed PRAGMA integrity_check.
type IntegrityError struct {
	Path   string
	Result string
}

func (e *IntegrityError) Error() string {
	return fmt.Sprintf("%s failed the integrity check: %s", e.Path, e.Result)
}

// copyDatabase writes a consistent copy of the database file src to dst
// (which must not exist), opening src read-only.
func copyDatabase(ctx context.Context, src, dst string) error {
	q := url.Values{}
	q.Set("mode", "ro")
	q.Add("_pragma", "busy_timeout(5000)")
	d, err := sql.Open("sqlite", "file:"+(&url.URL{Path: src}).EscapedPath()+"?"+q.Encode())
	if err != nil {
		return err
	}
	defer d.Close()
	d.SetMaxOpenConns(1)
	return vacuumInto(ctx, d, dst)
}

// swapIn sets the database at path aside as replaced and renames tmp to path,
// refusing while another connection has path open.
func swapIn(ctx context.Context, path, tmp, replaced string) error {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(2000)")
	d, err := sql.Open("sqlite", "file:"+(&url.URL{Path: path}).EscapedPath()+"?"+q.Encode())
	if err != nil {
		return err
	}
	defer d.Close()
	d.SetMaxOpenConns(1)
	conn, err := d.Conn(ctx)
	if err != nil {
		return openErr(err, path, tmp, replaced)
	}
	defer conn.Close()
	var mode string
	if err := conn.QueryRowContext(ctx, "PRAGMA journal_mode=DELETE").Scan(&mode); err != nil {
		return openErr(err, path, tmp, replaced)
	}
	if mode != "delete" {
		return ErrInUse
	}
	// An exclusive lock keeps other processes out until the new file is in place.
	if _, err := conn.ExecContext(ctx, "BEGIN EXCLUSIVE"); err != nil {
		return openErr(err, path, tmp, replaced)
	}
	defer conn.ExecContext(context.Background(), "ROLLBACK")
	for _, suffix := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(path + suffix); err == nil {
			return ErrInUse // still someone's: journal_mode=DELETE removes them when alone
		}
	}
	if err := os.Rename(path, replaced); err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Rename(replaced, path)
		return err
	}
	syncDir(filepath.Dir(path))
	return nil
}

// openErr handles a current database SQLite cannot use: busy means someone
// has it open (ErrInUse); a damaged file is set aside as it is, with its
// -wal and -shm, and the copy renamed into place.
func openErr(err error, path, tmp, replaced string) error {
	if isBusy(err) {
		return ErrInUse
	}
	var se *sqlite.Error
	if !errors.As(err, &se) || (se.Code()&0xff != 11 && se.Code()&0xff != 26) { // SQLITE_CORRUPT, SQLITE_NOTADB
		return err
	}
	if err := os.Rename(path, replaced); err != nil {
		return err
	}
	for _, suffix := range []string{"-wal", "-shm", "-journal"} {
		if _, err := os.Stat(path + suffix); err == nil {
			os.Rename(path+suffix, replaced+suffix)
		}
	}
	if err := os.Rename(tmp, path); err != nil {
		return err
	}
	syncDir(filepath.Dir(path))
	return nil
}

// isBusy reports SQLITE_BUSY and SQLITE_LOCKED, whatever the extended code.
func isBusy(err error) bool {
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case 5, 6: // SQLITE_BUSY, SQLITE_LOCKED
			return true
		}
	}
	return false
}
