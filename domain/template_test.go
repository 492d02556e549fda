package domain

import (
	"errors"
	"strings"
	"testing"
)

func TestParseTemplate_RendersBothNames(t *testing.T) {
	pt, err := ParseTemplate("{称呼}您好，我是{门店}的{salesperson}。{{会员价}}")
	if err != nil {
		t.Fatal(err)
	}
	got := pt.Render(map[string]string{"salutation": "王姐", "store": "静安店", "salesperson": "小芳"})
	if want := "王姐您好，我是静安店的小芳。{会员价}"; got != want {
		t.Errorf("render = %q, want %q", got, want)
	}
	if uses := strings.Join(pt.Uses(), ","); uses != "salutation,store,salesperson" {
		t.Errorf("uses = %q", uses)
	}
}

func TestParseTemplate_SalutationFallsBackToName(t *testing.T) {
	pt, _ := ParseTemplate("{称呼}，生日快乐")
	if got := pt.Render(map[string]string{"name": "张三"}); got != "张三，生日快乐" {
		t.Errorf("render = %q", got)
	}
}

func TestParseTemplate_Errors(t *testing.T) {
	cases := []struct {
		body, value, detail string
		code                ErrorCode
	}{
		{"您好{昵称}", "{昵称}", "character 3", CodeUnknown},
		{"Hi {first_name}", "{first_name}", "character 4", CodeUnknown},
		{"您好{称呼", "{称呼", "character 3", CodeInvalid},
		{"价格}", "}", "character 3", CodeInvalid},
	}
	for _, c := range cases {
		_, err := ParseTemplate(c.body)
		var fe *FieldError
		if !errors.As(err, &fe) || fe.Field != "body" || fe.Code != c.code || fe.Value != c.value || !strings.Contains(fe.Detail, c.detail) {
			t.Errorf("ParseTemplate(%q) = %v, want %s %q at %s", c.body, err, c.code, c.value, c.detail)
		}
	}
}

func TestTemplate_Validate(t *testing.T) {
	good := Template{Purpose: "birthday", Lang: "zh", Body: "{称呼}生日快乐！"}
	if err := good.Validate(); err != nil {
		t.Errorf("valid template refused: %v", err)
	}
	cases := []struct {
		name  string
		t     Template
		field string
		code  ErrorCode
	}{
		{"unknown placeholder", Template{Purpose: "birthday", Lang: "zh", Body: "{昵称}生日快乐"}, "body", CodeUnknown},
		{"unknown purpose", Template{Purpose: "spam", Lang: "zh", Body: "x"}, "purpose", CodeUnknown},
		{"bad language", Template{Purpose: "birthday", Lang: "fr", Body: "x"}, "lang", CodeUnknown},
		{"empty body", Template{Purpose: "birthday", Lang: "en", Body: " "}, "body", CodeRequired},
		{"bad channel", Template{Purpose: "birthday", Lang: "en", Body: "x", Channel: "fax"}, "channel", CodeUnknown},
	}
	for _, c := range cases {
		var ve *ValidationError
		err := c.t.Validate()
		if !errors.As(err, &ve) || ve.Field(c.field) == nil || ve.Field(c.field).Code != c.code {
			t.Errorf("%s: %v, want %s on %s", c.name, err, c.code, c.field)
		}
	}
}

func FuzzParseTemplate(f *testing.F) {
	for _, s := range []string{"{称呼}您好", "{{}}", "{", "}", "{name}{date}", "中文{门店电话}", "{ name }"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		pt, err := ParseTemplate(body)
		if err != nil {
			return
		}
		out := pt.Render(map[string]string{"name": "x"})
		if strings.Contains(out, "{name}") {
			t.Errorf("rendered a raw placeholder: %q", out)
		}
	})
}
