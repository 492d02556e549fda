package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"

	"github.com/crmtui/crmtui/db"
	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/domain/i18n"
)

// customerArg parses the one positional customer id of customer export
// and customer delete.
func (a *app) customerArg(pos []string) (int64, error) {
	if len(pos) == 0 {
		return 0, usagef("%s", a.cat.T("export.err.customer_id"))
	}
	if len(pos) > 1 {
		return 0, usagef("%s", a.cat.T("cli.err.too_many_args", pos[1]))
	}
	id, err := strconv.ParseInt(pos[0], 10, 64)
	if err != nil || id <= 0 {
		return 0, usagef("%s", a.cat.T("export.err.customer_id_bad", pos[0]))
	}
	return id, nil
}

// noSuchCustomer turns a missing customer into a bad argument (exit 2).
func noSuchCustomer(err error, id int64) error {
	if nf := (*domain.NotFoundError)(nil); errors.As(err, &nf) {
		return &domain.FieldError{Entity: "customer", Field: "id", Code: domain.CodeInvalid,
			Value: strconv.FormatInt(id, 10), Detail: "no such customer"}
	}
	return err
}

// moneyNote tells readers of a customer's copy how amounts are written.
const moneyNote = "amounts are in minor units (fen): 29900 is 299.00"

// cmdCustomerExport writes everything the store holds about one customer
// as JSON: the person's right to a copy of their data.
func (a *app) cmdCustomerExport(ctx context.Context, args []string) error {
	var g globals
	var out string
	fs := newFlags("customer export")
	a.addGlobals(fs, &g)
	fs.StringVar(&out, "out", "", "")
	pos, err := parseFlags(a.cat, fs, args)
	if err != nil {
		return err
	}
	id, err := a.customerArg(pos)
	if err != nil {
		return err
	}
	s, err := a.open(ctx, g, "")
	if err != nil {
		return err
	}
	defer s.Close()
	cp, err := s.store.CustomerCopy(ctx, id)
	if err != nil {
		return noSuchCustomer(err, id)
	}
	o, err := a.outputOf(out, fmt.Sprintf("customer-%d-%s.json", id, domain.DateOf(a.now().In(a.loc))), true, s.store.Path())
	if err != nil {
		return err
	}
	enc := json.NewEncoder(o.w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	err = enc.Encode(struct {
		Note string `json:"note"`
		*db.CustomerCopy
	}{moneyNote, cp})
	if err == nil {
		err = o.commit()
	} else {
		o.abort()
	}
	if err != nil {
		return fmt.Errorf("%s", a.cat.T("export.err.failed", err))
	}
	a.reportExport(o, a.cat.T("export.done.customer", id, cp.Customer.Name))
	return nil
}

// cmdCustomerDelete erases a customer and everything about them. Without
// --yes it only says what would go (exit 2).
func (a *app) cmdCustomerDelete(ctx context.Context, args []string) error {
	var g globals
	var yes bool
	fs := newFlags("customer delete")
	a.addGlobals(fs, &g)
	fs.BoolVar(&yes, "yes", false, "")
	pos, err := parseFlags(a.cat, fs, args)
	if err != nil {
		return err
	}
	id, err := a.customerArg(pos)
	if err != nil {
		return err
	}
	s, err := a.open(ctx, g, "")
	if err != nil {
		return err
	}
	defer s.Close()
	if !yes {
		fp, err := s.store.CustomerFootprint(ctx, id)
		if err != nil {
			return noSuchCustomer(err, id)
		}
		fmt.Fprintln(a.stderr, a.cat.T("export.delete.would", id, fp.Name, footprintText(fp, a.cat)))
		return usagef("%s", a.cat.T("export.delete.confirm", id))
	}
	fp, err := s.store.EraseCustomer(ctx, id)
	if err != nil {
		return noSuchCustomer(err, id)
	}
	fmt.Fprintln(a.stdout, a.cat.T("export.delete.done", id, fp.Name, footprintText(fp, a.cat)))
	return nil
}

// footprintText lists the counts of what a customer's erasure removes.
func footprintText(fp db.Footprint, cat i18n.Catalog) string {
	return cat.T("export.delete.counts", fp.Purchases, fp.LineItems, fp.Contacts, fp.FollowUps, fp.Invitations, fp.Attempts,
		fp.Cases, fp.CaseSteps, fp.Phones, fp.Tags, fp.KeyDates, fp.ItemStates, fp.Actions, fp.Referred)
}
