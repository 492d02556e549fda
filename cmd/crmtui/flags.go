package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/crmtui/crmtui/domain"
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
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, usagef("%s: %v", fs.Name(), cleanFlagErr(err))
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

// cleanFlagErr turns the flag package's messages into ones that name the flag with its dashes.
func cleanFlagErr(err error) string {
	msg := err.Error()
	msg = strings.Replace(msg, "invalid value ", "bad value ", 1)
	msg = strings.Replace(msg, " for flag -", " for --", 1)
	msg = strings.Replace(msg, "flag provided but not defined: -", "unknown flag --", 1)
	msg = strings.Replace(msg, "flag needs an argument: -", "this flag needs a value: --", 1)
	return msg
}

// intFlagValue parses an integer flag value, naming the flag on error.
func parseID(flagName, v string) (int64, error) {
	id, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
	if err != nil || id <= 0 {
		return 0, usagef("--%s: %q is not a record id (a positive whole number)", flagName, v)
	}
	return id, nil
}
