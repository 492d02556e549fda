package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"strconv"
	"strings"

	"github.com/crmtui/crmtui/domain"
)

// cmdCustomerAdd creates a customer and prints the new id.
func (a *app) cmdCustomerAdd(ctx context.Context, args []string) error {
	var g globals
	var name, remark, wechat, gender, birthday, source, salutation string
	var phones, tags listFlag
	var dnc bool
	fs := newFlags("customer add")
	a.addGlobals(fs, &g)
	fs.StringVar(&name, "name", "", "")
	fs.StringVar(&remark, "remark", "", "")
	fs.Var(&phones, "phone", "")
	fs.StringVar(&wechat, "wechat", "", "")
	fs.StringVar(&gender, "gender", "", "")
	fs.StringVar(&birthday, "birthday", "", "")
	fs.StringVar(&source, "source", "", "")
	fs.StringVar(&salutation, "salutation", "", "")
	fs.Var(&tags, "tag", "")
	fs.BoolVar(&dnc, "do-not-contact", false, "")
	if err := a.noPositionals(fs, args); err != nil {
		return err
	}
	if strings.TrimSpace(name) == "" {
		return usagef("%s", a.cat.T("cli.err.required", "--name"))
	}
	c := domain.Customer{Name: name, Remark: remark, Phones: phones, WeChat: wechat, Gender: domain.Gender(gender),
		Source: domain.Source(source), Salutation: salutation, Tags: tags, Contact: domain.ContactPrefs{DoNotContact: dnc}}
	if birthday != "" {
		k, err := domain.ParseKeyDate(birthday)
		if err != nil {
			return usagef("--birthday: %v", err)
		}
		k.Kind = domain.KindBirthday
		c.KeyDates = []domain.KeyDate{k}
	}
	s, err := a.open(ctx, g, "")
	if err != nil {
		return err
	}
	defer s.Close()
	if s.me != nil {
		c.OwnerID, c.StoreID = s.me.ID, s.me.StoreID
	}
	if err := s.store.CreateCustomer(ctx, &c); err != nil {
		return err
	}
	fmt.Fprintln(a.stdout, c.ID)
	return nil
}

// customerJSON is a customer as `customer list --json` prints it.
type customerJSON struct {
	ID           int64        `json:"id"`
	ExternalID   string       `json:"external_id,omitempty"`
	Name         string       `json:"name"`
	Remark       string       `json:"remark,omitempty"`
	Salutation   string       `json:"salutation,omitempty"`
	Phone        string       `json:"phone"`
	WeChat       string       `json:"wechat,omitempty"`
	Tags         []string     `json:"tags"`
	OwnerID      int64        `json:"owner_id,omitempty"`
	Class        domain.Class `json:"class"`
	Stage        domain.Stage `json:"stage"`
	Purchases    int          `json:"purchase_count"`
	TotalSpend   float64      `json:"total_spend"`
	LastPurchase domain.Date  `json:"last_purchase"`
	LastContact  domain.Date  `json:"last_contact"`
	Completeness int          `json:"completeness"`
}

// cmdCustomerList lists customers, most valuable first.
func (a *app) cmdCustomerList(ctx context.Context, args []string) error {
	var g globals
	var filter string
	var asJSON bool
	var limit int
	fs := newFlags("customer list")
	a.addGlobals(fs, &g)
	fs.StringVar(&filter, "filter", "", "")
	fs.BoolVar(&asJSON, "json", false, "")
	fs.IntVar(&limit, "limit", 0, "")
	if err := a.noPositionals(fs, args); err != nil {
		return err
	}
	s, err := a.open(ctx, g, "")
	if err != nil {
		return err
	}
	defer s.Close()
	if err := s.segments(ctx, s.store.Today()); err != nil {
		return err
	}
	f := domain.CustomerFilter{Text: filter, Limit: limit}
	if !s.scope.All {
		f.OwnerID = s.scope.SalesID
	}
	list, err := s.store.FindCustomers(ctx, f)
	if err != nil {
		return err
	}
	if asJSON {
		out := make([]customerJSON, len(list))
		for i, c := range list {
			out[i] = customerJSON{ID: c.ID, ExternalID: c.ExternalID, Name: c.Name, Remark: c.Remark, Salutation: c.Salutation,
				Phone: c.Phone(), WeChat: c.WeChat, Tags: c.Tags, OwnerID: c.OwnerID, Class: c.Stats.Class, Stage: c.Stats.Stage,
				Purchases: c.Stats.PurchaseCount, TotalSpend: c.Stats.TotalSpend.Units(), LastPurchase: c.Stats.LastPurchase,
				LastContact: c.Stats.LastContact, Completeness: c.Stats.Completeness}
			if out[i].Tags == nil {
				out[i].Tags = []string{}
			}
		}
		enc := json.NewEncoder(a.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(out)
	}
	rows := [][]string{{a.cat.T("cli.col.id"), a.cat.T("cli.col.name"), a.cat.T("cli.col.phone"), a.cat.T("cli.col.class"),
		a.cat.T("cli.col.stage"), a.cat.T("cli.col.last_purchase"), a.cat.T("cli.col.spend"), a.cat.T("cli.col.tags")}}
	for _, c := range list {
		name := c.Name
		if c.Remark != "" {
			name += "（" + c.Remark + "）"
		}
		rows = append(rows, []string{strconv.FormatInt(c.ID, 10), name, c.Phone(), a.cat.Class(c.Stats.Class), a.cat.Stage(c.Stats.Stage),
			c.Stats.LastPurchase.String(), a.cat.Money(c.Stats.TotalSpend), strings.Join(c.Tags, ",")})
	}
	fmt.Fprint(a.stdout, table(rows))
	return nil
}

// cmdPurchaseAdd records a purchase and prints its id.
func (a *app) cmdPurchaseAdd(ctx context.Context, args []string) error {
	var g globals
	var customer, amount string
	var day domain.Date
	var usage int
	var event string
	var items listFlag
	var online, isReturn bool
	fs := newFlags("purchase add")
	a.addGlobals(fs, &g)
	fs.StringVar(&customer, "customer", "", "")
	fs.StringVar(&amount, "amount", "", "")
	fs.Var(dateFlag{&day}, "date", "")
	fs.IntVar(&usage, "usage-days", 0, "")
	fs.StringVar(&event, "event", "", "")
	fs.Var(&items, "item", "")
	fs.BoolVar(&online, "online", false, "")
	fs.BoolVar(&isReturn, "return", false, "")
	if err := a.noPositionals(fs, args); err != nil {
		return err
	}
	p := domain.Purchase{On: day, UsageDays: usage, Channel: domain.SaleOffline, IsReturn: isReturn}
	var err error
	if p.CustomerID, err = a.requiredID("customer", customer); err != nil {
		return err
	}
	if amount == "" {
		return usagef("%s", a.cat.T("cli.err.required", "--amount"))
	}
	if p.Amount, err = domain.ParseMoney(amount); err != nil {
		return usagef("--amount: %s", a.cat.T("cli.err.bad_amount", amount))
	}
	if event != "" {
		if p.EventID, err = parseID("event", event); err != nil {
			return err
		}
	}
	for _, it := range items {
		li, err := domain.ParseLineItem(it)
		if err != nil {
			return usagef("--item %q: %v", it, err)
		}
		p.Items = append(p.Items, li)
	}
	if online {
		p.Channel = domain.SaleOnline
	}
	s, err := a.open(ctx, g, "")
	if err != nil {
		return err
	}
	defer s.Close()
	if _, err := s.store.Customer(ctx, p.CustomerID); err != nil {
		// An unknown id is a bad --customer, as for contacts and follow-ups: exit 2.
		if nf := (*domain.NotFoundError)(nil); errors.As(err, &nf) {
			return &domain.FieldError{Entity: "purchase", Field: "customer_id", Code: domain.CodeInvalid,
				Value: strconv.FormatInt(p.CustomerID, 10), Detail: "no such customer"}
		}
		return err
	}
	if s.me != nil {
		p.SalesID, p.StoreID = s.me.ID, s.me.StoreID
	}
	if err := s.store.AddPurchase(ctx, &p); err != nil {
		return err
	}
	fmt.Fprintln(a.stdout, p.ID)
	return nil
}

// cmdContactAdd logs a contact and prints its id.
func (a *app) cmdContactAdd(ctx context.Context, args []string) error {
	var g globals
	var customer, channel, outcome, purpose, note string
	var day, next domain.Date
	fs := newFlags("contact add")
	a.addGlobals(fs, &g)
	fs.StringVar(&customer, "customer", "", "")
	fs.StringVar(&channel, "channel", "", "")
	fs.StringVar(&outcome, "outcome", "", "")
	fs.StringVar(&purpose, "purpose", "other", "")
	fs.StringVar(&note, "note", "", "")
	fs.Var(dateFlag{&day}, "date", "")
	fs.Var(dateFlag{&next}, "next", "")
	if err := a.noPositionals(fs, args); err != nil {
		return err
	}
	c := domain.Contact{On: day, NextOn: next, Channel: domain.Channel(channel), Outcome: domain.Outcome(outcome),
		Purpose: domain.Purpose(purpose), Note: note}
	var err error
	if c.CustomerID, err = a.requiredID("customer", customer); err != nil {
		return err
	}
	for flag, v := range map[string]string{"--channel": channel, "--outcome": outcome} {
		if v == "" {
			return usagef("%s", a.cat.T("cli.err.required", flag))
		}
	}
	s, err := a.open(ctx, g, "")
	if err != nil {
		return err
	}
	defer s.Close()
	if s.me != nil {
		c.SalesID = s.me.ID
	}
	if err := s.store.AddContact(ctx, &c); err != nil {
		return err
	}
	fmt.Fprintln(a.stdout, c.ID)
	return nil
}

// cmdFollowUpAdd sets a follow-up and prints its id.
func (a *app) cmdFollowUpAdd(ctx context.Context, args []string) error {
	var g globals
	var customer, note string
	var due domain.Date
	fs := newFlags("followup add")
	a.addGlobals(fs, &g)
	fs.StringVar(&customer, "customer", "", "")
	fs.StringVar(&note, "note", "", "")
	fs.Var(dateFlag{&due}, "due", "")
	if err := a.noPositionals(fs, args); err != nil {
		return err
	}
	f := domain.FollowUp{Due: due, Note: note}
	var err error
	if f.CustomerID, err = a.requiredID("customer", customer); err != nil {
		return err
	}
	if due.IsZero() {
		return usagef("%s", a.cat.T("cli.err.required", "--due"))
	}
	s, err := a.open(ctx, g, "")
	if err != nil {
		return err
	}
	defer s.Close()
	if s.me != nil {
		f.SalesID = s.me.ID
	}
	if err := s.store.AddFollowUp(ctx, &f); err != nil {
		return err
	}
	fmt.Fprintln(a.stdout, f.ID)
	return nil
}

// noPositionals parses flags and refuses extra words.
func (a *app) noPositionals(fs *flag.FlagSet, args []string) error {
	pos, err := parseFlags(a.cat, fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("%s", a.cat.T("cli.err.too_many_args", strings.Join(pos, " ")))
	}
	return nil
}

// oneID parses the flags and the one positional argument, an ID.
func (a *app) oneID(fs *flag.FlagSet, args []string) (int64, error) {
	pos, err := parseFlags(a.cat, fs, args)
	if err != nil {
		return 0, err
	}
	if len(pos) != 1 {
		return 0, usagef("%s", a.cat.T("cli.err.required", "ID"))
	}
	return parseID("ID", pos[0])
}

// requiredID parses a required id flag.
func (a *app) requiredID(flag, v string) (int64, error) {
	if v == "" {
		return 0, usagef("%s", a.cat.T("cli.err.required", "--"+flag))
	}
	return parseID(flag, v)
}
