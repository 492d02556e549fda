package i18n

import (
	"math"
	"testing"
	"time"

	"github.com/crmtui/crmtui/domain"
)

func TestMoney(t *testing.T) {
	for _, tc := range []struct {
		in   domain.Money
		want string
	}{
		{0, "¥0.00"},
		{5, "¥0.05"},
		{99, "¥0.99"},
		{100, "¥1.00"},
		{129900, "¥1,299.00"},
		{99999, "¥999.99"},
		{100000, "¥1,000.00"},
		{12345678, "¥123,456.78"},
		{100000000, "¥1,000,000.00"},
		{-1230, "-¥12.30"},
		{-129950, "-¥1,299.50"},
		{math.MaxInt64, "¥92,233,720,368,547,758.07"},
		{math.MinInt64, "-¥92,233,720,368,547,758.08"},
	} {
		for _, l := range Langs {
			if got := New(l).Money(tc.in); got != tc.want {
				t.Errorf("%s Money(%d) = %q, want %q", l, tc.in, got, tc.want)
			}
		}
	}
}

func TestDays(t *testing.T) {
	zh, en := New(ZH), New(EN)
	for _, tc := range []struct {
		n      int
		zh, en string
	}{
		{0, "今天", "today"},
		{1, "明天", "tomorrow"},
		{-1, "昨天", "yesterday"},
		{2, "2天后", "in 2 days"},
		{3, "3天后", "in 3 days"},
		{-3, "3天前", "3 days ago"},
		{-120, "120天前", "120 days ago"},
	} {
		if got := zh.Days(tc.n); got != tc.zh {
			t.Errorf("zh Days(%d) = %q, want %q", tc.n, got, tc.zh)
		}
		if got := en.Days(tc.n); got != tc.en {
			t.Errorf("en Days(%d) = %q, want %q", tc.n, got, tc.en)
		}
	}
}

func TestDates(t *testing.T) {
	zh, en := New(ZH), New(EN)
	d := domain.MustDate("2025-11-22") // a Saturday
	jan := domain.MustDate("2026-01-05")
	for _, tc := range []struct{ got, want string }{
		{zh.Date(d), "11月22日"},
		{en.Date(d), "Nov 22"},
		{zh.DateFull(d), "2025年11月22日"},
		{en.DateFull(d), "Nov 22, 2025"},
		{zh.DateIn(d, jan), "2025年11月22日"},
		{en.DateIn(d, jan), "Nov 22, 2025"},
		{zh.DateIn(jan, jan.AddDays(3)), "1月5日"},
		{en.DateIn(jan, jan.AddDays(3)), "Jan 5"},
		{zh.Weekday(d), "周六"},
		{en.Weekday(d), "Sat"},
		{zh.Weekday(jan), "周一"},
		{en.Weekday(d.AddDays(1)), "Sun"},
		{zh.Date(domain.Date{}), ""},
		{en.DateFull(domain.Date{}), ""},
		{en.Weekday(domain.Date{}), ""},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
	// Every month and weekday has its word.
	for m := 1; m <= 12; m++ {
		day := domain.NewDate(2026, time.Month(m), 1)
		for _, l := range Langs {
			if s := New(l).Date(day); s == "" || s[0] == '!' {
				t.Errorf("%s month %d: %q", l, m, s)
			}
			if s := New(l).Weekday(day.AddDays(m)); s == "" || s[0] == '!' {
				t.Errorf("%s weekday: %q", l, s)
			}
		}
	}
}
