package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// output is where an export goes: stdout (--out -) or a file written under
// a temporary name beside it, owner-only (exports hold personal data), and
// renamed into place only when complete.
type output struct {
	w      io.Writer
	buf    *bufio.Writer
	path   string // the file's final path; "" for stdout
	tmp    *os.File
	stdout bool
}

// outputOf opens the output of an export. out "" chooses name in the
// current directory, numbered (-2, -3...) rather than replacing an
// earlier export; an existing directory receives name; "-" is stdout when
// allowed. The database file itself is never overwritten.
func (a *app) outputOf(out, name string, allowStdout bool, dbPath string) (*output, error) {
	if out == "-" {
		if !allowStdout {
			return nil, usagef("%s", a.cat.T("export.err.xlsx_stdout"))
		}
		buf := bufio.NewWriterSize(a.stdout, 64<<10)
		return &output{w: buf, buf: buf, stdout: true}, nil
	}
	path := out
	numbered := false
	if path == "" {
		path, numbered = name, true
	} else if info, err := os.Stat(path); err == nil && info.IsDir() {
		path, numbered = filepath.Join(path, name), true
	}
	if numbered {
		ext := filepath.Ext(path)
		stem := strings.TrimSuffix(path, ext)
		for n := 2; fileExists(path); n++ {
			path = fmt.Sprintf("%s-%d%s", stem, n, ext)
		}
	}
	if sameExistingFile(path, dbPath) {
		return nil, usagef("%s", a.cat.T("export.err.out_is_db", path))
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return nil, fmt.Errorf("%s", a.cat.T("export.err.create", path, err))
	}
	buf := bufio.NewWriterSize(tmp, 256<<10)
	return &output{w: buf, buf: buf, path: path, tmp: tmp}, nil
}

// commit finishes the output: flushed, synced and renamed into place.
func (o *output) commit() error {
	if err := o.buf.Flush(); err != nil {
		o.abort()
		return err
	}
	if o.stdout {
		return nil
	}
	if err := o.tmp.Sync(); err != nil {
		o.abort()
		return err
	}
	if err := o.tmp.Close(); err != nil {
		os.Remove(o.tmp.Name())
		return err
	}
	if err := os.Rename(o.tmp.Name(), o.path); err != nil {
		os.Remove(o.tmp.Name())
		return err
	}
	return nil
}

// abort drops a half-written file.
func (o *output) abort() {
	if o.tmp != nil {
		o.tmp.Close()
		os.Remove(o.tmp.Name())
	}
}

// sameExistingFile reports whether two paths name one existing file.
func sameExistingFile(a, b string) bool {
	ai, err := os.Stat(a)
	if err != nil {
		return false
	}
	bi, err := os.Stat(b)
	if err != nil {
		return false
	}
	return os.SameFile(ai, bi)
}
