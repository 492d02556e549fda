package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/crmtui/crmtui/domain"
)

// View draws the Templates tab: one row per purpose (and per channel with
// a template of its own), whether it is the default or the user's, the
// start of the body; under the list the selected body in full.
func (p *templatesPage) View(w, h int) string {
	c, s, cat := p.c, p.c.styles, p.c.cat
	var b strings.Builder
	if p.loading && p.user == nil {
		return s.Dim.Render(cat.T("tui.tpl.loading"))
	}
	if p.loadErr != nil && p.user == nil {
		return s.Error.Render(wrap(cat.T("tui.status.error", cat.Error(p.loadErr)), w))
	}
	custom := 0
	for _, r := range p.rows {
		if r.custom {
			custom++
		}
	}
	head := s.Date.Render(cat.T("tui.tpl.heading", len(domain.TemplatePurposes), custom))
	if note := "  " + s.Dim.Render(cat.T("tui.tpl.lang_note")); width(head+note) <= w {
		head += note
	}
	b.WriteString(cut(head, w) + "\n")
	detailH := 4
	listH := max(1, h-1-detailH-1)
	if p.cursor < p.offset {
		p.offset = p.cursor
	}
	if p.cursor >= p.offset+listH {
		p.offset = p.cursor - listH + 1
	}
	nameW, markW := 0, 0
	for _, r := range p.rows {
		nameW = max(nameW, width(r.name))
		markW = max(markW, width(p.mark(r)))
	}
	if c.narrow() {
		nameW = min(nameW, 20)
	} else {
		nameW = min(nameW, 26)
	}
	for i := p.offset; i < min(len(p.rows), p.offset+listH); i++ {
		r := p.rows[i]
		mark := s.Dim.Render(fit(p.mark(r), markW))
		if r.custom {
			mark = s.OK.Render(fit(p.mark(r), markW))
		}
		line := " " + fit(r.name, nameW) + " " + mark + " "
		line += s.Dim.Render(cut(clean(r.t.Body), max(0, w-width(line))))
		if i == p.cursor {
			line = s.ItemSelected.Render(fit(ansiStrip(line), w))
		}
		b.WriteString(line + "\n")
	}
	for i := min(len(p.rows), p.offset+listH) - p.offset; i < listH; i++ {
		b.WriteString("\n")
	}
	if r, ok := p.selected(); ok {
		b.WriteString(s.Dim.Render(strings.Repeat("─", w)) + "\n")
		b.WriteString(cut(s.Title.Render(r.name)+" · "+p.mark(r), w) + "\n")
		body := strings.Split(wrap(clean(r.t.Body), w), "\n")
		if len(body) > detailH-1 {
			body = body[:detailH-1]
			body[len(body)-1] = cut(body[len(body)-1]+"…", w)
		}
		b.WriteString(strings.Join(body, "\n"))
	}
	return b.String()
}

// mark says whose a row's template is, and for which channel.
func (p *templatesPage) mark(r tplRow) string {
	cat := p.c.cat
	word := cat.T("tui.tpl.default")
	if r.custom {
		word = cat.T("tui.tpl.custom")
	}
	if r.t.Channel != "" {
		word += "·" + cat.Channel(r.t.Channel)
	}
	return word
}

// templateEditor edits a template's body in a form, with the placeholders
// listed under it and the body previewed live for the sample customer.
// Saving validates first: a bad placeholder is shown under the field with
// its position, and nothing is written.
type templateEditor struct {
	c      *common
	f      *form
	row    tplRow
	sample *sample
}

func newTemplateEditor(c *common, row tplRow) *templateEditor {
	cat := c.cat
	e := &templateEditor{c: c, row: row}
	title := cat.T("tui.tpl.edit_title", row.name)
	if row.t.Channel != "" {
		title += " · " + cat.Channel(row.t.Channel)
	}
	f := newForm(c, title)
	f.text("body", cat.T("tui.tpl.body"), row.t.Body, "")
	f.submit = func(v map[string]string) (map[string]string, tea.Cmd) {
		t := domain.Template{Purpose: row.t.Purpose, Channel: row.t.Channel, Lang: row.t.Lang, Name: row.t.Name, Body: v["body"]}
		if err := t.Validate(); err != nil {
			return templateErrors(c, err), nil
		}
		return nil, saveTemplate(c, t, cat.T("tui.tpl.saved", row.name))
	}
	e.f = f.start()
	return e
}

func (e *templateEditor) Update(msg tea.Msg) (page, tea.Cmd) {
	switch msg := msg.(type) {
	case sampleMsg:
		if msg.s != nil {
			e.sample = msg.s
		}
	case tea.KeyPressMsg:
		_, cmd := e.f.Update(msg)
		return e, cmd
	}
	return e, nil
}

func (e *templateEditor) Typing() bool      { return e.f.Typing() }
func (e *templateEditor) Help() []helpGroup { return e.f.Help() }

func (e *templateEditor) View(w, h int) string {
	s, cat := e.c.styles, e.c.cat
	inner := min(w, 80)
	var b strings.Builder
	b.WriteString(e.f.View(w, h) + "\n")
	b.WriteString(s.Section.Render(cut(cat.T("tui.tpl.placeholders"), inner)) + "\n")
	b.WriteString(placeholderGrid(e.c, inner) + "\n")
	b.WriteString(s.Dim.Render(cut(cat.T("tui.tpl.brace_hint"), inner)) + "\n")
	if e.sample != nil {
		b.WriteString(s.Section.Render(cut(cat.T("tui.tpl.live", clean(e.sample.who)), inner)) + "\n")
		if pt, err := domain.ParseTemplate(e.f.fields[0].input.Value()); err == nil {
			b.WriteString(wrap(clean(pt.Render(e.sample.values)), inner))
		} else {
			b.WriteString(s.Dim.Render(cut(cat.T("tui.tpl.live_broken"), inner)))
		}
	}
	return b.String()
}

// placeholderGrid lists every placeholder by both names, in columns: the
// app's language first ({称呼} salutation / {salutation} 称呼).
func placeholderGrid(c *common, w int) string {
	var cells []string
	cellW := 0
	for _, p := range domain.Placeholders {
		cell := "{" + p.ZH + "} {" + p.EN + "}"
		if c.cat.Lang() != "zh" {
			cell = "{" + p.EN + "} {" + p.ZH + "}"
		}
		cells = append(cells, cell)
		cellW = max(cellW, width(cell)+2)
	}
	cols := max(1, w/cellW)
	var lines []string
	for i := 0; i < len(cells); i += cols {
		var line string
		for j := i; j < min(len(cells), i+cols); j++ {
			line += fit(cells[j], cellW)
		}
		lines = append(lines, c.styles.Dim.Render(strings.TrimRight(line, " ")))
	}
	return strings.Join(lines, "\n")
}

// previewPage shows a template filled in for a real customer; c copies it.
type previewPage struct {
	c       *common
	row     tplRow
	who     string
	text    string
	missing []string
}

func newPreviewPage(c *common, row tplRow, s *sample, pt domain.ParsedTemplate) *previewPage {
	return &previewPage{c: c, row: row, who: s.who, text: pt.Render(s.values), missing: missing(c, pt, s.values)}
}

func (p *previewPage) Update(msg tea.Msg) (page, tea.Cmd) {
	if km, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(km, p.c.keys.TplCopy):
			return p, tea.Batch(tea.SetClipboard(p.text), status(p.c.cat.T("tui.message.copied")))
		case key.Matches(km, p.c.keys.Back, p.c.keys.Open):
			p.c.close()
		}
	}
	return p, nil
}

func (p *previewPage) Typing() bool { return false }

func (p *previewPage) Help() []helpGroup {
	return []helpGroup{{p.c.cat.T("tui.tpl.help"), []key.Binding{p.c.keys.TplCopy, p.c.keys.Back}}}
}

func (p *previewPage) View(w, h int) string {
	s, cat := p.c.styles, p.c.cat
	inner := min(w-4, 72)
	var b strings.Builder
	b.WriteString(s.BoxTitle.Render(cut(cat.T("tui.tpl.preview_title", p.row.name, clean(p.who)), inner)) + "\n\n")
	b.WriteString(wrap(clean(p.text), inner) + "\n\n")
	if len(p.missing) > 0 {
		b.WriteString(s.Held.Render(wrap(cat.T("tui.tpl.preview_missing", strings.Join(p.missing, " ")), inner)) + "\n")
	}
	b.WriteString(s.Dim.Render(cut(cat.T("tui.tpl.preview_help"), inner)))
	return s.Box.Width(min(w, inner+4)).Render(b.String())
}

// revertDialog asks before a user's template is deleted and the default
// applies again.
type revertDialog struct {
	c   *common
	row tplRow
}

func newRevertDialog(c *common, row tplRow) *revertDialog { return &revertDialog{c: c, row: row} }

func (d *revertDialog) Update(msg tea.Msg) (page, tea.Cmd) {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return d, nil
	}
	switch km.String() {
	case "y", "enter":
		d.c.close()
		c, id, text := d.c, d.row.t.ID, d.c.cat.T("tui.tpl.reverted", d.row.name)
		return d, func() tea.Msg { return templateSavedMsg{text: text, err: c.store.DeleteTemplate(c.ctx(), id)} }
	case "esc", "n":
		d.c.close()
	}
	return d, nil
}

func (d *revertDialog) Typing() bool { return false }

func (d *revertDialog) Help() []helpGroup {
	return []helpGroup{{d.c.cat.T("tui.help.global"), []key.Binding{d.c.keys.Back}}}
}

func (d *revertDialog) View(w, h int) string {
	s, cat := d.c.styles, d.c.cat
	inner := min(w-4, 72)
	var b strings.Builder
	b.WriteString(s.BoxTitle.Render(cut(cat.T("tui.tpl.revert_title", d.row.name), inner)) + "\n\n")
	b.WriteString(s.Dim.Render(wrap(clean(d.row.t.Body), inner)) + "\n\n")
	b.WriteString(cut(cat.T("tui.tpl.revert_ask"), inner))
	return s.Box.Width(min(w, inner+4)).Render(b.String())
}
