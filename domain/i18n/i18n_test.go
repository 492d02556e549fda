package i18n

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

func TestEveryKeyHasBothLanguages(t *testing.T) {
	keys := Keys()
	if len(keys) < 300 {
		t.Fatalf("only %d keys: the catalog did not load", len(keys))
	}
	if !slices.IsSorted(keys) {
		t.Error("Keys() is not sorted")
	}
	for _, k := range keys {
		m := messages[k]
		if strings.TrimSpace(m.zh) == "" || strings.TrimSpace(m.en) == "" {
			t.Errorf("%s: empty text: zh %q, en %q", k, m.zh, m.en)
		}
		if k != strings.TrimSpace(k) || strings.ContainsAny(k, " \t") {
			t.Errorf("key %q has spaces", k)
		}
	}
}

func TestChineseTextsAreChinese(t *testing.T) {
	// Words that are the same in both languages (codes, synopses, VIP).
	same := map[string]bool{"cli.usage.today": true, "cli.usage.config_path": true, "cli.usage.version": true, "cli.usage.config_show": true, "cli.usage.item_undo": true,
		"reason.sep": true, "error.choices": true}
	for _, k := range Keys() {
		m := messages[k]
		if same[k] || strings.HasPrefix(k, "month.") || !hasLetters(m.zh) {
			continue
		}
		if !strings.ContainsFunc(m.zh, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
			t.Errorf("%s: zh text %q has no Chinese", k, m.zh)
		}
		if strings.ContainsFunc(m.en, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
			t.Errorf("%s: en text %q has Chinese", k, m.en)
		}
	}
}

func hasLetters(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return unicode.IsLetter(r) && r != 's' && r != 'd' && r != 'q' })
}

// verbs parses the fmt verbs of a format: argument index → verb. Explicit
// indexes (%[2]s) are followed, so that a language may reorder arguments.
func verbs(format string) (map[int]rune, error) {
	out := map[int]rune{}
	arg := 0
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		if i >= len(format) {
			return nil, fmt.Errorf("trailing %%")
		}
		if format[i] == '%' {
			continue
		}
		for i < len(format) && strings.IndexByte("+-# 0", format[i]) >= 0 {
			i++
		}
		index := func() error {
			if i < len(format) && format[i] == '[' {
				end := strings.IndexByte(format[i:], ']')
				if end < 0 {
					return fmt.Errorf("bad index")
				}
				n, err := strconv.Atoi(format[i+1 : i+end])
				if err != nil || n < 1 {
					return fmt.Errorf("bad index %q", format[i:i+end+1])
				}
				arg = n - 1
				i += end + 1
			}
			return nil
		}
		if err := index(); err != nil {
			return nil, err
		}
		for i < len(format) && (format[i] >= '0' && format[i] <= '9' || format[i] == '.') {
			i++
		}
		if i < len(format) && format[i] == '*' {
			return nil, fmt.Errorf("* width is not used in the catalog")
		}
		if err := index(); err != nil {
			return nil, err
		}
		if i >= len(format) {
			return nil, fmt.Errorf("verb missing")
		}
		v := rune(format[i])
		if strings.IndexRune("dsqvfgx", v) < 0 {
			return nil, fmt.Errorf("unexpected verb %%%c", v)
		}
		if prev, ok := out[arg]; ok && prev != v {
			return nil, fmt.Errorf("argument %d used as %%%c and %%%c", arg+1, prev, v)
		}
		out[arg] = v
		arg++
	}
	for i := range len(out) {
		if _, ok := out[i]; !ok {
			return nil, fmt.Errorf("argument %d is never used", i+1)
		}
	}
	return out, nil
}

func TestVerbsMatchAcrossLanguages(t *testing.T) {
	for _, k := range Keys() {
		m := messages[k]
		zv, err := verbs(m.zh)
		if err != nil {
			t.Errorf("%s zh %q: %v", k, m.zh, err)
			continue
		}
		ev, err := verbs(m.en)
		if err != nil {
			t.Errorf("%s en %q: %v", k, m.en, err)
			continue
		}
		if fmt.Sprint(zv) != fmt.Sprint(ev) {
			t.Errorf("%s: verbs differ: zh %q %v, en %q %v", k, m.zh, zv, m.en, ev)
		}
		// The singular of a counted message takes the same arguments.
		if base, ok := strings.CutSuffix(k, ".one"); ok {
			bm, ok := messages[base]
			if !ok {
				t.Errorf("%s has no plural %s", k, base)
				continue
			}
			bv, _ := verbs(bm.en)
			if fmt.Sprint(bv) != fmt.Sprint(ev) {
				t.Errorf("%s: verbs differ from %s", k, base)
			}
		}
		// Formatting with arguments of the right kinds never misfires.
		args := make([]any, len(zv))
		for i, v := range zv {
			switch v {
			case 'd', 'x':
				args[i] = 7
			case 'f', 'g':
				args[i] = 1.5
			default:
				args[i] = "X"
			}
		}
		for _, l := range Langs {
			if len(args) == 0 {
				continue
			}
			if s := New(l).T(k, args...); strings.Contains(s, "%!") {
				t.Errorf("%s (%s): %q", k, l, s)
			}
		}
	}
}

func TestVerbsParser(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string
		bad  bool
	}{
		{in: "%d位顾客", want: "map[0:100]"},
		{in: "bad value %[2]q for %[1]s: %[3]s", want: "map[0:115 1:113 2:115]"},
		{in: "100%% done %s", want: "map[0:115]"},
		{in: "%[2]s only", bad: true},
		{in: "%d and %[1]s", bad: true},
		{in: "%w", bad: true},
	} {
		got, err := verbs(tc.in)
		if (err != nil) != tc.bad || (!tc.bad && fmt.Sprint(got) != tc.want) {
			t.Errorf("verbs(%q) = %v, %v", tc.in, got, err)
		}
	}
}

func TestUnknownKey(t *testing.T) {
	for _, l := range Langs {
		if got := New(l).T("no.such.key", 1); got != "!no.such.key" {
			t.Errorf("%s: T(unknown) = %q", l, got)
		}
	}
	if Has("no.such.key") || !Has("cli.created_customer") {
		t.Error("Has is wrong")
	}
	if got := New(ZH).T("cli.created_customer", 42); got != "已新建顾客 42" {
		t.Errorf("zh created customer = %q", got)
	}
	if got := New(EN).T("cli.created_customer", 42); got != "created customer 42" {
		t.Errorf("en created customer = %q", got)
	}
}

// TestPackageUsesOnlyKnownKeys reads the package's own code: every literal
// key passed to T, plural, lookup, Has or Count must be in the catalog, and
// every literal prefix a key is built from must start some key.
func TestPackageUsesOnlyKnownKeys(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	checked := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 {
				return true
			}
			var fn string
			switch f := call.Fun.(type) {
			case *ast.SelectorExpr:
				fn = f.Sel.Name
			case *ast.Ident:
				fn = f.Name
			}
			switch fn {
			case "T", "plural", "lookup", "Has", "Count", "word":
			default:
				return true
			}
			pos := fset.Position(call.Pos())
			switch a := call.Args[0].(type) {
			case *ast.BasicLit:
				if a.Kind != token.STRING {
					return true
				}
				s, _ := strconv.Unquote(a.Value)
				checked++
				if fn == "word" {
					checkPrefix(t, pos, s)
				} else if !Has(s) {
					t.Errorf("%s: %s(%q): no such key", pos, fn, s)
				}
			case *ast.BinaryExpr:
				if lit, ok := a.X.(*ast.BasicLit); ok && lit.Kind == token.STRING {
					s, _ := strconv.Unquote(lit.Value)
					checked++
					checkPrefix(t, pos, s)
				}
			}
			return true
		})
	}
	if checked < 80 {
		t.Errorf("only %d literal keys found: is the scan broken?", checked)
	}
}

func checkPrefix(t *testing.T, pos token.Position, prefix string) {
	t.Helper()
	for _, k := range Keys() {
		if strings.HasPrefix(k, prefix) {
			return
		}
	}
	t.Errorf("%s: no key starts with %q", pos, prefix)
}

func TestParseLang(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Lang
		bad  bool
	}{
		{in: "zh", want: ZH},
		{in: "zh-CN", want: ZH},
		{in: "zh_CN.UTF-8", want: ZH},
		{in: "zh_TW.Big5", want: ZH},
		{in: "ZH-Hans", want: ZH},
		{in: "en", want: EN},
		{in: "en_US", want: EN},
		{in: "en_GB.UTF-8@euro", want: EN},
		{in: " en ", want: EN},
		{in: "fr_FR", bad: true},
		{in: "C", bad: true},
		{in: "POSIX", bad: true},
		{in: "", bad: true},
		{in: "zhx", bad: true},
	} {
		got, err := ParseLang(tc.in)
		if (err != nil) != tc.bad || got != tc.want {
			t.Errorf("ParseLang(%q) = %q, %v", tc.in, got, err)
		}
	}
}

func TestDetect(t *testing.T) {
	for _, tc := range []struct {
		name string
		flag string
		env  map[string]string
		want Lang
	}{
		{name: "nothing set", want: EN},
		{name: "LANG zh", env: map[string]string{"LANG": "zh_CN.UTF-8"}, want: ZH},
		{name: "LANG en", env: map[string]string{"LANG": "en_US.UTF-8"}, want: EN},
		{name: "LC_ALL beats LANG", env: map[string]string{"LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}, want: EN},
		{name: "LC_ALL zh beats LANG en", env: map[string]string{"LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, want: ZH},
		{name: "LC_MESSAGES beats LANG", env: map[string]string{"LC_MESSAGES": "zh_CN.UTF-8", "LANG": "C"}, want: ZH},
		{name: "LC_ALL beats LC_MESSAGES", env: map[string]string{"LC_ALL": "C", "LC_MESSAGES": "zh_CN"}, want: EN},
		{name: "empty LC_ALL is skipped", env: map[string]string{"LC_ALL": "", "LANG": "zh_CN"}, want: ZH},
		{name: "zh_TW is Chinese", env: map[string]string{"LANG": "zh_TW.UTF-8"}, want: ZH},
		{name: "C is English", env: map[string]string{"LANG": "C"}, want: EN},
		{name: "POSIX is English", env: map[string]string{"LANG": "POSIX"}, want: EN},
		{name: "C.UTF-8 is English", env: map[string]string{"LANG": "C.UTF-8"}, want: EN},
		{name: "French is English", env: map[string]string{"LANG": "fr_FR.UTF-8"}, want: EN},
		{name: "flag wins over env", flag: "en", env: map[string]string{"LC_ALL": "zh_CN.UTF-8"}, want: EN},
		{name: "flag zh wins", flag: "zh-CN", env: map[string]string{"LANG": "en_US"}, want: ZH},
		{name: "bad flag falls back to env", flag: "klingon", env: map[string]string{"LANG": "zh_CN"}, want: ZH},
	} {
		t.Run(tc.name, func(t *testing.T) {
			getenv := func(k string) string { return tc.env[k] }
			if got := Detect(tc.flag, getenv); got != tc.want {
				t.Errorf("Detect(%q, %v) = %q, want %q", tc.flag, tc.env, got, tc.want)
			}
		})
	}
	if got := Detect("", nil); got != EN {
		t.Errorf("Detect with nil getenv = %q", got)
	}
}

func TestNewAndLang(t *testing.T) {
	if New(ZH).Lang() != ZH || New(EN).Lang() != EN || New("fr").Lang() != EN || (Catalog{}).Lang() != EN {
		t.Error("New/Lang do not round-trip")
	}
	if New("fr").T("question.maintain") != "Maintain" {
		t.Error("an unknown language should speak English")
	}
}

// TestWord_UnknownIDIsCleaned: a kind the catalog does not know is shown as
// stored, without the escape sequences a foreign tool may have left in it.
func TestWord_UnknownIDIsCleaned(t *testing.T) {
	if got := New(ZH).EventKind("\x1b]0;pwned\x07路演"); got != "路演" {
		t.Errorf("EventKind of an unknown kind = %q, want %q", got, "路演")
	}
}
