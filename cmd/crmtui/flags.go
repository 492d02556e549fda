package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/domain/i18n"
)

// usageError is a mistake in the command line: exit code 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return &usageError{fmt.Sprintf(format, args...)} }

// listFlag collects a repeated flag (--tag A --tag B).
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

// dateFlag parses YYYY-MM-DD.
type dateFlag struct{ d *domain.Date }

func (f dateFlag) String() string {
	if f.d == nil {
		return ""
	}
	return f.d.String()
}

func (f dateFlag) Set(v string) error {
	d, err := domain.ParseDate(v)
	if err != nil {
		return err
	}
	*f.d = d
	return nil
}

// newFlags returns a flag set that reports errors instead of exiting.
func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parseFlags parses args allowing flags after positional arguments
// (`crmtui item done KEY --reason busy`) and returns the positionals.
func parseFlags(cat i18n.Catalog, fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, usagef("%s: %s", fs.Name(), flagErrText(cat, fs, err))
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// The flag package's messages, which name the flag with one dash.
var (
	flagBadValueRe = regexp.MustCompile(`^invalid (?:boolean )?value ("(?:[^"\\]|\\.)*") for (?:flag )?-([^:]+): (.*)$`)
	flagUnknownRe  = regexp.MustCompile(`^flag provided but not defined: -(.+)$`)
	flagNoValueRe  = regexp.MustCompile(`^flag needs an argument: -(.+)$`)
)

// flagErrText renders a flag package error in the catalog's language,
// naming the flag with its dashes (--date), so that even a mistyped flag is
// reported in the language chosen with --lang.
func flagErrText(cat i18n.Catalog, fs *flag.FlagSet, err error) string {
	msg := err.Error()
	if m := flagBadValueRe.FindStringSubmatch(msg); m != nil {
		value, uerr := strconv.Unquote(m[1])
		if uerr != nil {
			value = m[1]
		}
		detail := m[3]
		if f := fs.Lookup(m[2]); f != nil {
			isBool := false
			if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok {
				isBool = b.IsBoolFlag()
			}
			switch _, isDate := f.Value.(dateFlag); {
			case isDate:
				detail = cat.T("cli.err.bad_date", value)
			case isBool:
				detail = cat.T("cli.err.bad_choice", value, "true, false")
			case detail == "parse error":
				detail = cat.T("cli.err.bad_number", value)
			}
		}
		return cat.T("cli.err.bad_flag", "--"+m[2], value, detail)
	}
	if m := flagUnknownRe.FindStringSubmatch(msg); m != nil {
		return cat.T("cli.err.unknown_flag", "--"+m[1])
	}
	if m := flagNoValueRe.FindStringSubmatch(msg); m != nil {
		return cat.T("cli.err.flag_needs_value", "--"+m[1])
	}
	return msg
}

// parseID parses a record id flag value, naming the flag on error.
func parseID(flagName, v string) (int64, error) {
	id, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
	if err != nil || id <= 0 {
		return 0, usagef("--%s: %q is not a record id (a positive whole number)", flagName, v)
	}
	return id, nil
}
