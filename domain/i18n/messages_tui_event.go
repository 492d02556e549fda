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
}
