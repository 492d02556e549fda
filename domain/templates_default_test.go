package domain

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

var rawPlaceholderRE = regexp.MustCompile(`\{([^{}]*)\}`)

// rawPlaceholders lists the placeholder names as written in a body.
func rawPlaceholders(body string) []string {
	var out []string
	for _, m := range rawPlaceholderRE.FindAllStringSubmatch(body, -1) {
		out = append(out, m[1])
	}
	return out
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

func TestDefaultTemplates_OnePerPurposeAndLanguage(t *testing.T) {
	count := map[[2]string]int{}
	for _, d := range DefaultTemplates() {
		count[[2]string{d.Purpose, d.Lang}]++
		if !slices.Contains(TemplatePurposes, d.Purpose) {
			t.Errorf("default for unknown purpose %q", d.Purpose)
		}
		if d.Channel != "" || d.ID != 0 {
			t.Errorf("%s/%s: channel %q id %d, want any channel and no id", d.Purpose, d.Lang, d.Channel, d.ID)
		}
	}
	for _, p := range TemplatePurposes {
		for _, lang := range []string{"zh", "en"} {
			if n := count[[2]string{p, lang}]; n != 1 {
				t.Errorf("%s/%s: %d defaults, want 1", p, lang, n)
			}
		}
	}
	if got, want := len(DefaultTemplates()), 2*len(TemplatePurposes); got != want {
		t.Errorf("%d defaults, want %d", got, want)
	}
}

func TestDefaultTemplates_ValidAndNamed(t *testing.T) {
	names := map[string]string{}
	for _, d := range DefaultTemplates() {
		if err := d.Validate(); err != nil {
			t.Errorf("%s/%s: %v", d.Purpose, d.Lang, err)
		}
		if strings.TrimSpace(d.Name) == "" {
			t.Errorf("%s/%s: no name", d.Purpose, d.Lang)
		}
		key := d.Lang + ":" + d.Name
		if other, dup := names[key]; dup {
			t.Errorf("%s/%s: name %q also used by %s", d.Purpose, d.Lang, d.Name, other)
		}
		names[key] = d.Purpose
		if d.Lang == "en" && hasHan(d.Name) {
			t.Errorf("%s/en: name %q has Chinese", d.Purpose, d.Name)
		}
		if d.Lang == "zh" && !hasHan(d.Name) {
			t.Errorf("%s/zh: name %q has no Chinese", d.Purpose, d.Name)
		}
	}
}

func TestDefaultTemplates_LanguageAndPlaceholderNames(t *testing.T) {
	for _, d := range DefaultTemplates() {
		used := rawPlaceholders(d.Body)
		switch d.Lang {
		case "zh":
			if !hasHan(d.Body) {
				t.Errorf("%s/zh: body has no Chinese: %q", d.Purpose, d.Body)
			}
			if !slices.Contains(used, "称呼") {
				t.Errorf("%s/zh: body doesn't use {称呼}: %q", d.Purpose, d.Body)
			}
		case "en":
			if hasHan(d.Body) {
				t.Errorf("%s/en: body has Han characters: %q", d.Purpose, d.Body)
			}
			for i, r := range d.Body {
				if r > unicode.MaxASCII {
					t.Errorf("%s/en: non-ASCII %q at byte %d: %q", d.Purpose, r, i, d.Body)
					break
				}
			}
			if !slices.Contains(used, "salutation") {
				t.Errorf("%s/en: body doesn't use {salutation}: %q", d.Purpose, d.Body)
			}
		default:
			t.Errorf("%s: unknown language %q", d.Purpose, d.Lang)
		}
		for _, name := range used {
			i := slices.IndexFunc(Placeholders, func(p Placeholder) bool { return p.EN == name || p.ZH == name })
			switch {
			case i < 0:
				t.Errorf("%s/%s: unknown placeholder {%s}", d.Purpose, d.Lang, name)
			case d.Lang == "zh" && name != Placeholders[i].ZH:
				t.Errorf("%s/zh: placeholder {%s} should be written {%s}", d.Purpose, name, Placeholders[i].ZH)
			case d.Lang == "en" && name != Placeholders[i].EN:
				t.Errorf("%s/en: placeholder {%s} should be written {%s}", d.Purpose, name, Placeholders[i].EN)
			}
		}
	}
}

func TestDefaultTemplates_Length(t *testing.T) {
	for _, d := range DefaultTemplates() {
		switch d.Lang {
		case "zh":
			if n := utf8.RuneCountInString(d.Body); n > 120 {
				t.Errorf("%s/zh: %d characters, want at most 120", d.Purpose, n)
			}
		case "en":
			if n := len(d.Body); n > 320 {
				t.Errorf("%s/en: %d bytes, want at most 320", d.Purpose, n)
			}
		}
		if strings.ContainsAny(d.Body, "\n\t") || d.Body != strings.TrimSpace(d.Body) {
			t.Errorf("%s/%s: body should be one trimmed line: %q", d.Purpose, d.Lang, d.Body)
		}
	}
}

func TestDefaultTemplates_Render(t *testing.T) {
	full := map[string]string{}
	for _, p := range Placeholders {
		full[p.EN] = "<" + p.EN + ">"
	}
	for _, d := range DefaultTemplates() {
		pt, err := ParseTemplate(d.Body)
		if err != nil {
			t.Errorf("%s/%s: %v", d.Purpose, d.Lang, err)
			continue
		}
		got := pt.Render(full)
		if strings.ContainsAny(got, "{}") {
			t.Errorf("%s/%s: leftover braces in %q", d.Purpose, d.Lang, got)
		}
		for _, u := range pt.Uses() {
			if !strings.Contains(got, "<"+u+">") {
				t.Errorf("%s/%s: value of %s missing from %q", d.Purpose, d.Lang, u, got)
			}
		}
		empty := pt.Render(map[string]string{})
		if strings.ContainsAny(empty, "{}<>") || strings.TrimSpace(empty) == "" {
			t.Errorf("%s/%s: rendered with no values: %q", d.Purpose, d.Lang, empty)
		}
		_ = pt.Render(nil)
	}
}

func TestDefaultTemplates_PurposePlaceholders(t *testing.T) {
	need := map[string][]string{
		"routine_3":  {"product"},
		"replenish":  {"product"},
		"invitation": {"event", "event_time"},
		"chase":      {"event"},
		"reminder":   {"event", "event_time"},
		"thanks":     {"event"},
		"holiday":    {"holiday"},
	}
	for _, d := range DefaultTemplates() {
		pt, err := ParseTemplate(d.Body)
		if err != nil {
			t.Fatalf("%s/%s: %v", d.Purpose, d.Lang, err)
		}
		for _, p := range need[d.Purpose] {
			if !slices.Contains(pt.Uses(), p) {
				t.Errorf("%s/%s: body doesn't use %s: %q", d.Purpose, d.Lang, p, d.Body)
			}
		}
	}
}

func TestDefaultTemplate_Lookup(t *testing.T) {
	all := DefaultTemplates()
	for _, want := range all {
		got, ok := DefaultTemplate(want.Purpose, want.Lang)
		if !ok || got != want {
			t.Errorf("DefaultTemplate(%q, %q) = %+v, %v; want %+v", want.Purpose, want.Lang, got, ok, want)
		}
	}
	for _, c := range [][2]string{{"nope", "zh"}, {"birthday", "fr"}, {"birthday", ""}, {"", "en"}} {
		if got, ok := DefaultTemplate(c[0], c[1]); ok {
			t.Errorf("DefaultTemplate(%q, %q) = %+v, want none", c[0], c[1], got)
		}
	}
	// The slice is the caller's: changing it changes no later answer.
	all[0].Body = "changed"
	if again := DefaultTemplates(); again[0].Body == "changed" {
		t.Error("DefaultTemplates shares its slice between calls")
	}
	if d, _ := DefaultTemplate(all[0].Purpose, all[0].Lang); d.Body == "changed" {
		t.Error("DefaultTemplate sees a caller's change")
	}
}

func TestPickTemplate(t *testing.T) {
	userWeChat := Template{ID: 1, Purpose: "birthday", Lang: "zh", Channel: ChannelWeChat, Body: "{称呼}，微信生日快乐"}
	userAny := Template{ID: 2, Purpose: "birthday", Lang: "zh", Body: "{称呼}，生日快乐"}
	userSMS := Template{ID: 3, Purpose: "birthday", Lang: "zh", Channel: ChannelSMS, Body: "{称呼}，短信生日快乐"}
	userEN := Template{ID: 4, Purpose: "birthday", Lang: "en", Body: "Happy birthday {salutation}"}
	userOther := Template{ID: 5, Purpose: "holiday", Lang: "zh", Channel: ChannelWeChat, Body: "{称呼}，{节日}快乐"}
	userAny2 := Template{ID: 6, Purpose: "birthday", Lang: "zh", Body: "{称呼}，再祝生日快乐"}
	broken := Template{ID: 7, Purpose: "birthday", Lang: "zh", Channel: ChannelWeChat, Body: "{昵称}生日快乐"}
	blank := Template{ID: 8, Purpose: "birthday", Lang: "zh", Body: "  "}
	defZH, _ := DefaultTemplate("birthday", "zh")
	defEN, _ := DefaultTemplate("birthday", "en")

	cases := []struct {
		name    string
		user    []Template
		purpose string
		lang    string
		ch      Channel
		want    Template
		ok      bool
	}{
		{"no user templates: default", nil, "birthday", "zh", ChannelWeChat, defZH, true},
		{"user exact channel beats user any", []Template{userAny, userWeChat}, "birthday", "zh", ChannelWeChat, userWeChat, true},
		{"user exact channel beats user any, either order", []Template{userWeChat, userAny}, "birthday", "zh", ChannelWeChat, userWeChat, true},
		{"user any beats default", []Template{userAny}, "birthday", "zh", ChannelCall, userAny, true},
		{"user for another channel doesn't count", []Template{userSMS}, "birthday", "zh", ChannelWeChat, defZH, true},
		{"other channel and any: any", []Template{userSMS, userAny}, "birthday", "zh", ChannelWeChat, userAny, true},
		{"no channel asked: only any-channel templates", []Template{userWeChat, userAny}, "birthday", "zh", "", userAny, true},
		{"no channel asked, only channel ones: default", []Template{userWeChat}, "birthday", "zh", "", defZH, true},
		{"language respected", []Template{userAny, userWeChat}, "birthday", "en", ChannelWeChat, defEN, true},
		{"user en template", []Template{userAny, userEN}, "birthday", "en", ChannelSMS, userEN, true},
		{"other purpose doesn't count", []Template{userOther}, "birthday", "zh", ChannelWeChat, defZH, true},
		{"first of equals wins", []Template{userAny, userAny2}, "birthday", "zh", ChannelCall, userAny, true},
		{"broken override passed over", []Template{broken, userAny}, "birthday", "zh", ChannelWeChat, userAny, true},
		{"blank override passed over", []Template{blank}, "birthday", "zh", ChannelWeChat, defZH, true},
		{"unknown purpose", []Template{userAny}, "nope", "zh", ChannelWeChat, Template{}, false},
		{"unknown language", []Template{userAny}, "birthday", "fr", ChannelWeChat, Template{}, false},
	}
	for _, c := range cases {
		got, ok := PickTemplate(c.user, c.purpose, c.lang, c.ch)
		if ok != c.ok || got != c.want {
			t.Errorf("%s: PickTemplate = %+v, %v; want %+v, %v", c.name, got, ok, c.want, c.ok)
		}
	}
}
