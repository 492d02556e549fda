// Package db is the SQLite implementation of the domain's store interfaces
// (modernc.org/sqlite, pure Go, so CGO_ENABLED=0 builds work everywhere).
//
// Every user action is one transaction; per-customer aggregates (last
// purchase, count, spend, average interval, last contact, dormancy day,
// class) are recomputed inside the transaction that changes them, so no
// screen and no agenda rule ever scans history.
package db

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"sync/atomic"
	"time"

	"github.com/crmtui/crmtui/domain"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// Options configure a Store.
type Options struct {
	// Now is the clock; tests pin it. Defaults to time.Now.
	Now func() time.Time
	// Loc is the local time zone for calendar days. Defaults to time.Local.
	Loc *time.Location
	// Segment holds the class and dormancy definitions used for the derived
	// columns. Defaults to domain.DefaultSegmentConfig().
	Segment *domain.SegmentConfig
	// BackupDir receives the automatic copy made before a migration.
	// Defaults to a "backups" folder beside the database.
	BackupDir string
	// BusyTimeout is how long one statement waits for another connection's
	// lock before SQLite answers busy (a write transaction then tries again,
	// see maxWriteWait). Defaults to 10 s; tests shorten it.
	BusyTimeout time.Duration
	// TraceSQL, when set, receives every statement the store runs, as SQL
	// the sqlite3 shell can replay (arguments inlined, see trace.go). For
	// measuring and debugging only; nil (the default) adds no cost.
	TraceSQL io.Writer
	// MaxOpenConns caps the connection pool (default 4). Tests set 1 to
	// prove that no code path holds a connection while it waits for
	// another, which would hang once the pool is busy.
	MaxOpenConns int
}

// Store is an open crmtui database.
type Store struct {
	db      *sql.DB
	path    string
	now     func() time.Time
	loc     *time.Location
	segment domain.SegmentConfig
	watch   versionWatch // PRAGMA data_version on a pinned connection (version.go)
	wrote   atomic.Bool  // this store committed a write: worth a PRAGMA optimize at close
}

// cacheKiB is each connection's page cache. Reads of the agenda touch a
// few thousand pages and the OS keeps the file cached anyway: on the
// 100,000-customer store a 4 MB cache gives a fresh `crmtui today` in
// 59 ms median (84 ms with 32 MB, which it spends allocating and freeing
// the cache) and keeps the app's four connections within 16 MB. Bulk
// loads, which build large indexes, take a bigger one (bulkCacheKiB).
const (
	cacheKiB     = 4000
	bulkCacheKiB = 64000
)

// Open opens (creating if needed, with mode 0600) the database at path and
// runs pending migrations. ":memory:" is not supported: WAL needs a file.
func Open(ctx context.Context, path string, opt Options) (*Store, error) {
	if path == "" {
		return nil, errors.New("no database path")
	}
	if err := createFile(path); err != nil {
		return nil, err
	}
	s := &Store{path: path, now: opt.Now, loc: opt.Loc, segment: domain.DefaultSegmentConfig()}
	if s.now == nil {
		s.now = time.Now
	}
	if s.loc == nil {
		s.loc = time.Local
	}
	if opt.Segment != nil {
		s.segment = *opt.Segment
	}
	busy := opt.BusyTimeout
	if busy <= 0 {
		busy = 10 * time.Second
	}
	q := url.Values{}
	// busy_timeout first: switching a new file to WAL takes a lock that
	// another process opening the same file at once may hold.
	for _, p := range []string{fmt.Sprintf("busy_timeout(%d)", busy.Milliseconds()), "journal_mode(WAL)", "foreign_keys(1)", "synchronous(NORMAL)",
		fmt.Sprintf("cache_size(-%d)", cacheKiB), "temp_store(MEMORY)"} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate") // take the write lock at BEGIN: no deadlock upgrading a read
	dsn := "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
	var db *sql.DB
	var err error
	if opt.TraceSQL == nil {
		db, err = sql.Open("sqlite", dsn)
	} else {
		var c driver.Connector
		if c, err = newTraceConnector(dsn, opt.TraceSQL); err == nil {
			db = sql.OpenDB(c)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	conns := opt.MaxOpenConns
	if conns <= 0 {
		conns = 4
	}
	db.SetMaxOpenConns(conns)
	db.SetConnMaxIdleTime(time.Minute)
	s.db = db
	if err := pingUntilFree(ctx, db, busy); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	backupDir := opt.BackupDir
	if backupDir == "" {
		backupDir = filepath.Join(filepath.Dir(path), "backups")
	}
	if err := s.migrate(ctx, backupDir); err != nil {
		db.Close()
		return nil, err
	}
	if err := s.syncDerivedConfig(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// pingUntilFree opens the first connection. Switching a new file to WAL
// answers "busy" at once, without the busy handler, while another process
// opening the same file does the same; it is tried again for up to wait.
func pingUntilFree(ctx context.Context, db *sql.DB, wait time.Duration) error {
	deadline := time.Now().Add(wait)
	for {
		err := db.PingContext(ctx)
		if err == nil || !isBusy(err) || time.Now().After(deadline) {
			return err
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// createFile makes the database file (and its folder) readable by its owner
// only, before SQLite creates it with the process umask.
func createFile(path string) error {
	if _, err := os.Stat(path); err == nil {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("create folder for %s: %w", path, err)
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		if errors.Is(err, os.ErrExist) {
			return nil
		}
		return fmt.Errorf("create %s: %w", path, err)
	}
	return f.Close()
}

// Close refreshes the planner's statistics where they went stale (PRAGMA
// optimize, cheap and recommended at close) and closes the database.
func (s *Store) Close() error {
	s.watch.close()
	if !s.wrote.Load() {
		// Statistics only go stale through writes; checking them costs a
		// read-only command (crmtui today) 12 ms on a large store.
		return s.db.Close()
	}
	// optimize may run ANALYZE, a write: while another process writes, it is
	// not worth waiting for (the busy timeout would hold the exit for 10 s).
	ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
	if c, err := s.db.Conn(ctx); err == nil {
		if _, err := c.ExecContext(ctx, "PRAGMA busy_timeout = 100"); err == nil {
			c.ExecContext(ctx, "PRAGMA optimize")
		}
		c.Close()
	}
	cancel()
	return s.db.Close()
}

// Path returns the database file's path.
func (s *Store) Path() string { return s.path }

// Now returns the store's clock reading.
func (s *Store) Now() time.Time { return s.now() }

// Today returns the local calendar day of the store's clock.
func (s *Store) Today() domain.Date { return domain.DateOf(s.now().In(s.loc)) }

// Loc returns the local time zone.
func (s *Store) Loc() *time.Location { return s.loc }

// tx runs fn in one write transaction: everything or nothing.
func (s *Store) tx(ctx context.Context, fn func(*sql.Tx) error) error {
	t, err := beginWrite(ctx, func() (*sql.Tx, error) { return s.db.BeginTx(ctx, nil) })
	if err != nil {
		return err
	}
	if err := fn(t); err != nil {
		t.Rollback()
		return err
	}
	s.watch.beforeOwnCommit(ctx)
	if err := t.Commit(); err != nil {
		return err
	}
	s.wrote.Store(true)
	s.watch.afterOwnCommit(ctx)
	return nil
}

// maxWriteWait bounds how long a write waits for another process's write
// transaction (an import holds the lock until it is done). Each BEGIN
// IMMEDIATE waits busy_timeout; a busy answer is tried again until then, so
// that "database is locked" does not reach a salesperson whose contact
// came in during an import.
const maxWriteWait = 5 * time.Minute

// beginWrite starts a write transaction with begin, trying again while the
// database is busy, up to maxWriteWait or the end of ctx.
func beginWrite(ctx context.Context, begin func() (*sql.Tx, error)) (*sql.Tx, error) {
	deadline := time.Now().Add(maxWriteWait)
	for {
		t, err := begin()
		if err == nil || !isBusy(err) || ctx.Err() != nil || time.Now().After(deadline) {
			return t, err
		}
	}
}

// queryer is what both *sql.DB and *sql.Tx offer, so helpers serve reads
// inside and outside transactions.
type queryer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}
