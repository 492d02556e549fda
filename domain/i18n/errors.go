package i18n

import (
	"errors"
	"regexp"
	"strings"

	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/domain/agenda"
)

// indexRe matches the list indexes of a field path: phones[0], items[12].
var indexRe = regexp.MustCompile(`\[\d+\]`)

// subRecords maps the list fields that hold records of their own to the
// entity whose field names apply inside them (customer.key_dates[0].month).
var subRecords = map[string]string{
	"key_dates": "key_date",
	"items":     "line_item",
}

// entityFallback lists entities whose fields are, past their own, those of
// another (a store's special day is checked as a key date).
var entityFallback = map[string]string{
	"special_day": "key_date",
}

// Field names a field of a record for people: Field("customer",
// "phones[0]") is 电话 / phone, Field("purchase", "items[2].amount") is
// 商品明细·金额 / line item amount. Indexes are left out; an unknown field
// is shown as it is written.
func (c Catalog) Field(entity, field string) string {
	f := indexRe.ReplaceAllString(field, "")
	if w, ok := c.fieldWord(entity, f); ok {
		return w
	}
	if head, rest, ok := strings.Cut(f, "."); ok {
		if sub, ok := subRecords[head]; ok {
			if inner, ok := c.fieldWord(sub, rest); ok {
				return c.T("field.nested", c.Entity(sub), inner)
			}
		}
		last := f[strings.LastIndexByte(f, '.')+1:]
		if w, ok := c.fieldWord(entity, last); ok {
			return w
		}
	}
	return f
}

// fieldWord looks a field up under its entity, its entity's fallback, then
// among the shared field names.
func (c Catalog) fieldWord(entity, field string) (string, bool) {
	for e := entity; e != ""; e = entityFallback[e] {
		if w, ok := c.lookup("field." + e + "." + field); ok {
			return w, true
		}
	}
	return c.lookup("field." + field)
}

// Error renders an error for people, in the catalog's language:
// *domain.ValidationError (every problem, joined), *domain.FieldError,
// *domain.NotFoundError and *agenda.ConfigError. A validation message names
// the field in words and keeps the technical path in parentheses, so that
// scripts and tests can grep it:
//
//	电话（customer.phones[0]）格式不对：电话号码为 5 到 20 位数字（输入的是 "12"）
//	phone (customer.phones[0]) is invalid: a phone number has 5 to 20 digits (got "12")
//
// When one of these is wrapped (fmt.Errorf("import row 3: %w", err)), the
// wrapper's own words are kept in front of the rendered error. Any other
// error gives err.Error(); nil gives "".
func (c Catalog) Error(err error) string {
	if err == nil {
		return ""
	}
	inner, text := c.renderKnown(err)
	if inner == nil {
		return err.Error()
	}
	if inner == err {
		return text
	}
	outer, in := err.Error(), inner.Error()
	if strings.HasSuffix(outer, in) {
		return outer[:len(outer)-len(in)] + text
	}
	return err.Error()
}

// Errors renders each problem of a validation error on its own (for a form
// that marks every wrong field), or the one message of any other error.
func (c Catalog) Errors(err error) []string {
	if err == nil {
		return nil
	}
	var ve *domain.ValidationError
	if errors.As(err, &ve) && len(ve.Problems) > 0 {
		out := make([]string, len(ve.Problems))
		for i, p := range ve.Problems {
			out[i] = c.FieldError(p)
		}
		return out
	}
	return []string{c.Error(err)}
}

// renderKnown finds the first error of a known kind in err's chain and
// renders it; it returns a nil error when there is none.
func (c Catalog) renderKnown(err error) (error, string) {
	var ve *domain.ValidationError
	if errors.As(err, &ve) {
		parts := make([]string, len(ve.Problems))
		for i, p := range ve.Problems {
			parts[i] = c.FieldError(p)
		}
		return ve, strings.Join(parts, c.T("error.list_sep"))
	}
	var fe *domain.FieldError
	if errors.As(err, &fe) {
		return fe, c.FieldError(fe)
	}
	var nf *domain.NotFoundError
	if errors.As(err, &nf) {
		return nf, c.T("error.not_found", c.Entity(nf.Entity), nf.ID)
	}
	var ce *agenda.ConfigError
	if errors.As(err, &ce) {
		return ce, c.T("error.config", ce.Key, c.Detail(domain.CodeInvalid, ce.Detail))
	}
	return nil, ""
}

// FieldError renders one field problem: the field in words, its path, why,
// the detail and the value typed.
func (c Catalog) FieldError(fe *domain.FieldError) string {
	if fe == nil {
		return ""
	}
	word, path := c.Field(fe.Entity, fe.Field), fe.Path()
	var s string
	switch fe.Code {
	case domain.CodeRequired, domain.CodeInvalid, domain.CodeOutOfRange, domain.CodeTooLong,
		domain.CodeUnknown, domain.CodeConflict:
		s = c.T("error."+string(fe.Code), word, path)
	default:
		s = c.T("error.other_code", word, path, string(fe.Code))
	}
	if d := c.Detail(fe.Code, fe.Detail); d != "" {
		s = c.T("error.detail", s, d)
	}
	if fe.Value != "" {
		s = c.T("error.got", s, fe.Value)
	}
	return s
}

// detailKeys finds a detail's key by the domain's English text.
var detailKeys = func() map[string]string {
	out := map[string]string{}
	for k, m := range messages {
		if strings.HasPrefix(k, "detail.") && !strings.Contains(m.en, "%") {
			out[m.en] = k
		}
	}
	return out
}()

// detailPatterns match the details that carry numbers or values; each
// group becomes one %s of the message.
var detailPatterns = []struct {
	re  *regexp.Regexp
	key string
}{
	{regexp.MustCompile(`^at most (\d+) characters$`), "detail.at_most_chars"},
	{regexp.MustCompile(`^(-?\d+) to (-?\d+)$`), "detail.range"},
	{regexp.MustCompile(`^(-?\d+) to (-?\d+) days$`), "detail.range_days"},
	{regexp.MustCompile(`^step (\d+) is already done$`), "detail.step_done"},
	{regexp.MustCompile(`^the lines add up to (\S+), not (\S+)$`), "detail.lines_sum"},
	{regexp.MustCompile(`^must be between (\S+) and (\S+), got (.+)$`), "detail.between_got"},
	{regexp.MustCompile(`^must be at least (\S+)$`), "detail.at_least"},
	{regexp.MustCompile(`^must be three increasing days between 1 and 90, got (.+)$`), "detail.increasing_days"},
	{regexp.MustCompile(`^(".*") is not a channel \((.*)\)$`), "detail.not_channel"},
	{regexp.MustCompile(`^(".*") is not a holiday id \((.*)\)$`), "detail.not_holiday"},
	{regexp.MustCompile(`^(".*") is not a class \((.*)\)$`), "detail.not_class"},
	{regexp.MustCompile(`^(".*") is not a case kind \((.*)\)$`), "detail.not_case_kind"},
	{regexp.MustCompile(`^cannot go from (\S+) to (\S+)$`), "detail.cannot_move"},
	{regexp.MustCompile(`^unknown placeholder at character (\d+); known: (.*)$`), "detail.tpl_unknown"},
	{regexp.MustCompile(`^a \{ at character (\d+) is never closed \(write \{\{ for a brace\)$`), "detail.tpl_unclosed"},
	{regexp.MustCompile(`^a \} at character (\d+) has no \{ \(write \}\} for a brace\)$`), "detail.tpl_stray"},
}

// choicesRe matches a list of allowed ids: "call, sms, wechat or other".
var choicesRe = regexp.MustCompile(`^[a-z0-9_]+(, [a-z0-9_]+)*( or [a-z0-9_]+)?$`)

// Detail translates the English detail of a validation error. Details the
// catalog does not know stay in English: better a precise English hint
// than none.
func (c Catalog) Detail(code domain.ErrorCode, detail string) string {
	d := strings.TrimSpace(detail)
	if d == "" {
		return ""
	}
	if k, ok := detailKeys[d]; ok {
		return c.T(k)
	}
	for _, p := range detailPatterns {
		if m := p.re.FindStringSubmatch(d); m != nil {
			args := make([]any, len(m)-1)
			for i, g := range m[1:] {
				args[i] = g
			}
			return c.T(p.key, args...)
		}
	}
	if choicesRe.MatchString(d) {
		if code == domain.CodeUnknown { // "… is not one of the choices: a, b or c"
			return c.choices(d)
		}
		if strings.Contains(d, ",") {
			return c.T("error.choices", c.choices(d))
		}
	}
	return d
}

// choices renders "a, b or c" as "a、b、c" in Chinese; English keeps it.
func (c Catalog) choices(list string) string {
	if !c.zh() {
		return list
	}
	list = strings.ReplaceAll(list, " or ", ", ")
	items := strings.Split(list, ", ")
	for i, it := range items {
		if it == "empty" {
			items[i] = c.T("error.choice_empty")
		}
	}
	return strings.Join(items, "、")
}
