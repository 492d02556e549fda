package tui_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/crmtui/crmtui/domain/i18n"
)

// tplWords are the Templates screen's words in each language.
type tplWords struct {
	heading   string // purposes, custom ones
	editTitle string // the editor's title: the purpose's name
	first     string // the first purpose's name
	badError  string // under the body: position, what was typed
	good      string // a body with a good placeholder
	rendered  string // the good body for the customer: salutation
	saved     string // status: the purpose's name
	preview   string // the preview's title: purpose, customer
	custom    string // the mark of a user template
}

var tplWordsOf = map[i18n.Lang]tplWords{
	i18n.ZH: {
		heading:   "话术 20 种用途 · 自定义 %d 条",
		editTitle: "编辑话术：%s",
		first:     "购买感谢（第1天）",
		badError:  "第 %d 个字符：%s 不是可用的占位符",
		good:      "{称呼}您好，新品到了，有空来店里看看",
		rendered:  "%s您好，新品到了，有空来店里看看",
		saved:     "已保存话术：%s",
		preview:   "预览：%s · ",
		custom:    "自定义",
	},
	i18n.EN: {
		heading:   "Templates for 20 purposes · %d custom",
		editTitle: "Edit the template: %s",
		first:     "Thank you (day 1)",
		badError:  "character %d: %s is not a placeholder",
		good:      "Hi {salutation}, our new arrivals are in",
		rendered:  "Hi %s, our new arrivals are in",
		saved:     "Saved the template: %s",
		preview:   "Preview: %s · ",
		custom:    "custom",
	},
}

// TestTemplates_BadPlaceholderRefusedThenSavedAndPreviewed: editing a
// template with an unknown placeholder ({昵称}) shows the error with its
// position under the body field and saves nothing; a good body is saved,
// marked custom, and the preview renders it with the salutation of the
// salesperson's most valuable customer.
func TestTemplates_BadPlaceholderRefusedThenSavedAndPreviewed(t *testing.T) {
	forLangs(t, func(t *testing.T, lang i18n.Lang, w words) {
		ctx := context.Background()
		tw := tplWordsOf[lang]
		f := newFixture(t)
		a := startApp(t, f.options(lang), 160, 48)
		a.waitText(fmt.Sprintf(w.progress, 0, 62))
		a.key("<")
		a.waitText(fmt.Sprintf(tw.heading, 0), tw.first)
		a.key("e")
		title := fmt.Sprintf(tw.editTitle, tw.first)
		a.waitText(title)

		bad := "好久不见，{昵称}"
		if lang == i18n.EN {
			bad = "Long time no see, {昵称}"
		}
		a.clearField()
		a.typeText(bad)
		a.key("enter")
		pos := 0 // the brace's character position, 1-based
		for i, r := range []rune(bad) {
			if r == '{' {
				pos = i + 1
			}
		}
		want := fmt.Sprintf(tw.badError, pos, "{昵称}")
		s := a.waitText(want)
		ls := lines(s)
		for i, l := range ls {
			if strings.Contains(l, want) && (i == 0 || !strings.Contains(ls[i-1], bad)) {
				t.Errorf("the error is not right under the body field:\n%s", s)
			}
		}
		if !strings.Contains(s, title) {
			t.Errorf("the editor closed on a bad placeholder:\n%s", s)
		}
		if user, err := f.store.Templates(ctx); err != nil || len(user) != 0 {
			t.Fatalf("a bad template was saved: %v, %+v", err, user)
		}

		a.clearField()
		a.typeText(tw.good)
		a.key("enter")
		s = a.waitText(fmt.Sprintf(tw.saved, tw.first), fmt.Sprintf(tw.heading, 1))
		if l := lineWith(s, tw.good); !strings.Contains(l, tw.custom) {
			t.Errorf("the saved template's row %q is not marked %q", l, tw.custom)
		}
		user, err := f.store.Templates(ctx)
		if err != nil || len(user) != 1 || user[0].Body != tw.good || user[0].Purpose != "routine_1" || user[0].Lang != string(lang) {
			t.Fatalf("the store has %+v (%v), want the one saved routine_1 template", user, err)
		}

		// The preview fills it in for the salesperson's most valuable customer.
		list, err := f.store.CustomerSummaries(ctx, f.me.ID)
		if err != nil || len(list) == 0 {
			t.Fatal(err)
		}
		top, err := f.store.Customer(ctx, list[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		salutation := top.Salutation
		if salutation == "" {
			salutation = top.Name
		}
		a.key("p")
		a.waitText(fmt.Sprintf(tw.preview, tw.first)+top.Name, fmt.Sprintf(tw.rendered, salutation))
	})
}

// TestTemplates_RevertToDefault: D on a custom template asks, y deletes
// it, and the default applies again.
func TestTemplates_RevertToDefault(t *testing.T) {
	forLangs(t, func(t *testing.T, lang i18n.Lang, w words) {
		ctx := context.Background()
		tw := tplWordsOf[lang]
		f := newFixture(t)
		a := startApp(t, f.options(lang), 160, 48)
		a.waitText(fmt.Sprintf(w.progress, 0, 62))
		a.key("<")
		a.waitText(fmt.Sprintf(tw.heading, 0))
		a.key("e")
		a.waitText(fmt.Sprintf(tw.editTitle, tw.first))
		a.clearField()
		a.typeText(tw.good)
		a.key("enter")
		a.waitText(fmt.Sprintf(tw.heading, 1))
		a.key("D")
		a.waitText(map[i18n.Lang]string{i18n.ZH: "y 确认", i18n.EN: "y yes"}[lang])
		a.key("y")
		a.waitText(fmt.Sprintf(tw.heading, 0))
		if user, err := f.store.Templates(ctx); err != nil || len(user) != 0 {
			t.Fatalf("after reverting the store has %+v (%v)", user, err)
		}
	})
}

// TestGolden_Templates: the Templates list, the editor with the
// placeholders and a live preview, a refused placeholder and the preview,
// in both languages at 80×24 and 160×48. Regenerate with
// `go test ./tui/ -run TestGolden_Templates -update` after looking at the diff.
func TestGolden_Templates(t *testing.T) {
	f := newFixture(t)
	for _, lang := range langs {
		tw := tplWordsOf[lang]
		live := map[i18n.Lang]string{i18n.ZH: "预览（", i18n.EN: "Preview ("}[lang]
		for _, size := range [][2]int{{80, 24}, {160, 48}} {
			t.Run(fmt.Sprintf("%s/%dx%d", lang, size[0], size[1]), func(t *testing.T) {
				a := startApp(t, f.options(lang), size[0], size[1])
				shot := goldenShot(t, size)
				a.waitText(fmt.Sprintf(wordsOf[lang].progress, 0, 62))
				a.key("<")
				shot("list", a.waitText(fmt.Sprintf(tw.heading, 0), tw.first))
				a.key("e")
				shot("edit", a.waitText(fmt.Sprintf(tw.editTitle, tw.first), live))
				a.clearField()
				a.typeText("{昵称}")
				a.key("enter")
				shot("edit_refused", a.waitText(fmt.Sprintf(tw.badError, 1, "{昵称}")))
				a.key("esc")
				a.waitGone(fmt.Sprintf(tw.editTitle, tw.first))
				a.key("p")
				shot("preview", a.waitText(fmt.Sprintf(tw.preview, tw.first)))
			})
		}
	}
}
