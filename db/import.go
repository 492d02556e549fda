package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/crmtui/crmtui/domain"
)

// ImportOptions configure an import.
type ImportOptions struct {
	// DryRun matches and counts but writes nothing (no transaction is opened).
	DryRun bool
	// OwnerID and StoreID are given to the customers an import creates: the
	// salesperson who imports them (0: nobody).
	OwnerID int64
	StoreID int64
}

// ImportCounts are what an import wrote — or, in a dry run, would write.
type ImportCounts struct {
	CustomersNew      int `json:"customers_new"`
	CustomersExisting int `json:"customers_existing"` // customers already in the store, left as they are
	CustomersRepeated int `json:"customers_repeated"` // rows of a customers file repeating an earlier row
	ExternalIDs       int `json:"external_ids_set"`   // existing customers (found by phone) given the file's customer id
	TagsAdded         int `json:"tags_added"`         // tags (a country) added to customers
	Referrers         int `json:"referrers"`          // new customers given the customer who referred them
	ReferrersMissing  int `json:"referrers_missing"`  // referrers the file names that are nowhere to be found
	Sales             int `json:"sales"`
	Returns           int `json:"returns"`
	Lines             int `json:"line_items"`
	PurchasesExisting int `json:"purchases_existing"` // already in the store: same number, or same customer, day and amount
	PurchasesJoined   int `json:"purchases_joined"`   // parts of an invoice that came apart in the file, added to it
	Contacts          int `json:"contacts"`
	FollowUps         int `json:"followups"`
	ContactsExisting  int `json:"contacts_existing"`
}

// Importer writes imported records in one bulk transaction, matching each
// against what the store held before the import began, so that importing
// the same file twice changes nothing:
//
//   - customers by external id, then by phone, then — for rows that have
//     neither — by name (and WeChat id);
//   - purchases by number (external id); without a number by customer, day,
//     amount and kind;
//   - contacts by customer, time, channel and note.
//
// Matches without a key are counted like a multiset: two identical rows
// match two identical records, not one. Lookups read the committed database
// (the state before the import), the records of this import are tracked in
// memory. Figures and classes are recomputed once, at Commit (Bulk).
type Importer struct {
	s     *Store
	ctx   context.Context
	bulk  *Bulk // nil in a dry run
	write bool
	opt   ImportOptions
	n     ImportCounts

	stmts map[string]*sql.Stmt

	custByExt   map[string]int64
	extOf       map[int64]string
	custByPhone map[string]int64
	existing    map[int64]bool     // customers of the store matched so far
	created     map[int64]bool     // customers created by this import
	byName      map[string][]int64 // the store's customers by name (loaded when first needed)
	newNames    map[string][]int64 // customers created by this import, by name
	byWeChat    map[string][]int64
	namesLoaded bool
	consumed    map[string]map[int64]bool // multiset matches: kind → ids used
	tags        map[int64]map[string]bool // lower-case tags known per customer
	purchases   map[string]*importedPurchase
	fake        int64
	undo        []func()
	referrals   []referral
	finished    bool
}

// referral is a new customer and their referrer as the file names them.
type referral struct {
	id  int64
	ref string
}

// importedPurchase is an invoice seen in this import.
type importedPurchase struct {
	id, customer int64
	amount       domain.Money
	isReturn     bool
	lines        int
	existing     bool // in the store before the import: later parts are skipped too
}

// BeginImport starts an import: a bulk transaction, or nothing in a dry run.
func (s *Store) BeginImport(ctx context.Context, opt ImportOptions) (*Importer, error) {
	im := &Importer{s: s, ctx: ctx, opt: opt, stmts: map[string]*sql.Stmt{},
		custByExt: map[string]int64{}, extOf: map[int64]string{}, custByPhone: map[string]int64{}, existing: map[int64]bool{},
		created: map[int64]bool{}, newNames: map[string][]int64{}, consumed: map[string]map[int64]bool{}, tags: map[int64]map[string]bool{},
		purchases: map[string]*importedPurchase{}}
	if !opt.DryRun {
		b, err := s.BeginBulk(ctx)
		if err != nil {
			return nil, err
		}
		im.bulk, im.write = b, true
	}
	return im, nil
}

// Counts returns what was written (or would be) so far.
func (im *Importer) Counts() ImportCounts { return im.n }

// Writing reports whether records are still being written (not a dry run,
// not stopped).
func (im *Importer) Writing() bool { return im.write }

// StopWriting turns the rest of the import into a dry run: an import that
// will be rolled back (a bad row in an all-or-nothing file) still counts
// and checks every row, without the cost of writing them.
func (im *Importer) StopWriting() { im.write = false }

// Finish does what needs every row first: it links new customers to their
// referrers. Commit calls it; a dry run calls it for the counts.
func (im *Importer) Finish() error {
	if im.finished {
		return nil
	}
	im.finished = true
	for _, r := range im.referrals {
		id, err := im.findReferrer(r.ref)
		if err != nil {
			return err
		}
		if id == 0 || id == r.id {
			im.n.ReferrersMissing++
			continue
		}
		im.n.Referrers++
		if im.write && r.id > 0 && id > 0 {
			if _, err := im.bulk.Exec("UPDATE customers SET referrer_id = ? WHERE id = ? AND referrer_id IS NULL", id, r.id); err != nil {
				return err
			}
		}
	}
	return nil
}

// findReferrer finds a customer by external id, phone or (unique) name.
func (im *Importer) findReferrer(ref string) (int64, error) {
	im.undo = im.undo[:0]
	if id, err := im.find(&domain.Customer{ExternalID: ref}); err != nil || id != 0 {
		return id, err
	}
	if ph := domain.NormalizePhone(ref); domain.ValidatePhone(ph) == nil {
		if id, err := im.find(&domain.Customer{Phones: []string{ph}}); err != nil || id != 0 {
			return id, err
		}
	}
	if err := im.loadNames(); err != nil {
		return 0, err
	}
	if ids := append(append([]int64(nil), im.byName[ref]...), im.newNames[ref]...); len(ids) == 1 {
		return ids[0], nil
	}
	return 0, nil
}

// ReferredBy notes that a customer this import created was referred by
// ref (an external id, phone or name), found at Finish: the referrer may
// come later in the file.
func (im *Importer) ReferredBy(customerID int64, ref string) {
	if ref != "" && im.created[customerID] {
		im.referrals = append(im.referrals, referral{customerID, ref})
	}
}

// Commit recomputes the figures and commits (Bulk.Commit); a dry run, or
// an import told to stop writing, commits nothing.
func (im *Importer) Commit() error {
	defer im.closeStmts()
	if im.bulk == nil {
		return im.Finish()
	}
	if err := im.Finish(); err != nil {
		im.bulk.Rollback()
		return err
	}
	if !im.write {
		im.bulk.Rollback()
		return errors.New("import: commit after StopWriting")
	}
	return im.bulk.Commit()
}

// Rollback abandons the import.
func (im *Importer) Rollback() {
	im.closeStmts()
	if im.bulk != nil {
		im.bulk.Rollback()
	}
}

func (im *Importer) closeStmts() {
	for _, st := range im.stmts {
		st.Close()
	}
	im.stmts = map[string]*sql.Stmt{}
}

// query runs a lookup on the committed database through a statement
// prepared once.
func (im *Importer) query(q string, args ...any) (*sql.Rows, error) {
	st, ok := im.stmts[q]
	if !ok {
		var err error
		if st, err = im.s.db.PrepareContext(im.ctx, q); err != nil {
			return nil, err
		}
		im.stmts[q] = st
	}
	return st.QueryContext(im.ctx, args...)
}

// ids returns the first column of a lookup.
func (im *Importer) ids(q string, args ...any) ([]int64, error) {
	rows, err := im.query(q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// record runs one record's writes under a savepoint: a record refused
// half-way leaves neither rows nor cache entries behind.
func (im *Importer) record(fn func() error) error {
	im.undo = im.undo[:0]
	if !im.write {
		err := fn()
		if err != nil {
			im.revert()
		}
		return err
	}
	if _, err := im.bulk.Exec("SAVEPOINT import_record"); err != nil {
		return err
	}
	if err := fn(); err != nil {
		im.revert()
		if _, rerr := im.bulk.Exec("ROLLBACK TO import_record"); rerr != nil {
			return rerr
		}
		im.bulk.Exec("RELEASE import_record")
		return err
	}
	_, err := im.bulk.Exec("RELEASE import_record")
	return err
}

func (im *Importer) revert() {
	for i := len(im.undo) - 1; i >= 0; i-- {
		im.undo[i]()
	}
	im.undo = im.undo[:0]
}

// counter increments a count, undone if the record is refused.
func (im *Importer) count(p *int, by int) {
	*p += by
	im.undo = append(im.undo, func() { *p -= by })
}

func (im *Importer) setExt(ext string, id int64) {
	old, had := im.extOf[id]
	im.custByExt[ext], im.extOf[id] = id, ext
	im.undo = append(im.undo, func() {
		delete(im.custByExt, ext)
		if had {
			im.extOf[id] = old
		} else {
			delete(im.extOf, id)
		}
	})
}

func (im *Importer) setPhone(phone string, id int64) {
	if _, ok := im.custByPhone[phone]; ok {
		return
	}
	im.custByPhone[phone] = id
	im.undo = append(im.undo, func() { delete(im.custByPhone, phone) })
}

// consume picks the first of ids not matched yet (multiset matching).
func (im *Importer) consume(kind string, ids []int64) (int64, bool) {
	used := im.consumed[kind]
	if used == nil {
		used = map[int64]bool{}
		im.consumed[kind] = used
	}
	for _, id := range ids {
		if !used[id] {
			used[id] = true
			im.undo = append(im.undo, func() { delete(used, id) })
			return id, true
		}
	}
	return 0, false
}

// loadNames reads every customer's name and WeChat id once, for the rows
// that name a customer by nothing else.
func (im *Importer) loadNames() error {
	if im.namesLoaded {
		return nil
	}
	im.byName, im.byWeChat = map[string][]int64{}, map[string][]int64{}
	rows, err := im.s.db.QueryContext(im.ctx, "SELECT id, name, wechat FROM customers ORDER BY id")
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var name, wechat string
		if err := rows.Scan(&id, &name, &wechat); err != nil {
			return err
		}
		im.byName[name] = append(im.byName[name], id)
		if wechat != "" {
			im.byWeChat[wechat] = append(im.byWeChat[wechat], id)
		}
	}
	im.namesLoaded = true
	return rows.Err()
}

// find looks a customer up by external id, then phones. A customer found by
// phone whose external id differs from the row's is somebody else; one
// without an external id gets the row's.
func (im *Importer) find(c *domain.Customer) (int64, error) {
	c.Normalize()
	if c.ExternalID != "" {
		if id, ok := im.custByExt[c.ExternalID]; ok {
			return id, nil
		}
		ids, err := im.ids("SELECT id FROM customers WHERE external_id = ?", c.ExternalID)
		if err != nil {
			return 0, err
		}
		if len(ids) > 0 {
			im.setExt(c.ExternalID, ids[0])
			return ids[0], nil
		}
	}
	for _, ph := range c.Phones {
		candidates := []int64{}
		if id, ok := im.custByPhone[ph]; ok {
			candidates = append(candidates, id)
		} else {
			ids, err := im.ids("SELECT customer_id FROM customer_phones WHERE phone = ? ORDER BY customer_id", ph)
			if err != nil {
				return 0, err
			}
			candidates = ids
		}
		for _, id := range candidates {
			have, err := im.extOfCustomer(id)
			if err != nil {
				return 0, err
			}
			if c.ExternalID != "" && have != "" && have != c.ExternalID {
				continue
			}
			im.setPhone(ph, id)
			if c.ExternalID != "" && have == "" {
				if err := im.giveExt(id, c.ExternalID); err != nil {
					return 0, err
				}
			}
			return id, nil
		}
	}
	return 0, nil
}

// extOfCustomer returns a customer's external id: as this import set it,
// else as stored.
func (im *Importer) extOfCustomer(id int64) (string, error) {
	if e, ok := im.extOf[id]; ok || im.created[id] {
		return e, nil
	}
	rows, err := im.query("SELECT coalesce(external_id, '') FROM customers WHERE id = ?", id)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var have string
	if rows.Next() {
		if err := rows.Scan(&have); err != nil {
			return "", err
		}
	}
	return have, rows.Err()
}

// giveExt sets the external id of a customer found by phone that had none.
func (im *Importer) giveExt(id int64, ext string) error {
	im.setExt(ext, id)
	if !im.created[id] {
		im.count(&im.n.ExternalIDs, 1)
	}
	if !im.write || id < 0 {
		return nil
	}
	_, err := im.bulk.Exec("UPDATE customers SET external_id = ? WHERE id = ? AND external_id IS NULL", ext, id)
	return err
}

// create inserts a new customer (a made-up negative id in a dry run).
func (im *Importer) create(c *domain.Customer) (int64, error) {
	n := *c
	n.ID = 0
	if n.OwnerID == 0 {
		n.OwnerID = im.opt.OwnerID
	}
	if n.StoreID == 0 {
		n.StoreID = im.opt.StoreID
	}
	if im.write {
		if err := im.bulk.Customer(&n); err != nil {
			return 0, err
		}
	} else {
		n.Normalize()
		if err := n.Validate(); err != nil {
			return 0, err
		}
		im.fake--
		n.ID = im.fake
	}
	id := n.ID
	im.created[id] = true
	im.undo = append(im.undo, func() { delete(im.created, id) })
	if n.ExternalID != "" {
		im.setExt(n.ExternalID, id)
	}
	for _, ph := range n.Phones {
		im.setPhone(ph, id)
	}
	name := n.Name
	im.newNames[name] = append(im.newNames[name], id)
	im.undo = append(im.undo, func() { im.newNames[name] = im.newNames[name][:len(im.newNames[name])-1] })
	known := map[string]bool{}
	for _, t := range n.Tags {
		known[strings.ToLower(t)] = true
	}
	im.tags[id] = known
	im.count(&im.n.CustomersNew, 1)
	return id, nil
}

// errAmbiguousName: a row names a customer only by a name several customers share.
func errAmbiguousName(name string) error {
	return &domain.FieldError{Entity: "customer", Field: "name", Code: domain.CodeConflict, Value: name,
		Detail: "several customers have this name: add a phone or customer id column"}
}

// resolve finds whose a purchase or contact row is, creating the customer
// when the store does not have them.
func (im *Importer) resolve(who *domain.Customer) (int64, error) {
	id, err := im.find(who)
	if err != nil || id != 0 {
		im.seen(id)
		return id, err
	}
	if who.ExternalID == "" && len(who.Phones) == 0 && who.Name != "" {
		if err := im.loadNames(); err != nil {
			return 0, err
		}
		ids := append(append([]int64(nil), im.byName[who.Name]...), im.newNames[who.Name]...)
		switch len(ids) {
		case 0:
		case 1:
			im.seen(ids[0])
			return ids[0], nil
		default:
			return 0, errAmbiguousName(who.Name)
		}
	}
	return im.create(who)
}

// seen counts an existing customer matched for the first time.
func (im *Importer) seen(id int64) {
	if id != 0 && !im.created[id] && !im.existing[id] {
		im.existing[id] = true
		im.undo = append(im.undo, func() { delete(im.existing, id) })
		im.count(&im.n.CustomersExisting, 1)
	}
}

// addTags gives a customer the row's tags it does not have yet (the country
// of a purchases file: a customer who ordered from two countries has both).
func (im *Importer) addTags(id int64, tags []string) error {
	if len(tags) == 0 {
		return nil
	}
	known, ok := im.tags[id]
	if !ok {
		known = map[string]bool{}
		if id > 0 {
			rows, err := im.query("SELECT tag FROM customer_tags WHERE customer_id = ?", id)
			if err != nil {
				return err
			}
			for rows.Next() {
				var t string
				if err := rows.Scan(&t); err != nil {
					rows.Close()
					return err
				}
				known[strings.ToLower(t)] = true
			}
			rows.Close()
		}
		im.tags[id] = known
	}
	for _, t := range domain.NormalizeTags(tags) {
		lt := strings.ToLower(t)
		if known[lt] || domain.ValidateTag(t) != nil || len(known) >= domain.MaxTags {
			continue
		}
		known[lt] = true
		im.undo = append(im.undo, func() { delete(known, lt) })
		im.count(&im.n.TagsAdded, 1)
		if !im.write {
			continue
		}
		if _, err := im.bulk.Exec(`INSERT INTO customer_tags (customer_id, tag, position)
			VALUES (?, ?, (SELECT coalesce(max(position) + 1, 0) FROM customer_tags WHERE customer_id = ?))`, id, t, id); err != nil {
			return err
		}
		if _, err := im.bulk.Exec(`UPDATE customers SET tags = (SELECT group_concat(tag, ',') FROM
			(SELECT tag FROM customer_tags WHERE customer_id = ? ORDER BY position)) WHERE id = ?`, id, id); err != nil {
			return err
		}
	}
	return nil
}

// Customer imports a row of a customers file: an existing customer (same
// external id, a shared phone, or — for rows with neither — the same name
// or WeChat id) is left as it is, apart from getting the file's external id
// when it had none; anyone else is created. c.ID is set to the customer's
// id (made up in a dry run).
func (im *Importer) Customer(c *domain.Customer) error {
	return im.record(func() error {
		id, err := im.find(c)
		if err != nil {
			return err
		}
		if id == 0 && c.ExternalID == "" && len(c.Phones) == 0 {
			if err := im.loadNames(); err != nil {
				return err
			}
			if c.WeChat != "" {
				id, _ = im.consume("wechat", im.byWeChat[c.WeChat])
			}
			if id == 0 {
				id, _ = im.consume("name", im.byName[c.Name])
			}
		}
		switch {
		case id == 0:
			id, err = im.create(c)
			if err != nil {
				return err
			}
		case im.created[id]:
			im.count(&im.n.CustomersRepeated, 1)
		default:
			im.seen(id)
		}
		c.ID = id
		return nil
	})
}

// customerOf finds or creates the customer a purchase or contact row names,
// with the tags the row gives them.
func (im *Importer) customerOf(who *domain.Customer) (int64, error) {
	cid, err := im.resolve(who)
	if err != nil {
		return 0, err
	}
	return cid, im.addTags(cid, who.Tags)
}

// Purchase imports a purchase (or return) of the customer who: found or
// created, the purchase written unless the store has it. Parts of one
// invoice that reach the importer apart (the file interleaves invoices)
// are joined to the purchase made from the first part.
func (im *Importer) Purchase(who *domain.Customer, p *domain.Purchase) error {
	return im.record(func() error {
		cid, err := im.customerOf(who)
		if err != nil {
			return err
		}
		p.CustomerID = cid
		im.s.fillTimes(&p.At, &p.On)
		if p.ExternalID != "" {
			if prev, ok := im.purchases[p.ExternalID]; ok {
				return im.join(prev, p)
			}
			ids, err := im.ids("SELECT id FROM purchases WHERE external_id = ?", p.ExternalID)
			if err != nil {
				return err
			}
			if len(ids) > 0 {
				im.notePurchase(p.ExternalID, &importedPurchase{id: ids[0], customer: cid, existing: true})
				im.count(&im.n.PurchasesExisting, 1)
				return nil
			}
		} else if cid > 0 && !im.created[cid] {
			ids, err := im.ids(`SELECT id FROM purchases WHERE customer_id = ? AND on_date = ? AND amount = ? AND is_return = ?
				AND external_id IS NULL ORDER BY id`, cid, dateArg(p.On), int64(p.Amount), boolInt(p.IsReturn))
			if err != nil {
				return err
			}
			if _, ok := im.consume("purchase", ids); ok {
				im.count(&im.n.PurchasesExisting, 1)
				return nil
			}
		}
		if im.write {
			if err := im.bulk.Purchase(p); err != nil {
				return err
			}
		} else if err := validateAs(p.Validate, &p.CustomerID); err != nil {
			return err
		}
		if p.ExternalID != "" {
			im.notePurchase(p.ExternalID, &importedPurchase{id: p.ID, customer: cid, amount: p.Amount, isReturn: p.IsReturn, lines: len(p.Items)})
		}
		if p.IsReturn {
			im.count(&im.n.Returns, 1)
		} else {
			im.count(&im.n.Sales, 1)
		}
		im.count(&im.n.Lines, len(p.Items))
		return nil
	})
}

func (im *Importer) notePurchase(ext string, ip *importedPurchase) {
	im.purchases[ext] = ip
	im.undo = append(im.undo, func() { delete(im.purchases, ext) })
}

// join adds a later part of an invoice to its purchase.
func (im *Importer) join(prev *importedPurchase, p *domain.Purchase) error {
	if prev.customer != p.CustomerID {
		return &domain.FieldError{Entity: "purchase", Field: "external_id", Code: domain.CodeConflict, Value: p.ExternalID,
			Detail: "this invoice number is used for another customer"}
	}
	if prev.existing {
		return nil // already in the store: the whole invoice was counted once
	}
	if prev.isReturn != p.IsReturn {
		return &domain.FieldError{Entity: "purchase", Field: "external_id", Code: domain.CodeConflict, Value: p.ExternalID,
			Detail: "the parts of this invoice mix a sale and a return"}
	}
	if (prev.lines == 0) != (len(p.Items) == 0) {
		return &domain.FieldError{Entity: "purchase", Field: "items", Code: domain.CodeConflict, Value: p.ExternalID,
			Detail: "some rows of this invoice have a product and some do not"}
	}
	merged := *p
	merged.Amount = prev.amount + p.Amount
	merged.Items = nil
	if err := validateAs(merged.Validate, &merged.CustomerID); err != nil {
		return err
	}
	if im.write {
		for i, l := range p.Items {
			if err := l.Validate(); err != nil {
				return err
			}
			if _, err := im.bulk.Exec(`INSERT INTO purchase_items (purchase_id, position, product, sku, category, quantity, amount)
				VALUES (?,?,?,?,?,?,?)`, prev.id, prev.lines+i, l.Product, l.SKU, l.Category, l.Quantity, int64(l.Amount)); err != nil {
				return err
			}
		}
		if _, err := im.bulk.Exec("UPDATE purchases SET amount = ? WHERE id = ?", int64(merged.Amount), prev.id); err != nil {
			return err
		}
	}
	oldAmount, oldLines := prev.amount, prev.lines
	prev.amount, prev.lines = merged.Amount, prev.lines+len(p.Items)
	im.undo = append(im.undo, func() { prev.amount, prev.lines = oldAmount, oldLines })
	im.count(&im.n.PurchasesJoined, 1)
	im.count(&im.n.Lines, len(p.Items))
	return nil
}

// Contact imports a contact of the customer who (found or created) unless
// the store has one at the same time, by the same channel, with the same note.
func (im *Importer) Contact(who *domain.Customer, c *domain.Contact) error {
	return im.record(func() error {
		cid, err := im.customerOf(who)
		if err != nil {
			return err
		}
		c.CustomerID = cid
		im.s.fillTimes(&c.At, &c.On)
		if cid > 0 && !im.created[cid] {
			ids, err := im.ids(`SELECT id FROM contacts WHERE customer_id = ? AND on_date = ? AND at = ? AND channel = ? AND note = ?
				ORDER BY id`, cid, dateArg(c.On), timeArg(c.At), string(c.Channel), c.Note)
			if err != nil {
				return err
			}
			if _, ok := im.consume("contact", ids); ok {
				im.count(&im.n.ContactsExisting, 1)
				return nil
			}
		}
		if im.write {
			if err := im.bulk.Contact(c); err != nil {
				return err
			}
		} else if err := validateAs(c.Validate, &c.CustomerID); err != nil {
			return err
		}
		im.count(&im.n.Contacts, 1)
		if !c.NextOn.IsZero() {
			im.count(&im.n.FollowUps, 1)
		}
		return nil
	})
}

// validateAs runs a record's Validate; the made-up (negative) customer ids
// of a dry run stand for customers that would exist.
func validateAs(validate func() error, customerID *int64) error {
	if id := *customerID; id < 0 {
		*customerID = 1
		defer func() { *customerID = id }()
	}
	return validate()
}

// String summarises the counts for logs and tests.
func (n ImportCounts) String() string {
	return fmt.Sprintf("customers +%d (existing %d, repeated %d), sales %d, returns %d, lines %d, purchases existing %d, joined %d, contacts %d (existing %d)",
		n.CustomersNew, n.CustomersExisting, n.CustomersRepeated, n.Sales, n.Returns, n.Lines, n.PurchasesExisting,
		n.PurchasesJoined, n.Contacts, n.ContactsExisting)
}
