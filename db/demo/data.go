package demo

// Name and product data for the demo store. The surnames include the
// polyphonic ones whose reading as a surname differs (曾 zeng, 单 shan,
// 解 xie, 区 ou, 仇 qiu, 朴 piao, 查 zha) and a compound one (欧阳), so that
// search by pinyin meets them.

type surname struct {
	han, pinyin string
	weight      int
}

var surnames = []surname{
	{"王", "wang", 70}, {"李", "li", 70}, {"张", "zhang", 65}, {"刘", "liu", 55}, {"陈", "chen", 50},
	{"杨", "yang", 35}, {"黄", "huang", 30}, {"赵", "zhao", 28}, {"吴", "wu", 26}, {"周", "zhou", 26},
	{"徐", "xu", 20}, {"孙", "sun", 18}, {"马", "ma", 18}, {"朱", "zhu", 16}, {"胡", "hu", 16},
	{"郭", "guo", 14}, {"何", "he", 14}, {"高", "gao", 13}, {"林", "lin", 13}, {"罗", "luo", 12},
	{"郑", "zheng", 12}, {"梁", "liang", 11}, {"谢", "xie", 10}, {"宋", "song", 9}, {"唐", "tang", 9},
	{"许", "xu", 8}, {"韩", "han", 8}, {"冯", "feng", 8}, {"邓", "deng", 8}, {"曹", "cao", 7},
	{"彭", "peng", 7}, {"曾", "zeng", 6}, {"萧", "xiao", 5}, {"田", "tian", 5}, {"董", "dong", 5},
	{"潘", "pan", 5}, {"袁", "yuan", 5}, {"蔡", "cai", 5}, {"蒋", "jiang", 5}, {"余", "yu", 5},
	{"于", "yu", 5}, {"杜", "du", 4}, {"叶", "ye", 4}, {"程", "cheng", 4}, {"魏", "wei", 4},
	{"苏", "su", 4}, {"吕", "lv", 4}, {"丁", "ding", 4}, {"任", "ren", 4}, {"沈", "shen", 4},
	{"单", "shan", 2}, {"解", "xie", 2}, {"区", "ou", 1}, {"仇", "qiu", 1}, {"朴", "piao", 1},
	{"查", "zha", 1}, {"欧阳", "ouyang", 2}, {"上官", "shangguan", 1},
}

// givenFemale and givenMale are common given-name characters by gender.
var givenFemale = []string{"芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "秀英", "婷", "雪", "慧", "颖", "琳", "晶",
	"燕", "玲", "倩", "佳怡", "梓涵", "欣怡", "雨桐", "思琪", "美玲", "晓红", "春梅", "淑珍", "桂英", "小燕", "海燕", "乐", "长乐"}

var givenMale = []string{"伟", "强", "磊", "军", "洋", "勇", "杰", "涛", "明", "超", "刚", "平", "辉", "鹏", "华",
	"建国", "志强", "俊杰", "浩然", "子轩", "宇航", "家豪", "文博", "海涛", "建华", "国庆", "重阳", "行", "朝阳"}

// handles are latin parts of WeChat ids.
var handles = []string{"mm", "jj", "xiao", "lucky", "sunny", "momo", "coco", "happy", "tiger", "rain", "leaf", "panda",
	"yoyo", "kiki", "star", "moon", "cat", "lily", "rose", "king"}

var tagPool = []string{"VIP", "羊绒", "瑜伽", "宝妈", "上班族", "老客户", "新品控", "折扣敏感", "送礼", "会员", "护肤", "茶友", "团购"}

var sizes = []string{"S", "M", "L", "XL", "36", "37", "38", "39", "160/84A", "165/88A", "170/92A"}
var colors = []string{"黑", "白", "米色", "驼色", "酒红", "藏青", "灰", "粉", "墨绿"}
var brands = []string{"鄂尔多斯", "雅诗兰黛", "兰蔻", "江南布衣", "太平鸟", "之禾", "小米", "无印良品", "五常"}

var directNeeds = []string{"冬季外套", "送父母的礼物", "孩子开学的衣服", "敏感肌护肤", "家里换床品", "上班通勤包", "年货采购", "婚礼穿搭"}
var potentialNeeds = []string{"春节送礼", "换季护肤", "给先生买衣服", "办公室下午茶", "装修新房", "孩子过敏体质", "准备旅行"}
var recentFocus = []string{"在看新款羊绒", "问过会员折扣", "关注直播活动", "想试试新到的精华", "在比较几款大米", "最近在健身"}
var remarks = []string{"瑜伽", "老顾客", "隔壁小区", "张总介绍", "宝妈群", "公司团购", "爱喝茶", "大客户"}

type product struct {
	name, category string
	price          int64 // fen
	usageDays      int   // 0 when it is not used up
}

var catalog = []product{
	{"羊绒大衣", "服装", 299900, 0}, {"羊毛针织衫", "服装", 69900, 0}, {"真丝连衣裙", "服装", 109900, 0},
	{"羊绒围巾", "服装", 39900, 0}, {"棉质衬衫", "服装", 45900, 0}, {"牛仔裤", "服装", 52900, 0},
	{"保湿面霜", "护肤", 38000, 60}, {"修护精华液", "护肤", 56000, 45}, {"氨基酸洗面奶", "护肤", 12800, 60},
	{"补水面膜", "护肤", 19900, 30}, {"防晒霜", "护肤", 22800, 50},
	{"五常大米10kg", "食品", 12800, 30}, {"有机绿茶", "食品", 26800, 60}, {"坚果礼盒", "食品", 19800, 0},
	{"蚕丝被", "家居", 159900, 0}, {"香薰蜡烛", "家居", 16800, 40}, {"纯棉四件套", "家居", 69900, 0},
	{"真皮手提包", "鞋包", 189900, 0}, {"运动鞋", "鞋包", 69900, 0},
}

var storeNames = []string{"静安嘉里中心店"}
var salesNames = []string{"王芳", "李娜", "陈静", "赵磊"}
