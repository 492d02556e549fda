package main

import (
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crmtui/crmtui/db"
	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/domain/i18n"
)

// vCard 3.0 (RFC 2426) for phone address books: lines end in CRLF and are
// folded at 75 octets (never inside a UTF-8 character); text values escape
// backslash, comma, semicolon and line breaks.

// vcardText escapes a TEXT value.
func vcardText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\':
			b.WriteString(`\\`)
		case ',':
			b.WriteString(`\,`)
		case ';':
			b.WriteString(`\;`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
		default:
			if unicode.IsControl(r) && r != '\t' {
				continue
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// vcardLine writes one content line, folded: a line longer than 75 octets
// goes on after CRLF and a space.
func vcardLine(w *strings.Builder, line string) {
	n := 0
	for _, r := range line {
		l := utf8.RuneLen(r)
		if l < 0 {
			l = 3 // utf8.RuneError written as EF BF BD
		}
		if n+l > 75 {
			w.WriteString("\r\n ")
			n = 1
		}
		w.WriteRune(r)
		n += l
	}
	w.WriteString("\r\n")
}

// nameParts splits a name into family and given names for N: a Chinese
// name by its surname (欧阳娜娜: 欧阳 + 娜娜), another at its last space.
func nameParts(name string) (family, given string) {
	name = strings.TrimSpace(name)
	if s := domain.Surname(name); s != "" {
		return s, strings.TrimSpace(strings.TrimPrefix(name, s))
	}
	if i := strings.LastIndexByte(name, ' '); i > 0 {
		return strings.TrimSpace(name[i+1:]), strings.TrimSpace(name[:i])
	}
	return name, ""
}

// vcard renders one customer as a vCard 3.0.
func vcard(c *db.ExportCustomer, cat i18n.Catalog) string {
	var b strings.Builder
	vcardLine(&b, "BEGIN:VCARD")
	vcardLine(&b, "VERSION:3.0")
	family, given := nameParts(c.Name)
	vcardLine(&b, "N:"+vcardText(family)+";"+vcardText(given)+";;;")
	vcardLine(&b, "FN:"+vcardText(c.Name))
	if c.Remark != "" {
		vcardLine(&b, "NICKNAME:"+vcardText(c.Remark))
	}
	for _, p := range c.Phones {
		vcardLine(&b, "TEL;TYPE=CELL:"+vcardText(p))
	}
	if c.WeChat != "" {
		vcardLine(&b, "X-WECHAT:"+vcardText(c.WeChat))
	}
	if bd, ok := c.Birthday(); ok && bd.Calendar == domain.Solar && bd.Year != 0 {
		vcardLine(&b, fmt.Sprintf("BDAY:%04d-%02d-%02d", bd.Year, bd.Month, bd.Day))
	}
	if len(c.Tags) > 0 {
		tags := make([]string, len(c.Tags))
		for i, t := range c.Tags {
			tags[i] = vcardText(t)
		}
		vcardLine(&b, "CATEGORIES:"+strings.Join(tags, ","))
	}
	var note []string
	if c.Remark != "" {
		note = append(note, cat.T("export.vcard.remark", c.Remark))
	}
	if c.Salutation != "" && c.Salutation != c.Name {
		note = append(note, cat.T("export.vcard.salutation", c.Salutation))
	}
	if len(c.Tags) > 0 {
		note = append(note, cat.T("export.vcard.tags", strings.Join(c.Tags, ", ")))
	}
	if bd, ok := c.Birthday(); ok {
		note = append(note, cat.T("export.vcard.birthday", bd.String()))
	}
	if c.Contact.DoNotContact {
		note = append(note, cat.T("export.vcard.do_not_contact"))
	}
	if len(note) > 0 {
		vcardLine(&b, "NOTE:"+vcardText(strings.Join(note, "\n")))
	}
	vcardLine(&b, "UID:crmtui-"+vcardText(c.Ref))
	vcardLine(&b, "END:VCARD")
	return b.String()
}

// vcardWriter writes customers with at least one phone number or WeChat
// id: a card without a way to reach them has no place in a phone.
type vcardWriter struct {
	w   io.Writer
	cat i18n.Catalog
	n   int
}

func (v *vcardWriter) add(c *db.ExportCustomer) error {
	if len(c.Phones) == 0 && c.WeChat == "" {
		return nil
	}
	v.n++
	_, err := io.WriteString(v.w, vcard(c, v.cat))
	return err
}
