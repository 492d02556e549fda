package imports

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/crmtui/crmtui/domain"
)

// valueError is why a cell could not be read: a code and a fixed English
// detail the catalog translates (messages_import.go has each one).
type valueError struct {
	code   domain.ErrorCode
	detail string
}

func (e *valueError) Error() string { return e.detail }

// The details of the cell parsers. Each is a catalog text ("detail.import_…").
var (
	errDate       = &valueError{domain.CodeInvalid, "not a date like 2026-11-22, 2026/11/22 or 11/22/2026 8:26"}
	errYear       = &valueError{domain.CodeOutOfRange, "a year between 1900 and 2200"}
	errClock      = &valueError{domain.CodeInvalid, "not a time of day like 14:30"}
	errBirthday   = &valueError{domain.CodeInvalid, "not a birthday like 1990-08-15, 08-15 or lunar 08-15"}
	errAmount     = &valueError{domain.CodeInvalid, "not an amount like 199.00"}
	errDecimals   = &valueError{domain.CodeInvalid, "an amount has at most two decimals"}
	errPrice      = &valueError{domain.CodeInvalid, "not a price like 2.55 (at most four decimals)"}
	errBig        = &valueError{domain.CodeOutOfRange, "too large a number"}
	errWhole      = &valueError{domain.CodeInvalid, "not a whole number"}
	errShortened  = &valueError{domain.CodeInvalid, "Excel shortened this number: format the column as text and save again"}
	errYesNo      = &valueError{domain.CodeInvalid, "write yes or no (Y/N, 1/0)"}
	errGender     = &valueError{domain.CodeUnknown, "female or male, or leave it empty"}
	errChannel    = &valueError{domain.CodeUnknown, "a channel: call, SMS, WeChat, visit, in store, email or other"}
	errSale       = &valueError{domain.CodeUnknown, "online or offline (in store)"}
	errPurpose    = &valueError{domain.CodeUnknown, "a purpose such as birthday, holiday, invitation, service or other"}
	errOutcome    = &valueError{domain.CodeUnknown, "an outcome: reached, no answer, replied, no reply, declined or other"}
	errSource     = &valueError{domain.CodeUnknown, "a source: face to face, referral, event, online, walk-in or other"}
	errNotUTF8    = &valueError{domain.CodeInvalid, "this text is not UTF-8: if the file is from Excel in Chinese, try --encoding gbk"}
	errNotGB      = &valueError{domain.CodeInvalid, "bytes that are not Chinese text in the chosen encoding: check --encoding"}
	errNoCustomer = &valueError{domain.CodeRequired, "the row needs a customer id, phone or name"}
	errMixed      = &valueError{domain.CodeConflict, "the rows of one invoice name different customers"}
	errValueType  = &valueError{domain.CodeUnknown, "a value type: profit, volume, relationship or strategic"}
	errAnniv      = &valueError{domain.CodeInvalid, "not an anniversary like wedding=2015-10-01 (name=date, several separated by ;)"}
)

// fold turns the full-width digits, letters and punctuation of Chinese input
// methods into ASCII and trims spaces (also the ideographic space).
func fold(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return s
	}
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '！' && r <= '～': // full-width ASCII block
			r = r - '！' + '!'
		case r == '　':
			r = ' '
		case r == '，':
			r = ','
		case r == '。':
			r = '.'
		}
		b.WriteRune(r)
	}
	return strings.TrimSpace(b.String())
}

// When is a date read from a sheet, with its time of day when the cell had one.
type When struct {
	Date    domain.Date
	Hour    int
	Minute  int
	Second  int
	HasTime bool
}

// In returns the instant in loc; a date without a time gives the zero time
// (the store then stamps it at noon).
func (w When) In(loc *time.Location) time.Time {
	if !w.HasTime || w.Date.IsZero() {
		return time.Time{}
	}
	y, m, d := w.Date.YMD()
	return time.Date(y, m, d, w.Hour, w.Minute, w.Second, 0, loc)
}

var (
	cnDateRe  = regexp.MustCompile(`^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?\s*(.*)$`)
	numRe     = regexp.MustCompile(`^\d+(\.\d+)?$`)
	clockRe   = regexp.MustCompile(`^(\d{1,2})[:时点](\d{1,2})(?:[:分](\d{1,2})(?:\.\d+)?秒?)?分?$`)
	sciRe     = regexp.MustCompile(`^[+-]?\d+(\.\d+)?[eE][+-]?\d+$`)
	idFloatRe = regexp.MustCompile(`^\d+\.0+$`)
)

// Excel serial day numbers accepted in date columns: 1910-01-01 to 2199-12-31.
const (
	minSerial = 3653
	maxSerial = 109574
)

// ParseWhen reads the dates of sheets: 2026-11-22, 2026/11/22, 2026.11.22,
// 20261122, 2026年11月22日, 11/22/2026 (month first; day first when the
// first number is over 12), each with an optional time (14:30, 14:30:05,
// 8:26 PM, 下午2:30, 14时30分), and Excel serial day numbers (46348.5).
func ParseWhen(s string) (When, error) {
	t := fold(s)
	if t == "" {
		return When{}, errDate
	}
	if numRe.MatchString(t) {
		whole, _, _ := strings.Cut(t, ".")
		if len(whole) == 8 && !strings.Contains(t, ".") {
			return ymd(atoi(whole[:4]), atoi(whole[4:6]), atoi(whole[6:]))
		}
		return fromSerial(t)
	}
	var datePart, timePart string
	if m := cnDateRe.FindStringSubmatch(t); m != nil {
		datePart, timePart = m[1]+"-"+m[2]+"-"+m[3], m[4]
	} else {
		datePart, timePart = t, ""
		if i := strings.IndexAny(t, " T"); i > 0 {
			datePart, timePart = t[:i], strings.TrimSpace(t[i+1:])
		}
	}
	w, err := parseDatePart(datePart)
	if err != nil {
		return When{}, err
	}
	if timePart == "" {
		return w, nil
	}
	h, mi, sec, err := parseClock(timePart)
	if err != nil {
		return When{}, err
	}
	w.Hour, w.Minute, w.Second, w.HasTime = h, mi, sec, true
	return w, nil
}

func parseDatePart(s string) (When, error) {
	var parts []string
	for _, sep := range []string{"-", "/", "."} {
		if strings.Count(s, sep) == 2 {
			parts = strings.Split(s, sep)
			break
		}
	}
	if len(parts) != 3 {
		return When{}, errDate
	}
	for _, p := range parts {
		if p == "" || len(p) > 4 || !allDigits(p) {
			return When{}, errDate
		}
	}
	a, b, c := atoi(parts[0]), atoi(parts[1]), atoi(parts[2])
	switch {
	case len(parts[0]) == 4:
		return ymd(a, b, c)
	case len(parts[2]) == 4 && a > 12 && b <= 12:
		return ymd(c, b, a) // 22/11/2026: day first
	case len(parts[2]) == 4:
		return ymd(c, a, b) // 11/22/2026, 12/1/2010: month first
	}
	return When{}, errDate
}

func ymd(y, m, d int) (When, error) {
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return When{}, errDate
	}
	if y < 1900 || y > 2200 {
		return When{}, errYear
	}
	if d > domain.DaysIn(y, time.Month(m)) {
		return When{}, errDate
	}
	return When{Date: domain.NewDate(y, time.Month(m), d)}, nil
}

// parseClock reads 14:30, 14:30:05, 8:26 PM, 下午2:30, 14时30分.
func parseClock(s string) (h, m, sec int, err error) {
	t := strings.TrimSpace(s)
	pm, am := false, false
	for _, suffix := range []string{"PM", "pm", "下午", "晚上"} {
		if v, ok := strings.CutSuffix(t, suffix); ok {
			t, pm = v, true
		} else if v, ok := strings.CutPrefix(t, suffix); ok {
			t, pm = v, true
		}
	}
	for _, suffix := range []string{"AM", "am", "上午", "早上", "凌晨"} {
		if v, ok := strings.CutSuffix(t, suffix); ok {
			t, am = v, true
		} else if v, ok := strings.CutPrefix(t, suffix); ok {
			t, am = v, true
		}
	}
	t = strings.TrimSuffix(strings.TrimSpace(t), "Z")
	mm := clockRe.FindStringSubmatch(t)
	if mm == nil || (pm && am) {
		return 0, 0, 0, errClock
	}
	h, m = atoi(mm[1]), atoi(mm[2])
	if mm[3] != "" {
		sec = atoi(mm[3])
	}
	if (pm || am) && (h < 1 || h > 12) {
		return 0, 0, 0, errClock
	}
	if pm && h < 12 {
		h += 12
	}
	if am && h == 12 {
		h = 0
	}
	if h > 23 || m > 59 || sec > 59 {
		return 0, 0, 0, errClock
	}
	return h, m, sec, nil
}

// fromSerial reads an Excel serial day number (days since 1899-12-30, the
// fraction is the time of day).
func fromSerial(s string) (When, error) {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || v < minSerial || v >= maxSerial+1 {
		return When{}, errDate
	}
	days := math.Floor(v)
	secs := int(math.Round((v - days) * 86400))
	if secs >= 86400 {
		days++
		secs = 0
	}
	d := domain.NewDate(1899, time.December, 30).AddDays(int(days))
	w := When{Date: d}
	if secs > 0 {
		w.HasTime = true
		w.Hour, w.Minute, w.Second = secs/3600, secs%3600/60, secs%60
	}
	return w, nil
}

// ParseClock reads a time of day column ("14:30").
func ParseClock(s string) (h, m, sec int, err error) { return parseClock(fold(s)) }

// cleanNumber drops currency words and signs people put around numbers and
// turns accounting brackets "(12.00)" into a minus.
func cleanNumber(s string) string {
	t := fold(s)
	for _, w := range []string{"RMB", "rmb", "CNY", "cny", "GBP", "USD", "元", "块", "圆", "¥", "￥", "$", "£", "€", "件", "个", "pcs", "PCS"} {
		t = strings.ReplaceAll(t, w, "")
	}
	t = strings.ReplaceAll(t, " ", "")
	if strings.HasPrefix(t, "(") && strings.HasSuffix(t, ")") && len(t) > 2 {
		t = "-" + t[1:len(t)-1]
	}
	return t
}

// ParseAmount reads an amount of money: 199, 199.5, ¥1,299.00, 1299元,
// (12.30), and the 299.89999999999998 of spreadsheets' binary numbers.
func ParseAmount(s string) (domain.Money, error) {
	t := cleanNumber(s)
	if t == "" {
		return 0, errAmount
	}
	m, err := domain.ParseMoney(t)
	if err == nil {
		return m, nil
	}
	v, ok := decimal(t, 2)
	if !ok {
		if _, ferr := strconv.ParseFloat(strings.ReplaceAll(t, ",", ""), 64); ferr == nil && !sciRe.MatchString(t) {
			return 0, errDecimals
		}
		return 0, errAmount
	}
	if v > 1e15 || v < -1e15 {
		return 0, errBig
	}
	return domain.Money(v), nil
}

// decimal reads t as a number with at most places decimals, in units of
// 10^-places, accepting the float noise of binary numbers (1e-6 of a unit).
func decimal(t string, places int) (int64, bool) {
	t = strings.ReplaceAll(t, ",", "")
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > 1e13 {
		return 0, false
	}
	scaled := v * math.Pow10(places)
	r := math.Round(scaled)
	if math.Abs(scaled-r) > 1e-6*math.Max(1, math.Abs(r)/1e6) {
		return 0, false
	}
	return int64(r), true
}

// PriceScale is the unit of unit prices: ten-thousandths, so that a price
// of 0.001 (it happens) is kept before the line is rounded to cents.
const PriceScale = 10000

// MaxUnitPrice bounds a unit price (in currency units), so that quantity ×
// price stays far inside int64.
const MaxUnitPrice = 100_000_000

// ParseUnitPrice reads a unit price with up to four decimals, in
// ten-thousandths of the currency unit.
func ParseUnitPrice(s string) (int64, error) {
	t := cleanNumber(s)
	if t == "" {
		return 0, errPrice
	}
	v, ok := decimal(t, 4)
	if !ok {
		return 0, errPrice
	}
	if v > MaxUnitPrice*PriceScale || v < -MaxUnitPrice*PriceScale {
		return 0, errBig
	}
	return v, nil
}

// MaxQuantity bounds a line's quantity: more is a typo (or an id in the wrong column).
const MaxQuantity = 1_000_000

// ParseQuantity reads a whole quantity: 2, -2, 2.0, 2件.
func ParseQuantity(s string) (int, error) {
	t := cleanNumber(s)
	if t == "" {
		return 0, errWhole
	}
	v, ok := decimal(t, 0)
	if !ok {
		return 0, errWhole
	}
	if v > MaxQuantity || v < -MaxQuantity {
		return 0, errBig
	}
	return int(v), nil
}

// LineAmount is quantity × unit price rounded to cents (half away from
// zero); rounded reports whether anything was lost.
func LineAmount(qty int, price int64) (amount domain.Money, rounded bool) {
	const per = PriceScale / 100
	total := int64(qty) * price // |qty| ≤ 1e6 and |price| ≤ 1e12: no overflow
	q, r := total/per, total%per
	if r*2 >= per {
		q++
	} else if r*2 <= -per {
		q--
	}
	return domain.Money(q), r != 0
}

// ParsePhones reads one or more phone numbers from a cell ("138 0013 8000",
// "13800138000 / 021-12345678", "13800138000.0"). Validation is the
// customer's (domain.ValidatePhone); only numbers Excel turned into
// 1.38001E+10 are refused here, since their digits are lost.
func ParsePhones(s string) ([]string, error) {
	t := fold(s)
	if t == "" {
		return nil, nil
	}
	parts := strings.FieldsFunc(t, func(r rune) bool { return strings.ContainsRune("/,;；、|\n\r", r) })
	var out []string
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if sciRe.MatchString(p) {
			return nil, errShortened
		}
		if idFloatRe.MatchString(p) {
			p, _, _ = strings.Cut(p, ".")
		}
		// Numbers separated by spaces only: "13800138000 13900139000".
		if words := strings.Fields(p); len(words) > 1 {
			long := true
			for _, w := range words {
				if len(domain.NormalizePhone(w)) < 11 {
					long = false
				}
			}
			if long {
				for _, w := range words {
					out = append(out, domain.NormalizePhone(w))
				}
				continue
			}
		}
		if n := domain.NormalizePhone(p); n != "" {
			out = append(out, n)
		}
	}
	return out, nil
}

// CleanID tidies an id column: "17850.0" (a number written by a
// spreadsheet as a float) becomes "17850".
func CleanID(s string) string {
	t := fold(s)
	if idFloatRe.MatchString(t) {
		t, _, _ = strings.Cut(t, ".")
	}
	return t
}

var (
	yesWords = []string{"是", "对", "有", "要", "y", "yes", "true", "t", "1", "√", "✓", "✔", "农历", "阴历", "lunar"}
	noWords  = []string{"否", "不是", "无", "没有", "不", "n", "no", "false", "f", "0", "公历", "阳历", "新历", "solar"}
)

// ParseBool reads yes/no cells: 是/否, Y/N, yes/no, true/false, 1/0, √.
// The lunar marker column also takes 农历/公历.
func ParseBool(s string) (bool, error) {
	t := strings.ToLower(fold(s))
	switch {
	case t == "":
		return false, nil
	case contains(yesWords, t):
		return true, nil
	case contains(noWords, t):
		return false, nil
	}
	return false, errYesNo
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// wordTable maps the words sheets use for a value to the domain's id.
type wordTable map[string][]string

func (t wordTable) parse(s string, bad *valueError) (string, error) {
	v := strings.ToLower(strings.Join(strings.Fields(fold(s)), " "))
	if v == "" {
		return "", nil
	}
	for id, words := range t {
		if v == id || strings.ReplaceAll(v, " ", "_") == id || contains(words, v) {
			return id, nil
		}
	}
	return "", bad
}

var (
	genderWords = wordTable{
		"male":   {"男", "男性", "男士", "先生", "m", "man", "男的"},
		"female": {"女", "女性", "女士", "小姐", "太太", "f", "woman", "女的"},
	}
	channelWords = wordTable{
		"call":    {"电话", "打电话", "通话", "来电", "去电", "致电", "phone", "phone call", "tel"},
		"sms":     {"短信", "信息", "短讯", "text", "message"},
		"wechat":  {"微信", "企业微信", "企微", "weixin", "wx"},
		"visit":   {"拜访", "上门", "走访", "家访"},
		"instore": {"到店", "店内", "进店", "门店", "在店", "in store", "in-store", "store"},
		"email":   {"邮件", "邮箱", "电子邮件", "e-mail", "mail"},
		"other":   {"其他", "其它"},
	}
	saleWords = wordTable{
		"online":  {"线上", "网店", "网上", "网购", "电商", "小程序", "商城", "web", "internet"},
		"offline": {"线下", "门店", "实体店", "店内", "到店", "专柜", "store", "in store"},
	}
	purposeWords = wordTable{
		"routine_1":     {"常规维护第1天", "第1天回访", "routine day 1"},
		"routine_3":     {"常规维护第3天", "第3天回访", "routine day 3"},
		"routine_7":     {"常规维护第7天", "第7天回访", "routine day 7"},
		"birthday":      {"生日", "生日祝福", "生日问候"},
		"anniversary":   {"纪念日", "纪念日祝福"},
		"holiday":       {"节日", "节日问候", "节日祝福", "holiday greeting"},
		"invitation":    {"邀约", "活动邀约", "邀请"},
		"service":       {"服务", "售后", "回访服务"},
		"complaint":     {"客诉", "投诉", "客诉处理"},
		"replenishment": {"补货", "补货提醒", "复购提醒"},
		"reactivation":  {"唤醒", "激活", "沉睡唤醒"},
		"other":         {"其他", "其它", "回访", "维护", "常规维护"},
	}
	outcomeWords = wordTable{
		"reached":   {"已联系上", "联系上", "接通", "已接通", "通了", "已沟通", "成功", "ok"},
		"no_answer": {"未接通", "没接", "未接", "无人接听", "没人接", "no answer"},
		"replied":   {"已回复", "回复", "有回复"},
		"no_reply":  {"未回复", "没回", "没回复", "无回复", "no reply"},
		"declined":  {"婉拒", "拒绝", "不需要"},
		"other":     {"其他", "其它"},
	}
	sourceWords = wordTable{
		"face_to_face": {"面对面", "当面", "face to face"},
		"referral":     {"老顾客介绍", "转介绍", "介绍", "推荐", "朋友介绍", "老带新"},
		"event":        {"活动", "展会"},
		"online":       {"线上", "网络", "网店", "网上"},
		"walk_in":      {"进店", "自然进店", "路过", "walk-in", "walk in"},
		"other":        {"其他", "其它"},
	}
)

var valueWords = wordTable{
	"profit":       {"利润型"},
	"volume":       {"销量型"},
	"relationship": {"关系型"},
	"strategic":    {"战略型"},
}

// ParseValueType reads the salesperson's value type: 利润型, 关系型, profit…
func ParseValueType(s string) (domain.ValueType, error) {
	if contains([]string{"未填", "not set", "-"}, strings.ToLower(fold(s))) {
		return domain.ValueNone, nil
	}
	v, err := valueWords.parse(s, errValueType)
	return domain.ValueType(v), err
}

// ParseAnniversaries reads anniversaries: "结婚纪念日=2015-10-01;
// 入会=lunar:04-08" (name=date, separated by semicolons, as crmtui
// exports them), or a date alone in a column named after the day
// ("结婚纪念日" → that name).
func ParseAnniversaries(s, header string) ([]domain.KeyDate, error) {
	var out []domain.KeyDate
	for _, item := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == '；' || r == '\n' }) {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		label, date := strings.TrimSpace(header), item
		if l, d, ok := strings.Cut(item, "="); ok {
			label, date = strings.TrimSpace(l), d
		}
		k, err := ParseBirthday(date, false)
		if err != nil || label == "" {
			return out, errAnniv
		}
		k.Kind, k.Label = domain.KindAnniversary, label
		out = append(out, k)
	}
	return out, nil
}

// ParseGender reads 男/女, male/female, 先生/女士; 未知, 保密 and - leave it unset.
func ParseGender(s string) (domain.Gender, error) {
	if contains([]string{"未知", "保密", "不详", "未填", "-", "unknown", "n/a", "not set"}, strings.ToLower(fold(s))) {
		return domain.GenderUnknown, nil
	}
	v, err := genderWords.parse(s, errGender)
	return domain.Gender(v), err
}

// ParseChannel reads a contact channel: 电话, 微信, 短信, 到店, call, wechat…
func ParseChannel(s string) (domain.Channel, error) {
	v, err := channelWords.parse(s, errChannel)
	return domain.Channel(v), err
}

// ParseSaleChannel reads whether a purchase was online: 线上/线下.
func ParseSaleChannel(s string) (domain.SaleChannel, error) {
	v, err := saleWords.parse(s, errSale)
	return domain.SaleChannel(v), err
}

// ParsePurpose reads a contact purpose: 生日祝福, 节日问候, invitation…
func ParsePurpose(s string) (domain.Purpose, error) {
	v, err := purposeWords.parse(s, errPurpose)
	return domain.Purpose(v), err
}

// ParseOutcome reads a contact outcome: 已联系上, 未接通, replied…
func ParseOutcome(s string) (domain.Outcome, error) {
	v, err := outcomeWords.parse(s, errOutcome)
	return domain.Outcome(v), err
}

// ParseSource reads where a customer came from: 转介绍, 活动, walk_in…
func ParseSource(s string) (domain.Source, error) {
	v, err := sourceWords.parse(s, errSource)
	return domain.Source(v), err
}

// SplitTags reads a tags cell: VIP,茶友；老客户、团购.
func SplitTags(s string) []string {
	return strings.FieldsFunc(strings.TrimSpace(s), func(r rune) bool { return strings.ContainsRune(",，;；、|\n", r) })
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// atoi parses a short run of ASCII digits (checked by the caller).
func atoi(s string) int {
	n := 0
	for i := 0; i < len(s) && i < 9; i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}
