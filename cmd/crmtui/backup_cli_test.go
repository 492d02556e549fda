package main

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/crmtui/crmtui/db"
	"github.com/crmtui/crmtui/domain"
)

func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	sort.Strings(out)
	return out
}

func permOf(t *testing.T, path string) os.FileMode {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return info.Mode().Perm()
}

// TestBackup_WhileAnotherStoreWrites: `crmtui backup` copies the database
// while another connection keeps writing; every copy passes
// integrity_check, opens and holds whole purchases.
func TestBackup_WhileAnotherStoreWrites(t *testing.T) {
	c := newCLI(t)
	id := c.id("customer", "add", "--db", c.db, "--name", "写个不停")
	ctx := context.Background()
	w, err := db.Open(ctx, c.db, db.Options{Now: func() time.Time { return testNow }, Loc: cst})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
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
			p := &domain.Purchase{CustomerID: id, On: domain.MustDate("2026-11-01").AddDays(i % 20), Amount: 300,
				Items: []domain.LineItem{{Product: "a", Quantity: 1, Amount: 100}, {Product: "b", Quantity: 1, Amount: 200}}}
			if err := w.AddPurchase(ctx, p); err != nil {
				t.Errorf("writer: %v", err)
				return
			}
			writes.Add(1)
		}
	}()
	var made []string
	for i := 0; i < 3; i++ {
		for writes.Load() < int64(10*(i+1)) {
			time.Sleep(time.Millisecond)
		}
		out := c.ok("backup", "--db", c.db)
		if !strings.Contains(out, "backed up to ") || !strings.Contains(out, "checked") {
			t.Errorf("backup printed %q", out)
		}
		made = dirNames(t, filepath.Join(c.dir, "backups"))
	}
	close(stop)
	wg.Wait()
	want := []string{"crm-20261122-100000-2.db", "crm-20261122-100000-3.db", "crm-20261122-100000.db"}
	if strings.Join(made, " ") != strings.Join(want, " ") {
		t.Fatalf("backups %v, want %v (no daily copy beside a manual one)", made, want)
	}
	if permOf(t, filepath.Join(c.dir, "backups")) != 0o700 {
		t.Error("backups folder is not 0700")
	}
	for _, name := range made {
		p := filepath.Join(c.dir, "backups", name)
		if permOf(t, p) != 0o600 {
			t.Errorf("%s is not 0600", name)
		}
		fc, err := db.CheckFile(ctx, p)
		if err != nil || fc.Integrity != "ok" || fc.Customers != 1 {
			t.Errorf("%s: %+v %v", name, fc, err)
		}
		b, err := db.Open(ctx, p, db.Options{Now: func() time.Time { return testNow }, Loc: cst, BackupDir: t.TempDir()})
		if err != nil {
			t.Fatalf("%s does not open: %v", name, err)
		}
		ps, _ := b.Purchases(ctx, id, 0)
		cu, _ := b.Customer(ctx, id)
		b.Close()
		if len(ps) == 0 || cu.Stats.PurchaseCount != len(ps) {
			t.Errorf("%s: %d purchases, figures say %d", name, len(ps), cu.Stats.PurchaseCount)
		}
		for _, p := range ps {
			if len(p.Items) != 2 {
				t.Errorf("%s: purchase %d has %d lines", name, p.ID, len(p.Items))
			}
		}
	}
	to := filepath.Join(c.dir, "mine.db")
	c.ok("backup", "--db", c.db, "--to", to)
	if r := c.run("backup", "--db", c.db, "--to", to); r.code != 2 || !strings.Contains(r.stderr, "already exists") {
		t.Errorf("backup over a file: exit %d, %q", r.code, r.stderr)
	}
}

// TestRestore_Command: a good backup replaces the database and the old file
// is kept; a damaged one, or a database still open elsewhere, replaces
// nothing (exit 1).
func TestRestore_Command(t *testing.T) {
	c := newCLI(t)
	c.id("customer", "add", "--db", c.db, "--name", "备份里的")
	good := filepath.Join(c.dir, "good.db")
	c.ok("backup", "--db", c.db, "--to", good)
	c.id("customer", "add", "--db", c.db, "--name", "后来的")

	raw, _ := os.ReadFile(good)
	page := int(raw[16])<<8 | int(raw[17])
	for off := page; off < len(raw); off += page {
		copy(raw[off:off+8], []byte{0x0d, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff})
	}
	bad := filepath.Join(c.dir, "bad.db")
	os.WriteFile(bad, raw, 0o600)
	before := fileHash(t, c.db)
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"restore", bad}, 1, "nothing was replaced"},
		{[]string{"restore", filepath.Join(c.dir, "none.db")}, 1, "there is no backup file"},
		{[]string{"restore"}, 2, "name the backup file"},
		{[]string{"restore", good, "extra"}, 2, "unexpected arguments"},
	} {
		r := c.run(append(tc.args, "--db", c.db)...)
		if r.code != tc.code || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", tc.args, r.code, r.stderr, tc.code, tc.want)
		}
	}
	ctx := context.Background()
	open, err := db.Open(ctx, c.db, db.Options{Now: func() time.Time { return testNow }, Loc: cst})
	if err != nil {
		t.Fatal(err)
	}
	r := c.run("restore", good, "--db", c.db, "--lang", "zh")
	open.Close()
	if r.code != 1 || !strings.Contains(r.stderr, "正被另一个 crmtui 使用") {
		t.Errorf("restore over an open database: exit %d, stderr %q", r.code, r.stderr)
	}
	if fileHash(t, c.db) != before {
		t.Fatal("a refused restore changed the database")
	}
	r = c.run("restore", good, "--db", c.db)
	if r.code != 0 || !strings.Contains(r.stdout, "restored "+c.db+" from "+good+" (1 customers)") ||
		!strings.Contains(r.stdout, "kept as "+c.db+".replaced-20261122-100000") {
		t.Fatalf("restore: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	if list := c.customers("--db", c.db); len(list) != 1 || list[0].Name != "备份里的" {
		t.Errorf("after restore: %+v", list)
	}
	if permOf(t, c.db) != 0o600 {
		t.Errorf("restored file mode %o", permOf(t, c.db))
	}
}

// TestAutoBackup_DailyOnFirstOpen: the first command of a day copies a
// database that holds customers into backups/ (not an empty one, not a
// demo), once a day, keeping seven.
func TestAutoBackup_DailyOnFirstOpen(t *testing.T) {
	c := newCLI(t)
	backups := filepath.Join(c.dir, "backups")
	c.ok("today", "--db", c.db)
	c.id("customer", "add", "--db", c.db, "--name", "第一位")
	if names := dirNames(t, backups); len(names) != 0 {
		t.Fatalf("backups of an empty database: %v", names)
	}
	c.ok("today", "--db", c.db)
	c.ok("customer", "list", "--db", c.db)
	if names := dirNames(t, backups); strings.Join(names, " ") != "crm-20261122-100000.daily.db" {
		t.Fatalf("after the first open of the day: %v", names)
	}
	for day := 1; day <= 9; day++ {
		c.now = testNow.AddDate(0, 0, day)
		c.ok("today", "--db", c.db)
		c.ok("today", "--db", c.db)
	}
	names := dirNames(t, backups)
	if len(names) != 7 || names[0] != "crm-20261125-100000.daily.db" || names[6] != "crm-20261201-100000.daily.db" {
		t.Errorf("after ten days: %v", names)
	}
	for _, n := range names {
		if permOf(t, filepath.Join(backups, n)) != 0o600 {
			t.Errorf("%s is not 0600", n)
		}
	}
	demo := filepath.Join(c.dir, "demo", "demo.db")
	c.demoStore(demo, 40, "3")
	c.ok("today", "--db", demo)
	if names := dirNames(t, filepath.Join(c.dir, "demo", "backups")); len(names) != 0 {
		t.Errorf("backups of a demo: %v", names)
	}
}
