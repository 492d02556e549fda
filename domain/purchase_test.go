package domain

import (
	"testing"
	"time"
)

func validPurchase() *Purchase {
	return &Purchase{
		ID:         1,
		ExternalID: "INV-2026-0001",
		CustomerID: 7,
		At:         time.Date(2026, 11, 22, 6, 30, 0, 0, time.UTC),
		On:         MustDate("2026-11-22"),
		Amount:     39800,
		Channel:    SaleOffline,
		StoreID:    1,
		SalesID:    2,
		UsageDays:  30,
		Note:       "送女儿",
		Items: []LineItem{
			{Product: "羊毛围巾", Category: "配饰", Quantity: 1, Amount: 29900},
			{Product: "袜子", SKU: "S-1", Quantity: 3, Amount: 9900},
		},
	}
}

func TestPurchase_Validate_ValidPasses(t *testing.T) {
	expectValid(t, validPurchase().Validate())
	ret := &Purchase{CustomerID: 7, On: MustDate("2026-11-23"), Amount: -29900, IsReturn: true,
		Items: []LineItem{{Product: "羊毛围巾", Quantity: -1, Amount: -29900}}}
	expectValid(t, ret.Validate())
	expectValid(t, (&Purchase{CustomerID: 7, At: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), Amount: 0}).Validate())
}

func TestPurchase_Validate(t *testing.T) {
	cases := []struct {
		name   string
		mutate func(p *Purchase)
		field  string
		code   ErrorCode
	}{
		{"CustomerRequired", func(p *Purchase) { p.CustomerID = 0 }, "customer_id", CodeRequired},
		{"DateRequired", func(p *Purchase) { p.At = time.Time{}; p.On = Date{} }, "date", CodeRequired},
		{"ReturnMustBeNegative", func(p *Purchase) { p.IsReturn = true }, "amount", CodeConflict},
		{"ReturnOfOneFen", func(p *Purchase) { p.IsReturn = true; p.Amount = 1; p.Items = nil }, "amount", CodeConflict},
		{"SaleOfMinusOneFen", func(p *Purchase) { p.Amount = -1; p.Items = nil }, "amount", CodeOutOfRange},
		{"SaleNotNegative", func(p *Purchase) { p.Amount = -100; p.Items = nil }, "amount", CodeOutOfRange},
		{"AmountOverABillion", func(p *Purchase) { p.Amount = 1_000_000_000_01; p.Items = nil }, "amount", CodeOutOfRange},
		{"ChannelUnknown", func(p *Purchase) { p.Channel = "phone" }, "channel", CodeUnknown},
		{"UsageDaysNegative", func(p *Purchase) { p.UsageDays = -1 }, "usage_days", CodeOutOfRange},
		{"UsageDaysOverTenYears", func(p *Purchase) { p.UsageDays = MaxUsageDays + 1 }, "usage_days", CodeOutOfRange},
		{"NegativeEvent", func(p *Purchase) { p.EventID = -1 }, "id", CodeInvalid},
		{"ExternalIDTooLong", func(p *Purchase) { p.ExternalID = repeatText("x", MaxShortRunes+1) }, "external_id", CodeTooLong},
		{"NoteEscape", func(p *Purchase) { p.Note = "\x1b[31m" }, "note", CodeInvalid},
		{"LinesDoNotAddUp", func(p *Purchase) { p.Items[1].Amount = 9800 }, "items", CodeConflict},
		{"SingleLineDoesNotAddUp", func(p *Purchase) { p.Items = p.Items[:1] }, "items", CodeConflict},
		{"LineQuantityZero", func(p *Purchase) { p.Items[1].Quantity = 0 }, "items[1].quantity", CodeOutOfRange},
		{"LineProductRequired", func(p *Purchase) { p.Items[0].Product = " " }, "items[0].product", CodeRequired},
		{"LineProductTooLong", func(p *Purchase) { p.Items[0].Product = repeatText("品", 2*MaxShortRunes+1) }, "items[0].product", CodeTooLong},
		{"LineSKUControl", func(p *Purchase) { p.Items[1].SKU = "S\x001" }, "items[1].sku", CodeInvalid},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := validPurchase()
			tc.mutate(p)
			expectOnlyProblem(t, p.Validate(), tc.field, tc.code)
		})
	}
}

func TestPurchase_Validate_Limits(t *testing.T) {
	cases := []struct {
		name   string
		mutate func(p *Purchase)
	}{
		{"UsageDaysZero", func(p *Purchase) { p.UsageDays = 0 }},
		{"UsageDaysTenYears", func(p *Purchase) { p.UsageDays = MaxUsageDays }},
		{"NoChannel", func(p *Purchase) { p.Channel = "" }},
		{"Online", func(p *Purchase) { p.Channel = SaleOnline }},
		{"OnlyOn", func(p *Purchase) { p.At = time.Time{} }},
		{"OnlyAt", func(p *Purchase) { p.On = Date{} }},
		{"NoLines", func(p *Purchase) { p.Items = nil }},
		{"ExactlyABillion", func(p *Purchase) { p.Amount = 1_000_000_000_00; p.Items = nil }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := validPurchase()
			tc.mutate(p)
			expectValid(t, p.Validate())
		})
	}
}

func TestLineItem_Validate(t *testing.T) {
	expectValid(t, LineItem{Product: "围巾", Quantity: 1, Amount: 100}.Validate())
	expectValid(t, LineItem{Product: "围巾", Quantity: -1, Amount: -100}.Validate())
	expectOnlyProblem(t, LineItem{Product: "围巾"}.Validate(), "quantity", CodeOutOfRange)
}

func TestParseLineItem(t *testing.T) {
	cases := []struct {
		name string
		in   string
		want LineItem
	}{
		{"Simple", "围巾:1:299.00", LineItem{Product: "围巾", Quantity: 1, Amount: 29900}},
		{"NameWithColons", "A:B:2:10", LineItem{Product: "A:B", Quantity: 2, Amount: 1000}},
		{"Spaces", " 羊毛 围巾 : 3 : 1,299.5", LineItem{Product: "羊毛 围巾", Quantity: 3, Amount: 129950}},
		{"CurrencySign", "围巾:1:¥99", LineItem{Product: "围巾", Quantity: 1, Amount: 9900}},
		{"ReturnLine", "围巾:-1:-299", LineItem{Product: "围巾", Quantity: -1, Amount: -29900}},
		{"EmptyNameParsesValidateRefuses", ":1:2", LineItem{Product: "", Quantity: 1, Amount: 200}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseLineItem(tc.in)
			if err != nil {
				t.Fatalf("ParseLineItem(%q): %v", tc.in, err)
			}
			if got != tc.want {
				t.Errorf("ParseLineItem(%q) = %+v, want %+v", tc.in, got, tc.want)
			}
		})
	}
}

func TestParseLineItem_Errors(t *testing.T) {
	cases := []struct{ name, in string }{
		{"TwoFields", "围巾:299"},
		{"NoColons", "围巾"},
		{"Empty", ""},
		{"BadQuantity", "围巾:one:299"},
		{"FractionalQuantity", "围巾:1.5:299"},
		{"EmptyQuantity", "围巾::299"},
		{"BadAmount", "围巾:1:abc"},
		{"ThreeDecimals", "围巾:1:2.999"},
		{"EmptyAmount", "围巾:1:"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got, err := ParseLineItem(tc.in); err == nil {
				t.Errorf("ParseLineItem(%q) = %+v, want error", tc.in, got)
			}
		})
	}
}

func TestPurchase_RunsOutOn(t *testing.T) {
	cases := []struct {
		name string
		p    Purchase
		want string
	}{
		{"ThirtyDays", Purchase{On: MustDate("2026-01-10"), UsageDays: 30}, "2026-02-09"},
		{"AcrossYear", Purchase{On: MustDate("2026-12-15"), UsageDays: 20}, "2027-01-04"},
		{"NoUsage", Purchase{On: MustDate("2026-01-10")}, ""},
		{"NegativeUsage", Purchase{On: MustDate("2026-01-10"), UsageDays: -5}, ""},
		{"Return", Purchase{On: MustDate("2026-01-10"), UsageDays: 30, IsReturn: true, Amount: -100}, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.p.RunsOutOn().String(); got != tc.want {
				t.Errorf("RunsOutOn = %q, want %q", got, tc.want)
			}
		})
	}
}
