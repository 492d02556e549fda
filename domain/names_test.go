package domain

import "testing"

func TestSurname(t *testing.T) {
	cases := []struct {
		name, in, want string
	}{
		{"SingleCharSurname", "王芳", "王"},
		{"ThreeCharName", "李小明", "李"},
		{"OnlySurname", "张", "张"},
		{"CompoundSurname", "欧阳娜娜", "欧阳"},
		{"CompoundSurnameThreeChars", "司马光", "司马"},
		{"CompoundSurnameZhuge", "诸葛亮", "诸葛"},
		{"CompoundAloneIsSingleSurname", "欧阳", "欧"},
		{"Trimmed", "  王芳 ", "王"},
		{"Latin", "Alice Smith", ""},
		{"LatinLower", "wang fang", ""},
		{"Digits", "123", ""},
		{"Empty", "", ""},
		{"Blank", "   ", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := Surname(tc.in); got != tc.want {
				t.Errorf("Surname(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestSuggestSalutation(t *testing.T) {
	cases := []struct {
		name   string
		in     string
		gender Gender
		want   string
	}{
		{"Female", "王芳", GenderFemale, "王姐"},
		{"Male", "李明", GenderMale, "李先生"},
		{"UnknownGenderFullName", "张伟", GenderUnknown, "张伟"},
		{"UnknownGenderTrimmed", " 张伟 ", GenderUnknown, "张伟"},
		{"CompoundSurnameFemale", "欧阳娜娜", GenderFemale, "欧阳姐"},
		{"CompoundSurnameMale", "司马光", GenderMale, "司马先生"},
		{"LatinUnchanged", "Alice Smith", GenderFemale, "Alice Smith"},
		{"LatinMaleUnchanged", " Bob ", GenderMale, "Bob"},
		{"Empty", "", GenderFemale, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := SuggestSalutation(tc.in, tc.gender); got != tc.want {
				t.Errorf("SuggestSalutation(%q, %q) = %q, want %q", tc.in, tc.gender, got, tc.want)
			}
		})
	}
}
