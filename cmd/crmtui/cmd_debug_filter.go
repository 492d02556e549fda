package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/mozillazg/go-pinyin"

	"github.com/crmtui/crmtui/domain/search"
)

// cmdDebugFilter is a hidden command for scripts/bench-compare.sh: the
// Customers screen's filter (domain/search) alone, on a file of display
// names, to set beside `fzf --filter` on the same file.
//
//	crmtui debug filter --names FILE --query Q [--query Q…] [--repeat N] [--keys-out FILE]
//
// A line of FILE is a customer as the Customers list shows it: the name, then
// the remark after a space if there is one (split at the first space, so a
// name must not hold one). The index is built once, as the screen builds it
// (search.New); then each query is searched --repeat times on it. It prints
// a header line and one tab-separated line per query:
//
//	# entries N read_ms R build_ms B
//	QUERY  MATCHES  SEARCH_US  TYPED_US_PER_KEY
//
// SEARCH_US is the median of --repeat full searches (Index.Search, what the
// first keystroke costs); TYPED_US_PER_KEY the median over --repeat runs of
// typing the query a key at a time into a Filter (the screen's incremental
// search), divided by the number of keys.
//
// --keys-out writes the names again, each followed by a tab, its pinyin
// (the first reading of each character) and their initials, for a run of
// fzf with a chance to match latin queries as people type them.
func (a *app) cmdDebugFilter(ctx context.Context, args []string) error {
	var names, keysOut string
	var queries listFlag
	repeat := 10
	fs := newFlags("debug filter")
	fs.StringVar(&names, "names", "", "")
	fs.Var(&queries, "query", "")
	fs.IntVar(&repeat, "repeat", 10, "")
	fs.StringVar(&keysOut, "keys-out", "", "")
	if err := a.noPositionals(fs, args); err != nil {
		return err
	}
	if names == "" {
		return usagef("%s", a.cat.T("cli.err.required", "--names"))
	}
	repeat = max(repeat, 1)
	t0 := time.Now()
	lines, err := readLines(names)
	if err != nil {
		return err
	}
	read := time.Since(t0)
	if keysOut != "" {
		if err := writePinyinKeys(keysOut, lines); err != nil {
			return err
		}
	}
	if len(queries) == 0 && keysOut != "" {
		return nil
	}
	t1 := time.Now()
	entries := make([]search.Entry, len(lines))
	for i, l := range lines {
		name, remark, _ := strings.Cut(l, " ")
		entries[i] = search.Entry{ID: int64(i + 1), Name: name, Remark: remark}
	}
	ix := search.New(entries)
	build := time.Since(t1)
	out := bufio.NewWriter(a.stdout)
	fmt.Fprintf(out, "# entries %d read_ms %.1f build_ms %.1f\n", len(entries), ms(read), ms(build))
	for _, q := range queries {
		if err := ctx.Err(); err != nil {
			return err
		}
		full := make([]time.Duration, repeat)
		var n int
		for i := range full {
			t := time.Now()
			n = len(ix.Search(q))
			full[i] = time.Since(t)
		}
		keys := []rune(q)
		typed := make([]time.Duration, repeat)
		for i := range typed {
			f := ix.NewFilter()
			t := time.Now()
			for k := range keys {
				f.Search(string(keys[:k+1]))
			}
			typed[i] = time.Since(t) / time.Duration(max(len(keys), 1))
		}
		fmt.Fprintf(out, "%s\t%d\t%.1f\t%.1f\n", q, n, us(median(full)), us(median(typed)))
	}
	return out.Flush()
}

func readLines(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return lines, nil
}

// writePinyinKeys writes each line, a tab, its pinyin and its initials.
func writePinyinKeys(path string, lines []string) error {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600) // customer names: owner only
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	p := pinyin.NewArgs()
	for _, l := range lines {
		var full, initials strings.Builder
		for _, r := range pinyin.LazyPinyin(l, p) {
			full.WriteString(r)
			initials.WriteByte(r[0])
		}
		fmt.Fprintf(w, "%s\t%s\t%s\n", l, full.String(), initials.String())
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
func us(d time.Duration) float64 { return float64(d) / float64(time.Microsecond) }
