package search

import (
	"runtime"
	"sync"
	"testing"
)

var (
	bench100k     []Entry
	bench100kIx   *Index
	bench100kOnce sync.Once
)

func benchIndex(b *testing.B) ([]Entry, *Index) {
	bench100kOnce.Do(func() {
		bench100k = genEntries(100_000)
		bench100kIx = New(bench100k)
	})
	return bench100k, bench100kIx
}

// benchQueries are the query shapes of the Customers filter.
var benchQueries = []struct{ name, q string }{
	{"latin", "wang"},
	{"letter", "z"},
	{"vowel", "a"},
	{"ng", "ng"},
	{"initials", "zs"},
	{"initials3", "lcl"},
	{"syllables", "zhangs"},
	{"full", "ouyangnana"},
	{"full_long", "wangxiaoming"},
	{"han", "张"},
	{"han2", "欧阳"},
	{"mixed", "张s"},
	{"digits", "1380"},
	{"phone", "138 0013"},
	{"wechat", "_lucky"},
	{"tag", "瑜伽"},
	{"two_tokens", "wang vip"},
	{"four_tokens", "l a n g"},
	{"none", "xqzv"},
}

// BenchmarkBuild100k builds the index of 100,000 customers. B/op is what
// building allocates; heap-MB is the live heap the index keeps.
func BenchmarkBuild100k(b *testing.B) {
	es, _ := benchIndex(b)
	b.ReportAllocs()
	for b.Loop() {
		New(es)
	}
	b.StopTimer()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	ix := New(es)
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(ix)
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "heap-MB")
}

// BenchmarkSearch100k is one keystroke's full search over 100,000 customers.
func BenchmarkSearch100k(b *testing.B) {
	_, ix := benchIndex(b)
	for _, c := range benchQueries {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			var n int
			for b.Loop() {
				n = len(ix.Search(c.q))
			}
			b.ReportMetric(float64(n), "hits")
		})
	}
}

// BenchmarkFilterTyping100k types each query a key at a time into a Filter
// (the first key a full search, the others narrowing) and reports the time
// per keystroke.
func BenchmarkFilterTyping100k(b *testing.B) {
	_, ix := benchIndex(b)
	for _, c := range benchQueries {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			keys := []rune(c.q)
			for b.Loop() {
				f := ix.NewFilter()
				for i := range keys {
					f.Search(string(keys[:i+1]))
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(keys)), "ns/key")
		})
	}
}

// BenchmarkUpsert100k is the cost of keeping the index current on a write.
func BenchmarkUpsert100k(b *testing.B) {
	es, _ := benchIndex(b)
	ix := New(es)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		e := es[i%len(es)]
		e.Name = "欧阳" + e.Name
		ix.Upsert(e)
		i++
	}
}

// BenchmarkReorder100k is the cost of re-sorting the list (a new sort key).
func BenchmarkReorder100k(b *testing.B) {
	es, _ := benchIndex(b)
	ix := New(es)
	ids := make([]int64, len(es))
	for i := range es {
		ids[i] = es[len(es)-1-i].ID
	}
	b.ReportAllocs()
	for b.Loop() {
		ix.Reorder(ids)
	}
}
