package domain

import (
	"errors"
	"strings"
	"testing"
)

// expectOnlyProblem asserts that err is a *ValidationError holding exactly one
// problem, on field with code. Tests mutate one field of a valid record, so
// any other problem means the case does not test what its name says.
func expectOnlyProblem(t *testing.T, err error, field string, code ErrorCode) {
	t.Helper()
	fe := expectProblem(t, err, field, code)
	if fe == nil {
		return
	}
	var ve *ValidationError
	errors.As(err, &ve)
	if len(ve.Problems) != 1 {
		t.Errorf("got %d problems, want only %s: %v", len(ve.Problems), field, err)
	}
}

// expectProblem asserts that err is a *ValidationError with a problem on
// field with code, and returns that problem.
func expectProblem(t *testing.T, err error, field string, code ErrorCode) *FieldError {
	t.Helper()
	if err == nil {
		t.Errorf("no error, want %s %s", field, code)
		return nil
	}
	var ve *ValidationError
	if !errors.As(err, &ve) {
		t.Errorf("error %T %v is not a *ValidationError", err, err)
		return nil
	}
	fe := ve.Field(field)
	if fe == nil {
		t.Errorf("no problem on %q; got %v", field, err)
		return nil
	}
	if fe.Code != code {
		t.Errorf("%s: code %q, want %q (%v)", field, fe.Code, code, fe)
	}
	return fe
}

// expectValid fails the test when err is not nil.
func expectValid(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Errorf("unexpected error: %v", err)
	}
}

// repeatText returns n copies of s, to build over-long texts.
func repeatText(s string, n int) string { return strings.Repeat(s, n) }
