package imports

import (
	"fmt"
	"slices"
	"strings"
)

// Column is one column of a file and what it means.
type Column struct {
	Index  int
	Header string
	Field  Field // "" when the column means nothing known (left out), Ignore when --map says so
	Mapped bool  // the meaning comes from --map
}

// Mapping says which column holds which field.
type Mapping struct {
	Kind    Kind
	Columns []Column
	idx     map[Field][]int
}

// MappingCode says what is wrong with a header or a --map.
type MappingCode string

// The mapping problems: the file cannot be read as the kind asked for.
const (
	NoHeader       MappingCode = "no_header"       // no row looks like a header
	BadMap         MappingCode = "bad_map"         // --map is not COLUMN=FIELD
	UnknownField   MappingCode = "unknown_field"   // --map names a field the kind does not have
	UnknownColumn  MappingCode = "unknown_column"  // --map names a column the file does not have
	DuplicateField MappingCode = "duplicate_field" // two columns mean the same single field
	MissingField   MappingCode = "missing_field"   // a needed field has no column
	BadEncoding    MappingCode = "bad_encoding"    // the header is not text in the encoding used (Field)
)

// MappingError is a header or --map problem. The command line words it
// through the catalog; Error gives English for logs.
type MappingError struct {
	Code   MappingCode
	Column string   // the column (or --map argument) at fault
	Field  string   // the field at fault; for MissingField the alternatives joined by "|"
	Other  string   // DuplicateField: the column that already has the field
	Known  []string // the fields or columns to choose from
}

// Error says what is wrong in English.
func (e *MappingError) Error() string {
	switch e.Code {
	case NoHeader:
		return fmt.Sprintf("no header row found (first row: %s)", strings.Join(e.Known, ", "))
	case BadMap:
		return fmt.Sprintf("--map %q: write COLUMN=FIELD", e.Column)
	case UnknownField:
		return fmt.Sprintf("--map %q: %q is not a field (fields: %s)", e.Column, e.Field, strings.Join(e.Known, ", "))
	case UnknownColumn:
		return fmt.Sprintf("--map: the file has no column %q (columns: %s)", e.Column, strings.Join(e.Known, ", "))
	case DuplicateField:
		return fmt.Sprintf("columns %q and %q both mean %s: leave one out with --map %q=-", e.Other, e.Column, e.Field, e.Column)
	case BadEncoding:
		return fmt.Sprintf("the header is not readable as %s text: try --encoding gbk or --encoding utf8", e.Field)
	case MissingField:
		return fmt.Sprintf("no column for %s (columns: %s)", strings.ReplaceAll(e.Field, "|", " or "), strings.Join(e.Known, ", "))
	}
	return string(e.Code)
}

// requirements lists, per kind, the field groups of which at least one
// field needs a column.
var requirements = map[Kind][][]Field{
	Customers: {{Name, Phone, CustomerID, WeChat}},
	Purchases: {{CustomerID, Phone, Name}, {Date, Time}, {Amount, UnitPrice}},
	Contacts:  {{CustomerID, Phone, Name}, {Date, Time}},
}

// NewMapping maps a header row: --map entries (COLUMN=FIELD) first, then
// the synonym table. Columns nobody knows are left out.
func NewMapping(k Kind, header []string, maps []string) (*Mapping, error) {
	if !k.Valid() {
		return nil, fmt.Errorf("unknown kind %q", k)
	}
	m := &Mapping{Kind: k, idx: map[Field][]int{}}
	for i, h := range header {
		m.Columns = append(m.Columns, Column{Index: i, Header: strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))})
	}
	for _, arg := range maps {
		i := strings.LastIndex(arg, "=")
		if i <= 0 {
			return nil, &MappingError{Code: BadMap, Column: arg}
		}
		col, fieldName := strings.TrimSpace(arg[:i]), strings.TrimSpace(arg[i+1:])
		f, ok := ParseField(k, fieldName)
		if !ok {
			return nil, &MappingError{Code: UnknownField, Column: arg, Field: fieldName, Known: fieldNames(k)}
		}
		ci := m.find(col)
		if ci < 0 {
			return nil, &MappingError{Code: UnknownColumn, Column: col, Known: m.headers()}
		}
		m.Columns[ci].Field, m.Columns[ci].Mapped = f, true
	}
	for i := range m.Columns {
		c := &m.Columns[i]
		if !c.Mapped {
			c.Field = lookupField(k, c.Header)
		}
		if c.Field == "" || c.Field == Ignore {
			continue
		}
		if prev := m.idx[c.Field]; len(prev) > 0 && !multiFields[c.Field] {
			return nil, &MappingError{Code: DuplicateField, Column: c.Header, Other: m.Columns[prev[0]].Header, Field: string(c.Field)}
		}
		m.idx[c.Field] = append(m.idx[c.Field], i)
	}
	for _, group := range requirements[k] {
		if !slices.ContainsFunc(group, m.Has) {
			names := make([]string, len(group))
			for i, f := range group {
				names[i] = string(f)
			}
			return nil, &MappingError{Code: MissingField, Field: strings.Join(names, "|"), Known: m.headers()}
		}
	}
	return m, nil
}

// find returns the index of the column named h: as written, then normalised.
func (m *Mapping) find(h string) int {
	for i, c := range m.Columns {
		if c.Header == h {
			return i
		}
	}
	n := normHeader(h)
	for i, c := range m.Columns {
		if n != "" && normHeader(c.Header) == n {
			return i
		}
	}
	return -1
}

func (m *Mapping) headers() []string {
	out := make([]string, 0, len(m.Columns))
	for _, c := range m.Columns {
		if c.Header != "" {
			out = append(out, c.Header)
		}
	}
	return out
}

// Has reports whether a column holds the field.
func (m *Mapping) Has(f Field) bool { return len(m.idx[f]) > 0 }

// Header returns the header of the first column holding f, or "".
func (m *Mapping) Header(f Field) string {
	if ix := m.idx[f]; len(ix) > 0 {
		return m.Columns[ix[0]].Header
	}
	return ""
}

// recognised counts the columns whose header the synonym table knows.
func recognised(k Kind, header []string) int {
	n := 0
	for _, h := range header {
		if f := lookupField(k, h); f != "" && f != Ignore {
			n++
		}
	}
	return n
}

func fieldNames(k Kind) []string {
	fs := Fields(k)
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = string(f)
	}
	return out
}
