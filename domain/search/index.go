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
// New (the caller sorts its list first: by value, last purchase…), entries
// added later by Upsert after them.
//
// An Index is safe for concurrent use: Search, Match and Len take a read
// lock, Upsert and Remove a write lock, so the screen can search while a
// background load keeps it current.
type Index struct {
	mu    sync.RWMutex
	tab   *table
	ids   []int64
	masks []uint64   // prefilter bits; 0 for a removed entry
	hays  []string   // name\0remark\0wechat\0tag…\0phone digits…, folded
	seqs  [][]uint32 // classes of the name, 0, classes of the remark
	pos   map[int64]int32
	dead  int    // removed entries still holding a position
	gen   uint64 // incremented on every change, so a Filter knows its results are stale
	pool  sync.Pool
}

// New builds an index of entries, kept in their order. A repeated ID keeps
// its first position and its last content, as if the later ones were Upserts.
func New(entries []Entry) *Index {
	ix := &Index{
		tab:   newTable(),
		ids:   make([]int64, 0, len(entries)),
		masks: make([]uint64, 0, len(entries)),
		hays:  make([]string, 0, len(entries)),
		seqs:  make([][]uint32, 0, len(entries)),
		pos:   make(map[int64]int32, len(entries)),
	}
	// One string holds every haystack and one slice every class sequence,
	// so building allocates a handful of times, not per entry.
	var hay strings.Builder
	size := 0
	for i := range entries {
		size += entryTextSize(&entries[i])
	}
	hay.Grow(size)
	seqArena := make([]uint32, 0, size/2)
	type span struct{ hay, seq [2]int }
	spans := make([]span, 0, len(entries))
	for i := range entries {
		e := &entries[i]
		h0, s0 := hay.Len(), len(seqArena)
		var m uint64
		seqArena, m = ix.prepare(e, &hay, seqArena)
		if p, ok := ix.pos[e.ID]; ok { // duplicate ID: the last one wins
			ix.masks[p] = m
			spans[p] = span{[2]int{h0, hay.Len()}, [2]int{s0, len(seqArena)}}
			continue
		}
		ix.pos[e.ID] = int32(len(ix.ids))
		ix.ids = append(ix.ids, e.ID)
		ix.masks = append(ix.masks, m)
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

// prepare appends e's haystack to hay and its class sequence to seq, and
// returns the grown sequence and e's prefilter mask.
func (ix *Index) prepare(e *Entry, hay *strings.Builder, seq []uint32) ([]uint32, uint64) {
	var m uint64
	text := func(s string) {
		for _, r := range s {
			r = fold(r)
			if r == 0 {
				r = ' ' // NUL separates fields
			}
			hay.WriteRune(r)
			m |= runeBit(r)
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
	for _, p := range e.Phones {
		hay.WriteByte(0)
		text(phoneDigits(p))
	}

	seq = ix.appendName(seq, e.Name)
	seq = append(seq, 0)
	seq = ix.appendRun(seq, e.Remark)
	for len(seq) > 0 && seq[len(seq)-1] == 0 {
		seq = seq[:len(seq)-1]
	}
	return seq, m | ix.seqMask(seq)
}

func (ix *Index) seqMask(seq []uint32) uint64 {
	var m uint64
	for _, c := range seq {
		m |= ix.tab.classes[c].mask
	}
	return m
}

// appendName appends the classes of a name, its surname read as a surname.
func (ix *Index) appendName(seq []uint32, name string) []uint32 {
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
// readings, passing over spaces and punctuation.
func (ix *Index) appendRun(seq []uint32, s string) []uint32 {
	for _, r := range s {
		r = fold(r)
		if skipInRun(r) {
			continue
		}
		seq = append(seq, ix.tab.generalClass(r))
	}
	return seq
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
		ix.masks[p], ix.hays[p], ix.seqs[p] = m, hay.String(), seq
		return
	}
	ix.pos[e.ID] = int32(len(ix.ids))
	ix.ids = append(ix.ids, e.ID)
	ix.masks = append(ix.masks, m)
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
	ix.masks[p], ix.hays[p], ix.seqs[p] = 0, "", nil
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
		ix.ids[j], ix.masks[j], ix.hays[j], ix.seqs[j] = ix.ids[i], ix.masks[i], ix.hays[i], ix.seqs[i]
		ix.pos[ix.ids[j]] = int32(j)
		j++
	}
	clear(ix.hays[j:])
	clear(ix.seqs[j:])
	ix.ids, ix.masks, ix.hays, ix.seqs = ix.ids[:j], ix.masks[:j], ix.hays[:j], ix.seqs[:j]
	ix.dead = 0
}
