package db

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/crmtui/crmtui/domain"
)

// TestMain lets the test binary act as the writer that TestKill9 kills.
func TestMain(m *testing.M) {
	if path := os.Getenv("CRMTUI_KILL_WRITER"); path != "" {
		killWriter(path)
		return
	}
	os.Exit(m.Run())
}

// killWriter writes purchases with three lines each, forever, until killed.
func killWriter(path string) {
	ctx := context.Background()
	s, err := Open(ctx, path, Options{Now: func() time.Time { return fixedNow }, Loc: shanghai})
	if err != nil {
		os.Exit(3)
	}
	c := &domain.Customer{Name: "写入者"}
	if err := s.CreateCustomer(ctx, c); err != nil {
		os.Exit(4)
	}
	os.WriteFile(path+".ready", nil, 0o600)
	for i := 0; ; i++ {
		p := &domain.Purchase{CustomerID: c.ID, On: domain.MustDate("2026-11-01").AddDays(i % 20), Amount: 300,
			Items: []domain.LineItem{{Product: "a", Quantity: 1, Amount: 100}, {Product: "b", Quantity: 1, Amount: 100}, {Product: "c", Quantity: 1, Amount: 100}}}
		if err := s.AddPurchase(ctx, p); err != nil {
			os.Exit(5)
		}
	}
}

func TestKill9_LeavesAWholeDatabase(t *testing.T) {
	if testing.Short() {
		t.Skip("kills a child process; skipped with -short")
	}
	path := filepath.Join(t.TempDir(), "crm.db")
	for round := 0; round < 3; round++ {
		os.Remove(path + ".ready")
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), "CRMTUI_KILL_WRITER="+path)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		deadline := time.Now().Add(20 * time.Second)
		for {
			if _, err := os.Stat(path + ".ready"); err == nil || time.Now().After(deadline) {
				break
			}
			time.Sleep(10 * time.Millisecond)
		}
		time.Sleep(time.Duration(150+round*100) * time.Millisecond) // let it write, then kill mid-stream
		cmd.Process.Kill()
		cmd.Wait()

		s, err := Open(context.Background(), path, Options{Now: func() time.Time { return fixedNow }, Loc: shanghai})
		if err != nil {
			t.Fatalf("round %d: open after kill: %v", round, err)
		}
		var check string
		s.db.QueryRow("PRAGMA integrity_check").Scan(&check)
		var purchases, lines, halfWritten int
		s.db.QueryRow("SELECT count(*) FROM purchases").Scan(&purchases)
		s.db.QueryRow("SELECT count(*) FROM purchase_items").Scan(&lines)
		s.db.QueryRow(`SELECT count(*) FROM purchases p WHERE (SELECT count(*) FROM purchase_items i WHERE i.purchase_id = p.id) <> 3`).Scan(&halfWritten)
		var stale int
		s.db.QueryRow(`SELECT count(*) FROM customers c WHERE c.purchase_count <> (SELECT count(*) FROM purchases p WHERE p.customer_id = c.id)`).Scan(&stale)
		s.Close()
		if check != "ok" {
			t.Fatalf("round %d: integrity_check = %q", round, check)
		}
		if purchases == 0 || lines != 3*purchases || halfWritten != 0 || stale != 0 {
			t.Fatalf("round %d: %d purchases, %d lines, %d half-written, %d customers with stale figures", round, purchases, lines, halfWritten, stale)
		}
		t.Logf("round %d: %d whole purchases survived the kill", round, purchases)
	}
}
