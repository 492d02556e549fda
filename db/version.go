package db

import (
	"context"
	"database/sql"
	"errors"
	"sync"
)

// versionWatch notices commits by other processes (another crmtui on the
// same file) so that an open app can refresh its screens. SQLite's PRAGMA
// data_version changes, on one connection, whenever any other connection
// has committed; the watch keeps one pooled connection pinned for it, so the
// number is always read on the same connection.
//
// This store's own commits change data_version too. tx reads it just before
// COMMIT (a change seen then is another's: while this process holds the
// write lock nobody else can commit) and just after (the change is ours),
// so that the app does not reload after every write it made itself. A
// commit by another process landing between our COMMIT and the read after
// it, microseconds, is taken for ours; the next one is seen.
type versionWatch struct {
	mu     sync.Mutex
	conn   *sql.Conn // nil until DataVersion is first asked: command-line runs never pay for it
	seen   int64     // data_version last read on conn
	gen    int64     // what DataVersion returns: counts changes made by others
	closed bool
}

// errStoreClosed is DataVersion's answer after Close.
var errStoreClosed = errors.New("the database is closed")

// DataVersion returns a number that changes when another connection — in
// practice another crmtui process — has committed since the last call. It
// costs one PRAGMA on a connection kept for it; the app calls it every
// couple of seconds and reloads when the number moves. The first call
// returns 0 and starts watching.
func (s *Store) DataVersion(ctx context.Context) (int64, error) {
	w := &s.watch
	w.mu.Lock()
	if w.closed {
		w.mu.Unlock()
		return 0, errStoreClosed
	}
	if w.conn != nil {
		defer w.mu.Unlock()
		v, err := w.read(ctx, w.conn)
		if err != nil {
			return w.gen, err
		}
		if v != w.seen {
			w.seen = v
			w.gen++
		}
		return w.gen, nil
	}
	w.mu.Unlock()
	// Take the connection without holding the lock: a transaction waiting in
	// beforeOwnCommit must never wait for a pool slot held by us.
	c, err := s.db.Conn(ctx)
	if err != nil {
		return 0, err
	}
	v, err := w.read(ctx, c)
	if err != nil {
		c.Close()
		return 0, err
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.conn != nil || w.closed { // another caller won, or Close came first
		c.Close()
		return w.gen, nil
	}
	w.conn, w.seen = c, v
	return w.gen, nil
}

func (w *versionWatch) read(ctx context.Context, c *sql.Conn) (int64, error) {
	var v int64
	err := c.QueryRowContext(ctx, "PRAGMA data_version").Scan(&v)
	return v, err
}

// beforeOwnCommit runs inside a write transaction, just before COMMIT: a
// change seen now was committed by another connection, so it counts.
func (w *versionWatch) beforeOwnCommit(ctx context.Context) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.conn == nil {
		return
	}
	if v, err := w.read(ctx, w.conn); err == nil && v != w.seen {
		w.seen = v
		w.gen++
	}
}

// afterOwnCommit runs just after this store's COMMIT: the change is ours.
func (w *versionWatch) afterOwnCommit(ctx context.Context) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.conn == nil {
		return
	}
	if v, err := w.read(ctx, w.conn); err == nil {
		w.seen = v
	}
}

// close gives the pinned connection back before the pool closes.
func (w *versionWatch) close() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.conn != nil {
		w.conn.Close()
		w.conn = nil
	}
	w.closed = true
}
