package imports

import (
	"testing"
	"time"

	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/domain/i18n"
)

func TestParseWhen(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string // "2026-11-22" or "2026-11-22 14:30:05"; "" for an error
	}{
		{"2026-11-22", "2026-11-22"},
		{"2026-1-2", "2026-01-02"},
		{"2026/11/22", "2026-11-22"},
		{"2026/1/2", "2026-01-02"},
		{"2026.11.22", "2026-11-22"},
		{"20261122", "2026-11-22"},
		{"2026年11月22日", "2026-11-22"},
		{"2026年11月22号", "2026-11-22"},
		{"2026 年 1 月 2 日 14:30", "2026-01-02 14:30:00"},
		{"１２/１/２０１０ ８:２６", "2010-12-01 08:26:00"}, // full-width digits
		{"12/1/2010 8:26", "2010-12-01 08:26:00"}, // the retail file: month first
		{"22/11/2026", "2026-11-22"},              // day first when it cannot be a month
		{"2010-12-01 08:26:00", "2010-12-01 08:26:00"},
		{"2026-11-22T14:30:05", "2026-11-22 14:30:05"},
		{"2026-11-22 14:30:05.250", "2026-11-22 14:30:05"},
		{"2026-11-22 8:26 PM", "2026-11-22 20:26:00"},
		{"2026-11-22 12:05 AM", "2026-11-22 00:05:00"},
		{"2026-11-22 下午2:30", "2026-11-22 14:30:00"},
		{"2026-11-22 14时30分", "2026-11-22 14:30:00"},
		{"46348", "2026-11-22"},            // Excel serial
		{"46348.5", "2026-11-22 12:00:00"}, // with a time of day
		{"40513.35138888889", "2010-12-01 08:26:00"},
		{"2024-02-29", "2024-02-29"},
		{"", ""},
		{"2026-02-30", ""},
		{"2026-13-01", ""},
		{"1899-12-31", ""},
		{"12/1/10", ""},
		{"2026", ""},
		{"yesterday", ""},
		{"2026-11-22 25:00", ""},
		{"2026-11-22 13:00 PM", ""},
		{"2026-11-22 14:60", ""},
		{"11/22", ""},
	} {
		w, err := ParseWhen(tc.in)
		got := ""
		if err == nil {
			got = w.Date.String()
			if w.HasTime {
				got += " " + w.In(time.UTC).Format("15:04:05")
			}
		}
		if got != tc.want {
			t.Errorf("ParseWhen(%q) = %q (%v), want %q", tc.in, got, err, tc.want)
		}
	}
}

func TestParseBirthday(t *testing.T) {
	for _, tc := range []struct {
		in    string
		lunar bool
		want  string // KeyDate.String(); "" for an error
	}{
		{"1990-08-15", false, "1990-08-15"},
		{"1990/8/15", false, "1990-08-15"},
		{"08-15", false, "08-15"},
		{"8/15", false, "08-15"},
		{"8.15", false, "08-15"},
		{"8月15日", false, "08-15"},
		{"1990年8月15日", false, "1990-08-15"},
		{"1990-08-15", true, "lunar:1990-08-15"}, // the 农历 column says yes
		{"农历八月十五", false, "lunar:08-15"},
		{"农历 8月15", false, "lunar:08-15"},
		{"八月十五（农历）", false, "lunar:08-15"},
		{"腊月初八", true, "lunar:12-08"},
		{"正月初一", true, "lunar:01-01"},
		{"冬月廿九", true, "lunar:11-29"},
		{"闰四月初八", true, "lunar:L04-08"},
		{"农历二十三", false, ""},
		{"十二月三十", true, "lunar:12-30"},
		{"lunar:08-15", false, "lunar:08-15"},
		{"LUNAR 1990-08-15", false, "lunar:1990-08-15"},
		{"公历1990-08-15", true, "1990-08-15"},              // the value overrides the column
		{"lunar:1995-L08-27", false, "lunar:1995-L08-27"}, // a leap month with a year
		{"农历2003-02-30", false, "lunar:2003-02-30"},       // no solar February has a 30th
		{"1974/2/29", true, "lunar:1974-02-29"},
		{"闰1995-08-27", true, "lunar:1995-L08-27"},
		{"2003-02-30", false, ""},      // a solar date that does not exist
		{"32874", false, "1990-01-01"}, // Excel serial
		{"1990-08-15 00:00:00", false, "1990-08-15"},
		{"", false, ""},
		{"someday", false, ""},
		{"农历", false, ""},
	} {
		k, err := ParseBirthday(tc.in, tc.lunar)
		got := ""
		if err == nil {
			got = k.String()
			if k.Kind != domain.KindBirthday {
				t.Errorf("ParseBirthday(%q) kind %q", tc.in, k.Kind)
			}
		}
		if got != tc.want {
			t.Errorf("ParseBirthday(%q, %v) = %q (%v), want %q", tc.in, tc.lunar, got, err, tc.want)
		}
	}
}

func TestParseAmount(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want domain.Money
		bad  bool
	}{
		{"199", 19900, false},
		{"199.5", 19950, false},
		{"¥1,299.00", 129900, false},
		{"￥1,299.00", 129900, false},
		{"1299元", 129900, false},
		{"1,299.00 元", 129900, false},
		{"RMB 88", 8800, false},
		{"-12.30", -1230, false},
		{"(12.30)", -1230, false},
		{"１９９．００", 19900, false},
		{"299.89999999999998", 29990, false}, // a spreadsheet's binary number
		{"£2.55", 255, false},
		{"12.345", 0, true},
		{"abc", 0, true},
		{"", 0, true},
		{"1e400", 0, true},
		{"NaN", 0, true},
	} {
		got, err := ParseAmount(tc.in)
		if (err != nil) != tc.bad || got != tc.want {
			t.Errorf("ParseAmount(%q) = %d, %v; want %d (bad %v)", tc.in, got, err, tc.want, tc.bad)
		}
	}
}

func TestUnitPriceAndLineAmount(t *testing.T) {
	for _, tc := range []struct {
		price   string
		qty     int
		want    domain.Money
		rounded bool
	}{
		{"2.55", 6, 1530, false},
		{"0.001", 1, 0, true}, // the retail file's PADS
		{"0.005", 1, 1, true}, // half away from zero
		{"0.005", -1, -1, true},
		{"1.2345", 2, 247, true},
		{"0", 10, 0, false},
		{"4.95", -3, -1485, false},
	} {
		p, err := ParseUnitPrice(tc.price)
		if err != nil {
			t.Fatalf("ParseUnitPrice(%q): %v", tc.price, err)
		}
		got, rounded := LineAmount(tc.qty, p)
		if got != tc.want || rounded != tc.rounded {
			t.Errorf("%d × %s = %d (rounded %v), want %d (%v)", tc.qty, tc.price, got, rounded, tc.want, tc.rounded)
		}
	}
	for _, bad := range []string{"1.23456", "x", "", "1e20"} {
		if _, err := ParseUnitPrice(bad); err == nil {
			t.Errorf("ParseUnitPrice(%q) accepted", bad)
		}
	}
	for in, want := range map[string]int{"2": 2, "-2": -2, "2.0": 2, "3件": 3, "１０": 10} {
		if got, err := ParseQuantity(in); err != nil || got != want {
			t.Errorf("ParseQuantity(%q) = %d, %v", in, got, err)
		}
	}
	for _, bad := range []string{"1.5", "two", "", "2000000"} {
		if _, err := ParseQuantity(bad); err == nil {
			t.Errorf("ParseQuantity(%q) accepted", bad)
		}
	}
}

func TestParsePhones(t *testing.T) {
	for in, want := range map[string][]string{
		"138-0013-8000":                 {"13800138000"},
		"138 0013 8000":                 {"13800138000"},
		"13800138000.0":                 {"13800138000"},
		"(021) 6234-5678 / 13700137000": {"02162345678", "13700137000"},
		"13800138000，13900139000":       {"13800138000", "13900139000"},
		"13800138000 13900139000":       {"13800138000", "13900139000"},
		"+86 138 0013 8000":             {"+8613800138000"},
		"":                              nil,
	} {
		got, err := ParsePhones(in)
		if err != nil || len(got) != len(want) {
			t.Errorf("ParsePhones(%q) = %q, %v; want %q", in, got, err, want)
			continue
		}
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("ParsePhones(%q) = %q, want %q", in, got, want)
			}
		}
	}
	if _, err := ParsePhones("1.38001E+10"); err != errShortened {
		t.Errorf("a number Excel shortened: %v", err)
	}
}

func TestWords(t *testing.T) {
	if b, err := ParseBool("是"); !b || err != nil {
		t.Error("是")
	}
	if b, err := ParseBool("N"); b || err != nil {
		t.Error("N")
	}
	if _, err := ParseBool("maybe"); err == nil {
		t.Error("maybe")
	}
	for in, want := range map[string]domain.Gender{"男": domain.GenderMale, "女士": domain.GenderFemale, "F": domain.GenderFemale, "未知": ""} {
		if g, err := ParseGender(in); g != want || err != nil {
			t.Errorf("ParseGender(%q) = %q, %v", in, g, err)
		}
	}
	for in, want := range map[string]domain.Channel{"电话": "call", "微信": "wechat", "SMS": "sms", "In Store": "instore", "到店": "instore"} {
		if c, err := ParseChannel(in); c != want || err != nil {
			t.Errorf("ParseChannel(%q) = %q, %v", in, c, err)
		}
	}
	if _, err := ParseChannel("传真"); err == nil {
		t.Error("传真 is not a channel")
	}
	if o, _ := ParseOutcome("未接通"); o != domain.OutcomeNoAnswer {
		t.Errorf("未接通 = %q", o)
	}
	if p, _ := ParsePurpose("生日祝福"); p != domain.PurposeBirthday {
		t.Errorf("生日祝福 = %q", p)
	}
	if s, _ := ParseSource("转介绍"); s != domain.SourceReferral {
		t.Errorf("转介绍 = %q", s)
	}
	if c, _ := ParseSaleChannel("线上"); c != domain.SaleOnline {
		t.Errorf("线上 = %q", c)
	}
	if got := SplitTags("VIP,茶友；老客户、团购"); len(got) != 4 {
		t.Errorf("SplitTags = %q", got)
	}
	if CleanID("17850.0") != "17850" || CleanID(" C536379 ") != "C536379" {
		t.Error("CleanID")
	}
}

// TestEveryDetailIsTranslated: each reason a cell is refused has its words
// in the catalog, in both languages.
func TestEveryDetailIsTranslated(t *testing.T) {
	for _, e := range []*valueError{errDate, errYear, errClock, errBirthday, errAmount, errDecimals, errPrice, errBig,
		errWhole, errShortened, errYesNo, errGender, errChannel, errSale, errPurpose, errOutcome, errSource, errNotUTF8,
		errNotGB, errNoCustomer, errMixed, errValueType, errAnniv} {
		if got := i18n.New(i18n.EN).Detail(e.code, e.detail); got != e.detail {
			t.Errorf("en Detail(%q) = %q", e.detail, got)
		}
		if got := i18n.New(i18n.ZH).Detail(e.code, e.detail); got == e.detail {
			t.Errorf("no Chinese for %q", e.detail)
		}
	}
}
