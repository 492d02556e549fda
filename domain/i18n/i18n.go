// Package i18n is the one message catalog of crmtui: every word the app
// shows, in Simplified Chinese (zh) and English (en).
//
// Messages are looked up by key ("cli.created_customer", "channel.call") and
// formatted fmt.Sprintf-style. Domain values (rules, channels, classes, ...)
// have their own methods on Catalog so that no caller builds keys by hand,
// and the reasons of agenda items, validation errors, dates, day counts and
// money are rendered here too, so that both languages stay in one place.
//
// A Catalog is a small immutable value: copy it, share it between
// goroutines, keep it in the TUI's shared state.
package i18n

import (
	"fmt"
	"slices"
	"strings"

	"github.com/crmtui/crmtui/domain"
)

// Lang is a language of the catalog.
type Lang string

// The languages of the app.
const (
	ZH Lang = "zh" // Simplified Chinese (zh-CN)
	EN Lang = "en" // English
)

// Langs lists the supported languages.
var Langs = []Lang{ZH, EN}

// ParseLang reads a language tag or a POSIX locale name: "zh", "zh-CN",
// "zh_CN.UTF-8", "zh_TW", "en", "en_US", "EN-gb@euro". Any Chinese tag maps
// to ZH (the catalog has only Simplified Chinese), any English one to EN;
// anything else, including "C" and "POSIX", is an error, so that a --lang
// flag with a typo is reported instead of silently ignored.
func ParseLang(s string) (Lang, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(t, ".@"); i >= 0 {
		t = t[:i]
	}
	base, _, _ := strings.Cut(strings.ReplaceAll(t, "_", "-"), "-")
	switch base {
	case "zh", "chinese":
		return ZH, nil
	case "en", "english":
		return EN, nil
	}
	return "", fmt.Errorf("unknown language %q: use zh or en", s)
}

// Detect chooses the language: the flag wins when it names a known
// language; otherwise the first non-empty of LC_ALL, LC_MESSAGES and LANG
// (the POSIX order) decides: a zh* locale gives ZH, anything else —
// including "C", "POSIX" and nothing at all — gives EN. getenv is
// os.Getenv in the program and a map lookup in tests. A bad flag is the
// caller's to report (check it with ParseLang first); Detect then falls
// back to the environment.
func Detect(flag string, getenv func(string) string) Lang {
	if strings.TrimSpace(flag) != "" {
		if l, err := ParseLang(flag); err == nil {
			return l
		}
	}
	if getenv == nil {
		return EN
	}
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := strings.TrimSpace(getenv(name))
		if v == "" {
			continue
		}
		if strings.HasPrefix(strings.ToLower(v), "zh") {
			return ZH
		}
		return EN
	}
	return EN
}

// msg is one message in both languages.
type msg struct{ zh, en string }

// messages is the whole catalog: the domain words, the command line's and
// the terminal app's messages, merged at start-up. Keys are unique across
// the files; a duplicate panics at init, so it cannot slip through.
var messages = func() map[string]msg {
	all := make(map[string]msg, len(domainMessages)+len(cliMessages)+len(tuiMessages)+len(tuiServiceMessages)+len(tuiEventMessages))
	for _, part := range []map[string]msg{domainMessages, cliMessages, tuiMessages, tuiServiceMessages, tuiEventMessages,
		importMessages, exportMessages, insightsMessages, tuiInsightsMessages,
		importLimitMessages, textSafetyMessages, storeSafetyMessages, outputPathMessages} {
		for k, m := range part {
			if _, dup := all[k]; dup {
				panic("i18n: duplicate message key " + k)
			}
			all[k] = m
		}
	}
	return all
}()

// Catalog renders messages in one language. The zero Catalog speaks English.
type Catalog struct {
	lang Lang
}

// New returns the catalog of a language; an unknown language gives English.
func New(l Lang) Catalog {
	if l != ZH {
		l = EN
	}
	return Catalog{lang: l}
}

// Lang returns the catalog's language.
func (c Catalog) Lang() Lang {
	if c.lang == ZH {
		return ZH
	}
	return EN
}

// zh reports whether the catalog speaks Chinese.
func (c Catalog) zh() bool { return c.lang == ZH }

// lookup returns the message of key in the catalog's language.
func (c Catalog) lookup(key string) (string, bool) {
	m, ok := messages[key]
	if !ok {
		return "", false
	}
	if c.zh() {
		return m.zh, true
	}
	return m.en, true
}

// T returns the message of key, formatted with args like fmt.Sprintf. An
// unknown key gives "!key", visible on screen and easy to grep, rather than
// an empty string or a panic. Without args the message is returned as it
// is written (no formatting), so pass the arguments its verbs ask for.
func (c Catalog) T(key string, args ...any) string {
	s, ok := c.lookup(key)
	if !ok {
		return "!" + key
	}
	if len(args) == 0 {
		return s
	}
	return fmt.Sprintf(s, args...)
}

// Has reports whether key is in the catalog.
func Has(key string) bool {
	_, ok := messages[key]
	return ok
}

// word returns the message of prefix+id, or the raw id when the catalog has
// no word for it (a value added to the domain before the catalog caught up
// stays readable).
func (c Catalog) word(prefix, id string) string {
	if s, ok := c.lookup(prefix + id); ok {
		return s
	}
	// An id the catalog does not know comes from the file as it is (a kind
	// written by another tool): it is shown, cleaned of escape sequences.
	return domain.CleanText(id)
}

// plural returns key+".one" for n == 1 when the catalog has it (English
// "1 customer"), else key, formatted with args.
func (c Catalog) plural(key string, n int, args ...any) string {
	if n == 1 || n == -1 {
		if Has(key + ".one") {
			return c.T(key+".one", args...)
		}
	}
	return c.T(key, args...)
}

// Keys returns every key of the catalog, sorted.
func Keys() []string {
	keys := make([]string, 0, len(messages))
	for k := range messages {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
