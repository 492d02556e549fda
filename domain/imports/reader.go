// Package imports reads customers, purchases and contacts from CSV and
// XLSX files into domain records: it finds the header row, maps Chinese or
// English headers to fields through a synonym table (or --map), detects
// gzip, the encoding (UTF-8 with or without BOM, GBK/GB18030) and the
// delimiter, parses the cells (dates, amounts, phones, lunar birthdays) and
// puts the rows of one invoice together into one purchase with its lines.
//
// It is pure: no SQL and no terminal. What it cannot read it reports per
// row — the row as a spreadsheet numbers it, the column header, the value
// and why, as a domain.FieldError that the message catalog words — and the
// store decides what is new (db.Importer).
//
// Files are streamed: a purchases file of half a million rows is read with
// only the invoices of the last few thousand rows in memory.
package imports

import (
	"container/list"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"
)

// Options say how to read a file.
type Options struct {
	Kind     Kind
	Encoding Encoding // EncAuto detects
	Map      []string // --map COLUMN=FIELD, before the synonym table
	// Loc is the time zone of the times in the file (default time.Local).
	Loc *time.Location
	// NewCustomerName names a customer known only by an id or phone
	// ("Customer 17850"); default "Customer " + id.
	NewCustomerName func(id string) string
	// Window is how many rows an invoice may stay open waiting for more of
	// its lines (default 2000). Lines arriving later still join it: the
	// store adds them to the purchase.
	Window int
}

// Stats count what the reader did besides producing records.
type Stats struct {
	Rows        int // data rows read (below the header, blank rows aside)
	Blank       int // blank rows skipped
	Before      int // rows above the header (titles) skipped
	NoCustomer  int // purchase rows that name no customer: left out
	StockAdjust int // of those, negative quantities outside a return (stock adjustments)
	ZeroPrice   int // lines with a unit price of 0 (imported as they are)
	Trimmed     int // product names with spaces around them (trimmed)
	Rounded     int // line amounts rounded to the cent (unit prices with 3–4 decimals)
	BadRows     int // rows refused: their own problem or another row of their invoice
	Records     int // records produced, good and bad
}

// Reader streams the records of one file.
type Reader struct {
	opt     Options
	src     source
	file    *os.File
	format  Format
	enc     Encoding
	header  []string
	hdrRow  int
	mapper  *rowMapper
	pending []sheetRow
	ready   []*Record
	open    map[string]*group
	lru     *list.List
	seq     int
	eof     bool
	stats   Stats
}

// group is an invoice whose rows are still coming.
type group struct {
	key  string
	rows []*rowData
	last int
	elem *list.Element
}

// Open opens a file (CSV, XLSX, either gzipped) and reads its header.
func Open(path string, opt Options) (*Reader, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	var size int64
	if st, err := f.Stat(); err == nil {
		size = st.Size()
	}
	r, err := NewReader(f, filepath.Base(path), size, opt)
	if err != nil {
		f.Close()
		return nil, err
	}
	r.file = f
	return r, nil
}

// NewReader reads a file from r; name (its extension) and size (for
// progress) may be empty.
func NewReader(in io.Reader, name string, size int64, opt Options) (*Reader, error) {
	if !opt.Kind.Valid() {
		return nil, errors.New("imports: unknown kind " + string(opt.Kind))
	}
	if opt.Loc == nil {
		opt.Loc = time.Local
	}
	if opt.NewCustomerName == nil {
		opt.NewCustomerName = func(id string) string { return "Customer " + id }
	}
	if opt.Window <= 0 {
		opt.Window = 2000
	}
	src, format, enc, err := openSource(in, size, name, opt.Encoding)
	if err != nil {
		return nil, err
	}
	r := &Reader{opt: opt, src: src, format: format, enc: enc, open: map[string]*group{}, lru: list.New()}
	if err := r.readHeader(); err != nil {
		src.close()
		return nil, err
	}
	return r, nil
}

// headerRows is how far down a header row is looked for (titles above it).
const headerRows = 10

func (r *Reader) readHeader() error {
	var buf []sheetRow
	var firstErr error
	for len(buf) < headerRows {
		row, err := r.src.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		if blank(row.cells) {
			continue
		}
		for _, c := range row.cells {
			if !utf8.ValidString(c) || strings.ContainsRune(c, utf8.RuneError) {
				return &MappingError{Code: BadEncoding, Field: string(r.enc), Known: sanitize(row.cells)}
			}
		}
		buf = append(buf, row)
		m, err := NewMapping(r.opt.Kind, row.cells, r.opt.Map)
		if err != nil {
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		known, filled := 0, 0
		for _, c := range m.Columns {
			if c.Field != "" && c.Field != Ignore {
				known++
			}
			if c.Header != "" {
				filled++
			}
		}
		if known >= 2 || known == filled {
			r.hdrRow = row.num
			r.header = make([]string, len(row.cells))
			copy(r.header, row.cells)
			r.mapper = &rowMapper{m: m, kind: r.opt.Kind, loc: r.opt.Loc, newName: r.opt.NewCustomerName}
			if cs, ok := r.src.(*csvSource); ok {
				r.mapper.checkGB = cs.checkGB
			}
			r.stats.Before = len(buf) - 1
			return nil
		}
	}
	if firstErr != nil {
		return firstErr
	}
	var first []string
	if len(buf) > 0 {
		first = buf[0].cells
	}
	return &MappingError{Code: NoHeader, Known: first}
}

func sanitize(cells []string) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = strings.ToValidUTF8(c, "\uFFFD")
	}
	return out
}

func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// Format returns the file's format.
func (r *Reader) Format() Format { return r.format }

// Encoding returns the encoding read (detected or forced); "" for XLSX.
func (r *Reader) Encoding() Encoding { return r.enc }

// Header returns the header row's cells as written.
func (r *Reader) Header() []string { return r.header }

// HeaderRow returns the header's row number.
func (r *Reader) HeaderRow() int { return r.hdrRow }

// Columns returns what each column means.
func (r *Reader) Columns() []Column { return r.mapper.m.Columns }

// Mapping returns the column mapping.
func (r *Reader) Mapping() *Mapping { return r.mapper.m }

// Stats returns the counts so far.
func (r *Reader) Stats() Stats { return r.stats }

// Progress returns how far the reader is: bytes of the file for CSV, rows
// for XLSX; total is 0 when unknown.
func (r *Reader) Progress() (done, total int64) { return r.src.progress() }

// Close closes the file.
func (r *Reader) Close() error {
	err := r.src.close()
	if r.file != nil {
		if cerr := r.file.Close(); err == nil {
			err = cerr
		}
	}
	return err
}

// Next returns the next record, io.EOF at the end. Records with problems
// are returned too (OK is false): the caller reports them.
func (r *Reader) Next() (*Record, error) {
	for len(r.ready) == 0 {
		if r.eof {
			return nil, io.EOF
		}
		row, err := r.src.next()
		if err == io.EOF {
			r.eof = true
			for r.lru.Len() > 0 {
				r.flush(r.lru.Front().Value.(*group))
			}
			continue
		}
		if err != nil {
			return nil, err
		}
		r.add(row)
	}
	rec := r.ready[0]
	r.ready[0] = nil
	r.ready = r.ready[1:]
	return rec, nil
}

// add maps one row and files it.
func (r *Reader) add(row sheetRow) {
	if blank(row.cells) {
		r.stats.Blank++
		return
	}
	r.stats.Rows++
	r.seq++
	d := &rowData{row: Row{Num: row.num, Cells: row.cells}}
	rm := r.mapper
	rm.checkText(d)
	switch r.opt.Kind {
	case Customers:
		rm.mapCustomer(d)
		r.emit(rm.single(d))
	case Contacts:
		rm.mapContact(d)
		r.emit(rm.single(d))
	case Purchases:
		rm.mapPurchase(d)
		if !d.hasWho {
			r.stats.NoCustomer++
			if d.negQty && !d.isReturn && !isCInvoice(d.invoice) {
				r.stats.StockAdjust++
			}
			return
		}
		if d.zero {
			r.stats.ZeroPrice++
		}
		if d.trimmed {
			r.stats.Trimmed++
		}
		if d.rounded {
			r.stats.Rounded++
		}
		if d.invoice == "" {
			r.emit(rm.purchaseOf([]*rowData{d}))
			return
		}
		g := r.open[d.invoice]
		if g == nil {
			g = &group{key: d.invoice}
			g.elem = r.lru.PushBack(g)
			r.open[d.invoice] = g
		} else {
			r.lru.MoveToBack(g.elem)
		}
		g.rows = append(g.rows, d)
		g.last = r.seq
		for e := r.lru.Front(); e != nil; e = r.lru.Front() {
			old := e.Value.(*group)
			if r.seq-old.last <= r.opt.Window {
				break
			}
			r.flush(old)
		}
	}
}

func (r *Reader) flush(g *group) {
	r.lru.Remove(g.elem)
	delete(r.open, g.key)
	r.emit(r.mapper.purchaseOf(g.rows))
}

func (r *Reader) emit(rec *Record) {
	r.stats.Records++
	if !rec.OK() {
		r.stats.BadRows += len(rec.Rows)
	}
	r.ready = append(r.ready, rec)
}

// MapRow reads one data row under a header, as the reader does for every
// row of a file: the fuzz target of the row mapping. It returns nil when
// the row is left out (a blank row, a purchase without a customer).
func MapRow(k Kind, header, cells []string, opt Options) (*Record, error) {
	opt.Kind = k
	m, err := NewMapping(k, header, opt.Map)
	if err != nil {
		return nil, err
	}
	if opt.Loc == nil {
		opt.Loc = time.UTC
	}
	if opt.NewCustomerName == nil {
		opt.NewCustomerName = func(id string) string { return "Customer " + id }
	}
	r := &Reader{opt: opt, open: map[string]*group{}, lru: list.New(),
		mapper: &rowMapper{m: m, kind: k, loc: opt.Loc, newName: opt.NewCustomerName}}
	r.add(sheetRow{num: 2, cells: cells})
	for r.lru.Len() > 0 {
		r.flush(r.lru.Front().Value.(*group))
	}
	if len(r.ready) == 0 {
		return nil, nil
	}
	return r.ready[0], nil
}
