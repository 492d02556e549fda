package db

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// migration is one numbered schema step.
type migration struct {
	version int
	name    string
	sql     string
}

// migrations returns the embedded migrations in order. Files are named
// NNNN_description.sql; the number is the schema version they produce.
func migrations() ([]migration, error) {
	entries, err := fs.ReadDir(migrationFS, "migrations")
	if err != nil {
		return nil, err
	}
	var out []migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("migration %s: name must start with a number", e.Name())
		}
		body, err := migrationFS.ReadFile("migrations/" + e.Name())
		if err != nil {
			return nil, err
		}
		out = append(out, migration{version: v, name: e.Name(), sql: string(body)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	for i, m := range out {
		if m.version != i+1 {
			return nil, fmt.Errorf("migration %s: expected version %d", m.name, i+1)
		}
	}
	return out, nil
}

// SchemaVersion is the version the embedded migrations produce.
func SchemaVersion() int {
	ms, err := migrations()
	if err != nil {
		return 0
	}
	return len(ms)
}

// Version returns the database's schema version (PRAGMA user_version).
func (s *Store) Version(ctx context.Context) (int, error) {
	var v int
	err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v)
	return v, err
}

// migrate brings the schema forward, each migration in its own transaction
// together with its user_version bump, so a crash leaves a whole version.
// A database that already holds data is copied to backupDir first.
func (s *Store) migrate(ctx context.Context, backupDir string) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	return s.migrateWith(ctx, ms, backupDir)
}

// migrateWith applies ms (tests add a later migration to check upgrades).
func (s *Store) migrateWith(ctx context.Context, ms []migration, backupDir string) error {
	cur, err := s.Version(ctx)
	if err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	if cur > len(ms) {
		return fmt.Errorf("the database has schema version %d, newer than this crmtui (%d): update crmtui", cur, len(ms))
	}
	if cur == len(ms) {
		return nil
	}
	applied := false // by this store: a file it built itself needs no backup
	for _, m := range ms[cur:] {
		err := s.tx(ctx, func(tx *sql.Tx) error {
			// Another process opening the same file may have applied this
			// step since we read the version: the write lock is ours now
			// (BEGIN IMMEDIATE), so read it again and skip what is done.
			var now int
			if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&now); err != nil {
				return err
			}
			if now >= m.version {
				return nil
			}
			// The backup is taken under the write lock, by the one process
			// that migrates, of the version it is about to change.
			if now > 0 && !applied {
				if err := s.backupBeforeMigration(ctx, backupDir, now); err != nil {
					return err
				}
			}
			applied = true
			if _, err := tx.ExecContext(ctx, m.sql); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", m.version))
			return err
		})
		if err != nil {
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
	}
	return nil
}

// backupBeforeMigration copies the database at schema version v into
// backupDir. It runs while this store holds the write lock: VACUUM INTO is
// a read, on another connection, so nobody can change the file under it.
func (s *Store) backupBeforeMigration(ctx context.Context, backupDir string, v int) error {
	if err := os.MkdirAll(backupDir, 0o700); err != nil {
		return fmt.Errorf("backup before migration: %w", err)
	}
	dst := filepath.Join(backupDir, fmt.Sprintf("%s.v%d-%s.bak", filepath.Base(s.path), v, s.now().UTC().Format("20060102T150405")))
	if err := s.BackupTo(ctx, dst); err != nil {
		return fmt.Errorf("backup before migration: %w", err)
	}
	return nil
}

// BackupTo writes a consistent copy of the database to dst (VACUUM INTO),
// safe while other connections read and write. dst must not exist.
func (s *Store) BackupTo(ctx context.Context, dst string) error {
	if _, err := os.Stat(dst); err == nil {
		return fmt.Errorf("backup: %s already exists", dst)
	}
	if _, err := s.db.ExecContext(ctx, "VACUUM INTO ?", dst); err != nil {
		return fmt.Errorf("backup to %s: %w", dst, err)
	}
	return os.Chmod(dst, 0o600)
}
