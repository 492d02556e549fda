package db

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/crmtui/crmtui/domain"
)

// TestDataVersion_MovesForOthersNotForOwnWrites: the number the app polls
// stays put after the store's own commits and moves after another
// connection's (another process in real life).
func TestDataVersion_MovesForOthersNotForOwnWrites(t *testing.T) {
	ctx := context.Background()
	a := newStore(t)
	b, err := Open(ctx, a.Path(), Options{Now: func() time.Time { return fixedNow }, Loc: shanghai})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	v0, err := a.DataVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	c := mustCustomer(t, a, domain.Customer{Name: "自己写的"})
	if err := a.AddContact(ctx, &domain.Contact{CustomerID: c.ID, Channel: domain.ChannelCall, Outcome: domain.OutcomeReached}); err != nil {
		t.Fatal(err)
	}
	if v, _ := a.DataVersion(ctx); v != v0 {
		t.Errorf("own writes moved the version: %d → %d", v0, v)
	}
	mustCustomer(t, b, domain.Customer{Name: "别人写的"})
	v1, _ := a.DataVersion(ctx)
	if v1 == v0 {
		t.Fatal("another connection's write did not move the version")
	}
	if v, _ := a.DataVersion(ctx); v != v1 {
		t.Errorf("the version moved without a write: %d → %d", v1, v)
	}
	// Another's write just before one of ours is still seen.
	mustCustomer(t, b, domain.Customer{Name: "别人又写"})
	mustCustomer(t, a, domain.Customer{Name: "自己又写"})
	if v, _ := a.DataVersion(ctx); v == v1 {
		t.Error("another's write followed by our own was taken for ours")
	}
}

// TestDataVersion_ConcurrentWritersNoDeadlock: the pinned connection and
// the pool never wait for each other, whatever the order.
func TestDataVersion_ConcurrentWritersNoDeadlock(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	c := mustCustomer(t, s, domain.Customer{Name: "并发"})
	done := make(chan struct{})
	var wg sync.WaitGroup
	for i := 0; i < 6; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 20; j++ {
				if err := s.AddContact(ctx, &domain.Contact{CustomerID: c.ID, Channel: domain.ChannelCall, Outcome: domain.OutcomeReached}); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	polled := make(chan struct{})
	go func() {
		defer close(polled)
		for {
			select {
			case <-done:
				return
			default:
				if _, err := s.DataVersion(ctx); err != nil {
					t.Error(err)
					return
				}
			}
		}
	}()
	finished := make(chan struct{})
	go func() { wg.Wait(); close(finished) }()
	select {
	case <-finished:
	case <-time.After(30 * time.Second):
		t.Fatal("writers and DataVersion deadlocked")
	}
	close(done)
	<-polled
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DataVersion(ctx); err == nil {
		t.Error("DataVersion after Close did not fail")
	}
}

// TestWrite_WaitsOutALongTransaction: a write that comes in while another
// connection holds the write lock longer than the busy timeout (an import)
// waits for it and succeeds instead of failing with "database is locked".
func TestWrite_WaitsOutALongTransaction(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	c := mustCustomer(t, s, domain.Customer{Name: "排队"})
	quick, err := Open(ctx, s.Path(), Options{Now: func() time.Time { return fixedNow }, Loc: shanghai, BusyTimeout: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer quick.Close()
	b, err := s.BeginBulk(ctx) // holds the write lock, as an import does
	if err != nil {
		t.Fatal(err)
	}
	released := make(chan time.Time, 1)
	go func() {
		time.Sleep(400 * time.Millisecond) // eight busy timeouts
		released <- time.Now()
		if err := b.Commit(); err != nil {
			t.Error(err)
		}
	}()
	start := time.Now()
	if err := quick.AddContact(ctx, &domain.Contact{CustomerID: c.ID, Channel: domain.ChannelCall, Outcome: domain.OutcomeReached}); err != nil {
		t.Fatalf("a write during a long transaction: %v", err)
	}
	if at := <-released; time.Since(start) < 300*time.Millisecond || time.Now().Before(at) {
		t.Errorf("the write did not wait for the lock (%v)", time.Since(start))
	}
}
