package domain

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// compoundSurnames are the two-character surnames common enough to matter;
// without them 欧阳娜娜 would be greeted as "欧姐".
var compoundSurnames = []string{"欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐",
	"长孙", "宇文", "司徒", "夏侯", "端木", "南宫", "西门", "独孤", "轩辕", "百里", "呼延", "澹台", "万俟", "闻人", "申屠"}

// Surname returns the family name of a Chinese name (the first character, or
// a known two-character surname), or "" for a name not written in Chinese.
func Surname(name string) string {
	name = strings.TrimSpace(name)
	if name == "" {
		return ""
	}
	for _, s := range compoundSurnames {
		if strings.HasPrefix(name, s) && utf8.RuneCountInString(name) > 2 {
			return s
		}
	}
	r, _ := utf8.DecodeRuneInString(name)
	if !unicode.Is(unicode.Han, r) {
		return ""
	}
	return string(r)
}

// SuggestSalutation proposes how a salesperson addresses a customer (称呼):
// surname + 姐 for women, surname + 先生 for men, the way shop staff speak;
// without a known gender, the full name. Non-Chinese names are used as they
// are. Salespeople edit it freely (张总, 李阿姨); templates use it and never
// split a Chinese name into a "first name".
func SuggestSalutation(name string, g Gender) string {
	s := Surname(name)
	switch {
	case s == "":
		return strings.TrimSpace(name)
	case g == GenderFemale:
		return s + "姐"
	case g == GenderMale:
		return s + "先生"
	}
	return strings.TrimSpace(name)
}
