package db

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/crmtui/crmtui/domain"
)

func mode(t *testing.T, path string) os.FileMode {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return info.Mode().Perm()
}

// TestFileModes_OwnerOnly: a new database's folder is 0700 and the file
// 0600; SQLite gives its -wal and -shm the database file's mode; backups
// and their folder are owner-only too.
func TestFileModes_OwnerOnly(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "new", "crmtui")
	path := filepath.Join(dir, "crm.db")
	s, err := Open(ctx, path, Options{Now: func() time.Time { return fixedNow }, Loc: shanghai})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	mustCustomer(t, s, domain.Customer{Name: "权限"})
	for p, want := range map[string]os.FileMode{dir: 0o700, path: 0o600, path + "-wal": 0o600, path + "-shm": 0o600} {
		if got := mode(t, p); got != want {
			t.Errorf("%s: mode %o, want %o", filepath.Base(p), got, want)
		}
	}
	dst := filepath.Join(BackupDir(path), BackupName(path, fixedNow))
	if err := s.Backup(ctx, dst); err != nil {
		t.Fatal(err)
	}
	if got := mode(t, BackupDir(path)); got != 0o700 {
		t.Errorf("backups folder: mode %o, want 700", got)
	}
	if got := mode(t, dst); got != 0o600 {
		t.Errorf("backup: mode %o, want 600", got)
	}
	if err := s.Backup(ctx, dst); err == nil {
		t.Error("a second backup to the same file did not fail")
	}
	daily, err := s.DailyBackup(ctx, BackupDir(path))
	if err != nil {
		t.Fatal(err)
	}
	if got := mode(t, daily); got != 0o600 {
		t.Errorf("daily backup: mode %o, want 600", got)
	}
}

// TestBackup_ConsistentWhileAnotherStoreWrites: backups taken while a
// second connection pool writes as fast as it can pass integrity_check,
// open, and hold whole purchases only.
func TestBackup_ConsistentWhileAnotherStoreWrites(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	w, err := Open(ctx, s.Path(), Options{Now: func() time.Time { return fixedNow }, Loc: shanghai})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	c := mustCustomer(t, w, domain.Customer{Name: "写个不停"})
	stop := make(chan struct{})
	var writes atomic.Int64
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			p := &domain.Purchase{CustomerID: c.ID, On: domain.MustDate("2026-11-01").AddDays(i % 20), Amount: 300,
				Items: []domain.LineItem{{Product: "a", Quantity: 1, Amount: 100}, {Product: "b", Quantity: 1, Amount: 200}}}
			if err := w.AddPurchase(ctx, p); err != nil {
				t.Errorf("writer: %v", err)
				return
			}
			writes.Add(1)
		}
	}()
	dir := t.TempDir()
	for i := 0; i < 4; i++ {
		for writes.Load() < int64(20*(i+1)) {
			time.Sleep(time.Millisecond)
		}
		dst := filepath.Join(dir, fmt.Sprintf("b%d.db", i))
		if err := s.Backup(ctx, dst); err != nil {
			t.Fatalf("backup %d: %v", i, err)
		}
		fc, err := CheckFile(ctx, dst)
		if err != nil || fc.Integrity != "ok" || fc.Customers != 1 {
			t.Fatalf("backup %d: %+v, %v", i, fc, err)
		}
		b, err := Open(ctx, dst, Options{Now: func() time.Time { return fixedNow }, Loc: shanghai, BackupDir: t.TempDir()})
		if err != nil {
			t.Fatalf("backup %d does not open: %v", i, err)
		}
		var purchases, lines, stale int
		b.db.QueryRow("SELECT count(*) FROM purchases").Scan(&purchases)
		b.db.QueryRow("SELECT count(*) FROM purchase_items").Scan(&lines)
		b.db.QueryRow(`SELECT count(*) FROM customers c WHERE c.purchase_count <> (SELECT count(*) FROM purchases p WHERE p.customer_id = c.id)`).Scan(&stale)
		b.Close()
		if purchases == 0 || lines != 2*purchases || stale != 0 {
			t.Errorf("backup %d: %d purchases, %d lines, %d stale figures", i, purchases, lines, stale)
		}
	}
	close(stop)
	wg.Wait()
	if leftovers, _ := filepath.Glob(filepath.Join(dir, ".*tmp-*")); len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}

// TestDailyBackup_OncePerDayKeepsSeven: one automatic backup per local
// day, none for an empty database, the newest seven of each automatic
// kind kept, backups made by hand never pruned.
func TestDailyBackup_OncePerDayKeepsSeven(t *testing.T) {
	ctx := context.Background()
	now := fixedNow
	path := filepath.Join(t.TempDir(), "crm.db")
	s, err := Open(ctx, path, Options{Now: func() time.Time { return now }, Loc: shanghai})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	dir := BackupDir(path)
	if due, err := s.DailyBackupDue(ctx, dir); err != nil || due {
		t.Fatalf("empty database: due %v, %v", due, err)
	}
	mustCustomer(t, s, domain.Customer{Name: "每日"})
	manual := filepath.Join(dir, BackupName(path, now.Add(-time.Hour)))
	if err := s.Backup(ctx, manual); err != nil {
		t.Fatal(err)
	}
	for v := 1; v <= 9; v++ { // old pre-migration copies
		name := fmt.Sprintf("crm.db.v%d-2026010%dT000000.bak", v, v%10)
		if err := os.WriteFile(filepath.Join(dir, name), nil, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	for day := 0; day < 10; day++ {
		now = fixedNow.AddDate(0, 0, day)
		due, err := s.DailyBackupDue(ctx, dir)
		if err != nil || !due {
			t.Fatalf("day %d: due %v, %v", day, due, err)
		}
		p, err := s.DailyBackup(ctx, dir)
		if err != nil {
			t.Fatal(err)
		}
		if want := "crm-" + now.Format("20060102-150405") + ".daily.db"; filepath.Base(p) != want {
			t.Errorf("daily backup %s, want %s", filepath.Base(p), want)
		}
		now = now.Add(5 * time.Hour)
		if due, _ := s.DailyBackupDue(ctx, dir); due {
			t.Fatalf("day %d: a second backup is due the same day", day)
		}
	}
	entries, _ := os.ReadDir(dir)
	var daily, migration, other []string
	for _, e := range entries {
		switch n := e.Name(); {
		case strings.HasSuffix(n, ".daily.db"):
			daily = append(daily, n)
		case strings.HasSuffix(n, ".bak"):
			migration = append(migration, n)
		default:
			other = append(other, n)
		}
	}
	sort.Strings(daily)
	if len(daily) != KeepAutomatic || !strings.Contains(daily[0], fixedNow.AddDate(0, 0, 3).Format("20060102")) {
		t.Errorf("daily backups kept: %v", daily)
	}
	if len(migration) != KeepAutomatic || slicesContain(migration, "crm.db.v1-") || !slicesContain(migration, "crm.db.v9-") {
		t.Errorf("migration backups kept: %v", migration)
	}
	if len(other) != 1 || other[0] != filepath.Base(manual) {
		t.Errorf("other files: %v, want only the manual backup", other)
	}
}

func slicesContain(list []string, prefix string) bool {
	for _, s := range list {
		if strings.HasPrefix(s, prefix) {
			return true
		}
	}
	return false
}

func fileSum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// TestRestore: a good backup replaces the database (the old one kept, no
// stale -wal or -shm, 0600); a damaged one, a foreign file, a missing one
// and a database still open elsewhere replace nothing.
func TestRestore(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "crm.db")
	s, err := Open(ctx, path, Options{Now: func() time.Time { return fixedNow }, Loc: shanghai})
	if err != nil {
		t.Fatal(err)
	}
	mustCustomer(t, s, domain.Customer{Name: "备份里的"})
	good := filepath.Join(dir, "good.db")
	if err := s.Backup(ctx, good); err != nil {
		t.Fatal(err)
	}
	mustCustomer(t, s, domain.Customer{Name: "备份后加的"})

	// Open elsewhere: refused.
	if _, err := Restore(ctx, good, path, fixedNow); !errors.Is(err, ErrInUse) {
		t.Errorf("restore over an open database: %v, want ErrInUse", err)
	}
	s.Close()

	// Damaged: refused, nothing replaced.
	bad := filepath.Join(dir, "bad.db")
	raw, _ := os.ReadFile(good)
	pageSize := int(raw[16])<<8 | int(raw[17])
	for off := pageSize; off < len(raw); off += pageSize { // every b-tree page after the first: a bad header
		copy(raw[off:off+8], []byte{0x0d, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff})
	}
	os.WriteFile(bad, raw, 0o600)
	foreign := filepath.Join(dir, "foreign.txt")
	os.WriteFile(foreign, bytes.Repeat([]byte("not a database "), 500), 0o600)
	before := fileSum(t, path)
	for name, src := range map[string]string{"damaged": bad, "foreign": foreign, "missing": filepath.Join(dir, "nope.db"), "itself": path} {
		if _, err := Restore(ctx, src, path, fixedNow); err == nil {
			t.Errorf("%s: restore did not fail", name)
		}
		if fileSum(t, path) != before {
			t.Fatalf("%s: the database changed", name)
		}
	}
	if _, err := Restore(ctx, bad, path, fixedNow); err != nil {
		var ie *IntegrityError
		if !errors.As(err, &ie) && !strings.Contains(err.Error(), "malformed") {
			t.Errorf("damaged backup: %v, want an integrity failure", err)
		}
	}
	if m, _ := filepath.Glob(filepath.Join(dir, "*replaced*")); len(m) > 0 {
		t.Errorf("failed restores left %v", m)
	}

	// Good: replaced, old kept.
	res, err := Restore(ctx, good, path, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	if res.Replaced != path+".replaced-20261122-100000" || res.Check.Customers != 1 {
		t.Errorf("restore result %+v", res)
	}
	for _, p := range []string{path + "-wal", path + "-shm"} {
		if _, err := os.Stat(p); err == nil {
			t.Errorf("%s left beside the restored database", filepath.Base(p))
		}
	}
	if got := mode(t, path); got != 0o600 {
		t.Errorf("restored file mode %o", got)
	}
	r, err := Open(ctx, path, Options{Now: func() time.Time { return fixedNow }, Loc: shanghai})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	list, _ := r.FindCustomers(ctx, domain.CustomerFilter{})
	if len(list) != 1 || list[0].Name != "备份里的" {
		t.Errorf("restored customers %v", list)
	}
	old, err := Open(ctx, res.Replaced, Options{Now: func() time.Time { return fixedNow }, Loc: shanghai, BackupDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	if list, _ := old.FindCustomers(ctx, domain.CustomerFilter{}); len(list) != 2 {
		t.Errorf("the replaced database has %d customers, want 2", len(list))
	}
}

// TestRestore_IntoNewPlace: restoring where no database is yet just puts
// the copy there.
func TestRestore_IntoNewPlace(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	mustCustomer(t, s, domain.Customer{Name: "搬家"})
	src := filepath.Join(t.TempDir(), "b.db")
	if err := s.Backup(ctx, src); err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(t.TempDir(), "sub", "crm.db")
	res, err := Restore(ctx, src, dst, fixedNow)
	if err != nil || res.Replaced != "" || res.Check.Customers != 1 {
		t.Fatalf("restore: %+v %v", res, err)
	}
	if got := mode(t, dst); got != 0o600 {
		t.Errorf("mode %o", got)
	}
}
