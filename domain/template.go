package domain

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// TemplatePurposes are what message templates (话术) are for; agenda items
// name theirs in Item.Template.
var TemplatePurposes = []string{
	"routine_1", "routine_3", "routine_7", "birthday", "lunar_birthday", "anniversary", "holiday",
	"replenish", "reactivation", "seasonal", "thanks", "service_followup", "followup",
	"invitation", "chase", "reminder", "appointment", "online", "aftersale", "complaint_followup",
}

// Placeholder is a value a template can insert, known by an English and a
// Chinese name: {salutation} and {称呼} are the same.
type Placeholder struct {
	EN, ZH string
}

// Placeholders lists every placeholder templates may use.
var Placeholders = []Placeholder{
	{"salutation", "称呼"}, {"name", "姓名"}, {"remark", "备注名"}, {"salesperson", "导购"}, {"store", "门店"},
	{"store_phone", "门店电话"}, {"product", "商品"}, {"event", "活动"}, {"event_time", "活动时间"}, {"place", "地点"},
	{"holiday", "节日"}, {"days_since_purchase", "购买天数"}, {"date", "日期"},
}

// placeholderKey maps both names of a placeholder to its English name.
func placeholderKey(name string) (string, bool) {
	for _, p := range Placeholders {
		if name == p.EN || name == p.ZH {
			return p.EN, true
		}
	}
	return "", false
}

// Template is a message text with placeholders, for one purpose, language
// and (optionally) channel.
type Template struct {
	ID      int64   `json:"id,omitempty"`
	Purpose string  `json:"purpose"`
	Channel Channel `json:"channel,omitempty"` // empty: any channel
	Lang    string  `json:"lang"`              // zh or en
	Name    string  `json:"name,omitempty"`
	Body    string  `json:"body"`
}

// Validate checks the template, including every placeholder, so that an
// unknown placeholder is an error when the template is saved, never a
// broken message later.
func (t *Template) Validate() error {
	p := newProblems("template")
	if !slices.Contains(TemplatePurposes, t.Purpose) {
		p.add("purpose", CodeUnknown, t.Purpose, strings.Join(TemplatePurposes, ", "))
	}
	if t.Channel != "" && !t.Channel.Valid() {
		p.add("channel", CodeUnknown, string(t.Channel), "")
	}
	if t.Lang != "zh" && t.Lang != "en" {
		p.add("lang", CodeUnknown, t.Lang, "zh or en")
	}
	checkText(p, "name", t.Name, MaxShortRunes, false)
	checkText(p, "body", t.Body, MaxNoteRunes, true)
	if _, err := ParseTemplate(t.Body); err != nil {
		var fe *FieldError
		if ok := asFieldError(err, &fe); ok {
			fe.Entity = "template"
			p.list = append(p.list, fe)
		} else {
			p.add("body", CodeInvalid, "", err.Error())
		}
	}
	return p.err()
}

func asFieldError(err error, target **FieldError) bool {
	fe, ok := err.(*FieldError)
	if ok {
		*target = fe
	}
	return ok
}

// templatePart is literal text or a placeholder (by English name).
type templatePart struct {
	text        string
	placeholder string
}

// ParsedTemplate is a template body split into text and placeholders.
type ParsedTemplate struct {
	parts []templatePart
}

// ParseTemplate splits a body into text and placeholders. {name} inserts a
// value; {{ and }} write literal braces. An unknown placeholder or an
// unclosed brace is a *FieldError on "body" whose Detail gives the
// character position (1-based).
func ParseTemplate(body string) (ParsedTemplate, error) {
	var out ParsedTemplate
	var text strings.Builder
	pos := 0 // rune position for messages
	for i := 0; i < len(body); {
		r, size := utf8.DecodeRuneInString(body[i:])
		switch {
		case r == '{' && strings.HasPrefix(body[i:], "{{"):
			text.WriteByte('{')
			i += 2
			pos += 2
			continue
		case r == '}' && strings.HasPrefix(body[i:], "}}"):
			text.WriteByte('}')
			i += 2
			pos += 2
			continue
		case r == '{':
			end := strings.IndexByte(body[i:], '}')
			if end < 0 {
				return out, &FieldError{Entity: "template", Field: "body", Code: CodeInvalid, Value: body[i:],
					Detail: "a { at character " + strconv.Itoa(pos+1) + " is never closed (write {{ for a brace)"}
			}
			name := strings.TrimSpace(body[i+1 : i+end])
			key, ok := placeholderKey(name)
			if !ok {
				return out, &FieldError{Entity: "template", Field: "body", Code: CodeUnknown, Value: "{" + name + "}",
					Detail: fmt.Sprintf("unknown placeholder at character %d; known: %s", pos+1, placeholderList())}
			}
			if text.Len() > 0 {
				out.parts = append(out.parts, templatePart{text: text.String()})
				text.Reset()
			}
			out.parts = append(out.parts, templatePart{placeholder: key})
			pos += utf8.RuneCountInString(body[i : i+end+1])
			i += end + 1
			continue
		case r == '}':
			return out, &FieldError{Entity: "template", Field: "body", Code: CodeInvalid, Value: "}",
				Detail: "a } at character " + strconv.Itoa(pos+1) + " has no { (write }} for a brace)"}
		}
		text.WriteRune(r)
		i += size
		pos++
	}
	if text.Len() > 0 {
		out.parts = append(out.parts, templatePart{text: text.String()})
	}
	return out, nil
}

func placeholderList() string {
	names := make([]string, 0, 2*len(Placeholders))
	for _, p := range Placeholders {
		names = append(names, "{"+p.ZH+"}", "{"+p.EN+"}")
	}
	return strings.Join(names, " ")
}

// Uses lists the placeholders (English names) the template inserts, in order.
func (t ParsedTemplate) Uses() []string {
	var out []string
	for _, p := range t.parts {
		if p.placeholder != "" && !slices.Contains(out, p.placeholder) {
			out = append(out, p.placeholder)
		}
	}
	return out
}

// Render fills the placeholders from values (keyed by English name); a
// missing value renders as empty, and the salutation falls back to the
// name, so a message never shows a raw {placeholder}.
func (t ParsedTemplate) Render(values map[string]string) string {
	var b strings.Builder
	for _, p := range t.parts {
		if p.placeholder == "" {
			b.WriteString(p.text)
			continue
		}
		v := values[p.placeholder]
		if v == "" && p.placeholder == "salutation" {
			v = values["name"]
		}
		b.WriteString(v)
	}
	return b.String()
}
