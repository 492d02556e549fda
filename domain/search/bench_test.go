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
	{"initials", "zs"},
	{"initials3", "lcl"},
	{"syllables", "zhangs"},
	{"full", "ouyangnana"},
	{"han", "张"},
	{"han2", "欧阳"},
	{"mixed", "张s"},
	{"digits", "1380"},
	{"phone", "138 0013"},
	{"wechat", "_lucky"},
	{"tag", "瑜伽"},
	{"two_tokens", "wang vip"},
	{"none", "xqzv"},
}

// BenchmarkBuild100k builds the index of 100,000 customers; B/op is what
// building allocates, and heap-MB the live heap the index holds afterwards.
func BenchmarkBuild100k(b *testing.B) {
	es, _ := benchIndex(b)
	b.ReportAllocs()
	var ix *Index
	for b.Loop() {
		ix = New(es)
	}
	b.StopTimer()
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&after)
	ix = nil
	runtime.GC()
	runtime.ReadMemStats(&before)
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "heap-MB")
	_ = ix
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
