package domain

import "testing"

func TestCleanText(t *testing.T) {
	cases := map[string]string{
		"张三":                          "张三",
		"\x1b[2J张三":                   "张三",
		"\x1b]0;owned\x07李四":          "李四",
		"\x1b]8;;http://x\x1b\\王五":    "王五",
		"a\x1bcb":                     "ab",
		"line\nbreak\ttab":            "line break tab",
		"bell\x07 and \x00nul":        "bell and nul",
		"\u009b31m赵六":                 "赵六",
		"unterminated \x1b[31":        "unterminated ",
		"plain ascii, no escapes 123": "plain ascii, no escapes 123",
	}
	for in, want := range cases {
		if got := CleanText(in); got != want {
			t.Errorf("CleanText(%q) = %q, want %q", in, got, want)
		}
	}
}
