package reportview

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
)

// TestWriteCSV_DefusesFormulas: a customer or event named like a formula
// is written as text (a leading apostrophe); amounts, ids and phones stay
// as they are.
func TestWriteCSV_DefusesFormulas(t *testing.T) {
	tab := Table{Header: []string{"name", "amount"}, Rows: [][]string{
		{`=HYPERLINK("http://x","点我")`, "-12.50"}, {"@cmd", "1299.00"}, {"王芳", "+8613800138000"}}}
	var b bytes.Buffer
	if err := tab.WriteCSV(&b); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(b.String(), "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"name", "amount"}, {`'=HYPERLINK("http://x","点我")`, "-12.50"}, {"'@cmd", "1299.00"}, {"王芳", "+8613800138000"}}
	if len(rows) != len(want) {
		t.Fatalf("%d rows, want %d: %q", len(rows), len(want), rows)
	}
	for i := range want {
		if strings.Join(rows[i], "|") != strings.Join(want[i], "|") {
			t.Errorf("row %d = %q, want %q", i, rows[i], want[i])
		}
	}
}
