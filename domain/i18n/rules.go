package i18n

import (
	"strings"

	"github.com/crmtui/crmtui/domain/rules"
)

// ruleErrorArgs is how many arguments each rule error message takes.
var ruleErrorArgs = map[rules.Code]int{
	rules.CodeEmpty: 0, rules.CodeBadText: 0, rules.CodeExpectCondition: 1, rules.CodeUnknownField: 2,
	rules.CodeExpectOperator: 1, rules.CodeExpectValue: 2, rules.CodeUnknownValue: 3, rules.CodeEmptyValue: 0,
	rules.CodeUnclosedQuote: 0, rules.CodeExpectNumber: 1, rules.CodeBadNumber: 0, rules.CodeOutOfRange: 1,
	rules.CodeUnknownUnit: 1, rules.CodeExpectWindow: 1, rules.CodeExpectKeyDate: 1, rules.CodeExpectConnective: 0,
	rules.CodeUnclosedParen: 1, rules.CodeUnmatchedParen: 0, rules.CodeTooDeep: 1,
}

// RuleError words a group rule's parse error in the language, with its
// column: "第 12 列：>= 后面要写数字". Unknown codes fall back to the English message.
func (c Catalog) RuleError(e *rules.ParseError) string {
	n, ok := ruleErrorArgs[e.Code]
	key := "rule_err." + string(e.Code)
	if !ok || !Has(key) {
		return c.T("rule_err.at", e.Col, e.Msg)
	}
	args := make([]any, n)
	for i := range args {
		if i < len(e.Args) {
			args[i] = e.Args[i]
		} else {
			args[i] = ""
		}
	}
	msg := c.T(key, args...)
	if e.Code == rules.CodeExpectCondition && (len(e.Args) == 0 || strings.TrimSpace(e.Args[0]) == "") {
		msg = c.T("rule_err.expect_condition_start")
	}
	return c.T("rule_err.at", e.Col, msg)
}
