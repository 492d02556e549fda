package tui

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/domain/i18n"
)

// TestCatalog_EveryKeyTheAppUsesExists reads the app's source for message
// keys and checks each is in the catalog (in both languages, which the
// catalog's own tests check): a typo would show "!key" on screen.
func TestCatalog_EveryKeyTheAppUsesExists(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	keyRe := regexp.MustCompile(`(?:\.T|b)\("([a-z_]+\.[a-z_.]*[a-z_])"`) // prefixes ending in "." are completed in code
	literalRe := regexp.MustCompile(`"(tui\.[a-z_.]+[a-z_])"`)
	seen := 0
	for _, f := range files {
		if filepath.Ext(f) != ".go" || len(f) > 8 && f[len(f)-8:] == "_test.go" {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, re := range []*regexp.Regexp{keyRe, literalRe} {
			for _, m := range re.FindAllStringSubmatch(string(src), -1) {
				seen++
				if !i18n.Has(m[1]) {
					t.Errorf("%s uses the message key %q, which the catalog does not have", f, m[1])
				}
			}
		}
	}
	if seen < 50 {
		t.Fatalf("found only %d message keys in the source; the pattern is broken", seen)
	}
	for _, c := range domain.Classes {
		if !i18n.Has("tui.class_short." + string(c)) {
			t.Errorf("no short badge for class %s", c)
		}
	}
	for _, k := range tabKeys {
		if !i18n.Has(k) {
			t.Errorf("no tab name %s", k)
		}
	}
}
