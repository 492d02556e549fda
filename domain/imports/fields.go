package imports

import (
	"slices"
	"strings"
	"unicode"
)

// Kind is what a file holds: customers, purchases or contacts.
type Kind string

// The kinds of files crmtui imports.
const (
	Customers Kind = "customers"
	Purchases Kind = "purchases"
	Contacts  Kind = "contacts"
)

// Valid reports whether k is one of the three kinds.
func (k Kind) Valid() bool { return k == Customers || k == Purchases || k == Contacts }

// Field is what a column means: the names --map accepts on its right side
// and the columns of the synonym table map to.
type Field string

// The fields of the three kinds. A customer is named the same way in every
// kind (customer_id, name, phone), so that a purchases or contacts file can
// say whose row it is.
const (
	Ignore Field = "-" // --map COLUMN=- leaves a column out

	CustomerID   Field = "customer_id" // the customer's number in the system the file comes from
	Name         Field = "name"
	Remark       Field = "remark"
	Salutation   Field = "salutation"
	Phone        Field = "phone" // several phone columns, or several numbers in one cell, are all kept
	WeChat       Field = "wechat"
	Gender       Field = "gender"
	Birthday     Field = "birthday"
	LunarBirth   Field = "lunar_birthday" // a birthday column whose header says 农历
	Lunar        Field = "lunar"          // the 农历 marker column: 是/Y/1 make the birthday lunar
	Tags         Field = "tags"
	Country      Field = "country" // becomes a tag
	Source       Field = "source"
	Description  Field = "description"
	Needs        Field = "needs"
	DoNotContact Field = "do_not_contact"
	Referrer     Field = "referrer" // the referring customer's id (or phone, or name)
	Anniversary  Field = "anniversaries"
	Potential    Field = "potential_needs"
	Sizes        Field = "sizes"
	Colors       Field = "colors"
	Brands       Field = "brands"
	Categories   Field = "categories" // preferred categories (a customer's taste)
	Preferences  Field = "preferences"
	RecentFocus  Field = "recent_focus"
	Preferred    Field = "preferred_channel"
	AvoidHours   Field = "avoid_hours"
	ManMoney     Field = "man_money"
	ManAuthority Field = "man_authority"
	ManNeed      Field = "man_need"
	ValueType    Field = "value_type"
	Created      Field = "created"

	Invoice    Field = "invoice" // the purchase's number: rows with the same number are one purchase
	Date       Field = "date"
	Time       Field = "time" // a clock ("14:30") completing the date column, or a full date and time
	Amount     Field = "amount"
	Product    Field = "product"
	SKU        Field = "sku"
	Category   Field = "category"
	Quantity   Field = "quantity"
	UnitPrice  Field = "unit_price"
	ItemAmount Field = "line_amount" // a line's amount when the amount column is the purchase's total
	UsageDays  Field = "usage_days"
	Channel    Field = "channel"
	Return     Field = "return"
	Note       Field = "note"

	Purpose Field = "purpose"
	Outcome Field = "outcome"
	Next    Field = "next" // the next follow-up date of a contact
)

// customerFields name a customer in a purchases or contacts file.
var customerFields = []Field{CustomerID, Name, Phone, Country}

// Fields lists the fields of a kind, in the order help texts show them.
func Fields(k Kind) []Field {
	switch k {
	case Customers:
		return []Field{CustomerID, Name, Remark, Salutation, Phone, WeChat, Gender, Birthday, LunarBirth, Lunar, Tags,
			Country, Source, Description, Needs, DoNotContact, Referrer, Anniversary, Potential, Sizes, Colors, Brands,
			Categories, Preferences, RecentFocus, Preferred, AvoidHours, ManMoney, ManAuthority, ManNeed, ValueType, Created}
	case Purchases:
		return append(slices.Clone(customerFields), Invoice, Date, Time, Amount, Product, SKU, Category, Quantity, UnitPrice,
			ItemAmount, UsageDays, Channel, Return, Note)
	case Contacts:
		return append(slices.Clone(customerFields), Date, Time, Channel, Purpose, Outcome, Note, Next)
	}
	return nil
}

// multiFields may come from several columns (two phone columns, tags and a country).
var multiFields = map[Field]bool{Phone: true, Tags: true, Country: true}

// common are the synonyms every kind shares: how sheets name a customer.
var common = map[Field][]string{
	CustomerID: {"客户编号", "顾客编号", "客户号", "顾客号", "会员号", "会员编号", "会员卡号", "会员卡", "卡号", "客户id", "顾客id", "会员id",
		"customerid", "customerno", "customernumber", "customercode", "clientid", "clientno", "memberid", "memberno",
		"membernumber", "externalid", "custid"},
	Name: {"姓名", "客户名称", "客户姓名", "顾客姓名", "顾客名称", "客户名", "顾客名", "会员姓名", "会员名称", "会员名", "名字", "客户", "顾客",
		"name", "customername", "clientname", "fullname", "membername"},
	Phone: {"手机", "手机号", "手机号码", "电话", "电话号码", "联系电话", "联系方式", "移动电话", "手机1", "手机2", "电话1", "电话2", "座机",
		"phone", "mobile", "tel", "telephone", "phonenumber", "mobilephone", "mobilenumber", "cell", "cellphone", "phone1", "phone2"},
	Country: {"国家", "国家地区", "国家/地区", "country", "countryregion"},
}

// synonyms are the headers of each kind, written normalised (see normHeader).
var synonyms = map[Kind]map[Field][]string{
	Customers: {
		CustomerID:   {"编号", "id", "no"},
		Remark:       {"备注名", "昵称", "remark", "nickname", "alias"},
		Salutation:   {"称呼", "salutation", "title"},
		WeChat:       {"微信", "微信号", "微信id", "wechat", "wechatid", "weixin"},
		Gender:       {"性别", "gender", "sex"},
		Birthday:     {"生日", "出生日期", "出生年月日", "出生年月", "公历生日", "阳历生日", "birthday", "birthdate", "dateofbirth", "dob", "born"},
		LunarBirth:   {"农历生日", "阴历生日", "lunarbirthday"},
		Lunar:        {"农历", "是否农历", "阴历", "历法", "生日历法", "lunar", "islunar", "calendar"},
		Tags:         {"标签", "tags", "tag", "labels", "label"},
		Source:       {"来源", "客户来源", "顾客来源", "渠道来源", "source", "leadsource"},
		Description:  {"备注", "描述", "说明", "顾客描述", "客户描述", "description", "notes", "note", "remarks", "comment", "comments"},
		Needs:        {"需求", "直接需求", "needs", "need", "directneeds"},
		DoNotContact: {"勿扰", "免打扰", "不打扰", "拒绝联系", "donotcontact", "dnc", "optout"},
		Referrer:     {"介绍人", "介绍人编号", "推荐人", "推荐人编号", "referrer", "referrerid", "referredby"},
		Anniversary:  {"纪念日", "纪念日期", "结婚纪念日", "anniversaries", "anniversary", "weddinganniversary"},
		Potential:    {"潜在需求", "potentialneeds"},
		Sizes:        {"尺码", "尺寸", "码数", "sizes", "size"},
		Colors:       {"颜色", "喜欢的颜色", "colors", "colours", "color", "colour"},
		Brands:       {"品牌", "喜欢的品牌", "brands", "brand"},
		Categories:   {"喜欢的品类", "偏好品类", "preferredcategories", "categories"},
		Preferences:  {"其他喜好", "喜好", "爱好", "个人喜好", "otherpreferences", "preferences", "hobbies"},
		RecentFocus:  {"近期关注", "最近关注", "recentfocus"},
		Preferred:    {"首选联系方式", "偏好渠道", "首选渠道", "preferredchannel"},
		AvoidHours:   {"避开时段", "勿扰时段", "avoidhours"},
		ManMoney:     {"有预算", "manmoney"},
		ManAuthority: {"能做主", "manauthority"},
		ManNeed:      {"有需要", "manneed"},
		ValueType:    {"价值类型", "valuetype"},
		Created:      {"创建日期", "建档日期", "入会日期", "注册日期", "created", "createdon", "joined"},
		// Figures an export writes for reading: the store computes them.
		Ignore: {"消费次数", "累计消费", "最近消费", "最近联系", "顾客分类", "purchases", "totalspend", "lastpurchase",
			"lastcontact", "class"},
	},
	Purchases: {
		Invoice: {"订单号", "单号", "订单编号", "小票号", "小票编号", "流水号", "销售单号", "票号", "发票号", "单据号", "单据编号",
			"invoice", "invoiceno", "invoicenumber", "invoiceid", "orderid", "orderno", "ordernumber", "order", "receipt", "receiptno"},
		Date: {"日期", "消费日期", "购买日期", "销售日期", "下单日期", "下单时间", "交易日期", "交易时间", "购买时间", "消费时间", "开单日期",
			"date", "invoicedate", "orderdate", "purchasedate", "saledate", "salesdate", "datetime"},
		Time: {"时间", "时刻", "time", "clock"},
		Amount: {"金额", "消费金额", "实付金额", "实收金额", "成交金额", "销售金额", "总金额", "总价", "合计", "合计金额", "应收金额", "销售额",
			"amount", "total", "totalamount", "sum", "linetotal", "value"},
		Product: {"商品", "商品名称", "品名", "产品", "产品名称", "货品", "货品名称", "商品描述", "名称",
			"product", "productname", "item", "itemname", "description", "goods"},
		SKU:        {"货号", "商品编号", "商品编码", "款号", "条码", "编码", "sku", "stockcode", "itemcode", "productcode", "code", "barcode", "articleno"},
		Category:   {"品类", "类别", "分类", "商品类别", "商品分类", "category", "productcategory"},
		Quantity:   {"数量", "件数", "购买数量", "销售数量", "qty", "quantity", "count", "units"},
		UnitPrice:  {"单价", "售价", "零售价", "成交价", "unitprice", "price", "unitcost"},
		ItemAmount: {"行金额", "明细金额", "商品金额", "lineamount"},
		UsageDays:  {"使用天数", "可用天数", "使用周期", "usagedays"},
		Channel:    {"渠道", "销售渠道", "购买渠道", "线上线下", "channel", "saleschannel"},
		Return:     {"退货", "是否退货", "退款", "return", "isreturn", "refund"},
		Note:       {"备注", "说明", "note", "notes", "remarks", "comment"},
	},
	Contacts: {
		Date:    {"日期", "联系日期", "联系时间", "维护日期", "维护时间", "date", "datetime", "contactdate"},
		Time:    {"时间", "时刻", "time", "clock"},
		Channel: {"渠道", "联系渠道", "方式", "维护方式", "联系途径", "沟通方式", "channel", "method", "type", "medium"},
		Purpose: {"目的", "联系目的", "维护目的", "事由", "purpose"},
		Outcome: {"结果", "联系结果", "维护结果", "outcome", "result"},
		Note:    {"内容", "备注", "记录", "维护内容", "沟通内容", "联系内容", "详情", "说明", "note", "notes", "content", "summary", "comment"},
		Next:    {"下次跟进", "下次联系", "下次跟进日期", "下次联系日期", "跟进日期", "nextfollowup", "next", "nextdate", "followup", "followupdate"},
	},
}

// ignored are headers never imported: the extra columns of a --skip-bad file.
var ignored = []string{"reason", "原因", "row", "行号"}

// normHeader reduces a header to its comparable form: lower case, no
// spaces, underscores, dashes or dots, no bracketed unit ("金额（元）"),
// no required-marker star, full-width letters folded.
func normHeader(h string) string {
	h = strings.TrimPrefix(h, "\ufeff")
	for _, pair := range [][2]string{{"(", ")"}, {"（", "）"}, {"[", "]"}, {"【", "】"}} {
		if i := strings.Index(h, pair[0]); i > 0 {
			if j := strings.LastIndex(h, pair[1]); j > i {
				h = h[:i] + h[j+len(pair[1]):]
			}
		}
	}
	var b strings.Builder
	for _, r := range h {
		switch {
		case r >= 'Ａ' && r <= 'Ｚ':
			r = r - 'Ａ' + 'a'
		case r >= 'ａ' && r <= 'ｚ':
			r = r - 'ａ' + 'a'
		case r >= '０' && r <= '９':
			r = r - '０' + '0'
		}
		if unicode.IsSpace(r) || unicode.IsControl(r) || strings.ContainsRune("_-.*:：#＃", r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// lookupField finds the field a header means in a kind, or "".
func lookupField(k Kind, header string) Field {
	h := normHeader(header)
	if h == "" {
		return ""
	}
	if slices.Contains(ignored, h) {
		return Ignore
	}
	if f := find(synonyms[k], h); f != "" {
		return f
	}
	if f := find(common, h); f != "" && slices.Contains(Fields(k), f) {
		return f
	}
	// The field's own name works as a header too ("unit_price").
	for _, f := range Fields(k) {
		if normHeader(string(f)) == h {
			return f
		}
	}
	return ""
}

func find(table map[Field][]string, h string) Field {
	for f, names := range table {
		for _, n := range names {
			if normHeader(n) == h {
				return f
			}
		}
	}
	return ""
}

// ParseField reads the right side of --map: a field name of the kind
// ("phone"), "-" to ignore the column, or any header the synonym table
// knows ("手机", "消费金额").
func ParseField(k Kind, s string) (Field, bool) {
	t := strings.TrimSpace(s)
	if t == "-" || strings.EqualFold(t, "ignore") || t == "忽略" {
		return Ignore, true
	}
	for _, f := range Fields(k) {
		if strings.EqualFold(t, string(f)) {
			return f, true
		}
	}
	if f := lookupField(k, t); f != "" {
		return f, true
	}
	return "", false
}
