// Package rules reads and evaluates group rules (分组规则): the small language
// of saved groups, the Customers filter, event targets and holiday greetings.
// LANGUAGE.md in this directory is the user's reference, with every field,
// its Chinese and English names, and worked examples.
//
// A rule is conditions on one customer joined with and, or and not:
//
//	tag:VIP and spend_365d >= 5000
//	标签:VIP 且 近一年消费 >= 5000
//	birthday in next 7 days
//	class:loyal and last_contact > 30d
//	(stage:dormant or stage:lost) and not dnc
//
// Grammar (EBNF; keywords and English names in any case; spaces are allowed
// between all tokens and needed only between two words):
//
//	rule      = or .
//	or        = and { OR and } .
//	and       = unary { AND unary } .
//	unary     = NOT unary | "(" or ")" | condition .
//	condition = member | flag | compare | span | window .
//	member    = textfield is value { list value } .        tag:VIP   class:important,loyal
//	flag      = boolfield [ is yesno ] .                    dnc   不打扰:否
//	compare   = numberfield cmp number .                    spend_365d >= 5000
//	span      = datefield cmp count [ unit ] [ ago ] .      last_purchase > 30d
//	window    = keydatefield ( today | within count [ unit ] [ inside ] )
//	          | count unit inside keydatefield .            birthday in next 7 days   生日 7天内   7天内生日
//
//	OR     = "or" | "||" | "|" | "或" | "或者" .
//	AND    = "and" | "&&" | "&" | "且" | "并且" | "而且" .
//	NOT    = "not" | "!" | "非" .
//	is     = ":" | "=" | "==" | "!=" | "<>" | "≠" .          (!= negates)
//	list   = "," | "、" .                                     (any of the values)
//	cmp    = ">=" | ">" | "<=" | "<" | "=" | "==" | "!=" | "<>" | "≥" | "≤" | "≠" .
//	unit   = "d" | "day(s)" | "天" | "日" | "w" | "week(s)" | "周" | "星期" | "个星期"
//	       | "m" | "month(s)" | "月" | "个月" | "y" | "year(s)" | "年" .   (m = 30 days, y = 365)
//	ago    = "ago" | "前" | "以前" | "之前" .
//	today  = "today" | "今天" | "当天" .
//	within = "in" [ "the" ] [ "next" ] | "within" [ "the" ] [ "next" ] | "next" | "在" | (nothing) .
//	inside = "内" | "之内" | "以内" .
//	yesno  = "yes" | "y" | "true" | "1" | "是" | "有" | "no" | "n" | "false" | "0" | "否" | "无" | "没有" .
//	number = [ "-" ] [ "¥" | "$" ] digits [ "." digits ] [ "k" | "千" | "w" | "万" ] [ "元" | "块" ]   (money)
//	       | digits [ "次" | "笔" | "单" | "个" | "%" ] .                                              (counts)
//	value  = bare | quoted .
//
// A bare value runs to the next space, parenthesis, comma, 、, & or |, or
// Chinese 且/或; anything else goes in quotes: "…", '…', “…”, ‘…’, 「…」 or
// 『…』, where \ takes the next character literally. Digits may have
// thousands separators (5,000).
//
// Precedence: not binds tightest, then and, then or, so
// "a or b and not c" is "a or (b and (not c))". Full-width forms typed with a
// Chinese input method (：＞＝（）！，ＶＩＰ１２３) read as their ASCII twins.
//
// Semantics (today is the day passed to Match):
//   - tag, owner, store compare text ignoring case; tag is true when any of
//     the customer's tags is one of the values.
//   - class, stage, source, gender and value take a fixed list of values,
//     each in English or Chinese (class:loyal = 类别:忠实); an unknown value is
//     an error that lists the allowed ones.
//   - Money is in currency units with at most two decimals (199.50); counts
//     are whole numbers; completeness is in percent.
//   - last_purchase, last_contact and created compare the days from the date
//     to today: last_purchase > 30d is "bought more than 30 days ago". A date
//     that is not set (never bought, never contacted) counts as infinitely
//     long ago: it satisfies >, >= and != and never <, <= or =.
//   - birthday in next N days (生日 N天内) is true when a birthday is kept on a
//     day from today to today + N, both included; "today" is N = 0. Lunar
//     dates, 29 February and leap months follow domain.KeyDate.
//
// Errors are *ParseError with the byte offset and the display column (CJK
// characters count two) of the problem; Caret draws a ^ under it:
//
//	tag:VIP and spend_365d >= x
//	                          ^ expected a number after >=
//
// Rule.String writes a canonical English form and Rule.Chinese a canonical
// Chinese one; Parse reads both back to rules that match the same customers.
package rules
