package search

import (
	"math/bits"
	"strings"
	"unicode/utf8"
)

// stepTable is, for one token of length L, the transitions of the pinyin
// matcher: rows[c*L+p] is the set of token positions (bit q: token[:q]
// consumed) reachable from position p by consuming one character of class c.
type stepTable struct {
	rows []uint64
	syl  []uint64 // the same for each reading, while filling rows
	L    int
	goal uint64 // bit L: the whole token consumed
}

// maxTableCells bounds the step tables of one search (8 MiB): a pasted
// paragraph of long tokens over an index of many distinct characters falls
// back to computing steps as needed, slower but in bounded memory.
var maxTableCells = 1 << 20 // a variable for tests

// scratch is the per-search memory, pooled so a keystroke allocates only
// its result.
type scratch struct {
	tabs []stepTable  // one per token
	use  []*stepTable // tabs[i], or nil for a token not matched by pinyin
	cand []int32
}

func (ix *Index) getScratch() *scratch {
	if s, ok := ix.pool.Get().(*scratch); ok {
		return s
	}
	return &scratch{}
}

// fill computes st for token t over every class of the index.
func (ix *Index) fill(st *stepTable, t *token) {
	L := len(t.raw)
	n := len(ix.tab.classes) * L
	if cap(st.rows) < n {
		st.rows = make([]uint64, n)
	} else {
		st.rows = st.rows[:n]
		clear(st.rows)
	}
	st.L, st.goal = L, 1<<uint(L)
	// Readings first: for each reading and position, the positions it can
	// advance to (any non-empty prefix of the reading that the token spells).
	// A class can only start at p if a reading begins with token[p], so
	// classes are skipped unless their first letters meet the token's.
	var letters uint32
	for i := 0; i < L; i++ {
		if c := t.raw[i]; c >= 'a' && c <= 'z' {
			letters |= 1 << (c - 'a')
		}
	}
	ns := len(ix.tab.syls) * L
	if cap(st.syl) < ns {
		st.syl = make([]uint64, ns)
	} else {
		st.syl = st.syl[:ns]
		clear(st.syl)
	}
	sylRows := st.syl
	for s, r := range ix.tab.syls {
		if letters&(1<<(r[0]-'a')) == 0 {
			continue
		}
		for p := 0; p < L; p++ {
			k := 0
			for k < len(r) && p+k < L && t.raw[p+k] == r[k] {
				k++
			}
			if k > 0 {
				sylRows[s*L+p] = (1<<uint(k) - 1) << uint(p+1)
			}
		}
	}
	for ci := 1; ci < len(ix.tab.classes); ci++ {
		c := &ix.tab.classes[ci]
		if c.first&letters == 0 {
			continue
		}
		row := st.rows[ci*L : ci*L+L]
		for _, s := range c.syl {
			for p, m := range sylRows[int(s)*L : int(s)*L+L] {
				row[p] |= m
			}
		}
	}
	// Then characters that match themselves: each rune of the token is
	// looked up among the classes of that character.
	for p := 0; p < L; {
		r, n := utf8.DecodeRuneInString(t.raw[p:])
		for _, ci := range ix.tab.byRune[r] {
			st.rows[int(ci)*L+p] |= 1 << uint(p+n)
		}
		p += n
	}
}

// runMatch reports whether the token of st can be consumed along seq.
func runMatch(seq []uint32, st *stepTable) bool {
	L, rows, goal := st.L, st.rows, st.goal
	var set uint64 // positions reached after the previous character, besides 0
	for _, c := range seq {
		row := rows[int(c)*L : int(c)*L+L]
		next := row[0] // a run may start at any character
		for s := set &^ 1; s != 0; s &= s - 1 {
			next |= row[bits.TrailingZeros64(s)]
		}
		if next&goal != 0 {
			return true
		}
		set = next
	}
	return false
}

// matchAt reports whether the entry at position i matches token t. st is
// t's step table; without one (a query too big for tables, or Match on one
// entry) the steps are computed as they are needed.
func (ix *Index) matchAt(i int, t *token, st *stepTable) bool {
	f := &ix.filt[i]
	if f.hay.covers(&t.need) {
		h := ix.hays[i]
		if strings.Contains(h, t.raw) || t.digits != "" && strings.Contains(h[f.phones:], t.digits) {
			return true
		}
	}
	if !t.py || t.first&^f.first != 0 || !f.py.covers(&t.need) {
		return false
	}
	if st != nil {
		return runMatch(ix.seqs[i], st)
	}
	return ix.runDirect(ix.seqs[i], t.raw)
}

// search returns the positions matching q among cand (all when cand is nil),
// appending to out. It must run under the read lock.
func (ix *Index) search(q *query, cand []int32, out []int32, s *scratch) []int32 {
	if len(q.tokens) == 0 {
		if cand != nil {
			return append(out, cand...)
		}
		for i, h := range ix.hays {
			if h != "" {
				out = append(out, int32(i))
			}
		}
		return out
	}
	// One pass over the entries, each checked against every token in turn
	// (entry-major: an entry's memory is touched once however many tokens).
	if cap(s.tabs) < len(q.tokens) {
		s.tabs = make([]stepTable, len(q.tokens))
	}
	s.tabs = s.tabs[:len(q.tokens)]
	s.use = s.use[:0]
	cells := 0
	for ti := range q.tokens {
		var st *stepTable
		t := &q.tokens[ti]
		if n := len(ix.tab.classes) * len(t.raw); t.py && cells+n <= maxTableCells {
			cells += n
			st = &s.tabs[ti]
			ix.fill(st, t)
		}
		s.use = append(s.use, st)
	}
	toks, use := q.tokens, s.use
	if cand == nil {
	entries:
		for i := range ix.hays {
			for ti := range toks {
				if !ix.matchAt(i, &toks[ti], use[ti]) {
					continue entries
				}
			}
			out = append(out, int32(i))
		}
		return out
	}
cands:
	for _, i := range cand {
		for ti := range toks {
			if !ix.matchAt(int(i), &toks[ti], use[ti]) {
				continue cands
			}
		}
		out = append(out, i)
	}
	return out
}

// Search returns the IDs of the entries matching query, in index order; an
// empty query returns every entry.
func (ix *Index) Search(query string) []int64 {
	q := parseQuery(query)
	s := ix.getScratch()
	defer ix.pool.Put(s)
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	s.cand = ix.search(&q, nil, s.cand[:0], s)
	return ix.idsOf(s.cand)
}

// idsOf turns positions into IDs, in a new slice.
func (ix *Index) idsOf(pos []int32) []int64 {
	out := make([]int64, len(pos))
	for k, i := range pos {
		out[k] = ix.ids[i]
	}
	return out
}

// Match reports whether the entry with that ID matches query (false for an
// unknown ID); for checking one customer without a whole search, e.g. to
// keep an edited customer in a filtered list.
func (ix *Index) Match(id int64, query string) bool {
	q := parseQuery(query)
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	p, ok := ix.pos[id]
	if !ok {
		return false
	}
	for ti := range q.tokens {
		if !ix.matchAt(int(p), &q.tokens[ti], nil) {
			return false
		}
	}
	return true
}

// runDirect is runMatch without a table: each step is computed from the
// class's readings.
func (ix *Index) runDirect(seq []uint32, tok string) bool {
	goal := uint64(1) << uint(len(tok))
	var set uint64
	for _, c := range seq {
		next := uint64(0)
		for s := set | 1; s != 0; s &= s - 1 {
			next |= ix.step(c, tok, bits.TrailingZeros64(s))
		}
		if next&goal != 0 {
			return true
		}
		set = next
	}
	return false
}

// step is one cell of a step table computed directly: the positions
// reachable from p in tok by consuming one character of class ci.
func (ix *Index) step(ci uint32, tok string, p int) uint64 {
	if ci == 0 {
		return 0
	}
	c := &ix.tab.classes[ci]
	var m uint64
	if r, n := utf8.DecodeRuneInString(tok[p:]); r == c.lit && n > 0 {
		m |= 1 << uint(p+n)
	}
	for _, s := range c.syl {
		r := ix.tab.syls[s]
		k := 0
		for k < len(r) && p+k < len(tok) && tok[p+k] == r[k] {
			k++
		}
		if k > 0 {
			m |= (1<<uint(k) - 1) << uint(p+1)
		}
	}
	return m
}
