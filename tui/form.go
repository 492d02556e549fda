package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
)

// fieldKind is how a form field takes input.
type fieldKind int

const (
	fieldText   fieldKind = iota // free text
	fieldChoice                  // one of a few options, ←/→
)

// option is one choice of a choice field: the value kept and the word shown.
type option struct{ value, label string }

// formField is one row of a form.
type formField struct {
	name    string // the domain field it edits, to place validation errors
	label   string
	hint    string
	kind    fieldKind
	input   textinput.Model
	options []option
	choice  int
	err     string
}

func (f *formField) value() string {
	if f.kind == fieldChoice {
		if len(f.options) == 0 {
			return ""
		}
		return f.options[f.choice].value
	}
	return strings.TrimSpace(f.input.Value())
}

// form is a small keyboard form: tab/↓ and shift+tab/↑ move between fields,
// ←/→ change a choice, enter submits from any field, esc cancels. Submit
// returns field errors to show under their fields, or a command to run.
type form struct {
	c      *common
	title  string
	fields []*formField
	focus  int
	submit func(values map[string]string) (map[string]string, tea.Cmd)
	errTop string
}

func newForm(c *common, title string) *form { return &form{c: c, title: title} }

func (f *form) text(name, label, value, hint string) *form {
	in := textinput.New()
	in.Prompt = ""
	in.SetValue(clean(value)) // database text is shown, so it is cleaned like everywhere else
	in.CharLimit = 2000
	st := textinput.DefaultStyles(f.c.dark)
	st.Cursor.Blink = false
	in.SetStyles(st)
	f.fields = append(f.fields, &formField{name: name, label: label, hint: hint, kind: fieldText, input: in})
	return f
}

func (f *form) choice(name, label string, opts []option, value string) *form {
	ff := &formField{name: name, label: label, kind: fieldChoice, options: opts}
	for i, o := range opts {
		if o.value == value {
			ff.choice = i
		}
	}
	f.fields = append(f.fields, ff)
	return f
}

// start focuses the first field.
func (f *form) start() *form {
	f.setFocus(0)
	return f
}

func (f *form) setFocus(i int) {
	if len(f.fields) == 0 {
		return
	}
	f.focus = (i + len(f.fields)) % len(f.fields)
	for j, ff := range f.fields {
		if ff.kind == fieldText {
			if j == f.focus {
				ff.input.Focus()
			} else {
				ff.input.Blur()
			}
		}
	}
}

func (f *form) values() map[string]string {
	out := map[string]string{}
	for _, ff := range f.fields {
		out[ff.name] = ff.value()
	}
	return out
}

// setErrors shows validation errors under their fields; errors for fields
// the form does not have go to the top line.
func (f *form) setErrors(errs map[string]string) {
	f.errTop = ""
	for _, ff := range f.fields {
		ff.err = errs[ff.name]
	}
	var rest []string
	for name, e := range errs {
		found := false
		for _, ff := range f.fields {
			found = found || ff.name == name
		}
		if !found {
			rest = append(rest, e)
		}
	}
	f.errTop = strings.Join(rest, "; ")
	for i, ff := range f.fields {
		if ff.err != "" {
			f.setFocus(i)
			break
		}
	}
}

// Update handles the form's keys.
func (f *form) Update(msg tea.Msg) (page, tea.Cmd) {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return f, nil
	}
	cur := f.fields[f.focus]
	switch km.String() {
	case "esc":
		f.c.close()
		return f, nil
	case "enter":
		errs, cmd := f.submit(f.values())
		if len(errs) > 0 {
			f.setErrors(errs)
			return f, nil
		}
		f.c.close()
		return f, cmd
	case "tab", "down":
		f.setFocus(f.focus + 1)
		return f, nil
	case "shift+tab", "up":
		f.setFocus(f.focus - 1)
		return f, nil
	}
	if cur.kind == fieldChoice {
		switch km.String() {
		case "left", "h":
			cur.choice = (cur.choice + len(cur.options) - 1) % len(cur.options)
		case "right", "l", "space":
			cur.choice = (cur.choice + 1) % len(cur.options)
		}
		return f, nil
	}
	var cmd tea.Cmd
	cur.input, cmd = cur.input.Update(msg)
	return f, cmd
}

// Typing is true on text fields: letters are typed, not shortcuts.
func (f *form) Typing() bool { return len(f.fields) > 0 && f.fields[f.focus].kind == fieldText }

// Help lists the form's keys.
func (f *form) Help() []helpGroup {
	return []helpGroup{{f.c.cat.T("tui.help.global"), []key.Binding{
		key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", f.c.cat.T("tui.key.save"))),
		f.c.keys.Back,
	}}}
}

// View draws the form in a box.
func (f *form) View(w, h int) string {
	s := f.c.styles
	inner := min(w-4, 76)
	labelW := 0
	for _, ff := range f.fields {
		labelW = max(labelW, width(ff.label))
	}
	labelW = min(labelW, inner/3)
	var b strings.Builder
	b.WriteString(s.BoxTitle.Render(cut(clean(f.title), inner)) + "\n")
	if f.errTop != "" {
		b.WriteString(s.FieldError.Render(cut(f.errTop, inner)) + "\n")
	}
	for i, ff := range f.fields {
		marker := "  "
		if i == f.focus {
			marker = s.Key.Render("› ")
		}
		var val string
		if ff.kind == fieldChoice {
			var opts []string
			for j, o := range ff.options {
				if j == ff.choice {
					opts = append(opts, s.ItemSelected.Render(o.label))
				} else {
					opts = append(opts, s.Dim.Render(o.label))
				}
			}
			val = strings.Join(opts, " ")
		} else {
			ff.input.SetWidth(max(10, inner-labelW-4))
			val = ff.input.View()
		}
		b.WriteString(marker + s.Label.Render(fit(ff.label, labelW)) + "  " + val + "\n")
		if ff.err != "" {
			b.WriteString(strings.Repeat(" ", labelW+4) + s.FieldError.Render(cut(ff.err, inner-labelW-4)) + "\n")
		} else if i == f.focus && ff.hint != "" {
			b.WriteString(strings.Repeat(" ", labelW+4) + s.Dim.Render(cut(ff.hint, inner-labelW-4)) + "\n")
		}
	}
	b.WriteString(s.Dim.Render(cut(f.c.cat.T("tui.form.save"), inner)))
	return s.Box.Width(min(w, inner+4)).Render(b.String())
}
