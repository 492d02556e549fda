package main

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	_ "modernc.org/sqlite"
)

// ackLog is what a write-loop acknowledged: only committed writes are listed.
type ackLog struct {
	ready     int
	contacts  map[int64]bool // id → it set a follow-up
	purchases []int64
	batches   []string
}

func readAcks(t *testing.T, path string) ackLog {
	t.Helper()
	a := ackLog{contacts: map[int64]bool{}}
	f, err := os.Open(path)
	if err != nil {
		if os.IsNotExist(err) {
			return a
		}
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 2 {
			continue // a line cut by the kill is not an acknowledgement
		}
		switch fields[0] {
		case "ready":
			a.ready++
		case "c":
			id, _ := strconv.ParseInt(fields[1], 10, 64)
			a.contacts[id] = len(fields) > 2 && fields[2] == "1"
		case "p":
			id, _ := strconv.ParseInt(fields[1], 10, 64)
			a.purchases = append(a.purchases, id)
		case "b":
			a.batches = append(a.batches, fields[1])
		}
	}
	return a
}

// checkWhole opens the database after a kill, as the next crmtui does, and
// checks that it is whole and holds every acknowledged write, each whole.
// It returns how many acknowledged writes it checked.
func checkWhole(t *testing.T, path string, acks ackLog) int {
	t.Helper()
	d, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	var check string
	if err := d.QueryRow("PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity_check: %q, %v", check, err)
	}
	ids := func(q string) map[int64]bool {
		rows, err := d.Query(q)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		out := map[int64]bool{}
		for rows.Next() {
			var id int64
			rows.Scan(&id)
			out[id] = true
		}
		return out
	}
	contacts := ids("SELECT id FROM contacts")
	withFollowUp := ids("SELECT contact_id FROM follow_ups WHERE contact_id IS NOT NULL")
	purchases := ids("SELECT id FROM purchases")
	for id, next := range acks.contacts {
		if !contacts[id] {
			t.Fatalf("acknowledged contact %d is missing", id)
		}
		if next && !withFollowUp[id] {
			t.Fatalf("acknowledged contact %d lost its follow-up", id)
		}
	}
	for _, id := range acks.purchases {
		if !purchases[id] {
			t.Fatalf("acknowledged purchase %d is missing", id)
		}
	}
	for _, tag := range acks.batches {
		var n int
		d.QueryRow("SELECT count(*) FROM purchases WHERE external_id = ?", tag).Scan(&n)
		if n != 1 {
			t.Fatalf("acknowledged import batch %s: %d purchases", tag, n)
		}
	}
	for name, q := range map[string]string{
		"purchases whose lines do not add up": `SELECT count(*) FROM purchases p WHERE amount <> coalesce((SELECT sum(amount) FROM purchase_items i WHERE i.purchase_id = p.id), -1)`,
		"contacts with a next day but no follow-up": `SELECT count(*) FROM contacts k WHERE next_on IS NOT NULL
			AND NOT EXISTS (SELECT 1 FROM follow_ups f WHERE f.contact_id = k.id)`,
		"import batches not whole": `SELECT count(*) FROM (SELECT note, count(*) AS n FROM contacts WHERE note LIKE 'batch-%' GROUP BY note)
			WHERE n <> 10 OR note NOT IN (SELECT external_id FROM purchases WHERE external_id IS NOT NULL)`,
		"import batch purchases without their contacts": `SELECT count(*) FROM purchases WHERE external_id LIKE 'batch-%'
			AND external_id NOT IN (SELECT note FROM contacts)`,
		"customers with stale figures": `SELECT count(*) FROM customers c WHERE
			purchase_count <> (SELECT count(*) FROM purchases p WHERE p.customer_id = c.id AND p.is_return = 0)
			OR total_spend <> (SELECT coalesce(sum(amount), 0) FROM purchases p WHERE p.customer_id = c.id)
			OR coalesce(last_purchase_on, '') <> coalesce((SELECT max(on_date) FROM purchases p WHERE p.customer_id = c.id AND p.is_return = 0), '')
			OR coalesce(last_contact_on, '') <> coalesce((SELECT max(on_date) FROM contacts k WHERE k.customer_id = c.id), '')`,
	} {
		var n int
		if err := d.QueryRow(q).Scan(&n); err != nil || n != 0 {
			t.Fatalf("%s: %d (%v)", name, n, err)
		}
	}
	return len(acks.contacts) + len(acks.purchases) + len(acks.batches)
}

// TestE2E_KillWhileWriting is the crash test of SPEC §8: the real binary
// writes contacts, purchases and import batches, one transaction each, and
// is killed with SIGKILL at random moments — while opening, while writing,
// between writes — 60 times. After every kill the file passes
// integrity_check, holds every write the process acknowledged (after its
// commit), and no half action: no purchase without its lines, no contact
// without its follow-up, no partial import batch, no stale customer figure.
func TestE2E_KillWhileWriting(t *testing.T) {
	bin := crmtuiBinary(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "crm.db")
	ack := filepath.Join(dir, "acks")
	rng := rand.New(rand.NewPCG(7, uint64(time.Now().UnixNano())))
	const rounds = 60
	kills, checked, maxAcked := 0, 0, 0
	start := time.Now()
	for round := 0; round < rounds; round++ {
		readyBefore := readAcks(t, ack).ready
		var stderr bytes.Buffer
		cmd := exec.Command(bin, "debug", "write-loop", "--db", path, "--ack", ack)
		cmd.Env = append(os.Environ(), "TZ=Asia/Shanghai", "LANG=en_US.UTF-8")
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		if round%6 == 5 {
			// Now and then during start-up: opening, migrating, creating the writers.
			time.Sleep(time.Duration(rng.IntN(40)) * time.Millisecond)
		} else {
			deadline := time.Now().Add(20 * time.Second)
			for readAcks(t, ack).ready <= readyBefore && time.Now().Before(deadline) {
				time.Sleep(2 * time.Millisecond)
			}
			time.Sleep(time.Duration(5+rng.IntN(120)) * time.Millisecond)
		}
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		err := cmd.Wait()
		if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() || ws.Signal() != syscall.SIGKILL {
			t.Fatalf("round %d: the writer was not killed but ended: %v\n%s", round, err, stderr.String())
		}
		kills++
		acks := readAcks(t, ack)
		checked += checkWhole(t, path, acks)
		maxAcked = len(acks.contacts) + len(acks.purchases) + len(acks.batches)
	}
	t.Logf("%d kills in %s; %d acknowledged writes (contacts, purchases, import batches) all present and whole; %d presence checks in all",
		kills, time.Since(start).Round(time.Millisecond), maxAcked, checked)
	if kills < 50 || maxAcked < 200 {
		t.Errorf("%d kills, %d acknowledged writes: the test did not exercise enough", kills, maxAcked)
	}
}

// TestE2E_TwoProcessesWriteAtOnce: two crmtui processes add contacts to
// one database at the same time, as fast as they can; both succeed, every
// contact lands, and "database is locked" never reaches stderr. Two
// command-line writers then run side by side with the long ones.
func TestE2E_TwoProcessesWriteAtOnce(t *testing.T) {
	p := newProc(t)
	path := filepath.Join(p.dir, "crm.db")
	p.ok("customer", "add", "--db", path, "--name", "共享顾客")
	const each = 400
	type res struct {
		err    error
		stderr string
		took   time.Duration
	}
	results := make([]res, 2)
	var wg sync.WaitGroup
	for i := range results {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
			defer cancel()
			cmd := exec.CommandContext(ctx, p.bin, "debug", "write-loop", "--db", path, "--contacts-only", "--count", strconv.Itoa(each),
				"--customers", "1")
			cmd.Env = p.env
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			start := time.Now()
			results[i] = res{err: cmd.Run(), took: time.Since(start)}
			results[i].stderr = stderr.String()
		}(i)
	}
	// Meanwhile, short-lived commands write and read the same file.
	var cliErrs []string
	var mu sync.Mutex
	for g := 0; g < 2; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 8; j++ {
				for _, args := range [][]string{
					{"contact", "add", "--db", path, "--customer", "1", "--channel", "call", "--outcome", "reached"},
					{"today", "--db", path},
				} {
					r := p.runQuiet(args...)
					if r.code != 0 || r.stderr != "" {
						mu.Lock()
						cliErrs = append(cliErrs, fmt.Sprintf("%v: exit %d: %s", args[:2], r.code, r.stderr))
						mu.Unlock()
					}
				}
			}
		}()
	}
	wg.Wait()
	for i, r := range results {
		if r.err != nil || r.stderr != "" {
			t.Errorf("writer %d: %v\n%s", i, r.err, r.stderr)
		}
		if strings.Contains(r.stderr, "locked") || strings.Contains(r.stderr, "busy") {
			t.Errorf("writer %d saw %q", i, r.stderr)
		}
		t.Logf("writer %d: %d contacts in %s", i, each, r.took.Round(time.Millisecond))
	}
	for _, e := range cliErrs {
		t.Error(e)
	}
	out := p.ok("customer", "list", "--db", path, "--json")
	if !strings.Contains(out, `"last_contact": "`) {
		t.Errorf("customer list: %s", out)
	}
	d, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	var n int
	d.QueryRow("SELECT count(*) FROM contacts").Scan(&n)
	if want := 2*each + 2*8; n != want {
		t.Errorf("%d contacts, want %d", n, want)
	}
}

// runQuiet is run without failing the test from another goroutine.
func (p *proc) runQuiet(args ...string) result {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, p.bin, args...)
	cmd.Env = p.env
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	r := result{stdout: out.String(), stderr: errOut.String()}
	if ee, ok := err.(*exec.ExitError); ok {
		r.code = ee.ExitCode()
	} else if err != nil {
		r.code, r.stderr = -1, err.Error()
	}
	return r
}
