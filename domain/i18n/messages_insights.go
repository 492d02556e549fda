package i18n

// insightsMessages are the words of the Insights screen and `crmtui
// report`: titles, figure lines, column headers and the definitions the
// help shows next to the figures.
var insightsMessages = map[string]msg{
	"cli.usage.report": {"crmtui report rfm|abc|distribution|retention|funnel|complaints|work [--as-of 日期] [--json] [--csv] [--out 路径] [--as 导购]",
		"crmtui report rfm|abc|distribution|retention|funnel|complaints|work [--as-of DATE] [--json] [--csv] [--out PATH] [--as NAME]"},
	"cli.help.report": {"打印洞察报表（默认截至今天）；--json 输出 JSON，--csv 输出表格", "print an insights report (as of today by default); --json for JSON, --csv for a table"},
	"cli.err.report":  {"不认识的报表 %q：可选 rfm、abc、distribution、retention、funnel、complaints、work", "unknown report %q: choose rfm, abc, distribution, retention, funnel, complaints or work"},

	// Section names, in the Insights screen's order.
	"insights.rfm":          {"RFM 活跃度", "RFM"},
	"insights.abc":          {"ABC 分析", "ABC"},
	"insights.distribution": {"动静分布", "Distribution"},
	"insights.retention":    {"顾客保有量", "Retention"},
	"insights.funnel":       {"活动漏斗", "Funnels"},
	"insights.complaints":   {"投诉分析", "Complaints"},
	"insights.work":         {"我的工作", "My work"},

	"insights.as_of":      {"截至 %s", "as of %s"},
	"insights.window":     {"统计期 %s – %s（%d 天）", "period %s – %s (%d days)"},
	"insights.computing":  {"正在计算……", "Computing…"},
	"insights.none":       {"还没有数据。", "No data yet."},
	"insights.customers":  {"%s 位顾客", "%s customers"},
	"insights.store":      {"全店", "store"},
	"insights.unassigned": {"未分配", "unassigned"},

	// RFM.
	"insights.rfm.cuts":      {"五分位分界：R %s 天 · F %s 次 · M %s", "quintile cut points: R %s days · F %s purchases · M %s"},
	"insights.rfm.grid":      {"R×F 格子：每格顾客数和统计期内消费（有消费的顾客）", "R×F grid: customers and their spend in the period per cell (customers who bought)"},
	"insights.rfm.rows":      {"R 近度", "R recency"},
	"insights.rfm.cols":      {"F 频度", "F frequency"},
	"insights.rfm.classes":   {"顾客分类", "Classes"},
	"insights.rfm.stages":    {"生命周期", "Stages"},
	"insights.rfm.top":       {"最有价值的顾客", "Most valuable customers"},
	"insights.col.customer":  {"顾客编号", "Customer ID"},
	"insights.col.external":  {"外部编号", "External ID"},
	"insights.col.name":      {"姓名", "Name"},
	"insights.col.owner":     {"导购", "Salesperson"},
	"insights.col.recency":   {"距上次消费天数", "Recency days"},
	"insights.col.frequency": {"消费次数", "Frequency"},
	"insights.col.monetary":  {"消费金额", "Monetary"},
	"insights.col.r":         {"R 分", "R"},
	"insights.col.f":         {"F 分", "F"},
	"insights.col.m":         {"M 分", "M"},
	"insights.col.class":     {"分类", "Class"},
	"insights.col.stage":     {"阶段", "Stage"},
	"insights.col.abc":       {"ABC 类", "ABC"},

	// ABC.
	"insights.abc.line":    {"%s 类：%s 位顾客（%s），销售额 %s（%s）", "%s: %s customers (%s), revenue %s (%s)"},
	"insights.abc.revenue": {"统计期净销售额 %s", "net revenue in the period %s"},
	"insights.col.count":   {"人数", "Customers"},
	"insights.col.share":   {"占比", "Share"},
	"insights.col.revenue": {"销售额", "Revenue"},
	"insights.col.rev_pct": {"销售额占比", "Revenue share"},

	// Distribution.
	"insights.dist.classes": {"分类分布：%s 对比全店（占各自顾客的比例）", "classes: %s vs the store (share of each one's customers)"},
	"insights.dist.stages":  {"阶段分布：%s 对比全店", "stages: %s vs the store"},
	"insights.dist.sales":   {"日常与促销销售额", "daily vs promotion sales"},
	"insights.dist.daily":   {"日常", "daily"},
	"insights.dist.promo":   {"促销", "promotion"},
	"insights.dist.by_sp":   {"各导购", "per salesperson"},
	"insights.col.scope":    {"范围", "Scope"},
	"insights.col.kind":     {"维度", "Dimension"},
	"insights.col.value":    {"取值", "Value"},
	"insights.col.sales":    {"笔数", "Sales"},
	"insights.col.amount":   {"金额", "Amount"},

	// Retention.
	"insights.ret.now":    {"保有量 %s 位（近 12 个月有消费），占顾客 %s", "%s customers retained (bought in the last 12 months), %s of all"},
	"insights.ret.trend":  {"近 12 个月趋势（各月末）", "trend over 12 months (month ends)"},
	"insights.ret.by_sp":  {"各导购保有量", "retention per salesperson"},
	"insights.col.end":    {"月末", "Month end"},
	"insights.col.kept":   {"保有量", "Retained"},
	"insights.ret.change": {"较 12 个月前 %s", "%s against 12 months before"},

	// Funnels.
	"insights.funnel.none":  {"近一年没有活动。", "No events in the last year."},
	"insights.funnel.rates": {"邀约率 %s · 确认率 %s · 到场率 %s · 购买人数占目标 %s · 销售额 %s", "invited %s · confirmed %s · attended %s · buyers of the target %s · sales %s"},
	"insights.col.event":    {"活动", "Event"},
	"insights.col.starts":   {"开始", "Starts"},

	// Complaints.
	"insights.cmp.total":    {"投诉 %s 起（未结 %s）", "%s complaints (%s open)"},
	"insights.cmp.channel":  {"按渠道", "by channel"},
	"insights.cmp.kind":     {"按类型", "by kind"},
	"insights.cmp.resolve":  {"处理时长：中位 %s，平均 %s", "time to resolve: median %s, mean %s"},
	"insights.cmp.limit":    {"时限内处理 %s（%s / %s）", "resolved within the time limit %s (%s of %s)"},
	"insights.cmp.satisfy":  {"满意度 平均 %s（%s 条评分）", "satisfaction mean %s (%s scores)"},
	"insights.cmp.cameback": {"投诉后回店购买 %s（%s / %s 位顾客）", "came back to buy %s (%s of %s customers)"},
	"insights.cmp.none":     {"统计期内没有投诉。", "No complaints in the period."},
	"insights.cmp.unknown":  {"未记录", "not recorded"},
	"insights.hours":        {"%.1f 小时", "%.1f h"},
	"insights.col.metric":   {"指标", "Metric"},
	"insights.col.key":      {"项目", "Item"},

	// Own work.
	"insights.work.contacts":   {"每日维护（近 30 天，共 %s 次）", "contacts per day (last 30 days, %s in all)"},
	"insights.work.completion": {"今日三问完成率（近 30 天，· 表示当天没打开）", "agenda completion (last 30 days, · no agenda that day)"},
	"insights.work.sales":      {"每周销售额（近 26 周，共 %s）", "weekly sales (last 26 weeks, %s in all)"},
	"insights.work.coverage":   {"重要顾客覆盖：近 30 天联系过 %s / %s（%s）", "important customers contacted in 30 days: %s of %s (%s)"},
	"insights.work.streak":     {"连续维护 %s 天", "streak: %s days with contacts"},
	"insights.work.target":     {"本月销售 %s / 目标 %s（%s）", "sales this month %s of target %s (%s)"},
	"insights.work.no_target":  {"本月销售 %s（未设目标）", "sales this month %s (no target set)"},
	"insights.col.day":         {"日期", "Day"},
	"insights.col.contacts":    {"维护次数", "Contacts"},
	"insights.col.items":       {"待办数", "Agenda items"},
	"insights.col.done":        {"已完成", "Done"},

	// Definitions, shown in the help and under `report` text.
	"insights.def.title": {"定义", "Definitions"},
	"insights.def.rfm": {"R = 距上次消费的天数；F = 统计期（截至日往前 365 天，含当天）内的消费次数，退货不计；M = 统计期内消费金额，扣除退货。各自按全店有消费顾客的五分位打 1–5 分；与分界值相同的，R 取较高分，F、M 取较低分，所以同值的顾客分数相同。",
		"R = days since the last purchase; F = purchases in the period (the 365 days ending on the as-of day), returns not counted; M = spend in the period net of returns. Each is scored 1–5 by quintile among the store's customers who bought; a value equal to a cut point gets the higher score for R and the lower for F and M, so equal values share a score."},
	"insights.def.classes": {"分类：重要顾客 = M 5 分；忠实顾客 = F ≥ 4 且 R ≥ 4 且至少两次消费；回购顾客 = 两次及以上消费；新顾客 = 一次消费；潜在顾客 = 没有消费。按此顺序取第一个符合的。",
		"Classes: important = M score 5; loyal = F ≥ 4, R ≥ 4 and at least two purchases; repeat = two or more purchases; new = one purchase; prospect = no purchase. The first that fits, in this order."},
	"insights.def.stages": {"阶段：潜在 = 没有消费；新客 = 只消费过一次且在 90 天内；活跃 = 未到沉睡线；沉睡 = 距上次消费超过自己平均间隔的 1.5 倍（至少 30 天；只买过一次的 120 天）；流失 = 超过 365 天没有消费。",
		"Stages: prospect = no purchase; new = one purchase, within 90 days; active = not yet dormant; dormant = longer since the last purchase than 1.5 × their own mean interval (at least 30 days; 120 for one-time buyers); lost = no purchase for more than 365 days."},
	"insights.def.abc": {"ABC：按统计期消费从高到低排，占前八成销售额的顾客为 A，其后一成半为 B，其余（含没有消费的）为 C；同额的顾客同类。",
		"ABC: customers ranked by spend in the period; those making up the first 80 percent of revenue are A, the next 15 percent B, the rest (and those who spent nothing) C; equal spend, equal class."},
	"insights.def.distribution": {"动静分布按顾客的导购统计；促销销售 = 关联活动的消费，或在促销、节日特卖活动期间的消费，其余为日常。销售归属于开单导购，未记录的归顾客的导购。",
		"Distribution counts customers by their salesperson. A promotion sale names an event or is made during a promotion or holiday sale; the rest are daily sales. A sale counts for the salesperson who made it, else the customer's salesperson."},
	"insights.def.retention": {"保有量 = 截至某天往前 365 天内有消费的顾客数（按现在的导购归属）。",
		"Retention = customers with a purchase in the 365 days ending on a day (counted for their current salesperson)."},
	"insights.def.funnel": {"漏斗：目标 = 计划邀约的顾客；已邀约 = 至少联系过一次；已确认 = 答应来；已到场；已购买 = 有关联此活动的消费的顾客。",
		"Funnel: targeted = customers planned for; invited = contacted at least once; confirmed = said yes; attended; bought = customers with a sale naming the event."},
	"insights.def.complaints": {"投诉按开单日期计入统计期；时限内 = 在处理时限前结案，超时未结的算未达标；回店 = 投诉后另一天有消费。",
		"Complaints count by the day they were opened; within the limit = closed by the time limit, open ones past it count as missed; came back = bought on a later day than the complaint."},
	"insights.def.work": {"我的工作：维护次数按登记人统计（未记录的按顾客的导购）；完成率 = 当天三问中已完成的比例，在打开今日三问时记录；连续天数到今天为止（今天还没记录时到昨天）。",
		"My work: contacts count for who logged them (else the customer's salesperson); completion = share of the day's agenda done, recorded whenever Today is built; the streak runs to today (to yesterday while nothing is logged today)."},
}
