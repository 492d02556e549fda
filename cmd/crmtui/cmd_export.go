package main

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/crmtui/crmtui/db"
	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/domain/i18n"
)

// Exports (crmtui export customers|purchases|contacts|records|vcard) write
// what the store holds as files a salesperson opens in Excel or WPS and an
// import reads back: CSV in UTF-8 with a BOM, or XLSX; headers and words
// (channels, purposes, genders...) in the chosen language. customers,
// purchases and contacts export the whole store; the maintenance record
// table and the vCard address book are the salesperson's own (--all: the
// store's). --from/--to select by day: a customer's created day, a
// purchase's or a contact's day.

// exportArgs are the flags of every export.
type exportArgs struct {
	g      globals
	format string
	from   domain.Date
	to     domain.Date
	out    string
}

// parseExport reads the flags of `export KIND`.
func (a *app) parseExport(kind string, args []string, tabular bool) (exportArgs, error) {
	var e exportArgs
	fs := newFlags("export " + kind)
	a.addGlobals(fs, &e.g)
	fs.StringVar(&e.format, "format", "", "")
	fs.Var(dateFlag{&e.from}, "from", "")
	fs.Var(dateFlag{&e.to}, "to", "")
	fs.StringVar(&e.out, "out", "", "")
	if err := a.noPositionals(fs, args); err != nil {
		return e, err
	}
	if !e.from.IsZero() && !e.to.IsZero() && e.to.Before(e.from) {
		return e, usagef("%s", a.cat.T("export.err.range", e.from.String(), e.to.String()))
	}
	switch {
	case !tabular && e.format != "" && e.format != "vcf":
		return e, usagef("%s", a.cat.T("export.err.vcard_format", e.format))
	case !tabular:
		e.format = "vcf"
	case e.format == "":
		e.format = "csv"
		if strings.EqualFold(filepath.Ext(e.out), ".xlsx") {
			e.format = "xlsx"
		}
	case e.format != "csv" && e.format != "xlsx":
		return e, usagef("%s", a.cat.T("cli.err.bad_flag", "--format", e.format, a.cat.T("cli.err.bad_choice", e.format, "csv, xlsx")))
	}
	return e, nil
}

// filter is the export's day range and, when scoped, the salesperson.
func (e exportArgs) filter(s *session, scoped bool) db.ExportFilter {
	f := db.ExportFilter{From: e.from, To: e.to}
	if scoped && !s.scope.All {
		f.SalesID = s.scope.SalesID
	}
	return f
}

// defaultName is kind-YYYY-MM-DD.ext, in the current directory.
func (a *app) defaultName(kind, ext string) string {
	return fmt.Sprintf("%s-%s.%s", kind, domain.DateOf(a.now().In(a.loc)), ext)
}

// runTable opens the session and the output, writes a table through fill
// and reports how many records it wrote.
func (a *app) runTable(ctx context.Context, kind string, args []string, scoped bool,
	fill func(s *session, f db.ExportFilter, t tableWriter) (int, error)) error {
	e, err := a.parseExport(kind, args, true)
	if err != nil {
		return err
	}
	s, err := a.open(ctx, e.g, "")
	if err != nil {
		return err
	}
	defer s.Close()
	out, err := a.outputOf(e.out, a.defaultName(kind, e.format), e.format == "csv", s.store.Path())
	if err != nil {
		return err
	}
	var t tableWriter
	if e.format == "xlsx" {
		t, err = newXLSXTable(out.w, a.cat.T("export.sheet."+kind))
	} else {
		t, err = newCSVTable(out.w)
	}
	if err != nil {
		out.abort()
		return err
	}
	n, err := fill(s, e.filter(s, scoped), t)
	if err == nil {
		err = t.close()
	}
	if err == nil {
		err = out.commit()
	} else {
		out.abort()
	}
	if err != nil {
		return fmt.Errorf("%s", a.cat.T("export.err.failed", err))
	}
	a.reportExport(out, a.cat.Count("export.done."+kind, n))
	return nil
}

// reportExport says what was written where: on stdout for a file, on
// stderr when the export itself went to stdout.
func (a *app) reportExport(out *output, what string) {
	if out.stdout {
		fmt.Fprintln(a.stderr, a.cat.T("export.wrote_stdout", what))
		return
	}
	fmt.Fprintln(a.stdout, a.cat.T("export.wrote", what, out.path))
}

func (a *app) cmdExportCustomers(ctx context.Context, args []string) error {
	return a.runTable(ctx, "customers", args, false, func(s *session, f db.ExportFilter, t tableWriter) (int, error) {
		return writeTable(t, a.columns(customerColumns), func(fn func(*db.ExportCustomer) error) error {
			return s.store.ExportCustomers(ctx, f, fn)
		}, func(c *db.ExportCustomer) [][]any { return [][]any{customerRow(c, a.cat)} })
	})
}

func (a *app) cmdExportPurchases(ctx context.Context, args []string) error {
	return a.runTable(ctx, "purchases", args, false, func(s *session, f db.ExportFilter, t tableWriter) (int, error) {
		return writeTable(t, a.columns(purchaseColumns), func(fn func(*db.ExportPurchase) error) error {
			return s.store.ExportPurchases(ctx, f, fn)
		}, func(p *db.ExportPurchase) [][]any { return purchaseRows(p, a.cat) })
	})
}

func (a *app) cmdExportContacts(ctx context.Context, args []string) error {
	return a.runTable(ctx, "contacts", args, false, func(s *session, f db.ExportFilter, t tableWriter) (int, error) {
		return writeTable(t, a.columns(contactColumns), func(fn func(*db.ExportContact) error) error {
			return s.store.ExportContacts(ctx, f, fn)
		}, func(c *db.ExportContact) [][]any { return [][]any{contactRow(c, a.cat, a.loc)} })
	})
}

// cmdExportRecords writes the maintenance record table (顾客维护记录表): one
// row per contact — customer, date, channel, purpose, outcome, note, next
// follow-up — of the salesperson acted as (--all: everyone's).
func (a *app) cmdExportRecords(ctx context.Context, args []string) error {
	return a.runTable(ctx, "records", args, true, func(s *session, f db.ExportFilter, t tableWriter) (int, error) {
		return writeTable(t, a.columns(recordColumns), func(fn func(*db.ExportContact) error) error {
			return s.store.ExportContacts(ctx, f, fn)
		}, func(c *db.ExportContact) [][]any { return [][]any{recordRow(c, a.cat)} })
	})
}

// writeTable writes the header, then the rows of each record the store
// hands over (a purchase has one per line), and counts the records.
func writeTable[T any](t tableWriter, header []string, each func(func(*T) error) error, rows func(*T) [][]any) (int, error) {
	if err := t.header(header); err != nil {
		return 0, err
	}
	n := 0
	err := each(func(rec *T) error {
		n++
		for _, r := range rows(rec) {
			if err := t.row(r); err != nil {
				return err
			}
		}
		return nil
	})
	return n, err
}

// cmdExportVCard writes the phone address book (vCard 3.0) of the
// salesperson's customers (--all: the store's).
func (a *app) cmdExportVCard(ctx context.Context, args []string) error {
	e, err := a.parseExport("vcard", args, false)
	if err != nil {
		return err
	}
	s, err := a.open(ctx, e.g, "")
	if err != nil {
		return err
	}
	defer s.Close()
	out, err := a.outputOf(e.out, a.defaultName("vcard", "vcf"), true, s.store.Path())
	if err != nil {
		return err
	}
	v := &vcardWriter{w: out.w, cat: a.cat}
	err = s.store.ExportCustomers(ctx, e.filter(s, true), v.add)
	if err == nil {
		err = out.commit()
	} else {
		out.abort()
	}
	if err != nil {
		return fmt.Errorf("%s", a.cat.T("export.err.failed", err))
	}
	a.reportExport(out, a.cat.Count("export.done.vcard", v.n))
	return nil
}

// columns renders a header in the catalog's language.
func (a *app) columns(keys []string) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = a.cat.T("export.col." + k)
	}
	return out
}

// The columns of each export, as keys of export.col.* in the catalog. The
// Chinese and English headers are the ones the importer reads.
var (
	customerColumns = []string{"ref", "name", "remark", "salutation", "phone", "wechat", "gender", "source", "referrer",
		"birthday", "anniversaries", "tags", "direct_needs", "potential_needs", "sizes", "colors", "brands", "categories",
		"pref_other", "recent_focus", "description", "preferred_channel", "do_not_contact", "avoid_hours", "man_money",
		"man_authority", "man_need", "value_type", "owner", "created",
		// derived figures, for reading (an import recomputes them)
		"purchase_count", "total_spend", "last_purchase", "last_contact", "class"}
	purchaseColumns = []string{"invoice", "customer_ref", "customer", "date", "amount", "product", "sku", "category",
		"quantity", "line_amount", "sale_channel", "usage_days", "event", "salesperson", "note"}
	contactColumns = []string{"customer_ref", "customer", "time", "channel", "purpose", "outcome", "note", "next",
		"salesperson"}
	recordColumns = []string{"customer", "phone", "date", "channel", "purpose", "outcome", "note", "next", "salesperson"}
)

// listSep joins phones, tags and preference lists in one cell.
const listSep = ","

func customerRow(c *db.ExportCustomer, cat i18n.Catalog) []any {
	var birthday string
	var anniversaries []string
	for _, k := range c.KeyDates {
		if k.Kind == domain.KindBirthday {
			birthday = k.String()
		} else {
			anniversaries = append(anniversaries, k.Label+"="+k.String())
		}
	}
	gender, source, channel, value := "", "", "", ""
	if c.Gender != domain.GenderUnknown {
		gender = cat.Gender(c.Gender)
	}
	if c.Source != "" {
		source = cat.Source(c.Source)
	}
	if c.Contact.Preferred != "" {
		channel = cat.Channel(c.Contact.Preferred)
	}
	if c.ValueType != domain.ValueNone {
		value = cat.ValueType(c.ValueType)
	}
	dnc := ""
	if c.Contact.DoNotContact {
		dnc = cat.T("export.yes")
	}
	p := c.Preferences
	return []any{c.Ref, c.Name, c.Remark, c.Salutation, strings.Join(c.Phones, listSep), c.WeChat, gender, source, c.ReferrerRef,
		birthday, strings.Join(anniversaries, "; "), strings.Join(c.Tags, listSep), c.DirectNeeds, c.PotentialNeeds,
		strings.Join(p.Sizes, listSep), strings.Join(p.Colors, listSep), strings.Join(p.Brands, listSep),
		strings.Join(p.Categories, listSep), p.Other, c.RecentFocus, c.Description, channel, dnc, c.Contact.AvoidHours,
		tri(c.MAN.Money, cat), tri(c.MAN.Authority, cat), tri(c.MAN.Need, cat), value, c.Owner, c.CreatedOn.String(),
		c.Stats.PurchaseCount, c.Stats.TotalSpend, c.Stats.LastPurchase.String(), c.Stats.LastContact.String(), cat.Class(c.Stats.Class)}
}

func tri(t domain.Tri, cat i18n.Catalog) string {
	switch t {
	case domain.Yes:
		return cat.T("export.yes")
	case domain.No:
		return cat.T("export.no")
	}
	return ""
}

// purchaseRows is one row per line item, the purchase's fields repeated (a
// purchase without lines is one row with the line cells empty).
func purchaseRows(p *db.ExportPurchase, cat i18n.Catalog) [][]any {
	usage := ""
	if p.UsageDays > 0 {
		usage = fmt.Sprint(p.UsageDays)
	}
	head := func(line []any) []any {
		return append([]any{p.Ref, p.CustomerRef, p.CustomerName, p.On.String(), p.Amount}, append(line,
			cat.SaleChannel(p.Channel), usage, p.Event, p.Salesperson, p.Note)...)
	}
	if len(p.Items) == 0 {
		return [][]any{head([]any{"", "", "", "", ""})}
	}
	out := make([][]any, len(p.Items))
	for i, l := range p.Items {
		out[i] = head([]any{l.Product, l.SKU, l.Category, l.Quantity, l.Amount})
	}
	return out
}

// contactTimeLayout is a contact's local time in the contacts export.
const contactTimeLayout = "2006-01-02 15:04:05"

func contactRow(c *db.ExportContact, cat i18n.Catalog, loc *time.Location) []any {
	return []any{c.CustomerRef, c.CustomerName, c.At.In(loc).Format(contactTimeLayout), cat.Channel(c.Channel),
		cat.Purpose(c.Purpose), cat.Outcome(c.Outcome), c.Note, c.NextOn.String(), c.Salesperson}
}

func recordRow(c *db.ExportContact, cat i18n.Catalog) []any {
	name := c.CustomerName
	if c.CustomerRemark != "" && c.CustomerRemark != c.CustomerName {
		name += "（" + c.CustomerRemark + "）"
	}
	return []any{name, c.CustomerPhone, c.On.String(), cat.Channel(c.Channel), cat.Purpose(c.Purpose), cat.Outcome(c.Outcome),
		c.Note, c.NextOn.String(), c.Salesperson}
}
