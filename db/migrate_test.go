package db

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/crmtui/crmtui/domain"
)

func TestMigrate_FromEmptyCreatesEveryTable(t *testing.T) {
	s := newStore(t)
	for _, table := range []string{"customers", "purchases", "purchase_items", "contacts", "follow_ups", "events", "invitations",
		"cases", "case_steps", "templates", "item_states", "item_actions", "key_dates", "customer_tags", "customer_phones", "meta"} {
		var n int
		if err := s.db.QueryRow("SELECT count(*) FROM sqlite_master WHERE type='table' AND name=?", table).Scan(&n); err != nil || n != 1 {
			t.Errorf("table %s missing (%v)", table, err)
		}
	}
	// The agenda's queries rely on these indexes at 100,000 customers.
	for _, idx := range []string{"customers_owner_value_facts", "customers_owner_recent", "customers_owner_group", "key_dates_md", "key_dates_customer_md", "purchases_runs_out", "purchases_customer_runs_out",
		"contacts_customer", "follow_ups_open_due", "invitations_event_status", "cases_open", "item_states_on"} {
		var n int
		s.db.QueryRow("SELECT count(*) FROM sqlite_master WHERE type='index' AND name=?", idx).Scan(&n)
		if n != 1 {
			t.Errorf("index %s missing", idx)
		}
	}
}

func TestMigrate_ReopenIsANoOp(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	mustCustomer(t, s, domain.Customer{Name: "王五"})
	path := s.Path()
	s.Close()
	s2, err := Open(ctx, path, Options{Now: func() time.Time { return fixedNow }, Loc: shanghai})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	list, _ := s2.FindCustomers(ctx, domain.CustomerFilter{})
	if len(list) != 1 || list[0].Name != "王五" {
		t.Errorf("data after reopen = %+v", list)
	}
	entries, _ := os.ReadDir(filepath.Join(filepath.Dir(path), "backups"))
	if len(entries) != 0 {
		t.Errorf("a reopen without migration made a backup: %v", entries)
	}
}

func TestMigrate_UpgradeBacksUpFirstAndKeepsData(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	c := mustCustomer(t, s, domain.Customer{Name: "赵六", Phones: []string{"13900001111"}})
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	next := migration{version: len(ms) + 1, name: "9999_test.sql", sql: "ALTER TABLE customers ADD COLUMN nickname TEXT NOT NULL DEFAULT '小赵';"}
	backups := filepath.Join(t.TempDir(), "backups")
	if err := s.migrateWith(ctx, append(ms, next), backups); err != nil {
		t.Fatal(err)
	}
	v, _ := s.Version(ctx)
	if v != len(ms)+1 {
		t.Errorf("version after upgrade = %d, want %d", v, len(ms)+1)
	}
	var nick string
	if err := s.db.QueryRow("SELECT nickname FROM customers WHERE id=?", c.ID).Scan(&nick); err != nil || nick != "小赵" {
		t.Errorf("new column = %q, %v", nick, err)
	}
	entries, err := os.ReadDir(backups)
	if err != nil || len(entries) != 1 || !strings.Contains(entries[0].Name(), fmt.Sprintf(".v%d-", len(ms))) {
		t.Fatalf("want one backup of version %d, got %v (%v)", len(ms), entries, err)
	}
	// The backup is the database as it was before the migration.
	b, err := Open(ctx, filepath.Join(backups, entries[0].Name()), Options{Now: func() time.Time { return fixedNow }, Loc: shanghai, BackupDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	got, err := b.Customer(ctx, c.ID)
	if err != nil || got.Name != "赵六" {
		t.Errorf("backup lost the customer: %v %v", got, err)
	}
}

func TestMigrate_BrokenMigrationLeavesTheOldVersion(t *testing.T) {
	s := newStore(t)
	ctx := context.Background()
	ms, _ := migrations()
	bad := migration{version: len(ms) + 1, name: "9999_bad.sql", sql: "CREATE TABLE half (x INTEGER); THIS IS NOT SQL;"}
	if err := s.migrateWith(ctx, append(ms, bad), t.TempDir()); err == nil {
		t.Fatal("a broken migration succeeded")
	}
	v, _ := s.Version(ctx)
	var n int
	s.db.QueryRow("SELECT count(*) FROM sqlite_master WHERE name='half'").Scan(&n)
	if v != len(ms) || n != 0 {
		t.Errorf("after a failed migration: version %d, half-created table %d; want %d and 0", v, n, len(ms))
	}
}

func TestOpen_RefusesNewerSchema(t *testing.T) {
	s := newStore(t)
	path := s.Path()
	if _, err := s.db.Exec("PRAGMA user_version = 999"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	_, err := Open(context.Background(), path, Options{})
	if err == nil || !strings.Contains(err.Error(), "newer") {
		t.Errorf("opening a newer schema: %v, want a refusal", err)
	}
}

func TestConcurrency_TwoStoresSeeEachOthersWrites(t *testing.T) {
	a := newStore(t)
	ctx := context.Background()
	b, err := Open(ctx, a.Path(), Options{Now: func() time.Time { return fixedNow }, Loc: shanghai})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	c := mustCustomer(t, a, domain.Customer{Name: "共享"})
	if _, err := b.Customer(ctx, c.ID); err != nil {
		t.Fatalf("the second instance does not see the first's customer: %v", err)
	}
	// Both write concurrently; every write lands, none is lost or fails with "database is locked".
	var wg sync.WaitGroup
	errs := make(chan error, 100)
	for i, s := range []*Store{a, b, a, b} {
		wg.Add(1)
		go func(i int, s *Store) {
			defer wg.Done()
			for j := 0; j < 15; j++ {
				err := s.AddContact(ctx, &domain.Contact{CustomerID: c.ID, On: domain.MustDate("2026-11-20").AddDays(j % 3),
					Channel: domain.ChannelCall, Outcome: domain.OutcomeReached})
				if err != nil {
					errs <- err
				}
			}
		}(i, s)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("concurrent write: %v", err)
	}
	list, _ := b.Contacts(ctx, c.ID, 0)
	got, _ := a.Customer(ctx, c.ID)
	if len(list) != 60 || got.Stats.LastContact != domain.MustDate("2026-11-22") {
		t.Errorf("contacts = %d, last contact %s; want 60 and 2026-11-22", len(list), got.Stats.LastContact)
	}
}

// TestMigrate_FromEachOlderVersion builds a database at every earlier
// schema version, with a customer in it, and opens it with this build:
// the schema comes forward, a backup of the old file is made first, and the
// customer is still there.
func TestMigrate_FromEachOlderVersion(t *testing.T) {
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	// A new store's tables and indexes: every upgrade path must end there
	// (the agenda names its indexes, so a missing one is an error at run time).
	newStore, err := Open(ctx, filepath.Join(t.TempDir(), "fresh.db"), Options{Now: func() time.Time { return fixedNow }, Loc: shanghai})
	if err != nil {
		t.Fatal(err)
	}
	fresh := schemaObjects(t, newStore.db)
	newStore.Close()
	for v := 1; v < len(ms); v++ {
		t.Run(fmt.Sprintf("from v%d", v), func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "crm.db")
			if err := createFile(path); err != nil {
				t.Fatal(err)
			}
			old := &Store{path: path, now: func() time.Time { return fixedNow }, loc: shanghai}
			raw, err := sql.Open("sqlite", "file:"+path+"?_pragma=foreign_keys(1)")
			if err != nil {
				t.Fatal(err)
			}
			old.db = raw
			if err := old.migrateWith(ctx, ms[:v], filepath.Join(dir, "backups")); err != nil {
				t.Fatal(err)
			}
			if _, err := raw.Exec(`INSERT INTO customers (name, created_on, created_at, updated_at) VALUES ('旧顾客', '2026-01-01', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`); err != nil {
				t.Fatal(err)
			}
			raw.Close()
			s, err := Open(ctx, path, Options{Now: func() time.Time { return fixedNow }, Loc: shanghai})
			if err != nil {
				t.Fatalf("open a v%d database: %v", v, err)
			}
			defer s.Close()
			if got, _ := s.Version(ctx); got != len(ms) {
				t.Errorf("version after open = %d, want %d", got, len(ms))
			}
			list, _ := s.FindCustomers(ctx, domain.CustomerFilter{})
			if len(list) != 1 || list[0].Name != "旧顾客" {
				t.Errorf("customers after the upgrade = %+v", list)
			}
			if got := schemaObjects(t, s.db); !slices.Equal(got, fresh) {
				t.Errorf("tables and indexes after the upgrade differ from a new store's:\n got %v\nwant %v", got, fresh)
			}
			backups, _ := os.ReadDir(filepath.Join(dir, "backups"))
			if len(backups) != 1 || !strings.Contains(backups[0].Name(), fmt.Sprintf(".v%d-", v)) {
				t.Errorf("backups = %v, want one of version %d", backups, v)
			}
		})
	}
}

// TestMigrate_ConcurrentOpensOfANewFile: several processes opening the same
// new file at once each see the schema missing; only one applies each
// migration, and every open succeeds (a second CREATE TABLE would fail).
func TestMigrate_ConcurrentOpensOfANewFile(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "new.db")
	const n = 6
	var wg sync.WaitGroup
	errs := make(chan error, n)
	stores := make(chan *Store, n)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s, err := Open(ctx, path, Options{Now: func() time.Time { return fixedNow }, Loc: shanghai})
			if err != nil {
				errs <- err
				return
			}
			stores <- s
		}()
	}
	wg.Wait()
	close(errs)
	close(stores)
	for err := range errs {
		t.Errorf("concurrent open: %v", err)
	}
	for s := range stores {
		if v, err := s.Version(ctx); err != nil || v != SchemaVersion() {
			t.Errorf("schema version %d (%v), want %d", v, err, SchemaVersion())
		}
		s.Close()
	}
}

// schemaObjects lists the schema's tables, indexes and triggers by type and name.
func schemaObjects(t *testing.T, db *sql.DB) []string {
	t.Helper()
	rows, err := db.Query(`SELECT type || ' ' || name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestMigrations_AreNeverEdited: a migration that has shipped is history —
// stores already at its version never run it again, so an edit reaches new
// stores only and the two drift apart (an index added to 0004 after the
// fact was missing from every store already at version 4). A change goes
// into a new numbered file; a new file's digest is added here.
func TestMigrations_AreNeverEdited(t *testing.T) {
	shipped := map[string]string{
		"0001_init.sql":            "518cc19f604f4a91",
		"0002_groups.sql":          "65ac0bc011dfb581",
		"0003_marketing_dates.sql": "41cbe9356bec6732",
		"0004_insights.sql":        "116d30a4658af7b7",
		"0005_agenda_indexes.sql":  "492fb49741f3d77d",
	}
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		sum := sha256.Sum256([]byte(m.sql))
		got := hex.EncodeToString(sum[:8])
		want, ok := shipped[m.name]
		switch {
		case !ok:
			t.Errorf("%s: a new migration; add its digest %s to this test", m.name, got)
		case got != want:
			t.Errorf("%s was edited (digest %s, shipped %s): put the change in a new migration", m.name, got, want)
		}
	}
	if len(ms) != len(shipped) {
		t.Errorf("%d migrations, %d shipped digests", len(ms), len(shipped))
	}
}
