package rules

import (
	"errors"
	"strings"
	"testing"
)

func TestParseErrors(t *testing.T) {
	deep := strings.Repeat("(", maxDepth+1) + "tag:a" + strings.Repeat(")", maxDepth+1)
	deepNot := strings.Repeat("not ", maxDepth) + "tag != a"
	cases := []struct {
		src  string
		col  int
		code Code
		msg  string
	}{
		{"", 1, CodeEmpty, "the rule is empty"},
		{"   ", 1, CodeEmpty, "the rule is empty"},
		{"tag:VIP and spend_365d >= ", 27, CodeExpectNumber, "expected a number after >="},
		{"tag:VIP and spend_365d >=", 26, CodeExpectNumber, "expected a number after >="},
		{"标签:VIP 且 近一年消费 >= 很多", 27, CodeExpectNumber, "expected a number after >="},
		{"近一年消费 ＞＝ ", 17, CodeExpectNumber, "expected a number after ＞＝"},
		{"tag:VIP and", 12, CodeExpectCondition, "expected a condition after and"},
		{"tag:VIP 且", 11, CodeExpectCondition, "expected a condition after 且"},
		{"tag:VIP and )", 13, CodeExpectCondition, "expected a condition before )"},
		{"()", 2, CodeExpectCondition, "expected a condition before )"},
		{"and tag:VIP", 1, CodeExpectCondition, "expected a condition before and"},
		{"tag:VIP or or x", 12, CodeExpectCondition, "expected a condition before or"},
		{"not", 4, CodeExpectCondition, "expected a condition after not"},
		{"tag:VIP and = 5", 13, CodeExpectCondition, "expected a condition after and"},
		{"= 5", 1, CodeExpectCondition, "expected a condition"},
		{"tag VIP", 5, CodeExpectOperator, "expected : and a value after tag, as in tag:VIP"},
		{"类别 忠实", 6, CodeExpectOperator, "expected : and a value after 类别, as in class:important"},
		{"tag:", 5, CodeExpectValue, "expected a value after tag:"},
		{"标签：", 7, CodeExpectValue, "expected a value after 标签："},
		{"tag: and stage:new", 6, CodeExpectValue, "expected a value after tag:"},
		{"tag:VIP,", 9, CodeExpectValue, "expected a value after tag:"},
		{`tag:""`, 5, CodeEmptyValue, "the value is empty"},
		{`tag:"  "`, 5, CodeEmptyValue, "the value is empty"},
		{`tag:"abc`, 5, CodeUnclosedQuote, "the quote is not closed"},
		{`tag:"abc\"`, 5, CodeUnclosedQuote, "the quote is not closed"},
		{"class:foo", 7, CodeUnknownValue, `unknown class "foo"; use important (重要), loyal (忠实), repeat (回购), new (新) or prospect (潜在)`},
		{"阶段:睡觉", 6, CodeUnknownValue, `unknown stage "睡觉"; use prospect (潜在), new (新), active (活跃), dormant (沉睡) or lost (流失)`},
		{"class:loyal,foo", 13, CodeUnknownValue, `unknown class "foo"; use important (重要), loyal (忠实), repeat (回购), new (新) or prospect (潜在)`},
		{"source:web", 8, CodeUnknownValue, `unknown source "web"; use face_to_face (面对面), referral (转介绍), event (活动), online (线上), walk_in (进店), other (其他) or unknown (未填)`},
		{"gender:x", 8, CodeUnknownValue, `unknown gender "x"; use female (女), male (男) or unknown (未填)`},
		{"value:x", 7, CodeUnknownValue, `unknown value type "x"; use profit (利润型), volume (销量型), relationship (关系型), strategic (战略型) or none (未填)`},
		{"dnc:maybe", 5, CodeExpectValue, "expected yes or no after dnc:"},
		{"不打扰 = ", 10, CodeExpectValue, "expected yes or no after 不打扰="},
		{"spend_365d 5000", 12, CodeExpectOperator, "expected a comparison (>=, >, <=, <, =, !=) after spend_365d"},
		{"spend_365d:5000", 11, CodeExpectOperator, "expected a comparison (>=, >, <=, <, =, !=) after spend_365d"},
		{"最近购买超过30天", 9, CodeExpectOperator, "expected a comparison (>=, >, <=, <, =, !=) after 最近购买"},
		{"spend_365d >= 1.234", 15, CodeBadNumber, "an amount has at most two decimals"},
		{"spend_365d >= 1.2345678万", 15, CodeBadNumber, "an amount has at most two decimals"},
		{"spend_365d >= 1.0000001", 15, CodeBadNumber, "an amount has at most two decimals"},
		{"spend_365d >= -", 15, CodeExpectNumber, "expected a number after >="},
		{"spend_365d >= 1000000000000", 15, CodeOutOfRange, "the amount is too large"},
		{"spend_365d >= 100000000000万", 15, CodeOutOfRange, "the amount is too large"},
		{"purchases >= 2.5", 14, CodeBadNumber, "expected a whole number after >="},
		{"purchases >= -1", 14, CodeExpectNumber, "expected a number after >="},
		{"purchases >= 1000000000", 14, CodeOutOfRange, "the number is too large"},
		{"last_purchase > 30x", 19, CodeUnknownUnit, `unknown unit "x"; use d, w, m or y (天, 周, 月, 年)`},
		{"last_purchase > 30小时", 19, CodeUnknownUnit, `unknown unit "小时"; use d, w, m or y (天, 周, 月, 年)`},
		{"last_purchase > 101y", 17, CodeOutOfRange, "at most 36600 days"},
		{"last_purchase > d", 17, CodeExpectNumber, "expected a number after >"},
		{"last_purchase", 14, CodeExpectOperator, "expected a comparison (>=, >, <=, <, =, !=) after last_purchase"},
		{"birthday", 9, CodeExpectWindow, `expected "in next N days" or "N天内" after birthday`},
		{"生日快乐", 5, CodeExpectWindow, `expected "in next N days" or "N天内" after 生日`},
		{"birthday in next", 17, CodeExpectNumber, "expected a number of days after in next"},
		{"birthday within a week", 17, CodeExpectNumber, "expected a number of days after within"},
		{"生日 在 七天内", 9, CodeExpectNumber, "expected a number of days after 在"},
		{"birthday in next 367 days", 18, CodeOutOfRange, "at most 366 days ahead"},
		{"生日 13个月内", 6, CodeOutOfRange, "at most 366 days ahead"},
		{"7天生日", 4, CodeExpectKeyDate, "expected 内 after 7天, as in 7天内生日"},
		{"7天内标签:VIP", 6, CodeExpectKeyDate, "expected 生日 or 纪念日 after 7天内"},
		{"7天内 last_purchase > 3d", 7, CodeExpectKeyDate, "expected 生日 or 纪念日 after 7天内"},
		{"(tag:VIP", 9, CodeUnclosedParen, "expected ) to close the ( at column 1"},
		{"class:loyal and (last_contact > 30d", 36, CodeUnclosedParen, "expected ) to close the ( at column 17"},
		{"（标签:VIP 或 不打扰", 21, CodeUnclosedParen, "expected ) to close the ( at column 1"},
		{"(tag:VIP stage:new)", 10, CodeExpectConnective, "expected and, or or )"},
		{"tag:VIP)", 8, CodeUnmatchedParen, "there is no ( for this )"},
		{"tag:VIP stage:new", 9, CodeExpectConnective, "expected and or or here"},
		{"标签:VIP 阶段:沉睡", 10, CodeExpectConnective, "expected and or or here"},
		{"spend_365d >= 5000x", 19, CodeExpectConnective, "expected and or or here"},
		{"tag:a\x01", 6, CodeBadText, "the rule contains a control character"},
		{"tag:\xff", 5, CodeBadText, "the rule is not valid UTF-8 text"},
		{"标签:\xe4\xb8", 6, CodeBadText, "the rule is not valid UTF-8 text"},
		{deep, maxDepth + 1, CodeTooDeep, "the rule is nested too deeply (at most 50 levels)"},
		{deepNot, 4*maxDepth + 5, CodeTooDeep, "the rule is nested too deeply (at most 50 levels)"},
	}
	for _, c := range cases {
		_, err := Parse(c.src)
		var pe *ParseError
		if !errors.As(err, &pe) {
			t.Errorf("Parse(%q) = %v, want a *ParseError", c.src, err)
			continue
		}
		if pe.Col != c.col || pe.Msg != c.msg || pe.Code != c.code || pe.Line != 1 || pe.Src != c.src {
			t.Errorf("Parse(%q):\n got column %d %s %q line %d\nwant column %d %s %q\n%s", c.src, pe.Col, pe.Code, pe.Msg, pe.Line, c.col, c.code, c.msg, pe.Caret())
		}
		if want := "column " + itoa(c.col) + ": " + c.msg; pe.Error() != want {
			t.Errorf("Error() = %q, want %q", pe.Error(), want)
		}
		if displayWidth(c.src[:pe.Pos])+1 != pe.Col {
			t.Errorf("Parse(%q): Pos %d does not give column %d", c.src, pe.Pos, pe.Col)
		}
	}
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

func TestUnknownField(t *testing.T) {
	_, err := Parse("tag:VIP and 消费 >= 5000")
	var pe *ParseError
	if !errors.As(err, &pe) {
		t.Fatal(err)
	}
	if pe.Col != 13 || pe.Code != CodeUnknownField || pe.Args[0] != "消费" {
		t.Errorf("got column %d %s %v", pe.Col, pe.Code, pe.Args)
	}
	if !strings.HasPrefix(pe.Msg, `unknown field "消费"; known fields: tag 标签, class 类别, `) {
		t.Errorf("message %q", pe.Msg)
	}
	for _, f := range fields {
		if !strings.Contains(pe.Msg, f.name()+" "+f.zhName()) {
			t.Errorf("the message does not list %s %s", f.name(), f.zhName())
		}
	}
	// The arguments the message catalog words the errors with.
	args := map[string][]string{
		"标签： ":                            {"标签", "："},
		"dnc = maybe":                     {"dnc", "="},
		"spend_365d >= x":                 {">="},
		"spend_365d 5":                    {"spend_365d"},
		"class:x":                         {"class", "x", fields[1].allowed()},
		"last_purchase > 3q":              {"q"},
		"(tag:a":                          {"1"},
		"7天内x":                            {"7天内"},
		"生日":                              {"生日"},
		"tag:a and":                       {"and"},
		"tag:1 or purchases > 1000000000": {"999999999"},
	}
	for src, want := range args {
		_, err := Parse(src)
		if got := err.(*ParseError).Args; strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("Parse(%q) gives Args %q, want %q", src, got, want)
		}
	}
	// An English name must match whole: tagx is not tag.
	if _, err := Parse("tagx:VIP"); err == nil || err.(*ParseError).Args[0] != "tagx" {
		t.Errorf("tagx:VIP: %v", err)
	}
}

// Caret puts the ^ under the problem, counting CJK characters as two
// columns, and repeats the message after it.
func TestCaret(t *testing.T) {
	cases := []struct{ src, want string }{
		{"tag:VIP and spend_365d >= ",
			"tag:VIP and spend_365d >= \n" +
				"                          ^ expected a number after >="},
		{"标签:VIP 且 阶段:睡觉",
			"标签:VIP 且 阶段:睡觉\n" +
				"                 ^ unknown stage \"睡觉\"; use prospect (潜在), new (新), active (活跃), dormant (沉睡) or lost (流失)"},
		{"（标签：VIP 或 不打扰",
			"（标签：VIP 或 不打扰\n" +
				"                     ^ expected ) to close the ( at column 1"},
		{"tag:VIP\tand\tx:1",
			"tag:VIP\tand\tx:1\n" +
				"       \t   \t^ unknown field \"x\"; known fields: " + knownFields},
		{"tag:VIP and\nstage:foo and dnc",
			"stage:foo and dnc\n" +
				"      ^ unknown stage \"foo\"; use prospect (潜在), new (新), active (活跃), dormant (沉睡) or lost (流失)"},
		{"", "\n^ the rule is empty"},
	}
	for _, c := range cases {
		_, err := Parse(c.src)
		pe, ok := err.(*ParseError)
		if !ok {
			t.Errorf("Parse(%q) = %v", c.src, err)
			continue
		}
		if got := pe.Caret(); got != c.want {
			t.Errorf("Caret of %q:\n%s\nwant:\n%s", c.src, got, c.want)
		}
		// The caret's column is the error's column.
		lines := strings.Split(pe.Caret(), "\n")
		prefix := strings.ReplaceAll(lines[1][:strings.Index(lines[1], "^")], "\t", " ")
		if len(prefix)+1 != pe.Col {
			t.Errorf("Caret of %q: ^ at column %d, Col %d", c.src, len(prefix)+1, pe.Col)
		}
	}
}

func TestMultilineError(t *testing.T) {
	_, err := Parse("tag:VIP and\r\n  stage:foo")
	pe := err.(*ParseError)
	if pe.Line != 2 || pe.Col != 9 {
		t.Errorf("line %d column %d, want line 2 column 9", pe.Line, pe.Col)
	}
	if !strings.HasPrefix(pe.Error(), "line 2, column 9: unknown stage") {
		t.Errorf("Error() = %q", pe.Error())
	}
	if got := strings.Split(pe.Caret(), "\n")[0]; got != "  stage:foo" {
		t.Errorf("Caret shows %q", got)
	}
}

// A ParseError built by hand with a position out of range must not panic.
func TestCaretOutOfRange(t *testing.T) {
	for _, pos := range []int{-5, 100} {
		e := &ParseError{Src: "tag:x", Pos: pos, Msg: "m"}
		if got := e.Caret(); !strings.HasPrefix(got, "tag:x\n") {
			t.Errorf("Caret() = %q", got)
		}
	}
}

func TestDisplayWidth(t *testing.T) {
	cases := map[string]int{
		"":         0,
		"tag":      3,
		"标签":       4,
		"ＶＩＰ":      6,
		"（）：":      6,
		"é":        1, // precomposed
		"e\u0301":  1, // combining accent
		"한국":       4,
		"😀":        2,
		"a\u200bb": 2,
		"𠀀":        2,
	}
	for s, want := range cases {
		if got := displayWidth(s); got != want {
			t.Errorf("displayWidth(%q) = %d, want %d", s, got, want)
		}
	}
}
