package domain

import (
	"errors"
	"fmt"
	"testing"
)

func TestFieldError_ErrorAndPath(t *testing.T) {
	cases := []struct {
		name      string
		fe        FieldError
		path, err string
	}{
		{"Full", FieldError{Entity: "customer", Field: "phones[0]", Code: CodeInvalid, Value: "12ab", Detail: "digits only"},
			"customer.phones[0]", `customer.phones[0]: invalid: digits only (got "12ab")`},
		{"NoValue", FieldError{Entity: "customer", Field: "tags", Code: CodeOutOfRange, Detail: "at most 50 tags"},
			"customer.tags", "customer.tags: out_of_range: at most 50 tags"},
		{"NoDetail", FieldError{Entity: "customer", Field: "name", Code: CodeRequired},
			"customer.name", "customer.name: required"},
		{"ValueNoDetail", FieldError{Entity: "contact", Field: "purpose", Code: CodeUnknown, Value: "gossip"},
			"contact.purpose", `contact.purpose: unknown (got "gossip")`},
		{"NoEntity", FieldError{Field: "day", Code: CodeOutOfRange},
			"day", "day: out_of_range"},
		{"ValueQuoted", FieldError{Entity: "c", Field: "f", Code: CodeInvalid, Value: "a\"b\n"},
			"c.f", `c.f: invalid (got "a\"b\n")`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.fe.Path(); got != tc.path {
				t.Errorf("Path = %q, want %q", got, tc.path)
			}
			if got := tc.fe.Error(); got != tc.err {
				t.Errorf("Error = %q, want %q", got, tc.err)
			}
		})
	}
}

func TestValidationError(t *testing.T) {
	name := &FieldError{Entity: "customer", Field: "name", Code: CodeRequired}
	phone := &FieldError{Entity: "customer", Field: "phones[0]", Code: CodeInvalid, Value: "x"}
	phone2 := &FieldError{Entity: "customer", Field: "phones[0]", Code: CodeTooLong}
	ve := &ValidationError{Problems: []*FieldError{name, phone, phone2}}

	if got, want := ve.Error(), `customer.name: required; customer.phones[0]: invalid (got "x"); customer.phones[0]: too_long`; got != want {
		t.Errorf("Error = %q, want %q", got, want)
	}
	if ve.Field("name") != name || ve.Field("phones[0]") != phone || ve.Field("wechat") != nil {
		t.Errorf("Field lookups wrong: %v %v %v", ve.Field("name"), ve.Field("phones[0]"), ve.Field("wechat"))
	}

	wrapped := fmt.Errorf("import row 3: %w", ve)
	var fe *FieldError
	if !errors.As(wrapped, &fe) || fe != name {
		t.Errorf("errors.As(*FieldError) = %v, want the first problem", fe)
	}
	var back *ValidationError
	if !errors.As(wrapped, &back) || back != ve {
		t.Errorf("errors.As(*ValidationError) = %v", back)
	}
	if !errors.Is(wrapped, phone2) {
		t.Error("errors.Is does not find the third problem")
	}
	if got := len(ve.Unwrap()); got != 3 {
		t.Errorf("Unwrap has %d errors, want 3", got)
	}
}

func TestProblems_Merge(t *testing.T) {
	p := newProblems("purchase")
	p.merge("items[0].", nil)
	if p.err() != nil {
		t.Fatalf("merging nil gave %v", p.err())
	}
	p.merge("items[0].", &ValidationError{Problems: []*FieldError{{Entity: "line_item", Field: "quantity", Code: CodeOutOfRange, Value: "0"}}})
	p.merge("items[1].", &FieldError{Entity: "line_item", Field: "product", Code: CodeRequired})
	p.merge("items[2].", errors.New("boom"))
	err := p.err()
	if fe := expectProblem(t, err, "items[0].quantity", CodeOutOfRange); fe != nil && (fe.Entity != "purchase" || fe.Value != "0") {
		t.Errorf("merged problem = %+v, want entity purchase, value 0", fe)
	}
	expectProblem(t, err, "items[1].product", CodeRequired)
	if fe := expectProblem(t, err, "items[2]", CodeInvalid); fe != nil && fe.Detail != "boom" {
		t.Errorf("plain error detail = %q, want boom", fe.Detail)
	}
}

func TestProblems_MergeDoesNotAlias(t *testing.T) {
	inner := &ValidationError{Problems: []*FieldError{{Entity: "key_date", Field: "day", Code: CodeOutOfRange}}}
	p := newProblems("customer")
	p.merge("key_dates[0].", inner)
	if inner.Problems[0].Field != "day" || inner.Problems[0].Entity != "key_date" {
		t.Errorf("merge changed the inner error: %+v", inner.Problems[0])
	}
}

func TestNotFound(t *testing.T) {
	err := NotFound("customer", 42)
	if got := err.Error(); got != "customer 42 not found" {
		t.Errorf("Error = %q", got)
	}
	if !errors.Is(err, ErrNotFound) {
		t.Error("errors.Is(NotFound, ErrNotFound) = false")
	}
	wrapped := fmt.Errorf("open customer: %w", err)
	if !errors.Is(wrapped, ErrNotFound) {
		t.Error("errors.Is(wrapped NotFound, ErrNotFound) = false")
	}
	var nf *NotFoundError
	if !errors.As(wrapped, &nf) || nf.Entity != "customer" || nf.ID != "42" {
		t.Errorf("errors.As = %+v", nf)
	}
	if errors.Is(errors.New("customer 42 not found"), ErrNotFound) {
		t.Error("a plain error matched ErrNotFound")
	}
	if errors.Is(&ValidationError{}, ErrNotFound) {
		t.Error("a ValidationError matched ErrNotFound")
	}
	if got := NotFound("event", "spring-sale").Error(); got != "event spring-sale not found" {
		t.Errorf("string id: %q", got)
	}
}
