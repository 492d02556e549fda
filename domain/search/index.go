package search

import (
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/crmtui/crmtui/domain"
)

// Entry is what the index knows of one customer: the searchable fields only.
type Entry struct {
	ID     int64
	Name   string
	Remark string // 备注名
	Phones []string
	WeChat string
	Tags   []string
}

// Index answers "which customers match this query" for the Customers
// screen's filter. Results come back in the order the entries were given to
// New (the caller sorts its list first: by value, last purchase…) or to
// Reorder, entries added later by Upsert after them. Build one with New.
//
// An Index is safe for concurrent use: Search, Match and Len take a read
// lock, Upsert and Remove a write lock, so the screen can search while a
// background load keeps it current.
type Index struct {
	mu   sync.RWMutex
	tab  *table
	ids  []int64
	filt []prefilter // zero for a removed entry
	hays []string    // name\0remark\0wechat\0tag…\0phone digits…, folded
	seqs [][]uint32  // classes of the name, 0, classes of the remark
	pos  map[int64]int32
	dead int    // removed entries still holding a position
	gen  uint64 // incremented on every change, so a Filter knows its results are stale
	pool sync.Pool
}

// New builds an index of entries, kept in their order. A repeated ID keeps
// its first position and its last content, as if the later ones were Upserts.
func New(entries []Entry) *Index {
	ix := &Index{
		tab:  newTable(),
		ids:  make([]int64, 0, len(entries)),
		filt: make([]prefilter, 0, len(entries)),
		hays: make([]string, 0, len(entries)),
		seqs: make([][]uint32, 0, len(entries)),
		pos:  make(map[int64]int32, len(entries)),
	}
	// One string holds every haystack and one slice every class sequence,
	// so building allocates a handful of times, not per entry.
	var hay strings.Builder
	size, runes := 0, 0
	for i := range entries {
		size += entryTextSize(&entries[i])
		runes += utf8.RuneCountInString(entries[i].Name) + utf8.RuneCountInString(entries[i].Remark) + 1
	}
	hay.Grow(size)
	seqArena := make([]uint32, 0, runes)
	type span struct{ hay, seq [2]int }
	spans := make([]span, 0, len(entries))
	for i := range entries {
		e := &entries[i]
		h0, s0 := hay.Len(), len(seqArena)
		var m prefilter
		seqArena, m = ix.prepare(e, &hay, seqArena)
		if p, ok := ix.pos[e.ID]; ok { // duplicate ID: the last one wins
			ix.filt[p] = m
			spans[p] = span{[2]int{h0, hay.Len()}, [2]int{s0, len(seqArena)}}
			continue
		}
		ix.pos[e.ID] = int32(len(ix.ids))
		ix.ids = append(ix.ids, e.ID)
		ix.filt = append(ix.filt, m)
		spans = append(spans, span{[2]int{h0, hay.Len()}, [2]int{s0, len(seqArena)}})
	}
	all := hay.String()
	for _, sp := range spans {
		ix.hays = append(ix.hays, all[sp.hay[0]:sp.hay[1]])
		ix.seqs = append(ix.seqs, seqArena[sp.seq[0]:sp.seq[1]:sp.seq[1]])
	}
	return ix
}

// entryTextSize estimates the bytes of an entry's haystack.
func entryTextSize(e *Entry) int {
	n := len(e.Name) + len(e.Remark) + len(e.WeChat) + 2
	for _, t := range e.Tags {
		n += len(t) + 1
	}
	for _, p := range e.Phones {
		n += len(p) + 1
	}
	return n
}

// prefilter is what an entry can match, for rejecting it with a few ANDs:
// hay has the haystack's characters, py the characters of the name and
// remark and the letters of their readings, first the letters those
// readings start with.
type prefilter struct {
	hay, py charSet
	first   uint32 // and skippedBit
	phones  uint32 // where the phone numbers start in the haystack
}

// skippedBit in prefilter.first marks a name or remark with spaces or
// punctuation inside; a token without ASCII letters can then match by
// pinyin (its characters consumed as themselves) where it is not a
// substring. In a token, it says the token has no ASCII letter.
const skippedBit = 1 << 31

// prepare appends e's haystack to hay and its class sequence to seq, and
// returns the grown sequence and e's prefilter.
func (ix *Index) prepare(e *Entry, hay *strings.Builder, seq []uint32) ([]uint32, prefilter) {
	var m charSet
	begin := hay.Len()
	text := func(s string) {
		for _, r := range s {
			r = fold(r)
			if r == 0 {
				r = ' ' // NUL separates fields
			}
			hay.WriteRune(r)
			m.add(r)
		}
	}
	text(e.Name)
	hay.WriteByte(0)
	text(e.Remark)
	hay.WriteByte(0)
	text(e.WeChat)
	for _, t := range e.Tags {
		hay.WriteByte(0)
		text(t)
	}
	phones := hay.Len() - begin
	for _, p := range e.Phones {
		hay.WriteByte(0)
		n := domain.NormalizePhone(p)
		for i := 0; i < len(n); i++ {
			if c := n[i]; c >= '0' && c <= '9' {
				hay.WriteByte(c)
				m.add(rune(c))
			}
		}
	}

	start := len(seq)
	var skipped, sk bool
	seq, skipped = ix.appendName(seq, e.Name)
	seq = append(seq, 0)
	seq, sk = ix.appendRun(seq, strings.TrimSpace(e.Remark))
	for len(seq) > start && seq[len(seq)-1] == 0 {
		seq = seq[:len(seq)-1]
	}
	f := prefilter{hay: m, phones: uint32(phones)}
	if skipped || sk {
		f.first |= skippedBit
	}
	for _, c := range seq[start:] {
		f.py.union(ix.tab.classes[c].chars)
		f.first |= ix.tab.classes[c].first
	}
	return seq, f
}

// appendName appends the classes of a name, its surname read as a surname;
// skipped reports spaces or punctuation passed over inside it.
func (ix *Index) appendName(seq []uint32, name string) (_ []uint32, skipped bool) {
	name = strings.TrimSpace(name)
	sur := domain.Surname(name)
	switch utf8.RuneCountInString(sur) {
	case 1:
		r, n := utf8.DecodeRuneInString(name)
		if rd, ok := surnameReadings[r]; ok {
			seq = append(seq, ix.tab.readingClass(r, rd))
		} else {
			seq = append(seq, ix.tab.generalClass(r))
		}
		name = name[n:]
	case 2:
		if rd, ok := compoundReadings[sur]; ok {
			i := 0
			for _, r := range sur {
				seq = append(seq, ix.tab.readingClass(r, rd[i]))
				i++
			}
			name = name[len(sur):]
		}
	}
	return ix.appendRun(seq, name)
}

// appendRun appends the classes of free text, every character with all its
// readings, passing over spaces and punctuation (and reporting it did).
func (ix *Index) appendRun(seq []uint32, s string) (_ []uint32, skipped bool) {
	for _, r := range s {
		r = fold(r)
		if skipInRun(r) {
			skipped = true
			continue
		}
		seq = append(seq, ix.tab.generalClass(r))
	}
	return seq, skipped
}

// Len returns the number of entries.
func (ix *Index) Len() int {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return len(ix.ids) - ix.dead
}

// Upsert adds e, or replaces the entry with e's ID in place (its position,
// so its place in the results, is kept). New entries go after all others.
func (ix *Index) Upsert(e Entry) {
	var hay strings.Builder
	hay.Grow(entryTextSize(&e))
	ix.mu.Lock()
	defer ix.mu.Unlock()
	seq, m := ix.prepare(&e, &hay, nil)
	ix.gen++
	if p, ok := ix.pos[e.ID]; ok {
		ix.filt[p], ix.hays[p], ix.seqs[p] = m, hay.String(), seq
		return
	}
	ix.pos[e.ID] = int32(len(ix.ids))
	ix.ids = append(ix.ids, e.ID)
	ix.filt = append(ix.filt, m)
	ix.hays = append(ix.hays, hay.String())
	ix.seqs = append(ix.seqs, seq)
}

// Remove drops the entry with that ID; an unknown ID is ignored. Removed
// entries leave a hole that is compacted once holes are a quarter of the
// index, so Remove costs O(1) mostly and O(n) now and then.
func (ix *Index) Remove(id int64) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	p, ok := ix.pos[id]
	if !ok {
		return
	}
	delete(ix.pos, id)
	ix.filt[p], ix.hays[p], ix.seqs[p] = prefilter{}, "", nil
	ix.dead++
	ix.gen++
	if ix.dead > 64 && ix.dead*4 > len(ix.ids) {
		ix.compact()
	}
}

// compact closes the holes Remove left.
func (ix *Index) compact() {
	j := 0
	for i := range ix.ids {
		if _, live := ix.pos[ix.ids[i]]; !live || ix.pos[ix.ids[i]] != int32(i) {
			continue
		}
		ix.ids[j], ix.filt[j], ix.hays[j], ix.seqs[j] = ix.ids[i], ix.filt[i], ix.hays[i], ix.seqs[i]
		ix.pos[ix.ids[j]] = int32(j)
		j++
	}
	clear(ix.hays[j:])
	clear(ix.seqs[j:])
	ix.ids, ix.filt, ix.hays, ix.seqs = ix.ids[:j], ix.filt[:j], ix.hays[:j], ix.seqs[:j]
	ix.dead = 0
}

// Reorder puts the entries in the order of ids, for when the list is sorted
// another way (by value, by last purchase…): cheaper than a new index, as
// nothing is prepared again. IDs not in the index, and repeats, are ignored;
// entries missing from ids keep their order after the others.
func (ix *Index) Reorder(ids []int64) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	n := len(ix.ids) - ix.dead
	nids := make([]int64, 0, n)
	nfilt := make([]prefilter, 0, n)
	nhays := make([]string, 0, n)
	nseqs := make([][]uint32, 0, n)
	placed := make([]bool, len(ix.ids))
	move := func(p int32) {
		placed[p] = true
		nids = append(nids, ix.ids[p])
		nfilt = append(nfilt, ix.filt[p])
		nhays = append(nhays, ix.hays[p])
		nseqs = append(nseqs, ix.seqs[p])
	}
	for _, id := range ids {
		if p, ok := ix.pos[id]; ok && !placed[p] {
			move(p)
		}
	}
	for p, h := range ix.hays {
		if h != "" && !placed[p] { // a live entry has at least its NUL separators
			move(int32(p))
		}
	}
	ix.ids, ix.filt, ix.hays, ix.seqs = nids, nfilt, nhays, nseqs
	for i, id := range nids {
		ix.pos[id] = int32(i)
	}
	ix.dead = 0
	ix.gen++
}
