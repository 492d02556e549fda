package i18n

// importMessages are the words of importing customers, purchases and
// contacts (crmtui import).
var importMessages = map[string]msg{
	"cli.usage.import": {"crmtui import customers|purchases|contacts 文件 [--dry-run] [--encoding utf8|gbk|gb18030] [--map 列=字段]... [--skip-bad 文件]", "crmtui import customers|purchases|contacts FILE [--dry-run] [--encoding utf8|gbk|gb18030] [--map COLUMN=FIELD]... [--skip-bad FILE]"},
	"cli.help.import":  {"从 CSV 或 Excel 导入（UTF-8、GBK、中英文表头）；--dry-run 只检查", "import from CSV or Excel (UTF-8, GBK, Chinese or English headers); --dry-run only checks"},
}
