package search

import (
	"math/rand/v2"
	"slices"
	"testing"
)

func TestFilterMatchesSearch(t *testing.T) {
	es := genEntries(5000)
	ix := New(es)
	f := ix.NewFilter()
	r := rand.New(rand.NewPCG(5, 6))
	// Type queries a key at a time, with backspaces and jumps.
	for range 40 {
		target := randomQueryFrom(r, es[r.IntN(len(es))])
		if r.IntN(4) == 0 {
			target += " " + randomQueryFrom(r, es[r.IntN(len(es))])
		}
		typed := ""
		for _, c := range target {
			typed += string(c)
			check(t, ix, f, typed)
			if r.IntN(5) == 0 && len(typed) > 0 { // backspace
				rs := []rune(typed)
				typed = string(rs[:len(rs)-1])
				check(t, ix, f, typed)
			}
		}
		if r.IntN(3) == 0 { // the index changes under the filter
			e := es[r.IntN(len(es))]
			e.Name = "张" + e.Name
			ix.Upsert(e)
			check(t, ix, f, typed)
		}
	}
}

func check(t *testing.T, ix *Index, f *Filter, q string) {
	t.Helper()
	want := ix.Search(q)
	if got := f.Search(q); !slices.Equal(got, want) {
		t.Fatalf("Filter.Search(%q): %d ids, Search %d; %s", q, len(got), len(want), firstDiff(got, want))
	}
}

func TestFilterNarrowsAndRemembers(t *testing.T) {
	ix := New(fixture)
	f := ix.NewFilter()
	for _, q := range []string{"z", "zh", "zha", "zhan", "zhang", "zhangs"} {
		f.Search(q)
	}
	if len(f.steps) != 6 {
		t.Fatalf("steps = %d, want 6 (each query refines the previous)", len(f.steps))
	}
	// 张三, 李长乐, and 吕重行 (z of zhong, then hang).
	if got := f.Search("zhang"); !slices.Equal(got, []int64{1, 10, 14}) {
		t.Errorf("back to zhang = %v, want [1 10 14]", got)
	}
	if len(f.steps) != 5 {
		t.Errorf("after backspace steps = %d, want 5", len(f.steps))
	}
	f.Search("vip")
	if len(f.steps) != 1 {
		t.Errorf("a new query keeps %d steps, want 1", len(f.steps))
	}
	ix.Upsert(Entry{ID: 50, Name: "维普", Tags: []string{"VIP"}})
	if got := f.Search("vip"); !slices.Equal(got, []int64{1, 9, 50}) {
		t.Errorf("the Filter missed an Upsert: vip = %v, want [1 9 50]", got)
	}
	if got := f.Search("wp"); !slices.Equal(got, []int64{50}) {
		t.Errorf("the Filter missed an Upsert: wp = %v, want [50]", got)
	}
}

func TestRefines(t *testing.T) {
	cases := []struct {
		old, new string
		want     bool
	}{
		{"zh", "zhang", true},
		{"zhang", "zhang san", true},
		{"zhang s", "zhangs", false},
		{"138", "138 0", true}, // one phone token 1380
		{"138 0", "138 0a", false},
		{"1", "1a", false}, // digits are not matched by pinyin, 1a is
		{"vip", "vip 张", true},
		{"张", "张s", true},
		{"", "x", true},
	}
	for _, c := range cases {
		o, n := parseQuery(c.old), parseQuery(c.new)
		if got := n.refines(&o); got != c.want {
			t.Errorf("%q refines %q = %v, want %v", c.new, c.old, got, c.want)
		}
	}
}
