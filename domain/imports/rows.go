package imports

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/crmtui/crmtui/domain"
)

// rowData is one row turned into domain values, before rows of one invoice
// are put together.
type rowData struct {
	row      Row
	who      domain.Customer // the customer (customers) or whose row it is
	hasWho   bool
	invoice  string
	when     When
	amount   domain.Money // the row's amount: its line's, or the purchase's
	total    domain.Money // with a line amount column: the purchase's amount
	hasTotal bool
	referrer string
	qty      int
	negQty   bool
	line     *domain.LineItem
	isReturn bool
	channel  domain.SaleChannel
	usage    int
	note     string
	contact  *domain.Contact
	problems []Problem
	rounded  bool // the line amount lost fractions of a cent
	zero     bool // unit price 0
	trimmed  bool // the product name had spaces around it
}

// rowMapper converts rows with one mapping.
type rowMapper struct {
	m       *Mapping
	kind    Kind
	loc     *time.Location
	newName func(id string) string
	checkGB bool
}

// cell returns the first cell of a field and its column header.
func (rm *rowMapper) cell(d *rowData, f Field) (string, string) {
	for _, i := range rm.m.idx[f] {
		if i < len(d.row.Cells) {
			return undefuse(d.row.Cells[i]), rm.m.Columns[i].Header
		}
	}
	return "", rm.m.Header(f)
}

// undefuse removes the apostrophe spreadsheets (and crmtui's exports) put
// before text that would otherwise be read as a formula: '=SUM, '-abc.
func undefuse(s string) string {
	if len(s) > 1 && s[0] == '\'' && strings.IndexByte("=@+-", s[1]) >= 0 {
		return s[1:]
	}
	return s
}

// cells returns every cell of a (multi-column) field with its header.
func (rm *rowMapper) cells(d *rowData, f Field) (vals, headers []string) {
	for _, i := range rm.m.idx[f] {
		if i < len(d.row.Cells) {
			vals = append(vals, undefuse(d.row.Cells[i]))
			headers = append(headers, rm.m.Columns[i].Header)
		}
	}
	return vals, headers
}

// problem records why a cell was refused.
func (rm *rowMapper) problem(d *rowData, f Field, column, value string, err error) {
	ve, ok := err.(*valueError)
	if !ok {
		ve = &valueError{domain.CodeInvalid, err.Error()}
	}
	entity, path := fieldPath(rm.kind, f)
	d.problems = append(d.problems, Problem{Row: d.row.Num, Column: column, Value: value,
		Err: &domain.FieldError{Entity: entity, Field: path, Code: ve.code, Value: value, Detail: ve.detail}})
}

// validation turns a record's validation error into problems on its columns;
// lineRows gives the row of each purchase line.
func (rm *rowMapper) validation(err error, rows []*rowData, lineRows []*rowData) []Problem {
	if err == nil {
		return nil
	}
	ve, ok := err.(*domain.ValidationError)
	if !ok {
		return []Problem{{Row: rows[0].row.Num, Err: &domain.FieldError{Entity: string(rm.kind), Code: domain.CodeInvalid, Detail: err.Error()}}}
	}
	var out []Problem
	for _, fe := range ve.Problems {
		f, line := fieldOf(fe.Entity, fe.Field)
		d := rows[0]
		if line >= 0 && line < len(lineRows) {
			d = lineRows[line]
		}
		col := ""
		value := fe.Value
		if f != "" {
			// A field without a column of its own came from another one.
			for _, alt := range fallbacks[f] {
				if rm.m.Has(f) {
					break
				}
				f = alt
			}
			var cell string
			cell, col = rm.cell(d, f)
			if value == "" {
				value = strings.TrimSpace(cell)
			}
		}
		out = append(out, Problem{Row: d.row.Num, Column: col, Value: value, Err: fe})
	}
	return out
}

// fallbacks are the columns a field's value may have come from when it has
// no column of its own (an amount computed from the unit price).
var fallbacks = map[Field][]Field{
	ItemAmount: {Amount, UnitPrice},
	Amount:     {UnitPrice},
	Tags:       {Country},
	Birthday:   {LunarBirth, Anniversary},
	Sizes:      {Colors, Brands, Categories},
	ManMoney:   {ManAuthority, ManNeed},
}

// checkText refuses cells that are not text in the file's encoding.
func (rm *rowMapper) checkText(d *rowData) {
	for _, c := range rm.m.Columns {
		if c.Field == "" || c.Field == Ignore || c.Index >= len(d.row.Cells) {
			continue
		}
		v := d.row.Cells[c.Index]
		switch {
		case !utf8.ValidString(v):
			d.row.Cells[c.Index] = strings.ToValidUTF8(v, "\uFFFD")
			rm.problem(d, c.Field, c.Header, d.row.Cells[c.Index], errNotUTF8)
		case rm.checkGB && strings.ContainsRune(v, utf8.RuneError):
			rm.problem(d, c.Field, c.Header, v, errNotGB)
		}
	}
}

// customerOf reads the columns that name a customer: the customer id, the
// phones, the name, the country (a tag).
func (rm *rowMapper) customerOf(d *rowData) {
	c := &d.who
	ext, _ := rm.cell(d, CustomerID)
	c.ExternalID = CleanID(ext)
	vals, heads := rm.cells(d, Phone)
	for i, v := range vals {
		phones, err := ParsePhones(v)
		if err != nil {
			rm.problem(d, Phone, heads[i], strings.TrimSpace(v), err)
			continue
		}
		c.Phones = append(c.Phones, phones...)
	}
	name, _ := rm.cell(d, Name)
	c.Name = strings.TrimSpace(name)
	countries, _ := rm.cells(d, Country)
	for _, v := range countries {
		if v = strings.TrimSpace(v); v != "" {
			c.Tags = append(c.Tags, v)
		}
	}
	d.hasWho = c.ExternalID != "" || len(c.Phones) > 0 || c.Name != "" || len(d.problems) > 0
	if c.Name == "" {
		switch {
		case c.ExternalID != "":
			c.Name = rm.newName(c.ExternalID)
		case len(c.Phones) > 0:
			c.Name = rm.newName(c.Phones[0])
		}
	}
}

// when reads the date column, completed by the time column.
func (rm *rowMapper) when(d *rowData, required bool) (When, bool) {
	dv, dh := rm.cell(d, Date)
	tv, th := rm.cell(d, Time)
	dv, tv = strings.TrimSpace(dv), strings.TrimSpace(tv)
	var w When
	switch {
	case dv != "":
		var err error
		if w, err = ParseWhen(dv); err != nil {
			rm.problem(d, Date, dh, dv, err)
			return When{}, false
		}
		if tv != "" && !w.HasTime {
			if tw, err := ParseWhen(tv); err == nil {
				if tw.Date != w.Date {
					rm.problem(d, Time, th, tv, errClock)
					return When{}, false
				}
				w = tw
			} else if h, m, s, err := ParseClock(tv); err == nil {
				w.Hour, w.Minute, w.Second, w.HasTime = h, m, s, true
			} else {
				rm.problem(d, Time, th, tv, err)
				return When{}, false
			}
		}
	case tv != "":
		var err error
		if w, err = ParseWhen(tv); err != nil {
			rm.problem(d, Time, th, tv, err)
			return When{}, false
		}
	default:
		if required {
			col := dh
			if col == "" {
				col = th
			}
			entity, path := fieldPath(rm.kind, Date)
			d.problems = append(d.problems, Problem{Row: d.row.Num, Column: col,
				Err: &domain.FieldError{Entity: entity, Field: path, Code: domain.CodeRequired}})
		}
		return When{}, false
	}
	return w, true
}

// text returns a trimmed text cell.
func (rm *rowMapper) text(d *rowData, f Field) string {
	v, _ := rm.cell(d, f)
	return strings.TrimSpace(v)
}

// mapCustomer reads a row of a customers file.
func (rm *rowMapper) mapCustomer(d *rowData) {
	rm.customerOf(d)
	c := &d.who
	c.Remark = rm.text(d, Remark)
	c.Salutation = rm.text(d, Salutation)
	c.WeChat = rm.text(d, WeChat)
	c.Description = rm.text(d, Description)
	c.DirectNeeds = rm.text(d, Needs)
	if v, h := rm.cell(d, Gender); strings.TrimSpace(v) != "" {
		g, err := ParseGender(v)
		if err != nil {
			rm.problem(d, Gender, h, strings.TrimSpace(v), err)
		}
		c.Gender = g
	}
	if v, h := rm.cell(d, Source); strings.TrimSpace(v) != "" {
		s, err := ParseSource(v)
		if err != nil {
			rm.problem(d, Source, h, strings.TrimSpace(v), err)
		}
		c.Source = s
	}
	if v, h := rm.cell(d, DoNotContact); strings.TrimSpace(v) != "" {
		b, err := ParseBool(v)
		if err != nil {
			rm.problem(d, DoNotContact, h, strings.TrimSpace(v), err)
		}
		c.Contact.DoNotContact = b
	}
	lunar := false
	if v, h := rm.cell(d, Lunar); strings.TrimSpace(v) != "" {
		b, err := ParseBool(v)
		if err != nil {
			rm.problem(d, Lunar, h, strings.TrimSpace(v), err)
		}
		lunar = b
	}
	for _, f := range []Field{Birthday, LunarBirth} {
		v, h := rm.cell(d, f)
		if v = strings.TrimSpace(v); v == "" {
			continue
		}
		k, err := ParseBirthday(v, lunar || f == LunarBirth)
		if err != nil {
			rm.problem(d, f, h, v, err)
			continue
		}
		c.KeyDates = append([]domain.KeyDate{k}, c.KeyDates...)
		break
	}
	rm.customerExtras(d)
	tags, _ := rm.cells(d, Tags)
	var all []string
	for _, t := range tags {
		all = append(all, SplitTags(t)...)
	}
	c.Tags = append(all, c.Tags...) // the country after the tags
	switch {
	case rm.m.Has(Name) && rm.text(d, Name) == "":
		c.Name = "" // the file names its customers: this row forgot to
	case !d.hasWho && c.WeChat != "":
		c.Name = rm.newName(c.WeChat)
	}
	c.Normalize()
	d.problems = merge(d.problems, rm.validation(c.Validate(), []*rowData{d}, nil))
}

// merge adds validation problems to the parse problems of the same rows,
// leaving out those on a cell that already has one (a value that could not
// be read is then also "missing").
func merge(problems, more []Problem) []Problem {
	for _, p := range more {
		dup := false
		for _, q := range problems {
			if q.Row == p.Row && q.Sibling == 0 && (q.Column == p.Column && p.Column != "" || q.Err.Field == p.Err.Field) {
				dup = true
				break
			}
		}
		if !dup {
			problems = append(problems, p)
		}
	}
	return problems
}

// customerExtras reads the rest of the customer file: needs, tastes,
// contact preferences, MAN, value type, anniversaries, the referrer.
func (rm *rowMapper) customerExtras(d *rowData) {
	c := &d.who
	c.PotentialNeeds = rm.text(d, Potential)
	c.RecentFocus = rm.text(d, RecentFocus)
	c.Contact.AvoidHours = rm.text(d, AvoidHours)
	c.Preferences.Other = rm.text(d, Preferences)
	c.Preferences.Sizes = SplitTags(rm.text(d, Sizes))
	c.Preferences.Colors = SplitTags(rm.text(d, Colors))
	c.Preferences.Brands = SplitTags(rm.text(d, Brands))
	c.Preferences.Categories = SplitTags(rm.text(d, Categories))
	d.referrer = CleanID(rm.text(d, Referrer))
	if v, h := rm.cell(d, Preferred); strings.TrimSpace(v) != "" {
		ch, err := ParseChannel(v)
		if err != nil {
			rm.problem(d, Preferred, h, strings.TrimSpace(v), err)
		}
		c.Contact.Preferred = ch
	}
	for _, x := range []struct {
		f Field
		t *domain.Tri
	}{{ManMoney, &c.MAN.Money}, {ManAuthority, &c.MAN.Authority}, {ManNeed, &c.MAN.Need}} {
		v, h := rm.cell(d, x.f)
		if v = strings.TrimSpace(v); v == "" {
			continue
		}
		b, err := ParseBool(v)
		if err != nil {
			rm.problem(d, x.f, h, v, err)
			continue
		}
		*x.t = domain.No
		if b {
			*x.t = domain.Yes
		}
	}
	if v, h := rm.cell(d, ValueType); strings.TrimSpace(v) != "" {
		vt, err := ParseValueType(v)
		if err != nil {
			rm.problem(d, ValueType, h, strings.TrimSpace(v), err)
		}
		c.ValueType = vt
	}
	if v, h := rm.cell(d, Created); strings.TrimSpace(v) != "" {
		w, err := ParseWhen(v)
		if err != nil {
			rm.problem(d, Created, h, strings.TrimSpace(v), err)
		}
		c.CreatedOn = w.Date
	}
	if v, h := rm.cell(d, Anniversary); strings.TrimSpace(v) != "" {
		ks, err := ParseAnniversaries(v, h)
		if err != nil {
			rm.problem(d, Anniversary, h, strings.TrimSpace(v), err)
		}
		c.KeyDates = append(c.KeyDates, ks...)
	}
}

// mapContact reads a row of a contacts file.
func (rm *rowMapper) mapContact(d *rowData) {
	rm.customerOf(d)
	if !d.hasWho {
		rm.problem(d, CustomerID, "", "", errNoCustomer)
		d.problems[len(d.problems)-1].Err.Entity, d.problems[len(d.problems)-1].Err.Field = "contact", "customer_id"
		return
	}
	rm.validateWho(d)
	c := &domain.Contact{Channel: domain.ChannelOther, Outcome: domain.OutcomeOther, Purpose: domain.PurposeOther}
	d.contact = c
	if w, ok := rm.when(d, true); ok {
		c.On, c.At = w.Date, w.In(rm.loc)
	}
	if v, h := rm.cell(d, Channel); strings.TrimSpace(v) != "" {
		ch, err := ParseChannel(v)
		if err != nil {
			rm.problem(d, Channel, h, strings.TrimSpace(v), err)
		} else {
			c.Channel = ch
		}
	}
	if v, h := rm.cell(d, Purpose); strings.TrimSpace(v) != "" {
		p, err := ParsePurpose(v)
		if err != nil {
			rm.problem(d, Purpose, h, strings.TrimSpace(v), err)
		} else {
			c.Purpose = p
		}
	}
	if v, h := rm.cell(d, Outcome); strings.TrimSpace(v) != "" {
		o, err := ParseOutcome(v)
		if err != nil {
			rm.problem(d, Outcome, h, strings.TrimSpace(v), err)
		} else {
			c.Outcome = o
		}
	}
	c.Note = rm.text(d, Note)
	if v, h := rm.cell(d, Next); strings.TrimSpace(v) != "" {
		w, err := ParseWhen(v)
		if err != nil {
			rm.problem(d, Next, h, strings.TrimSpace(v), err)
		} else {
			c.NextOn = w.Date
		}
	}
	check := *c
	check.CustomerID = 1 // resolved by the store
	d.problems = merge(d.problems, rm.validation(check.Validate(), []*rowData{d}, nil))
}

// validateWho checks the customer a purchase or contact row would create.
func (rm *rowMapper) validateWho(d *rowData) {
	d.who.Normalize()
	d.problems = merge(d.problems, rm.validation(d.who.Validate(), []*rowData{d}, nil))
}

// mapPurchase reads a row of a purchases file: one line of an invoice, or
// a whole purchase when the file has no invoice numbers.
func (rm *rowMapper) mapPurchase(d *rowData) {
	rm.customerOf(d)
	d.invoice = CleanID(rm.text(d, Invoice))
	if v, h := rm.cell(d, Return); strings.TrimSpace(v) != "" {
		b, err := ParseBool(v)
		if err != nil {
			rm.problem(d, Return, h, strings.TrimSpace(v), err)
		}
		d.isReturn = b
	}
	qty, hasQty := 1, false
	if v, h := rm.cell(d, Quantity); strings.TrimSpace(v) != "" {
		q, err := ParseQuantity(v)
		if err != nil {
			rm.problem(d, Quantity, h, strings.TrimSpace(v), err)
		}
		qty, hasQty = q, true
	}
	d.qty, d.negQty = qty, hasQty && qty < 0
	if !d.hasWho {
		return // counted and left out by the reader
	}
	rm.validateWho(d)
	if w, ok := rm.when(d, true); ok {
		d.when = w
	}
	var price int64
	hasPrice, badPrice := false, false
	if v, h := rm.cell(d, UnitPrice); strings.TrimSpace(v) != "" {
		p, err := ParseUnitPrice(v)
		if err != nil {
			rm.problem(d, UnitPrice, h, strings.TrimSpace(v), err)
		}
		price, hasPrice, badPrice = p, err == nil, err != nil
		d.zero = err == nil && p == 0
	}
	amountCol := Amount
	if rm.m.Has(ItemAmount) {
		// The amount column is the purchase's total, repeated on its rows.
		amountCol = ItemAmount
		if v, h := rm.cell(d, Amount); strings.TrimSpace(v) != "" {
			a, err := ParseAmount(v)
			if err != nil {
				rm.problem(d, Amount, h, strings.TrimSpace(v), err)
			}
			d.total, d.hasTotal = a, err == nil
		}
	}
	if v, h := rm.cell(d, amountCol); strings.TrimSpace(v) != "" {
		a, err := ParseAmount(v)
		if err != nil {
			rm.problem(d, amountCol, h, strings.TrimSpace(v), err)
		}
		d.amount = a
	} else if amountCol == ItemAmount && d.hasTotal && rm.text(d, Product) == "" && rm.text(d, SKU) == "" {
		d.amount = d.total // a purchase without lines
	} else if hasPrice {
		d.amount, d.rounded = LineAmount(qty, price)
	} else if !badPrice && !(amountCol == ItemAmount && !d.hasTotal && len(d.problems) > 0) {
		col := rm.m.Header(amountCol)
		if col == "" {
			col = rm.m.Header(UnitPrice)
		}
		d.problems = append(d.problems, Problem{Row: d.row.Num, Column: col,
			Err: &domain.FieldError{Entity: "purchase", Field: "amount", Code: domain.CodeRequired}})
	}
	raw, _ := rm.cell(d, Product)
	product := strings.TrimSpace(raw)
	d.trimmed = product != "" && product != raw
	sku := strings.TrimSpace(rm.text(d, SKU))
	if product == "" {
		product = sku
	}
	if product != "" {
		d.line = &domain.LineItem{Product: product, SKU: sku, Category: rm.text(d, Category), Quantity: qty, Amount: d.amount}
	}
	if v, h := rm.cell(d, Channel); strings.TrimSpace(v) != "" {
		ch, err := ParseSaleChannel(v)
		if err != nil {
			rm.problem(d, Channel, h, strings.TrimSpace(v), err)
		}
		d.channel = ch
	}
	if v, h := rm.cell(d, UsageDays); strings.TrimSpace(v) != "" {
		n, err := ParseQuantity(v)
		if err != nil {
			rm.problem(d, UsageDays, h, strings.TrimSpace(v), err)
		}
		d.usage = n
	}
	d.note = rm.text(d, Note)
}

// sameCustomer reports whether two rows of an invoice name the same customer.
func sameCustomer(a, b *domain.Customer) bool {
	switch {
	case a.ExternalID != "" || b.ExternalID != "":
		return a.ExternalID == b.ExternalID
	case len(a.Phones) > 0 || len(b.Phones) > 0:
		return len(a.Phones) > 0 && len(b.Phones) > 0 && a.Phones[0] == b.Phones[0]
	}
	return a.Name == b.Name
}

// isCInvoice reports the "C" invoices of retail systems: cancellations.
func isCInvoice(inv string) bool { return len(inv) > 1 && (inv[0] == 'C' || inv[0] == 'c') }

// purchaseOf puts the rows of one invoice together: one purchase whose
// amount is the sum of its rows, with a line per row. It is a return when
// a row says so, when its amount is negative, or when it is a "C" invoice
// with negative quantities; a return written with positive amounts is
// turned negative.
func (rm *rowMapper) purchaseOf(rows []*rowData) *Record {
	rec := &Record{Kind: Purchases, m: rm.m}
	first := rows[0]
	for _, d := range rows {
		rec.Rows = append(rec.Rows, d.row)
	}
	who := first.who
	rec.Customer = &who
	p := &domain.Purchase{ExternalID: first.invoice, On: first.when.Date, At: first.when.In(rm.loc), Channel: first.channel,
		UsageDays: first.usage}
	rec.Purchase = p
	var problems []Problem
	allLines, negQty, flag := true, false, false
	var notes []string
	var lineRows []*rowData
	for _, d := range rows {
		problems = append(problems, d.problems...)
		if d != first && len(d.problems) == 0 && !sameCustomer(&first.who, &d.who) {
			col := rm.m.Header(CustomerID)
			if col == "" {
				col = rm.m.Header(Phone)
			}
			if col == "" {
				col = rm.m.Header(Name)
			}
			problems = append(problems, Problem{Row: d.row.Num, Column: col, Value: d.who.ExternalID,
				Err: &domain.FieldError{Entity: "purchase", Field: "customer_id", Code: errMixed.code, Value: d.who.ExternalID, Detail: errMixed.detail}})
		}
		p.Amount += d.amount
		if d.line == nil {
			allLines = false
		} else {
			p.Items = append(p.Items, *d.line)
			lineRows = append(lineRows, d)
		}
		negQty = negQty || d.negQty
		flag = flag || d.isReturn
		if d.note != "" && !contains(notes, d.note) {
			notes = append(notes, d.note)
		}
		if p.Channel == "" {
			p.Channel = d.channel
		}
	}
	if !allLines {
		p.Items, lineRows = nil, nil
	}
	if first.hasTotal && allLines {
		// The file gives the purchase's amount beside each line's: the
		// lines must add up to it (checked by the validation below).
		p.Amount = first.total
	}
	p.Note = strings.Join(notes, "；")
	p.IsReturn = flag || p.Amount < 0 || (isCInvoice(p.ExternalID) && negQty)
	if flag && p.Amount > 0 {
		p.Amount = -p.Amount
		for i := range p.Items {
			p.Items[i].Amount, p.Items[i].Quantity = -p.Items[i].Amount, -p.Items[i].Quantity
		}
	}
	check := *p
	check.CustomerID = 1 // resolved by the store
	problems = merge(problems, rm.validation(check.Validate(), rows, lineRows))
	rec.Problems = withSiblings(problems, rows)
	return rec
}

// withSiblings adds, for every row of a refused invoice that has no problem
// of its own, a problem naming the row at fault.
func withSiblings(problems []Problem, rows []*rowData) []Problem {
	if len(problems) == 0 || len(rows) < 2 {
		return problems
	}
	bad := map[int]bool{}
	for _, p := range problems {
		bad[p.Row] = true
	}
	first := problems[0]
	for _, d := range rows {
		if !bad[d.row.Num] {
			problems = append(problems, Problem{Row: d.row.Num, Sibling: first.Row, Value: d.invoice,
				Err: &domain.FieldError{Entity: "purchase", Field: "external_id", Code: domain.CodeConflict, Value: d.invoice}})
		}
	}
	return problems
}

// single makes the record of a customers or contacts row.
func (rm *rowMapper) single(d *rowData) *Record {
	rec := &Record{Kind: rm.kind, Rows: []Row{d.row}, Problems: d.problems, m: rm.m}
	who := d.who
	rec.Customer = &who
	rec.Contact = d.contact
	rec.Referrer = d.referrer
	return rec
}
