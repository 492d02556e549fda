package main

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/crmtui/crmtui/db"
	"github.com/crmtui/crmtui/domain/i18n"
	"github.com/crmtui/crmtui/domain/imports"
)

func (a *app) cmdImportCustomers(ctx context.Context, args []string) error {
	return a.runImport(ctx, imports.Customers, args)
}

func (a *app) cmdImportPurchases(ctx context.Context, args []string) error {
	return a.runImport(ctx, imports.Purchases, args)
}

func (a *app) cmdImportContacts(ctx context.Context, args []string) error {
	return a.runImport(ctx, imports.Contacts, args)
}

// maxShownProblems is how many problems the report lists before "… and N more".
const maxShownProblems = 20

// importRun is one import: the file, the store's importer, what went wrong.
type importRun struct {
	a        *app
	kind     imports.Kind
	path     string
	r        *imports.Reader
	im       *db.Importer
	dry      bool
	rejects  *csv.Writer
	rejectsF *os.File
	shown    []imports.Problem
	problems int
	badRows  int
	first    *imports.Problem
}

// runImport reads a file of customers, purchases or contacts and writes it
// in one transaction: all or nothing, unless --skip-bad sets the bad rows
// aside; --dry-run checks and counts without writing.
func (a *app) runImport(ctx context.Context, kind imports.Kind, args []string) error {
	var g globals
	var dry bool
	var encName, skipBad string
	var maps listFlag
	fs := newFlags("import " + string(kind))
	a.addGlobals(fs, &g)
	fs.BoolVar(&dry, "dry-run", false, "")
	fs.StringVar(&encName, "encoding", "", "")
	fs.Var(&maps, "map", "")
	fs.StringVar(&skipBad, "skip-bad", "", "")
	pos, err := parseFlags(a.cat, fs, args)
	if err != nil {
		return err
	}
	if err := a.checkLang(g); err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("%s", a.cat.T("import.err.file", string(kind)))
	}
	path := pos[0]
	enc, ok := imports.ParseEncoding(encName)
	if !ok {
		return usagef("%s", a.cat.T("import.err.encoding", encName))
	}
	if skipBad != "" && sameFile(skipBad, path) {
		return usagef("%s", a.cat.T("import.err.same_file"))
	}
	r, err := imports.Open(path, imports.Options{Kind: kind, Encoding: enc, Map: maps, Loc: a.loc,
		NewCustomerName: func(id string) string { return a.cat.T("import.new_customer", id) }})
	if err != nil {
		return a.openErr(kind, path, err)
	}
	defer r.Close()

	dbPath := g.db
	if dbPath == "" {
		dbPath = defaultDB(a.getenv)
	}
	if dry && !fileExists(dbPath) {
		// A dry run writes nothing, not even a new database: check
		// against an empty store in a temporary folder.
		tmp, err := os.MkdirTemp("", "crmtui-import-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		dbPath = filepath.Join(tmp, "crm.db")
	}
	s, err := a.open(ctx, g, dbPath)
	if err != nil {
		return err
	}
	defer s.Close()
	opt := db.ImportOptions{DryRun: dry}
	if s.me != nil {
		opt.OwnerID, opt.StoreID = s.me.ID, s.me.StoreID
	}
	run := &importRun{a: a, kind: kind, r: r, dry: dry, path: path}
	a.printFileInfo(path, r, dry)
	if skipBad != "" {
		if err := run.openRejects(skipBad); err != nil {
			return err
		}
		defer run.rejectsF.Close()
	}
	began := time.Now()
	im, err := s.store.BeginImport(ctx, opt)
	if err != nil {
		return err
	}
	run.im = im
	if err := run.loop(ctx); err != nil {
		im.Rollback()
		return err
	}
	st := r.Stats()
	if run.problems > 0 && skipBad == "" && !dry {
		im.Rollback()
		run.printProblems(a.stderr)
		return fmt.Errorf("%s: %w", a.tn("import.aborted", run.badRows, run.badRows, run.first.Row, run.firstColumn()), run.first.Err)
	}
	if !dry {
		if isTerminal(os.Stderr) && a.stderr == os.Stderr {
			fmt.Fprint(a.stderr, "\r\033[K"+a.cat.T("import.committing"))
		}
		if err := im.Commit(); err != nil {
			return err
		}
		if isTerminal(os.Stderr) && a.stderr == os.Stderr {
			fmt.Fprint(a.stderr, "\r\033[K")
		}
	} else {
		if err := im.Finish(); err != nil {
			im.Rollback()
			return err
		}
		im.Rollback()
	}
	elapsed := time.Since(began).Round(10 * time.Millisecond).String()
	if run.problems > 0 {
		run.printProblems(a.stdout)
	}
	if dry {
		fmt.Fprintln(a.stdout, a.cat.T("import.would", elapsed))
	} else {
		fmt.Fprintln(a.stdout, a.cat.T("import.done", elapsed))
	}
	a.printCounts(kind, st, im.Counts(), run.badRows)
	if run.rejects != nil {
		run.rejects.Flush()
		if err := run.rejects.Error(); err != nil {
			return err
		}
		if run.badRows > 0 {
			fmt.Fprintln(a.stdout, a.tn("import.rejects", run.badRows, run.badRows, skipBad))
		} else {
			fmt.Fprintln(a.stdout, a.cat.T("import.rejects_none", skipBad))
		}
	}
	if dry && run.problems > 0 && skipBad == "" {
		return fmt.Errorf("%s: %w", a.tn("import.dry_bad", run.badRows, run.badRows, run.first.Row, run.firstColumn()), run.first.Err)
	}
	return nil
}

// firstColumn words the column of the first problem (", column \"phone\"").
func (run *importRun) firstColumn() string {
	if run.first == nil || run.first.Column == "" {
		return ""
	}
	return run.a.cat.T("import.in_column", run.first.Column)
}

// loop reads every record and hands it to the store.
func (run *importRun) loop(ctx context.Context) error {
	a := run.a
	progress := isTerminal(os.Stderr) && a.stderr == os.Stderr
	last := time.Now()
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		rec, err := run.r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("%s", a.cat.T("import.err.read", run.path, err))
		}
		if progress && time.Since(last) > 150*time.Millisecond {
			last = time.Now()
			fmt.Fprintf(a.stderr, "\r%s", a.cat.T("import.progress", importBar(run.r.Progress()), run.r.Stats().Rows))
		}
		if rec.OK() {
			var werr error
			switch run.kind {
			case imports.Customers:
				if werr = run.im.Customer(rec.Customer); werr == nil {
					run.im.ReferredBy(rec.Customer.ID, rec.Referrer)
				}
			case imports.Purchases:
				werr = run.im.Purchase(rec.Customer, rec.Purchase)
			case imports.Contacts:
				werr = run.im.Contact(rec.Customer, rec.Contact)
			}
			if werr == nil {
				continue
			}
			p, ok := rec.Problem(werr)
			if !ok {
				return werr
			}
			rec.Problems = []imports.Problem{p}
			for _, row := range rec.Rows[1:] {
				rec.Problems = append(rec.Problems, imports.Problem{Row: row.Num, Sibling: p.Row, Err: p.Err})
			}
		}
		if err := run.refuse(rec); err != nil {
			return err
		}
	}
	if progress {
		fmt.Fprint(a.stderr, "\r\033[K")
	}
	return nil
}

// refuse records a bad record: counted, listed, set aside with --skip-bad;
// an all-or-nothing import stops writing.
func (run *importRun) refuse(rec *imports.Record) error {
	run.badRows += len(rec.Rows)
	for i := range rec.Problems {
		p := rec.Problems[i]
		if p.Sibling != 0 {
			continue
		}
		run.problems++
		if run.first == nil {
			run.first = &p
		}
		if len(run.shown) < maxShownProblems {
			run.shown = append(run.shown, p)
		}
	}
	if run.rejects == nil && !run.dry && run.im.Writing() {
		run.im.StopWriting()
	}
	if run.rejects == nil {
		return nil
	}
	width := len(run.r.Header())
	for _, row := range rec.Rows {
		var why []string
		for _, p := range rec.Problems {
			if p.Row == row.Num {
				why = append(why, run.reason(p))
			}
		}
		out := make([]string, width, width+2)
		for i, c := range row.Cells {
			if i < width {
				out[i] = strings.ToValidUTF8(c, "\uFFFD")
			}
		}
		out = append(out, strconv.Itoa(row.Num), strings.Join(why, run.a.cat.T("import.reason_sep")))
		if err := run.rejects.Write(out); err != nil {
			return err
		}
	}
	return nil
}

// importBar is the progress bar of an import: bytes of the file (CSV) or
// rows (XLSX); a file of unknown size shows no bar.
func importBar(done, total int64) string {
	if total <= 0 {
		return ""
	}
	for total > 1<<30 {
		done, total = done>>10, total>>10
	}
	if done > total {
		done = total
	}
	n := int(done * 30 / total)
	return fmt.Sprintf("[%s%s] %3d%%", strings.Repeat("#", n), strings.Repeat(".", 30-n), done*100/total)
}

// reason words a problem for the rejects file and the report.
func (run *importRun) reason(p imports.Problem) string {
	a := run.a
	if p.Sibling != 0 {
		return a.cat.T("import.sibling", p.Sibling)
	}
	return a.cat.FieldError(p.Err)
}

// openRejects creates the --skip-bad file: UTF-8 with a byte-order mark
// (so that Excel opens it in Chinese), the header, then row and reason.
func (run *importRun) openRejects(path string) error {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	if _, err := f.WriteString("\ufeff"); err != nil {
		f.Close()
		return err
	}
	run.rejectsF = f
	run.rejects = csv.NewWriter(f)
	header := append(append([]string{}, run.r.Header()...), run.a.cat.T("import.reject.row"), run.a.cat.T("import.reject.why"))
	return run.rejects.Write(header)
}

// printProblems lists the first problems, then how many more there are.
func (run *importRun) printProblems(w io.Writer) {
	a := run.a
	fmt.Fprintln(w, a.cat.T("import.problems"))
	for _, p := range run.shown {
		col := ""
		if p.Column != "" {
			col = a.cat.T("import.in_column", p.Column)
		}
		fmt.Fprintln(w, a.cat.T("import.problem", p.Row, col, run.reason(p)))
	}
	if more := run.problems - len(run.shown); more > 0 {
		fmt.Fprintln(w, a.tn("import.more", more, more))
	}
}

// printFileInfo says what was read and how the columns were understood.
func (a *app) printFileInfo(path string, r *imports.Reader, dry bool) {
	what := strings.ToUpper(string(r.Format()))
	if enc := r.Encoding(); enc != "" {
		what += ", " + encodingLabel(enc)
	}
	fmt.Fprintln(a.stdout, a.cat.T("import.file", path, what))
	if st := r.Stats(); st.Before > 0 {
		fmt.Fprintln(a.stdout, a.tn("import.header_below", st.Before, r.HeaderRow(), st.Before))
	}
	var used, unused []string
	for _, c := range r.Columns() {
		switch {
		case c.Header == "":
		case c.Field == "":
			unused = append(unused, c.Header)
		default:
			used = append(used, c.Header+"→"+a.cat.T("import.field."+string(c.Field)))
		}
	}
	sep := a.cat.T("import.err.list_sep")
	fmt.Fprintln(a.stdout, a.cat.T("import.columns", strings.Join(used, sep)))
	if len(unused) > 0 {
		fmt.Fprintln(a.stdout, a.cat.T("import.unused", strings.Join(unused, sep)))
	}
	if dry {
		fmt.Fprintln(a.stdout, a.cat.T("import.dry_run"))
	}
}

func encodingLabel(e imports.Encoding) string {
	switch e {
	case imports.EncUTF8:
		return "UTF-8"
	case imports.EncGBK:
		return "GBK"
	case imports.EncGB18030:
		return "GB18030"
	case imports.EncUTF16:
		return "UTF-16"
	}
	return string(e)
}

// printCounts prints what was (or would be) written and what was left out.
func (a *app) printCounts(kind imports.Kind, st imports.Stats, n db.ImportCounts, bad int) {
	line := func(key string, v int, always bool) {
		if v != 0 || always {
			fmt.Fprintln(a.stdout, a.cat.T("import.count", a.cat.T("import.count."+key), v))
		}
	}
	line("rows", st.Rows, true)
	line("blank", st.Blank, false)
	line("customers_new", n.CustomersNew, true)
	line("customers_existing", n.CustomersExisting, kind == imports.Customers)
	line("customers_repeated", n.CustomersRepeated, false)
	line("external_ids", n.ExternalIDs, false)
	line("tags", n.TagsAdded, false)
	line("referrers", n.Referrers, false)
	line("referrers_missing", n.ReferrersMissing, false)
	switch kind {
	case imports.Purchases:
		line("sales", n.Sales, true)
		line("returns", n.Returns, true)
		line("lines", n.Lines, true)
		line("purchases_existing", n.PurchasesExisting, true)
		line("joined", n.PurchasesJoined, false)
		line("no_customer", st.NoCustomer, false)
		line("stock_adjust", st.StockAdjust, false)
		line("zero_price", st.ZeroPrice, false)
		line("trimmed", st.Trimmed, false)
		line("rounded", st.Rounded, false)
	case imports.Contacts:
		line("contacts", n.Contacts, true)
		line("followups", n.FollowUps, false)
		line("contacts_existing", n.ContactsExisting, true)
	}
	line("bad", bad, true)
}

// openErr words a file that cannot be read as the kind asked for: a
// missing file is a runtime error (1), a file of the wrong form bad input (2).
func (a *app) openErr(kind imports.Kind, path string, err error) error {
	var me *imports.MappingError
	switch {
	case errors.As(err, &me):
		return usagef("%s", a.mappingText(kind, path, me))
	case errors.Is(err, imports.ErrOldExcel):
		return usagef("%s", a.cat.T("import.err.old_xls", path))
	case errors.Is(err, imports.ErrBinary):
		return usagef("%s", a.cat.T("import.err.binary", path))
	case errors.Is(err, os.ErrNotExist), errors.Is(err, os.ErrPermission):
		return fmt.Errorf("%s", a.cat.T("import.err.open", path, err))
	}
	return usagef("%s", a.cat.T("import.err.read", path, err))
}

func (a *app) mappingText(kind imports.Kind, path string, e *imports.MappingError) string {
	sep := a.cat.T("import.err.list_sep")
	known := strings.Join(e.Known, sep)
	switch e.Code {
	case imports.NoHeader:
		if len(e.Known) == 0 {
			return a.cat.T("import.err.empty", path)
		}
		return a.cat.T("import.err.no_header", known)
	case imports.BadMap:
		return a.cat.T("import.err.bad_map", e.Column)
	case imports.UnknownField:
		return a.cat.T("import.err.unknown_field", e.Column, e.Field, a.cat.T("import.kind."+string(kind)), known)
	case imports.UnknownColumn:
		return a.cat.T("import.err.unknown_column", e.Column, known)
	case imports.DuplicateField:
		return a.cat.T("import.err.duplicate", e.Other, e.Column, a.cat.T("import.field."+e.Field), e.Column)
	case imports.MissingField:
		var words []string
		for _, f := range strings.Split(e.Field, "|") {
			words = append(words, a.cat.T("import.field."+f))
		}
		return a.cat.T("import.err.missing", strings.Join(words, a.cat.T("import.err.or")), known)
	case imports.BadEncoding:
		return a.cat.T("import.err.header_encoding", encodingLabel(imports.Encoding(e.Field)))
	}
	return e.Error()
}

// tn is T with the singular form (key.one) when n is 1 and the catalog has it.
func (a *app) tn(key string, n int, args ...any) string {
	if n == 1 && i18n.Has(key+".one") {
		key += ".one"
	}
	return a.cat.T(key, args...)
}

// sameFile reports whether two paths name one file (or one path).
func sameFile(a, b string) bool {
	if fa, err := os.Stat(a); err == nil {
		if fb, err := os.Stat(b); err == nil {
			return os.SameFile(fa, fb)
		}
	}
	aa, _ := filepath.Abs(a)
	bb, _ := filepath.Abs(b)
	return aa == bb
}
