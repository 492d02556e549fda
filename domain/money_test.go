package domain

import (
	"testing"
)

func TestParseMoney(t *testing.T) {
	cases := []struct {
		name string
		in   string
		want Money
	}{
		{"Whole", "199", 19900},
		{"OneDecimal", "199.5", 19950},
		{"TwoDecimals", "199.00", 19900},
		{"Cents", "0.05", 5},
		{"Negative", "-12.30", -1230},
		{"ThousandsSeparator", "1,299.00", 129900},
		{"YenSign", "¥199", 19900},
		{"FullWidthYenSignAndSeparator", "￥1,000.5", 100050},
		{"DollarSign", "$3.10", 310},
		{"Spaces", " 3 ", 300},
		{"SpaceAfterCurrencySign", "¥ 42", 4200},
		{"PlusSign", "+5", 500},
		{"Zero", "0", 0},
		{"NegativeZero", "-0", 0},
		{"LeadingDot", ".5", 50},
		{"LeadingZeros", "007.10", 710},
		{"FifteenDigits", "999999999999999.99", 99999999999999999},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseMoney(tc.in)
			if err != nil {
				t.Fatalf("ParseMoney(%q): %v", tc.in, err)
			}
			if got != tc.want {
				t.Errorf("ParseMoney(%q) = %d, want %d", tc.in, got, tc.want)
			}
		})
	}
}

func TestParseMoney_Refused(t *testing.T) {
	cases := []struct{ name, in string }{
		{"Empty", ""},
		{"OnlySpaces", "   "},
		{"ThreeDecimals", "1.234"},
		{"Letters", "abc"},
		{"TwoDots", "1.2.3"},
		{"TrailingLetter", "12a"},
		{"OnlyMinus", "-"},
		{"OnlyDot", "."},
		{"TrailingDot", "5."},
		{"OnlyCurrencySign", "¥"},
		{"DoubleMinus", "--5"},
		{"PlusMinus", "+-5"},
		{"InnerSpace", "1 000"},
		{"Exponent", "1e3"},
		{"FullWidthDigits", "１９９"},
		{"SixteenDigits", "1000000000000000"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got, err := ParseMoney(tc.in); err == nil {
				t.Errorf("ParseMoney(%q) = %d, want error", tc.in, got)
			}
		})
	}
}

func TestMoney_String(t *testing.T) {
	cases := []struct {
		name string
		in   Money
		want string
	}{
		{"Zero", 0, "0.00"},
		{"FiveCents", 5, "0.05"},
		{"TenCents", 10, "0.10"},
		{"Whole", 19900, "199.00"},
		{"Half", 19950, "199.50"},
		{"Negative", -1230, "-12.30"},
		{"NegativeCents", -5, "-0.05"},
		{"Large", 123456789, "1234567.89"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.in.String(); got != tc.want {
				t.Errorf("Money(%d).String() = %q, want %q", int64(tc.in), got, tc.want)
			}
		})
	}
}

func TestMoney_Units(t *testing.T) {
	cases := []struct {
		name string
		in   Money
		want float64
	}{
		{"Zero", 0, 0},
		{"Whole", 19900, 199},
		{"Half", 19950, 199.5},
		{"Negative", -1230, -12.3},
		{"Cents", 5, 0.05},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.in.Units(); got != tc.want {
				t.Errorf("Money(%d).Units() = %v, want %v", int64(tc.in), got, tc.want)
			}
		})
	}
}

// FuzzParseMoney: ParseMoney never panics, what it accepts stays within the
// documented bounds (at most 15 whole digits), and String() of a result
// parses back to the same amount. Seeds live in testdata/fuzz/FuzzParseMoney.
func FuzzParseMoney(f *testing.F) {
	for _, s := range []string{"199", "-12.30", "1,299.00", "¥199", "￥1,000.5", " 3 ", "+5", ".", "-", "1.2.3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := ParseMoney(s)
		if err != nil {
			if m != 0 {
				t.Errorf("ParseMoney(%q) returned %d with an error", s, m)
			}
			return
		}
		if m >= 1e17 || m <= -1e17 {
			t.Errorf("ParseMoney(%q) = %d, beyond 15 whole digits", s, m)
		}
		back, err := ParseMoney(m.String())
		if err != nil {
			t.Fatalf("ParseMoney(%q) = %d, but its String %q does not parse: %v", s, m, m.String(), err)
		}
		if back != m {
			t.Errorf("ParseMoney(%q) = %d; String %q parses to %d", s, m, m.String(), back)
		}
	})
}

func TestParseMoney_SignBeforeCurrency(t *testing.T) {
	for in, want := range map[string]Money{"-¥12.30": -1230, "¥-12.30": -1230, "- ￥5": -500} {
		if got, err := ParseMoney(in); err != nil || got != want {
			t.Errorf("ParseMoney(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"--5", "-¥-5"} {
		if _, err := ParseMoney(in); err == nil {
			t.Errorf("ParseMoney(%q) accepted a double sign", in)
		}
	}
}
