package main

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"

	"github.com/xuri/excelize/v2"

	"github.com/crmtui/crmtui/domain"
)

// tableWriter writes an export's rows as CSV or XLSX. A row's cells are
// strings, ints or domain.Money; XLSX keeps numbers as numbers (amounts
// with two decimals) and text as text, CSV writes them as people type them.
type tableWriter interface {
	header(cols []string) error
	row(cells []any) error
	close() error
}

// utf8BOM starts every CSV: without it Excel in China reads UTF-8 as GBK.
const utf8BOM = "\ufeff"

// csvTable is RFC 4180 CSV in UTF-8 with a BOM and CRLF line ends.
type csvTable struct {
	w    *csv.Writer
	cols []string
	buf  []string
}

func newCSVTable(w io.Writer) (*csvTable, error) {
	if _, err := io.WriteString(w, utf8BOM); err != nil {
		return nil, err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	return &csvTable{w: cw}, nil
}

func (t *csvTable) header(cols []string) error {
	t.cols = cols
	return t.w.Write(cols)
}

func (t *csvTable) row(cells []any) error {
	t.buf = t.buf[:0]
	for _, c := range cells {
		t.buf = append(t.buf, csvCell(c))
	}
	return t.w.Write(t.buf)
}

func (t *csvTable) close() error {
	t.w.Flush()
	return t.w.Error()
}

func csvCell(c any) string {
	switch v := c.(type) {
	case nil:
		return ""
	case string:
		return domain.DefuseFormula(v)
	case int:
		return strconv.Itoa(v)
	case int64:
		return strconv.FormatInt(v, 10)
	case domain.Money:
		return v.String()
	}
	return fmt.Sprint(c)
}

// xlsxTable streams rows into a workbook (rows are not kept in memory) and
// starts a new sheet, with the header again, when one is full: a sheet holds
// 1,048,576 rows and a store can have more contacts than that.
type xlsxTable struct {
	f      *excelize.File
	out    io.Writer
	name   string
	sheets int
	sw     *excelize.StreamWriter
	rowN   int
	cols   []string
	money  int // style: 0.00
	bold   int // style of the header
	widths []float64
}

// maxSheetRows is a sheet's row limit, header included.
var maxSheetRows = excelize.TotalRows

func newXLSXTable(w io.Writer, sheet string) (*xlsxTable, error) {
	f := excelize.NewFile()
	t := &xlsxTable{f: f, out: w, name: sheet}
	var err error
	if t.money, err = f.NewStyle(&excelize.Style{NumFmt: 2}); err != nil {
		return nil, err
	}
	if t.bold, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}}); err != nil {
		return nil, err
	}
	return t, nil
}

func (t *xlsxTable) header(cols []string) error {
	t.cols = cols
	t.widths = make([]float64, len(cols))
	for i, c := range cols {
		t.widths[i] = max(10, float64(ansiWidth(c))+2)
	}
	return t.newSheet()
}

// newSheet starts the next sheet: the first renames the workbook's default one.
func (t *xlsxTable) newSheet() error {
	if t.sw != nil {
		if err := t.sw.Flush(); err != nil {
			return err
		}
	}
	t.sheets++
	name := t.name
	if t.sheets == 1 {
		if err := t.f.SetSheetName("Sheet1", name); err != nil {
			return err
		}
	} else {
		name = fmt.Sprintf("%s (%d)", t.name, t.sheets)
		if _, err := t.f.NewSheet(name); err != nil {
			return err
		}
	}
	sw, err := t.f.NewStreamWriter(name)
	if err != nil {
		return err
	}
	for i, w := range t.widths {
		if err := sw.SetColWidth(i+1, i+1, min(w, 40)); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	t.sw, t.rowN = sw, 1
	head := make([]any, len(t.cols))
	for i, c := range t.cols {
		head[i] = excelize.Cell{StyleID: t.bold, Value: c}
	}
	return sw.SetRow("A1", head)
}

func (t *xlsxTable) row(cells []any) error {
	if t.rowN >= maxSheetRows {
		if err := t.newSheet(); err != nil {
			return err
		}
	}
	t.rowN++
	vals := make([]any, len(cells))
	for i, c := range cells {
		switch v := c.(type) {
		case domain.Money:
			vals[i] = excelize.Cell{StyleID: t.money, Value: v.Units()}
		case string:
			if v != "" {
				vals[i] = v
			}
		default:
			vals[i] = v
		}
	}
	cell, err := excelize.CoordinatesToCellName(1, t.rowN)
	if err != nil {
		return err
	}
	return t.sw.SetRow(cell, vals)
}

func (t *xlsxTable) close() error {
	defer t.f.Close()
	if t.sw == nil {
		if err := t.header(t.cols); err != nil {
			return err
		}
	}
	if err := t.sw.Flush(); err != nil {
		return err
	}
	_, err := t.f.WriteTo(t.out)
	return err
}
