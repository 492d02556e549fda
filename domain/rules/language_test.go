package rules

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

func readLanguage(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("LANGUAGE.md")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// section returns the text of the "## title" section.
func section(t *testing.T, doc, title string) string {
	t.Helper()
	_, after, ok := strings.Cut(doc, "\n## "+title+"\n")
	if !ok {
		t.Fatalf("LANGUAGE.md has no section %q", title)
	}
	if i := strings.Index(after, "\n## "); i >= 0 {
		after = after[:i]
	}
	return after
}

// The examples are the numbered list of the Examples section: "1. `rule` — what it does".
var exampleRe = regexp.MustCompile("(?m)^\\d+\\. `([^`]+)` — \\S")

func TestLanguageExamples(t *testing.T) {
	doc := readLanguage(t)
	ex := exampleRe.FindAllStringSubmatch(section(t, doc, "Examples"), -1)
	if len(ex) < 10 {
		t.Fatalf("LANGUAGE.md has %d examples, want at least 10", len(ex))
	}
	fs := fixtures()
	for _, m := range ex {
		r, err := Parse(m[1])
		if err != nil {
			pe := err.(*ParseError)
			t.Errorf("example %q does not parse:\n%s", m[1], pe.Caret())
			continue
		}
		for _, text := range []string{r.String(), r.Chinese()} {
			r2, err := Parse(text)
			if err != nil || r2.String() != r.String() {
				t.Errorf("example %q: canonical %q does not read back: %v", m[1], text, err)
				continue
			}
			for i := range fs {
				if r.Match(&fs[i], today) != r2.Match(&fs[i], today) {
					t.Errorf("example %q and %q disagree", m[1], text)
				}
			}
		}
	}
	// The SPEC's examples are among them.
	for _, s := range []string{"tag:VIP and spend_365d >= 5000", "birthday in next 7 days", "class:loyal and last_contact > 30d", "stage:dormant"} {
		found := false
		for _, m := range ex {
			found = found || m[1] == s
		}
		if !found {
			t.Errorf("LANGUAGE.md does not give the SPEC example %q", s)
		}
	}
}

// The ```error blocks show exactly what Caret prints for their first line.
func TestLanguageErrors(t *testing.T) {
	doc := readLanguage(t)
	blocks := regexp.MustCompile("(?s)```error\n(.*?)\n```").FindAllStringSubmatch(doc, -1)
	if len(blocks) < 4 {
		t.Fatalf("LANGUAGE.md has %d error examples", len(blocks))
	}
	for _, b := range blocks {
		src, _, _ := strings.Cut(b[1], "\n")
		_, err := Parse(src)
		pe, ok := err.(*ParseError)
		if !ok {
			t.Errorf("error example %q parses: %v", src, err)
			continue
		}
		if got := pe.Caret(); got != b[1] {
			t.Errorf("error example:\n%s\nCaret prints:\n%s", b[1], got)
		}
	}
}

// Every spelling of every field and value is in the reference, and the
// fields table lists the fields in the package's order.
func TestLanguageFieldTable(t *testing.T) {
	doc := readLanguage(t)
	fieldsSection := section(t, doc, "Fields")
	table, choices, ok := strings.Cut(fieldsSection, "\n### Choices\n")
	if !ok {
		t.Fatal("the Fields section has no Choices table")
	}
	rows := regexp.MustCompile("(?m)^\\| `([a-z_0-9]+)`").FindAllStringSubmatch(table, -1)
	var names []string
	for _, r := range rows {
		names = append(names, r[1])
	}
	if strings.Join(names, " ") != strings.Join(FieldNames(), " ") {
		t.Errorf("the fields table lists %v, the package %v", names, FieldNames())
	}
	for _, f := range fields {
		row := ""
		for _, line := range strings.Split(table, "\n") {
			if strings.HasPrefix(line, "| `"+f.name()+"`") {
				row = line
			}
		}
		for _, n := range append(append([]string{}, f.en...), f.zh...) {
			if !strings.Contains(row, "`"+n+"`") {
				t.Errorf("the row of %s does not give the spelling %q", f.name(), n)
			}
		}
		for _, v := range f.values {
			for _, n := range append(append([]string{}, v.en...), v.zh...) {
				if !strings.Contains(choices, "`"+n+"`") {
					t.Errorf("LANGUAGE.md does not give the %s value %q", f.name(), n)
				}
			}
		}
	}
}
