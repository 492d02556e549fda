package search

import (
	"slices"
	"testing"
	"unicode/utf8"
)

// FuzzSearch feeds arbitrary queries (and arbitrary names) to the index: it
// must never panic; Search must agree with Match, with the naive reference
// and with a Filter; and the entry tagged with the query must be found.
func FuzzSearch(f *testing.F) {
	for _, s := range []string{"", "zs", "张s", "ＺＳ", "138 0013", "-", "(", "a\x00b", "\xff\xfe", "欧阳nn",
		"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", "吕lv", "　", "ǘ", "İ"} {
		f.Add(s, "张三")
	}
	f.Fuzz(func(t *testing.T, q, name string) {
		es := append(slices.Clone(fixture), Entry{ID: 99, Name: name, Remark: q, Tags: []string{q}, Phones: []string{q}})
		ix := New(es)
		got := ix.Search(q)
		for _, e := range es {
			if ix.Match(e.ID, q) != slices.Contains(got, e.ID) {
				t.Fatalf("Match(%d, %q) disagrees with Search %v", e.ID, q, got)
			}
			if naiveMatch(e, q) != slices.Contains(got, e.ID) {
				t.Fatalf("the naive reference disagrees on %d %q for %q: Search %v", e.ID, e.Name, q, got)
			}
		}
		if utf8.ValidString(q) && !slices.Contains(got, 99) {
			t.Fatalf("the entry tagged %q is not found by it: %v", q, got)
		}
		fl := ix.NewFilter()
		rs := []rune(q)
		for i := range min(len(rs), 40) {
			fl.Search(string(rs[:i+1]))
		}
		if fgot := fl.Search(q); !slices.Equal(fgot, got) {
			t.Fatalf("Filter %v, Search %v", fgot, got)
		}
		ix.Upsert(Entry{ID: 99, Name: q})
		ix.Remove(1)
		ix.Search(q)
	})
}
