package imports

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Encoding names a text encoding of CSV files.
type Encoding string

// The encodings crmtui reads. GBK files are read as GB18030, its superset,
// when detected; --encoding gbk forces the GBK table.
const (
	EncAuto    Encoding = ""
	EncUTF8    Encoding = "utf8"
	EncGBK     Encoding = "gbk"
	EncGB18030 Encoding = "gb18030"
	EncUTF16   Encoding = "utf16" // detected by its byte-order mark only
)

// ParseEncoding reads --encoding: utf8, utf-8, gbk, gb2312, gb18030.
func ParseEncoding(s string) (Encoding, bool) {
	switch strings.ToLower(strings.ReplaceAll(strings.TrimSpace(s), "-", "")) {
	case "", "auto":
		return EncAuto, true
	case "utf8", "utf8bom":
		return EncUTF8, true
	case "gbk", "gb2312", "cp936":
		return EncGBK, true
	case "gb18030":
		return EncGB18030, true
	}
	return "", false
}

// Format is the file format.
type Format string

// The file formats.
const (
	FormatCSV  Format = "csv"
	FormatXLSX Format = "xlsx"
)

// ErrOldExcel is returned for the binary .xls format of Excel 97–2003.
var ErrOldExcel = errors.New("this is an old .xls workbook: save it as .xlsx or CSV (UTF-8) and import that")

// ErrBinary is returned for a file that is neither CSV text nor a workbook.
var ErrBinary = errors.New("this is not a CSV or XLSX file")

// sheetRow is one row as read: its number as the sheet shows it and its cells.
type sheetRow struct {
	num   int
	cells []string
}

// source yields the rows of a file.
type source interface {
	next() (sheetRow, error) // io.EOF at the end
	progress() (done, total int64)
	close() error
}

// countingReader counts the bytes read from the file, for the progress bar.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// sniffSize is how much of a file is looked at to decide its encoding.
const sniffSize = 256 << 10

// openSource detects gzip, the format (by extension, then by content) and,
// for CSV, the encoding and the delimiter.
func openSource(r io.Reader, size int64, name string, enc Encoding) (source, Format, Encoding, error) {
	counter := &countingReader{r: r}
	br := bufio.NewReaderSize(counter, 64<<10)
	head, _ := br.Peek(4)
	lname := strings.ToLower(name)
	var in io.Reader = br
	var gz *gzip.Reader
	if len(head) >= 2 && head[0] == 0x1f && head[1] == 0x8b {
		var err error
		if gz, err = gzip.NewReader(br); err != nil {
			return nil, "", "", fmt.Errorf("gzip: %w", err)
		}
		lname = strings.TrimSuffix(lname, ".gz")
		in = gz
	} else if strings.HasSuffix(lname, ".gz") {
		return nil, "", "", fmt.Errorf("gzip: %w", gzip.ErrHeader)
	}
	body := bufio.NewReaderSize(in, sniffSize)
	head, _ = body.Peek(8)
	switch {
	case bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		return nil, "", "", ErrOldExcel
	case bytes.HasPrefix(head, []byte("PK\x03\x04")) || strings.HasSuffix(lname, ".xlsx") || strings.HasSuffix(lname, ".xlsm"):
		s, err := openXLSX(body)
		return s, FormatXLSX, "", err
	}
	s, used, err := openCSV(body, enc, counter, size)
	if err != nil {
		return nil, "", "", err
	}
	s.gz = gz
	return s, FormatCSV, used, nil
}

// csvSource reads CSV text in any of the encodings.
type csvSource struct {
	r       *csv.Reader
	counter *countingReader
	size    int64
	gz      *gzip.Reader
	extra   int  // line breaks inside quoted cells so far: a sheet shows such a record as one row
	checkGB bool // cells may hold U+FFFD from bytes the decoder did not know
}

func openCSV(body *bufio.Reader, enc Encoding, counter *countingReader, size int64) (*csvSource, Encoding, error) {
	head, _ := body.Peek(sniffSize)
	if bytes.IndexByte(head, 0) >= 0 && !bytes.HasPrefix(head, []byte{0xFF, 0xFE}) && !bytes.HasPrefix(head, []byte{0xFE, 0xFF}) {
		return nil, "", ErrBinary
	}
	var dec *encoding.Decoder
	switch {
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		body.Discard(3)
		if enc == EncAuto {
			enc = EncUTF8
		}
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}), bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		enc = EncUTF16
		dec = unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
	}
	if enc == EncAuto {
		enc = EncGB18030
		if validUTF8Prefix(head) {
			enc = EncUTF8
		}
	}
	switch enc {
	case EncGBK:
		dec = simplifiedchinese.GBK.NewDecoder()
	case EncGB18030:
		dec = simplifiedchinese.GB18030.NewDecoder()
	}
	var text io.Reader = body
	if dec != nil {
		text = transform.NewReader(body, dec)
	}
	tb := bufio.NewReaderSize(text, 64<<10)
	r := csv.NewReader(tb)
	r.Comma = sniffDelimiter(tb)
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	r.ReuseRecord = true
	return &csvSource{r: r, counter: counter, size: size, checkGB: dec != nil && enc != EncUTF16}, enc, nil
}

// validUTF8Prefix reports whether b is UTF-8, allowing a rune cut at the end.
func validUTF8Prefix(b []byte) bool {
	for i := 0; i < 3 && len(b) > 0; i++ {
		if utf8.Valid(b) {
			return true
		}
		b = b[:len(b)-1]
	}
	return utf8.Valid(b)
}

// sniffDelimiter picks comma, tab or semicolon: whichever the first line
// has most of, outside quotes.
func sniffDelimiter(r *bufio.Reader) rune {
	head, _ := r.Peek(8 << 10)
	counts := map[byte]int{}
	quoted := false
	for _, c := range head {
		if c == '"' {
			quoted = !quoted
		}
		if quoted {
			continue
		}
		if c == '\n' {
			break
		}
		counts[c]++
	}
	best, n := byte(','), counts[',']
	for _, c := range []byte{'\t', ';'} {
		if counts[c] > n {
			best, n = c, counts[c]
		}
	}
	return rune(best)
}

func (s *csvSource) next() (sheetRow, error) {
	rec, err := s.r.Read()
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return sheetRow{}, fmt.Errorf("CSV line %d: %w", pe.Line, pe.Err)
		}
		return sheetRow{}, err
	}
	line, _ := s.r.FieldPos(0)
	row := sheetRow{num: line - s.extra, cells: make([]string, len(rec))}
	for i, c := range rec {
		s.extra += strings.Count(c, "\n")
		row.cells[i] = c
	}
	return row, nil
}

func (s *csvSource) progress() (int64, int64) { return s.counter.n, s.size }

func (s *csvSource) close() error {
	if s.gz != nil {
		return s.gz.Close()
	}
	return nil
}

// xlsxSource streams the rows of a workbook's active sheet.
type xlsxSource struct {
	f     *excelize.File
	rows  *excelize.Rows
	num   int
	total int64
}

func openXLSX(r io.Reader) (*xlsxSource, error) {
	f, err := excelize.OpenReader(r)
	if err != nil {
		return nil, fmt.Errorf("xlsx: %w", err)
	}
	sheet := f.GetSheetName(f.GetActiveSheetIndex())
	if sheet == "" {
		if list := f.GetSheetList(); len(list) > 0 {
			sheet = list[0]
		}
	}
	rows, err := f.Rows(sheet)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("xlsx: %w", err)
	}
	s := &xlsxSource{f: f, rows: rows}
	if dim, err := f.GetSheetDimension(sheet); err == nil {
		if _, last, ok := strings.Cut(dim, ":"); ok {
			if _, n, err := excelize.SplitCellName(last); err == nil {
				s.total = int64(n)
			}
		}
	}
	return s, nil
}

func (s *xlsxSource) next() (sheetRow, error) {
	for s.rows.Next() {
		s.num++
		cells, err := s.rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return sheetRow{}, fmt.Errorf("xlsx row %d: %w", s.num, err)
		}
		if len(cells) == 0 {
			continue
		}
		return sheetRow{num: s.num, cells: cells}, nil
	}
	if err := s.rows.Error(); err != nil {
		return sheetRow{}, fmt.Errorf("xlsx: %w", err)
	}
	return sheetRow{}, io.EOF
}

func (s *xlsxSource) progress() (int64, int64) { return int64(s.num), s.total }

func (s *xlsxSource) close() error {
	s.rows.Close()
	return s.f.Close()
}
