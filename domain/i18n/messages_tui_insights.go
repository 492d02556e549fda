package i18n

// tuiInsightsMessages are the words of the Insights screen around the
// reports themselves (whose words are in insightsMessages): its keys, its
// header and its status lines.
var tuiInsightsMessages = map[string]msg{
	// Keys.
	"tui.ins.key.next":       {"下一个报表", "next report"},
	"tui.ins.key.prev":       {"上一个报表", "previous report"},
	"tui.ins.key.section":    {"跳到第几个报表", "go to report 1–7"},
	"tui.ins.key.page_down":  {"向下翻页", "page down"},
	"tui.ins.key.page_up":    {"向上翻页", "page up"},
	"tui.ins.key.top":        {"回到开头", "to the top"},
	"tui.ins.key.bottom":     {"跳到末尾", "to the end"},
	"tui.ins.key.prev_day":   {"截至日提前一天", "as of the day before"},
	"tui.ins.key.next_day":   {"截至日推后一天", "as of the day after"},
	"tui.ins.key.prev_month": {"截至日提前一个月", "as of a month earlier"},
	"tui.ins.key.next_month": {"截至日推后一个月", "as of a month later"},
	"tui.ins.key.today":      {"截至今天", "as of today"},
	"tui.ins.key.export":     {"导出 CSV", "export CSV"},
	"tui.ins.key.refresh":    {"重新计算", "recompute"},
	"tui.ins.help":           {"洞察", "Insights"},
	"tui.ins.help.more":      {"还有 %d 行：j/k 或 ↑/↓ 滚动", "%d more lines: j/k or ↑/↓ to scroll"},

	// The screen.
	"tui.ins.lines":     {"第 %d–%d 行，共 %d 行", "lines %d–%d of %d"},
	"tui.ins.top":       {"最有价值的 %d 位顾客（按分类、消费金额、近度排序）", "The %d most valuable customers (by class, spend, then recency)"},
	"tui.ins.exporting": {"正在导出……", "Exporting…"},
	"tui.ins.exported":  {"已导出 %d 行到 %s", "Exported %d rows to %s"},
	"tui.ins.not_ready": {"报表还没算好，出来后再导出。", "The report is not ready yet; export it once it shows."},
	"tui.ins.failed":    {"这份报表没能算出来，按 r 重试。", "This report could not be computed; press r to try again."},
}
