package search

// Filter is the incremental form of Search for one search box: it keeps the
// results of the queries typed so far, so that a keystroke which extends the
// query rechecks only the previous results, and a backspace back to a query
// already seen returns its kept result. Results are always those Search
// would give; when the index changes (Upsert, Remove) the kept results are
// dropped and the next query is searched in full.
//
// A Filter is for one goroutine (the UI's); the Index under it may be
// changed and searched by others meanwhile.
type Filter struct {
	ix    *Index
	gen   uint64
	steps []filterStep // each refines the one before
}

type filterStep struct {
	q   query
	pos []int32
}

// maxFilterSteps bounds what a Filter keeps: the results of this many queries.
const maxFilterSteps = 24

// NewFilter returns a Filter over ix.
func (ix *Index) NewFilter() *Filter { return &Filter{ix: ix} }

// Search returns the IDs matching query, like Index.Search.
func (f *Filter) Search(query string) []int64 {
	q := parseQuery(query)
	ix := f.ix
	s := ix.getScratch()
	defer ix.pool.Put(s)
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if f.gen != ix.gen {
		f.keep(0)
		f.gen = ix.gen
	}
	// From the newest kept query back: the same query, or one this refines.
	for k := len(f.steps) - 1; k >= 0; k-- {
		st := &f.steps[k]
		if sameTokens(&q, &st.q) {
			f.keep(k + 1)
			return ix.idsOf(st.pos)
		}
		if q.refines(&st.q) {
			pos := ix.search(&q, st.pos, make([]int32, 0, len(st.pos)), s)
			f.keep(k + 1)
			f.steps = append(f.steps, filterStep{q, pos})
			f.trim()
			return ix.idsOf(pos)
		}
	}
	pos := ix.search(&q, nil, nil, s)
	f.keep(0)
	f.steps = append(f.steps, filterStep{q, pos})
	return ix.idsOf(pos)
}

// keep keeps the n oldest steps, letting the others' results be collected.
func (f *Filter) keep(n int) {
	clear(f.steps[n:])
	f.steps = f.steps[:n]
}

// trim drops the oldest steps beyond maxFilterSteps.
func (f *Filter) trim() {
	if n := len(f.steps) - maxFilterSteps; n > 0 {
		copy(f.steps, f.steps[n:])
		clear(f.steps[len(f.steps)-n:])
		f.steps = f.steps[:len(f.steps)-n]
	}
}

// sameTokens reports whether two parsed queries have the same tokens.
func sameTokens(a, b *query) bool {
	if len(a.tokens) != len(b.tokens) {
		return false
	}
	for i := range a.tokens {
		if a.tokens[i].raw != b.tokens[i].raw {
			return false
		}
	}
	return true
}
