package search

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"
)

// fixture is a small customer list with the names the rules are about.
var fixture = []Entry{
	{ID: 1, Name: "张三", Phones: []string{"138 0013 8000"}, WeChat: "zhangsan_88", Tags: []string{"VIP"}},
	{ID: 2, Name: "曾小明", Phones: []string{"13912345678"}},
	{ID: 3, Name: "单田芳", Tags: []string{"评书"}},
	{ID: 4, Name: "解文博", WeChat: "JieWB"},
	{ID: 5, Name: "区志强"},
	{ID: 6, Name: "仇晓"},
	{ID: 7, Name: "朴正"},
	{ID: 8, Name: "查理"},
	{ID: 9, Name: "欧阳娜娜", Tags: []string{"VIP", "羊绒"}},
	{ID: 10, Name: "李长乐"},
	{ID: 11, Name: "王丽", Remark: "王姐（瑜伽）", Phones: []string{"021-5555 1234", "+86 186-0000-9999"}},
	{ID: 12, Name: "Lily 王", WeChat: "lily_w"},
	{ID: 13, Name: "尉迟恭"},
	{ID: 14, Name: "吕重行", Tags: []string{"老客户"}},
	{ID: 15, Name: "陈解", Remark: "曾哥"},
	{ID: 16, Name: "马 丁"},
}

// searchCases are queries over fixture and the IDs they find.
var searchCases = []struct {
	q    string
	want []int64
}{
	// 张三: initials, full, partial, mixed characters and letters.
	{"zs", []int64{1}},
	{"zhangs", []int64{1}},
	{"zhs", []int64{1}},
	{"zhangsan", []int64{1}},
	{"zhang san", []int64{1}},
	{"张s", []int64{1}},
	{"张san", []int64{1}},
	{"张三", []int64{1}},
	{"ＺＳ", []int64{1}}, // full-width from an input method
	{"ZhangS", []int64{1}},
	{"sz", nil}, // order matters
	{"sanz", nil},
	{"zhangsx", nil},
	// Surnames read as surnames.
	{"zxm", []int64{2}},
	{"zengxiaoming", []int64{2}},
	{"cxm", nil}, // 曾 is never ceng as a surname
	{"cengxiao", nil},
	{"stf", []int64{3}},
	{"shantianfang", []int64{3}},
	{"dtf", nil},
	{"xwb", []int64{4}},
	{"jwb", nil},
	{"jiewb", []int64{4}}, // the WeChat ID JieWB
	{"xiewenbo", []int64{4}},
	{"jiewenbo", nil},
	{"ozq", []int64{5}},
	{"ouzhiqiang", []int64{5}},
	{"qzq", nil},
	{"qx", []int64{6}},
	{"qiuxiao", []int64{6}},
	{"chouxiao", nil}, // 仇 is not chou as a surname
	{"pz", []int64{7}},
	{"piaozheng", []int64{7}},
	{"puzheng", nil},
	{"zl", []int64{8, 10}}, // 查理, and 李长乐 (zhang le)
	{"zhali", []int64{8}},
	{"chali", nil},
	{"oynn", []int64{9}},
	{"ouyang", []int64{9}},
	{"ouyangnana", []int64{9}},
	{"yuchigong", []int64{13}},
	{"ycg", []int64{13}},
	{"wcg", nil},
	// Polyphonic characters in given names match any reading.
	{"lcl", []int64{10}},
	{"lzl", []int64{10}},
	{"lcy", []int64{10}},
	{"lichangle", []int64{10}},
	{"lizhangyue", []int64{10}},
	{"changle", []int64{10}},
	{"zhangyue", []int64{10}},
	{"lzx", []int64{14}},
	{"lvchonghang", []int64{14}},
	{"luzhongxing", []int64{14}},
	{"lczx", nil},
	// Remark (备注名), by text and pinyin; the remark keeps all readings.
	{"yj", []int64{11}},
	{"瑜伽", []int64{11}},
	{"王姐", []int64{11}},
	{"wjyj", []int64{11}},
	{"cg", []int64{13, 15}}, // 尉迟恭 (chi gong), and the remark 曾哥
	{"zengge", []int64{15}},
	{"cjz", nil}, // name and remark are not one run
	// Latin names.
	{"lily", []int64{12}},
	{"LILY", []int64{12}},
	{"lilyw", []int64{12}},
	{"lily王", []int64{12}},
	{"马丁", []int64{16}}, // the space inside is passed over
	{"md", []int64{16}},
	// Phones.
	{"8000", []int64{1}},
	{"138 0013", []int64{1}},
	{"138-0013-8000", []int64{1}},
	{"１３８００１３", []int64{1}},
	{"5555", []int64{11}},
	{"021-5555", []int64{11}},
	{"8618600009999", []int64{11}},
	{"0000", []int64{11}},
	{"1380 9999", nil}, // one number, not two
	{"-88", nil},       // phone digits are looked for in phones only, not in zhangsan_88
	{"88", []int64{1}}, // as text, anywhere
	// WeChat and tags.
	{"san_8", []int64{1}},
	{"_88", []int64{1}},
	{"vip", []int64{1, 9}},
	{"羊绒", []int64{9}},
	{"评书", []int64{3}},
	{"ps", nil}, // tags are not matched by pinyin
	// Several tokens: all must match, each anywhere.
	{"vip zs", []int64{1}},
	{"zs vip", []int64{1}},
	{"vip oy", []int64{9}},
	{"vip cxm", nil},
	{"wang 5555", []int64{11}},
	// Empty and no match.
	{"", []int64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}},
	{"   ", []int64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}},
	{"-", []int64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}},
	{"qqq", nil},
	{"赵", nil},
	{"99999999", nil},
}

func TestSearch(t *testing.T) {
	ix := New(fixture)
	for _, c := range searchCases {
		got := ix.Search(c.q)
		if !slices.Equal(got, c.want) && !(len(got) == 0 && len(c.want) == 0) {
			t.Errorf("Search(%q) = %v, want %v", c.q, got, c.want)
		}
		for _, e := range fixture {
			want := slices.Contains(c.want, e.ID)
			if got := ix.Match(e.ID, c.q); got != want {
				t.Errorf("Match(%d %s, %q) = %v, want %v", e.ID, e.Name, c.q, got, want)
			}
			if got := naiveMatch(e, c.q); got != want {
				t.Errorf("naive(%d %s, %q) = %v, want %v (the reference disagrees)", e.ID, e.Name, c.q, got, want)
			}
		}
	}
}

// TestSearchWithoutTables runs the cases with no room for step tables, as
// for a huge pasted query: the steps are then computed as needed.
func TestSearchWithoutTables(t *testing.T) {
	defer func(n int) { maxTableCells = n }(maxTableCells)
	maxTableCells = 0
	ix := New(fixture)
	for _, c := range searchCases {
		if got := ix.Search(c.q); !slices.Equal(got, c.want) && !(len(got) == 0 && len(c.want) == 0) {
			t.Errorf("Search(%q) = %v, want %v", c.q, got, c.want)
		}
	}
}

func TestMatchUnknownID(t *testing.T) {
	ix := New(fixture)
	if ix.Match(999, "") {
		t.Error("Match of an unknown ID = true")
	}
}

func TestOrderIsEntryOrder(t *testing.T) {
	es := []Entry{{ID: 30, Name: "王三"}, {ID: 10, Name: "张三"}, {ID: 20, Name: "李三"}}
	ix := New(es)
	if got := ix.Search("san"); !slices.Equal(got, []int64{30, 10, 20}) {
		t.Errorf("Search(san) = %v, want entry order [30 10 20]", got)
	}
}

func TestReorder(t *testing.T) {
	ix := New(fixture)
	f := ix.NewFilter()
	if got := f.Search("vip"); !slices.Equal(got, []int64{1, 9}) {
		t.Fatalf("before: %v", got)
	}
	ix.Remove(3)
	ix.Reorder([]int64{9, 999, 14, 9, 3})
	if got := ix.Search(""); !slices.Equal(got, []int64{9, 14, 1, 2, 4, 5, 6, 7, 8, 10, 11, 12, 13, 15, 16}) {
		t.Errorf("after Reorder: %v", got)
	}
	if got := f.Search("vip"); !slices.Equal(got, []int64{9, 1}) {
		t.Errorf("a Filter after Reorder: %v, want [9 1]", got)
	}
	if !ix.Match(14, "lcx") || ix.Match(3, "") || ix.Len() != 15 {
		t.Error("Reorder lost or revived an entry")
	}
	ix.Upsert(Entry{ID: 3, Name: "单田芳"})
	if got := ix.Search("stf"); !slices.Equal(got, []int64{3}) {
		t.Errorf("Upsert after Reorder: %v", got)
	}
}

func TestDuplicateIDInNew(t *testing.T) {
	ix := New([]Entry{{ID: 1, Name: "张三"}, {ID: 2, Name: "李四"}, {ID: 1, Name: "王五"}})
	if ix.Len() != 2 {
		t.Errorf("Len = %d, want 2", ix.Len())
	}
	if got := ix.Search("ww"); !slices.Equal(got, []int64{1}) {
		t.Errorf("Search(ww) = %v, want [1] (the last content wins)", got)
	}
	if got := ix.Search("zs"); len(got) != 0 {
		t.Errorf("Search(zs) = %v, want none", got)
	}
	if got := ix.Search(""); !slices.Equal(got, []int64{1, 2}) {
		t.Errorf("Search() = %v, want [1 2] (the first position kept)", got)
	}
}

func TestUpsertAndRemove(t *testing.T) {
	ix := New(fixture)
	if got := ix.Search("zs"); !slices.Equal(got, []int64{1}) {
		t.Fatalf("before: %v", got)
	}
	// Renamed: the old name no longer matches, the new one does, same place.
	ix.Upsert(Entry{ID: 1, Name: "赵四", Phones: []string{"13700000000"}})
	if got := ix.Search("zs"); !slices.Equal(got, []int64{1}) {
		t.Errorf("after rename zs = %v, want [1] (赵四)", got)
	}
	if got := ix.Search("zhangsan"); len(got) != 0 {
		t.Errorf("after rename zhangsan = %v, want none", got)
	}
	if got := ix.Search("zhaosi"); !slices.Equal(got, []int64{1}) {
		t.Errorf("after rename zhaosi = %v", got)
	}
	if got := ix.Search("8000"); len(got) != 0 {
		t.Errorf("old phone still found: %v", got)
	}
	if got := ix.Search(""); got[0] != 1 {
		t.Errorf("a replaced entry keeps its place; order %v", got)
	}
	// Added: goes last.
	ix.Upsert(Entry{ID: 100, Name: "张三丰"})
	if got := ix.Search("zs"); !slices.Equal(got, []int64{1, 100}) {
		t.Errorf("after add zs = %v, want [1 100]", got)
	}
	if ix.Len() != len(fixture)+1 {
		t.Errorf("Len = %d", ix.Len())
	}
	// Removed.
	ix.Remove(1)
	ix.Remove(1)   // twice is harmless
	ix.Remove(555) // unknown too
	if got := ix.Search("zs"); !slices.Equal(got, []int64{100}) {
		t.Errorf("after remove zs = %v, want [100]", got)
	}
	if ix.Match(1, "") {
		t.Error("a removed entry still matches")
	}
	if got := ix.Search(""); slices.Contains(got, 1) || len(got) != len(fixture) {
		t.Errorf("after remove all = %v", got)
	}
	if ix.Len() != len(fixture) {
		t.Errorf("Len = %d", ix.Len())
	}
	// Back again: at the end.
	ix.Upsert(Entry{ID: 1, Name: "张三"})
	if got := ix.Search("zs"); !slices.Equal(got, []int64{100, 1}) {
		t.Errorf("re-added zs = %v, want [100 1]", got)
	}
}

func TestRemoveCompacts(t *testing.T) {
	es := genEntries(1000)
	ix := New(es)
	r := rand.New(rand.NewPCG(1, 2))
	live := map[int64]Entry{}
	for _, e := range es {
		live[e.ID] = e
	}
	for _, i := range r.Perm(len(es))[:800] {
		ix.Remove(es[i].ID)
		delete(live, es[i].ID)
	}
	if len(ix.ids) >= 1000 {
		t.Errorf("no compaction: %d positions for %d entries", len(ix.ids), ix.Len())
	}
	if ix.Len() != len(live) {
		t.Errorf("Len = %d, want %d", ix.Len(), len(live))
	}
	var want []int64
	for _, e := range es {
		if _, ok := live[e.ID]; ok && naiveMatch(e, "wang") {
			want = append(want, e.ID)
		}
	}
	if got := ix.Search("wang"); !slices.Equal(got, want) {
		t.Errorf("after removals Search(wang) = %d ids, want %d", len(got), len(want))
	}
	for id := range live {
		if !ix.Match(id, "") {
			t.Fatalf("live %d lost", id)
		}
	}
}

// TestAgainstNaive checks the index against the slow reference on generated
// customers and queries of every shape.
func TestAgainstNaive(t *testing.T) {
	es := genEntries(3000)
	ix := New(es)
	r := rand.New(rand.NewPCG(3, 4))
	type query struct {
		q    string
		from int64 // the entry it was made from, which it must find
	}
	var queries []query
	for range 300 {
		e := es[r.IntN(len(es))]
		q, ok := randomQueryFor(r, e)
		if !ok {
			e.ID = 0
		}
		queries = append(queries, query{q, e.ID})
	}
	for _, q := range []string{"wang", "zs", "zhangs", "张", "张s", "1380", "wang vip", "xyzzy", "lv", "lu", "nn", "yj", "_lucky"} {
		queries = append(queries, query{q, 0})
	}
	naive := make([]naiveEntry, len(es))
	for i, e := range es {
		naive[i] = newNaive(e)
	}
	for _, qf := range queries {
		q := qf.q
		pq := parseQuery(q)
		var want []int64
		for i, e := range es {
			if naive[i].match(pq) {
				want = append(want, e.ID)
			}
		}
		if qf.from != 0 && !slices.Contains(want, qf.from) {
			t.Errorf("query %q made from entry %d does not find it (naive)", q, qf.from)
		}
		if got := ix.Search(q); !slices.Equal(got, want) {
			t.Errorf("Search(%q): %d ids, naive %d; first difference %v", q, len(got), len(want), firstDiff(got, want))
		}
	}
}

func firstDiff(a, b []int64) string {
	for i := 0; i < len(a) || i < len(b); i++ {
		if i >= len(a) || i >= len(b) || a[i] != b[i] {
			var x, y int64
			if i < len(a) {
				x = a[i]
			}
			if i < len(b) {
				y = b[i]
			}
			return fmt.Sprintf("at %d: got %d, want %d", i, x, y)
		}
	}
	return "none"
}

// randomQueryFrom makes a query a person might type for e: pinyin initials
// or syllables, characters, phone digits, a WeChat or tag piece.
func randomQueryFrom(r *rand.Rand, e Entry) string {
	q, _ := randomQueryFor(r, e)
	return q
}

// randomQueryFor is randomQueryFrom that also says whether the query was
// made from e's fields (false for a stand-in when a field is empty).
func randomQueryFor(r *rand.Rand, e Entry) (string, bool) {
	runs := newNaive(e).runs
	switch r.IntN(6) {
	case 0, 1: // pinyin from a random start, each character by a random part of a reading
		run := runs[0]
		if len(runs[1]) > 0 && r.IntN(3) == 0 {
			run = runs[1]
		}
		if len(run) == 0 {
			return "x", false
		}
		var b strings.Builder
		for _, alt := range run[r.IntN(len(run)):] {
			a := alt[r.IntN(len(alt))]
			if len(alt) > 1 && a == alt[0] && r.IntN(2) == 0 {
				a = alt[1]
			}
			if a != alt[0] {
				a = a[:1+r.IntN(len(a))]
			}
			b.WriteString(a)
		}
		return b.String(), true
	case 2:
		if len(e.Phones) == 0 {
			return "139", false
		}
		p := phoneDigits(e.Phones[0])
		i := r.IntN(len(p))
		return p[i:min(len(p), i+2+r.IntN(6))], true
	case 3:
		if e.WeChat == "" {
			return "lucky", false
		}
		i := r.IntN(len(e.WeChat))
		return e.WeChat[i:min(len(e.WeChat), i+1+r.IntN(5))], true
	case 4:
		if len(e.Tags) == 0 {
			return "vip", false
		}
		return e.Tags[0] + " " + string([]rune(e.Name)[:1]), true
	}
	rs := []rune(e.Name)
	return string(rs[r.IntN(len(rs)):]), true
}

func TestParseQuery(t *testing.T) {
	cases := []struct {
		q    string
		want []string
	}{
		{"  Zhang　San ", []string{"zhang", "san"}},
		{"ＶＩＰ", []string{"vip"}},
		{"138 0013 8000", []string{"13800138000"}},
		{"(021) 5555-1234", []string{"(021)5555-1234"}},
		{"- + .", nil},
		{"a\tb\nc", []string{"a", "b", "c"}},
	}
	for _, c := range cases {
		q := parseQuery(c.q)
		var got []string
		for _, tk := range q.tokens {
			got = append(got, tk.raw)
		}
		slices.Sort(got)
		slices.Sort(c.want)
		if !slices.Equal(got, c.want) {
			t.Errorf("parseQuery(%q) = %q, want %q", c.q, got, c.want)
		}
	}
}

func TestReadings(t *testing.T) {
	cases := map[rune]string{'吕': "lv lu", '长': "zhang chang", '乐': "le yue", '张': "zhang"}
	for r, want := range cases {
		if got := strings.Join(dictReadings(r), " "); got != want {
			t.Errorf("readings of %c = %q, want %q", r, got, want)
		}
	}
}

// TestSurnameTables guards the hand-written tables against typos: every
// surname reading is one of the character's dictionary readings.
func TestSurnameTables(t *testing.T) {
	outsideDict := map[string]bool{"黑he": true, "谌shen": true}
	check := func(r rune, readings string) {
		for _, rd := range strings.Split(readings, ",") {
			if !slices.Contains(dictReadings(r), rd) && !outsideDict[string(r)+rd] {
				t.Errorf("surname %c read %q, not among its readings %v", r, rd, dictReadings(r))
			}
		}
	}
	for r, rd := range surnameReadings {
		check(r, rd)
	}
	for s, rd := range compoundReadings {
		rs := []rune(s)
		if len(rs) != 2 {
			t.Errorf("compound surname %q is not two characters", s)
			continue
		}
		check(rs[0], rd[0])
		check(rs[1], rd[1])
	}
}

func TestConcurrentSearch(t *testing.T) {
	es := genEntries(2000)
	ix := New(es)
	queries := []string{"wang", "zs", "张s", "1380", "wang vip", "lcl"}
	want := map[string][]int64{}
	for _, q := range queries {
		want[q] = ix.Search(q)
	}
	var wg sync.WaitGroup
	for g := range 6 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f := ix.NewFilter()
			for i := range 30 {
				q := queries[(g+i)%len(queries)]
				if got := ix.Search(q); !slices.Equal(got, want[q]) {
					t.Errorf("concurrent Search(%q) differs", q)
				}
				f.Search(q)
				ix.Match(int64(i+1), q)
			}
		}()
	}
	// A writer meanwhile, on entries beyond the ones searched for.
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := range 50 {
			ix.Upsert(Entry{ID: int64(10000 + i), Name: "新客户"})
			ix.Remove(int64(10000 + i))
		}
	}()
	wg.Wait()
}
