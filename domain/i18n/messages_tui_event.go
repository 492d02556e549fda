package i18n

// tuiEventMessages are the words of the Events screen, of invitations and
// of bulk messages.
var tuiEventMessages = map[string]msg{
	"tui.help.invite":  {"邀约（在邀约待办上）", "Invitations (on an invite item)"},
	"tui.key.confirm":  {"顾客答应来", "they said yes"},
	"tui.key.decline":  {"顾客婉拒", "they said no"},
	"tui.key.copy_all": {"复制全部话术", "copy every message"},

	"tui.inv.confirmed":  {"%s 答应参加%s。", "%s said yes to %s."},
	"tui.inv.declined":   {"%s 婉拒了%s，不会再催。", "%s said no to %s; no chasing."},
	"tui.inv.not_invite": {"这条不是邀约。", "This item is not an invitation."},

	"tui.bulk.title":     {"群发：%s（%d 条）", "Bulk message: %s (%d)"},
	"tui.bulk.copied":    {"已复制 %d 条话术，每位顾客一条（称呼 + 内容）。发完后按 y 为每位顾客记一次维护；esc 不记录。", "Copied %d messages, one per customer (salutation + text). Once sent, press y to log a contact for each; esc logs nothing."},
	"tui.bulk.left_out":  {"未列入：%d 位不打扰，%d 位已达营销上限。", "Left out: %d do-not-contact, %d at the marketing cap."},
	"tui.bulk.logged":    {"已为 %d 位顾客记下维护。", "Logged a contact for %d customers."},
	"tui.bulk.rendering": {"正在生成话术……", "Writing the messages..."},

	"tui.ev.none":             {"还没有活动。按 a 新建一个：名称、时间、目标分组，保存时会为目标顾客排好邀约。", "No events yet. Press a to create one: name, time, target group; saving plans the invitations of its customers."},
	"tui.ev.columns":          {" 活动                       时间             目标 → 邀约 → 确认 → 到场 → 购买", " Event                      When             targeted → invited → confirmed → attended → bought"},
	"tui.ev.target":           {"目标：%s", "target: %s"},
	"tui.ev.status_set":       {"%s：%s", "%s: %s"},
	"tui.ev.planned":          {"新排了 %d 条邀约。", "Planned %d new invitations."},
	"tui.ev.no_target":        {"这个活动没有目标分组（按 e 设置）。", "This event has no target group (press e to set one)."},
	"tui.ev.key_invited":      {"已邀约", "invited"},
	"tui.ev.key_confirmed":    {"答应来", "said yes"},
	"tui.ev.key_declined":     {"婉拒", "said no"},
	"tui.ev.key_attended":     {"到场了", "came"},
	"tui.ev.key_no_show":      {"没来", "did not come"},
	"tui.ev.key_plan":         {"为目标顾客排邀约", "plan invitations for the target group"},
	"tui.ev.key_preview_save": {"预览人数，再按保存", "preview the count, again to save"},
	"tui.ev.new":              {"新建活动", "New event"},
	"tui.ev.edit":             {"编辑活动：%s", "Edit event: %s"},
	"tui.ev.script_hint":      {"邀约话术，可用 {称呼} {活动} {活动时间} {地点}", "invitation script; {salutation} {event} {event_time} {place} work"},
	"tui.ev.rule_hint":        {"例如 class:important or tag:VIP（写法见 README）", "e.g. class:important or tag:VIP (see the README)"},
	"tui.ev.preview":          {"目标顾客 %d 位（不含不打扰）。再按 enter 保存并排好邀约。", "%d target customers (do-not-contact left out). Press enter again to save and plan their invitations."},
	"tui.ev.bad_time":         {"时间写成 2026-12-01 19:00", "write the time as 2026-12-01 19:00"},
	"tui.ev.saved":            {"已保存活动“%s”，排了 %d 条邀约。", "Saved %s; planned %d invitations."},
}
