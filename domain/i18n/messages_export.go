package i18n

// exportMessages are the words of exports, customer copies and deletion,
// backup and restore.
var exportMessages = map[string]msg{
	"cli.usage.export":          {"crmtui export customers|purchases|contacts|records|vcard [--format csv|xlsx] [--from 日期] [--to 日期] [--out 路径]", "crmtui export customers|purchases|contacts|records|vcard [--format csv|xlsx] [--from DATE] [--to DATE] [--out PATH]"},
	"cli.help.export":           {"导出顾客、消费、维护记录、顾客维护记录表或通讯录（vCard）", "export customers, purchases, contacts, the maintenance record table or a vCard address book"},
	"cli.usage.customer_export": {"crmtui customer export 编号 [--out 路径]（JSON）", "crmtui customer export ID [--out PATH]"},
	"cli.help.customer_export":  {"导出一位顾客的全部资料（JSON），顾客有权要一份", "one customer's complete data as JSON (their right to a copy)"},
	"cli.usage.customer_delete": {"crmtui customer delete 编号 [--yes]", "crmtui customer delete ID [--yes]"},
	"cli.help.customer_delete":  {"删除一位顾客及其全部记录", "erase a customer and everything about them"},
	"cli.usage.backup":          {"crmtui backup [--to 路径]", "crmtui backup [--to PATH]"},
	"cli.help.backup":           {"备份数据库（应用开着也可以）", "back up the database (also while the app is open)"},
	"cli.usage.restore":         {"crmtui restore 路径", "crmtui restore PATH"},
	"cli.help.restore":          {"从备份恢复：先检查完整性，被替换的文件会保留", "restore from a backup: checked first, the replaced file is kept"},
}
