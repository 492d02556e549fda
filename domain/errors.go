package domain

import (
	"errors"
	"fmt"
	"strings"
)

// ErrorCode classifies why a value was refused, so that callers (the command
// line, the TUI, importers) can word the message in the user's language.
type ErrorCode string

// The error codes used by Validate methods and parsers.
const (
	CodeRequired   ErrorCode = "required"     // the field must be set
	CodeInvalid    ErrorCode = "invalid"      // the value has the wrong form
	CodeOutOfRange ErrorCode = "out_of_range" // the value is outside its allowed range
	CodeTooLong    ErrorCode = "too_long"     // the text is longer than allowed
	CodeUnknown    ErrorCode = "unknown"      // the value is not one of the allowed choices
	CodeConflict   ErrorCode = "conflict"     // the value contradicts another field or record
)

// FieldError says which field of which record is wrong and why.
type FieldError struct {
	Entity string    // "customer", "purchase", ...
	Field  string    // "phone", "items[2].amount", ...
	Code   ErrorCode // why
	Value  string    // the offending value, as typed (may be empty)
	Detail string    // a short English explanation for logs and tests
}

// Error renders "customer.phone: invalid: ..." in English; the user-facing
// layers translate Entity, Field and Code through the message catalog.
func (e *FieldError) Error() string {
	var b strings.Builder
	b.WriteString(e.Path())
	b.WriteString(": ")
	b.WriteString(string(e.Code))
	if e.Detail != "" {
		b.WriteString(": ")
		b.WriteString(e.Detail)
	}
	if e.Value != "" {
		fmt.Fprintf(&b, " (got %q)", e.Value)
	}
	return b.String()
}

// Path returns entity.field.
func (e *FieldError) Path() string {
	if e.Entity == "" {
		return e.Field
	}
	return e.Entity + "." + e.Field
}

// ValidationError collects every problem of one record, so that a form can
// mark all wrong fields at once instead of one per attempt.
type ValidationError struct {
	Problems []*FieldError
}

// Error lists the problems, one per line.
func (v *ValidationError) Error() string {
	parts := make([]string, len(v.Problems))
	for i, p := range v.Problems {
		parts[i] = p.Error()
	}
	return strings.Join(parts, "; ")
}

// Unwrap lets errors.As find the individual FieldErrors.
func (v *ValidationError) Unwrap() []error {
	out := make([]error, len(v.Problems))
	for i, p := range v.Problems {
		out[i] = p
	}
	return out
}

// Field returns the first problem with the given field name, or nil.
func (v *ValidationError) Field(name string) *FieldError {
	for _, p := range v.Problems {
		if p.Field == name {
			return p
		}
	}
	return nil
}

// problems accumulates FieldErrors for one entity during Validate.
type problems struct {
	entity string
	list   []*FieldError
}

func newProblems(entity string) *problems { return &problems{entity: entity} }

func (p *problems) add(field string, code ErrorCode, value, detail string) {
	p.list = append(p.list, &FieldError{Entity: p.entity, Field: field, Code: code, Value: value, Detail: detail})
}

// merge adds another record's problems under a field prefix ("items[2].").
func (p *problems) merge(prefix string, err error) {
	if err == nil {
		return
	}
	var ve *ValidationError
	if errors.As(err, &ve) {
		for _, fe := range ve.Problems {
			c := *fe
			c.Entity = p.entity
			c.Field = prefix + fe.Field
			p.list = append(p.list, &c)
		}
		return
	}
	var fe *FieldError
	if errors.As(err, &fe) {
		c := *fe
		c.Entity = p.entity
		c.Field = prefix + fe.Field
		p.list = append(p.list, &c)
		return
	}
	p.add(strings.TrimSuffix(prefix, "."), CodeInvalid, "", err.Error())
}

func (p *problems) err() error {
	if len(p.list) == 0 {
		return nil
	}
	return &ValidationError{Problems: p.list}
}

// ErrNotFound is matched (errors.Is) by every NotFoundError.
var ErrNotFound = errors.New("not found")

// NotFoundError names the record that does not exist.
type NotFoundError struct {
	Entity string
	ID     string
}

func (e *NotFoundError) Error() string { return fmt.Sprintf("%s %s not found", e.Entity, e.ID) }

// Is makes errors.Is(err, ErrNotFound) true.
func (e *NotFoundError) Is(target error) bool { return target == ErrNotFound }

// NotFound builds a NotFoundError for an entity and any printable id.
func NotFound(entity string, id any) error {
	return &NotFoundError{Entity: entity, ID: fmt.Sprint(id)}
}
