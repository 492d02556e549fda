package imports

import (
	"strings"
	"testing"
	"time"

	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/domain/i18n"
)

// The fuzz targets of the sheet parsers. Seeds live in testdata/fuzz/<name>;
// run one with `go test ./domain/imports -fuzz FuzzMapRow -fuzztime 1m`.
// (domain has FuzzParseMoney, FuzzParseDate, FuzzParseKeyDate and
// FuzzNormalizePhone for the parsers these build on.)

var en = i18n.New(i18n.EN)

// FuzzMapRow: any header and row, of any kind, map without a panic; every
// problem names row 2, has a FieldError and a message; a record without
// problems passes the domain's validation.
func FuzzMapRow(f *testing.F) {
	f.Add(uint8(1), "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country",
		"536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER ,6,12/1/2010 8:26,2.55,17850.0,United Kingdom")
	f.Add(uint8(1), "单号,日期,姓名,金额,退货", "C1,2026年11月22日,张三,¥-1,299.00,是")
	f.Add(uint8(0), "客户名称,手机,微信,性别,生日,农历,标签", "张三,138-0013-8000,zs,男,八月十五,是,VIP；茶友")
	f.Add(uint8(0), "姓名,电话", ",1.38E+10")
	f.Add(uint8(2), "日期,时间,姓名,方式,结果,下次跟进", "2026-11-22,25:00,李娜,传真,未接通,昨天")
	f.Fuzz(func(t *testing.T, kind uint8, header, row string) {
		k := []Kind{Customers, Purchases, Contacts}[int(kind)%3]
		rec, err := MapRow(k, strings.Split(header, ","), strings.Split(row, ","), Options{Loc: time.UTC})
		if err != nil {
			if err.Error() == "" {
				t.Fatal("a mapping error without a message")
			}
			return
		}
		if rec == nil {
			return
		}
		for _, p := range rec.Problems {
			if p.Row != 2 || p.Err == nil {
				t.Fatalf("problem %+v", p)
			}
			if p.Err.Detail == "" && p.Err.Code != domain.CodeRequired && p.Err.Code != domain.CodeConflict {
				t.Errorf("problem without a reason: %+v", p.Err)
			}
			if en.FieldError(p.Err) == "" {
				t.Errorf("no message for %+v", p.Err)
			}
		}
		if !rec.OK() {
			return
		}
		if err := rec.Customer.Validate(); err != nil {
			t.Errorf("customer passed the row mapping but not validation: %v", err)
		}
		if rec.Purchase != nil {
			p := *rec.Purchase
			p.CustomerID = 1
			if err := p.Validate(); err != nil {
				t.Errorf("purchase passed the row mapping but not validation: %v", err)
			}
		}
		if rec.Contact != nil {
			c := *rec.Contact
			c.CustomerID = 1
			if err := c.Validate(); err != nil {
				t.Errorf("contact passed the row mapping but not validation: %v", err)
			}
		}
	})
}

// FuzzParseWhen: no panic; a date read is within the sheet range and its
// YYYY-MM-DD form reads back the same; a refusal has a message.
func FuzzParseWhen(f *testing.F) {
	for _, s := range []string{"2026-11-22", "12/1/2010 8:26", "2026年11月22日 下午2:30", "46348.5", "20261122", "2026-02-30", "１２/１/２０１０"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		w, err := ParseWhen(s)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("no message")
			}
			return
		}
		if y := w.Date.Year(); y < 1900 || y > 2200 {
			t.Errorf("ParseWhen(%q) = %s, outside 1900–2200", s, w.Date)
		}
		back, err := ParseWhen(w.Date.String())
		if err != nil || back.Date != w.Date {
			t.Errorf("ParseWhen(%q) = %s, which reads back as %s (%v)", s, w.Date, back.Date, err)
		}
		if w.Hour > 23 || w.Minute > 59 || w.Second > 59 || w.Hour < 0 || w.Minute < 0 || w.Second < 0 {
			t.Errorf("ParseWhen(%q) time %d:%d:%d", s, w.Hour, w.Minute, w.Second)
		}
	})
}

// FuzzParseAmount: no panic; an amount read renders and reads back the same.
func FuzzParseAmount(f *testing.F) {
	for _, s := range []string{"199", "¥1,299.00", "(12.30)", "299.89999999999998", "1299元", "12.345", "1e3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := ParseAmount(s)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("no message")
			}
			return
		}
		back, err := ParseAmount(m.String())
		if err != nil || back != m {
			t.Errorf("ParseAmount(%q) = %s, reads back %s (%v)", s, m, back, err)
		}
	})
}

// FuzzParseNumbers: unit prices and quantities never panic, stay in their
// bounds, and their product never overflows.
func FuzzParseNumbers(f *testing.F) {
	for _, s := range []string{"2.55", "0.001", "-11062.06", "3件", "80995", "1.5"} {
		f.Add(s, s)
	}
	f.Fuzz(func(t *testing.T, price, qty string) {
		p, perr := ParseUnitPrice(price)
		q, qerr := ParseQuantity(qty)
		if perr == nil && (p > MaxUnitPrice*PriceScale || p < -MaxUnitPrice*PriceScale) {
			t.Errorf("price %q = %d out of bounds", price, p)
		}
		if qerr == nil && (q > MaxQuantity || q < -MaxQuantity) {
			t.Errorf("quantity %q = %d out of bounds", qty, q)
		}
		if perr == nil && qerr == nil {
			a, _ := LineAmount(q, p)
			if (q > 0 && p > 0 && a < 0) || (q < 0 && p > 0 && a > 0) {
				t.Errorf("%d × %d = %d: overflow", q, p, a)
			}
		}
	})
}

// FuzzParsePhones: no panic; every number read is normalised (no spaces or
// dashes left); a refusal is the "Excel shortened it" one.
func FuzzParsePhones(f *testing.F) {
	for _, s := range []string{"138-0013-8000", "(021) 6234-5678 / 13700137000", "1.38E+10", "13800138000.0", "+86 138 0013 8000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		phones, err := ParsePhones(s)
		if err != nil {
			if err != errShortened {
				t.Errorf("ParsePhones(%q): %v", s, err)
			}
			return
		}
		for _, p := range phones {
			if p == "" || strings.ContainsAny(p, " -()（）") {
				t.Errorf("ParsePhones(%q) gave %q, not normalised", s, p)
			}
		}
	})
}

// FuzzParseBirthday: no panic; a birthday read is a birthday in a known
// calendar; its validation either passes or names what is wrong.
func FuzzParseBirthday(f *testing.F) {
	for _, s := range []string{"1990-08-15", "农历八月十五", "闰四月初八", "8月15日", "lunar:08-15", "32874", "十二月三十"} {
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, s string, lunar bool) {
		k, err := ParseBirthday(s, lunar)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("no message")
			}
			return
		}
		if k.Kind != domain.KindBirthday || !k.Calendar.Valid() {
			t.Errorf("ParseBirthday(%q) = %+v", s, k)
		}
		if err := k.Validate(); err != nil && en.Error(err) == "" {
			t.Errorf("ParseBirthday(%q): a validation error without words", s)
		}
	})
}
