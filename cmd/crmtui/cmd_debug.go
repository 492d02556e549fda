package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"time"

	"github.com/crmtui/crmtui/db"
	"github.com/crmtui/crmtui/domain"
)

// cmdDebugWriteLoop is a hidden command for the crash and concurrency
// tests: it writes to a database in a loop, one action per transaction,
// and appends every acknowledged (committed) write to the --ack file:
//
//	ready PID             the store is open
//	c ID NEXT             a contact (NEXT 1: it set a follow-up)
//	p ID                  a purchase with three lines
//	b TAG                 an import batch: ten contacts noted TAG and a
//	                      purchase TAG with two lines, in one transaction
//
// --count stops after that many writes (0: until killed); --contacts-only
// writes nothing but contacts. Errors go to stderr with exit code 1.
func (a *app) cmdDebugWriteLoop(ctx context.Context, args []string) error {
	var g globals
	var ack string
	var count, customers int
	var contactsOnly bool
	fs := newFlags("debug write-loop")
	a.addGlobals(fs, &g)
	fs.StringVar(&ack, "ack", "", "")
	fs.IntVar(&count, "count", 0, "")
	fs.IntVar(&customers, "customers", 5, "")
	fs.BoolVar(&contactsOnly, "contacts-only", false, "")
	if err := a.noPositionals(fs, args); err != nil {
		return err
	}
	if g.db == "" {
		return usagef("%s", a.cat.T("cli.err.required", "--db"))
	}
	st, err := db.Open(ctx, g.db, db.Options{Loc: a.loc})
	if err != nil {
		return err
	}
	defer st.Close()
	var ackf *os.File
	if ack != "" {
		if ackf, err = os.OpenFile(ack, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600); err != nil {
			return err
		}
		defer ackf.Close()
	}
	acked := func(format string, args ...any) error {
		if ackf == nil {
			return nil
		}
		_, err := ackf.WriteString(fmt.Sprintf(format, args...) + "\n") // one write: a line is whole or absent
		return err
	}
	list, err := st.FindCustomers(ctx, domain.CustomerFilter{Limit: customers})
	if err != nil {
		return err
	}
	ids := make([]int64, 0, customers)
	for _, c := range list {
		ids = append(ids, c.ID)
	}
	for i := len(ids); i < customers; i++ {
		c := domain.Customer{Name: fmt.Sprintf("写入者%d", i+1), Phones: []string{fmt.Sprintf("139%08d", i+1)}}
		if err := st.CreateCustomer(ctx, &c); err != nil {
			return err
		}
		ids = append(ids, c.ID)
	}
	if err := acked("ready %d", os.Getpid()); err != nil {
		return err
	}
	pid := os.Getpid()
	rng := rand.New(rand.NewPCG(uint64(pid), uint64(time.Now().UnixNano())))
	today := st.Today()
	for n := 0; count == 0 || n < count; n++ {
		cust := ids[rng.IntN(len(ids))]
		op := rng.IntN(10)
		switch {
		case contactsOnly || op < 5:
			c := domain.Contact{CustomerID: cust, Channel: domain.ChannelCall, Outcome: domain.OutcomeReached,
				Purpose: domain.PurposeOther, Note: fmt.Sprintf("loop %d/%d", pid, n)}
			next := 0
			if !contactsOnly && rng.IntN(3) == 0 {
				c.NextOn, next = today.AddDays(1+rng.IntN(7)), 1
			}
			if err := st.AddContact(ctx, &c); err != nil {
				return err
			}
			if err := acked("c %d %d", c.ID, next); err != nil {
				return err
			}
		case op < 8:
			p := domain.Purchase{CustomerID: cust, On: today.AddDays(-rng.IntN(30)), Amount: 600, Items: []domain.LineItem{
				{Product: "围巾", Quantity: 1, Amount: 100}, {Product: "手套", Quantity: 1, Amount: 200}, {Product: "帽子", Quantity: 1, Amount: 300}}}
			if err := st.AddPurchase(ctx, &p); err != nil {
				return err
			}
			if err := acked("p %d", p.ID); err != nil {
				return err
			}
		default:
			tag := fmt.Sprintf("batch-%d-%d", pid, n)
			if err := importBatch(ctx, st, ids, tag, today); err != nil {
				return err
			}
			if err := acked("b %s", tag); err != nil {
				return err
			}
		}
	}
	return nil
}

// importBatch writes ten contacts and a two-line purchase in one bulk
// transaction, as an import does.
func importBatch(ctx context.Context, st *db.Store, ids []int64, tag string, today domain.Date) error {
	b, err := st.BeginBulk(ctx)
	if err != nil {
		return err
	}
	for i := 0; i < 10; i++ {
		c := domain.Contact{CustomerID: ids[i%len(ids)], On: today.AddDays(-i), Channel: domain.ChannelWeChat,
			Outcome: domain.OutcomeReplied, Purpose: domain.PurposeOther, Note: tag}
		if err := b.Contact(&c); err != nil {
			b.Rollback()
			return err
		}
	}
	p := domain.Purchase{ExternalID: tag, CustomerID: ids[0], On: today.AddDays(-3), Amount: 500,
		Items: []domain.LineItem{{Product: "大衣", Quantity: 1, Amount: 400}, {Product: "腰带", Quantity: 1, Amount: 100}}}
	if err := b.Purchase(&p); err != nil {
		b.Rollback()
		return err
	}
	return b.Commit()
}
