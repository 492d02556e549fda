package domain

import "testing"

func TestStore_Validate(t *testing.T) {
	cases := []struct {
		name  string
		s     Store
		field string
		code  ErrorCode
	}{
		{"Valid", Store{Name: "南京西路店", Address: "上海市静安区南京西路 1 号", Phone: "021-1234 5678"}, "", ""},
		{"NoPhone", Store{Name: "店"}, "", ""},
		{"NameRequired", Store{}, "name", CodeRequired},
		{"AddressTooLong", Store{Name: "店", Address: repeatText("路", 2*MaxShortRunes+1)}, "address", CodeTooLong},
		{"PhoneInvalid", Store{Name: "店", Phone: "12-34"}, "phone", CodeInvalid},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := tc.s
			if tc.field == "" {
				expectValid(t, s.Validate())
				return
			}
			expectOnlyProblem(t, s.Validate(), tc.field, tc.code)
		})
	}
}

func TestSalesperson_Validate(t *testing.T) {
	cases := []struct {
		name  string
		s     Salesperson
		field string
		code  ErrorCode
	}{
		{"Valid", Salesperson{Name: "小李", Phone: "138 0013 8000", MonthlyTarget: 5000000, Active: true}, "", ""},
		{"NameRequired", Salesperson{}, "name", CodeRequired},
		{"NameTooLong", Salesperson{Name: repeatText("李", MaxNameRunes+1)}, "name", CodeTooLong},
		{"PhoneInvalid", Salesperson{Name: "小李", Phone: "phone"}, "phone", CodeInvalid},
		{"NegativeTarget", Salesperson{Name: "小李", MonthlyTarget: -1}, "monthly_target", CodeOutOfRange},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := tc.s
			if tc.field == "" {
				expectValid(t, s.Validate())
				return
			}
			expectOnlyProblem(t, s.Validate(), tc.field, tc.code)
		})
	}
}
