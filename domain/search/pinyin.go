package search

import (
	"strings"

	"github.com/mozillazg/go-pinyin"
)

// surnameReadings are the readings of single-character surnames that have
// more than one reading in the dictionary: as a surname 曾 is zeng and never
// ceng, 单 is shan, 解 is xie. Where a surname has two accepted readings
// (盖 ge/gai, 翟 zhai/di) both are listed. A surname not listed here keeps all
// its dictionary readings. Two readings are not in the dictionary: 黑 he
// and 谌 shen, the surname readings beside the common ones.
var surnameReadings = map[rune]string{
	'王': "wang", '吴': "wu", '朱': "zhu", '许': "xu", '冯': "feng", '邓': "deng", '彭': "peng",
	'曾': "zeng", '董': "dong", '潘': "pan", '蔡': "cai", '余': "yu", '于': "yu", '杜': "du",
	'叶': "ye", '丁': "ding", '任': "ren", '沈': "shen", '姚': "yao", '陆': "lu", '汪': "wang",
	'石': "shi", '贾': "jia", '夏': "xia", '方': "fang", '白': "bai", '尹': "yin", '陶': "tao",
	'郝': "hao", '万': "wan", '覃': "qin,tan", '莫': "mo", '汤': "tang", '温': "wen", '施': "shi",
	'邢': "xing", '齐': "qi", '倪': "ni", '庄': "zhuang", '翟': "zhai,di", '殷': "yin", '詹': "zhan",
	'焦': "jiao", '俞': "yu", '甘': "gan", '祝': "zhu", '包': "bao", '宁': "ning", '尚': "shang",
	'舒': "shu", '阮': "ruan", '童': "tong", '单': "shan", '裴': "pei", '霍': "huo", '涂': "tu",
	'谷': "gu", '盛': "sheng", '冉': "ran", '蓝': "lan", '路': "lu", '游': "you", '柴': "chai",
	'祁': "qi", '蒲': "pu", '房': "fang", '屈': "qu", '解': "xie", '牟': "mou,mu", '艾': "ai",
	'司': "si", '古': "gu", '缪': "miao", '车': "che", '芦': "lu", '褚': "chu", '戚': "qi",
	'景': "jing", '卜': "bu", '冷': "leng", '柏': "bai,bo", '瞿': "qu", '臧': "zang", '卞': "bian",
	'姬': "ji", '和': "he", '仇': "qiu", '隋': "sui", '沙': "sha", '甄': "zhen", '明': "ming",
	'池': "chi", '查': "zha", '苑': "yuan", '封': "feng", '匡': "kuang", '鞠': "ju", '乐': "yue,le",
	'南': "nan", '栗': "li", '冼': "xian", '位': "wei", '区': "ou", '阚': "kan", '强': "qiang",
	'朴': "piao", '盖': "ge,gai", '祖': "zu", '漆': "qi", '支': "zhi", '狄': "di", '平': "ping",
	'容': "rong", '晁': "chao", '芮': "rui", '都': "du", '鹿': "lu", '薄': "bo", '母': "mu",
	'赫': "he", '杭': "hang", '那': "na", '宿': "su", '印': "yin", '逯': "lu", '亢': "kang",
	'嵇': "ji", '哈': "ha", '湛': "zhan", '戎': "rong", '於': "yu", '呼': "hu", '居': "ju",
	'揭': "jie", '干': "gan", '但': "dan", '尉': "wei", '斯': "si", '檀': "tan", '信': "xin",
	'幸': "xing", '由': "you", '种': "chong", '折': "she", '秘': "bi", '员': "yun", '句': "gou",
	'召': "shao", '能': "nai", '藏': "zang", '便': "pian", '朝': "chao", '贲': "ben", '乜': "nie",
	'蕃': "pi", '颉': "xie", '传': "chuan", '繁': "po", '眭': "sui", '郇': "huan", '铅': "yan",
	'长': "chang", '重': "chong", '行': "xing,hang", '隗': "wei,kui", '莘': "shen,xin", '黑': "hei,he",
	'相': "xiang", '过': "guo", '华': "hua", '纪': "ji", '阿': "a", '曲': "qu", '燕': "yan",
	'谌': "chen,shen", '厍': "she", '恽': "yun", '占': "zhan", '粘': "nian", '教': "jiao",
}

// compoundReadings are the readings, character by character, of the
// two-character surnames domain.Surname knows. A compound surname missing
// here keeps all the readings of its characters.
var compoundReadings = map[string][2]string{
	"欧阳": {"ou", "yang"}, "司马": {"si", "ma"}, "诸葛": {"zhu", "ge"}, "上官": {"shang", "guan"},
	"东方": {"dong", "fang"}, "皇甫": {"huang", "fu"}, "尉迟": {"yu", "chi"}, "公孙": {"gong", "sun"},
	"慕容": {"mu", "rong"}, "令狐": {"ling", "hu"}, "长孙": {"zhang", "sun"}, "宇文": {"yu", "wen"},
	"司徒": {"si", "tu"}, "夏侯": {"xia", "hou"}, "端木": {"duan", "mu"}, "南宫": {"nan", "gong"},
	"西门": {"xi", "men"}, "独孤": {"du", "gu"}, "轩辕": {"xuan", "yuan"}, "百里": {"bai", "li"},
	"呼延": {"hu", "yan"}, "澹台": {"tan", "tai"}, "万俟": {"mo", "qi"}, "闻人": {"wen", "ren"},
	"申屠": {"shen", "tu"}, "单于": {"chan", "yu"}, "第五": {"di", "wu"},
}

// toneless maps the accented letters of the dictionary to plain ones; ü is
// written v, the way pinyin input methods type it.
var toneless = map[rune]byte{
	'ā': 'a', 'á': 'a', 'ǎ': 'a', 'à': 'a',
	'ē': 'e', 'é': 'e', 'ě': 'e', 'è': 'e', 'ê': 'e', 'ế': 'e', 'ề': 'e', 'ễ': 'e', 'ể': 'e', 'ệ': 'e',
	'ī': 'i', 'í': 'i', 'ǐ': 'i', 'ì': 'i',
	'ō': 'o', 'ó': 'o', 'ǒ': 'o', 'ò': 'o',
	'ū': 'u', 'ú': 'u', 'ǔ': 'u', 'ù': 'u',
	'ü': 'v', 'ǖ': 'v', 'ǘ': 'v', 'ǚ': 'v', 'ǜ': 'v',
	'ń': 'n', 'ň': 'n', 'ǹ': 'n', 'ḿ': 'm',
}

// dictReadings returns the toneless readings of r from the go-pinyin
// dictionary, deduplicated, with a u spelling added for every v (lv, lu).
// It is called once per distinct character and index, so the dictionary's
// own regexp-based conversion is avoided on purpose.
func dictReadings(r rune) []string {
	v, ok := pinyin.PinyinDict[int(r)]
	if !ok {
		return nil
	}
	return splitReadings(v)
}

// splitReadings turns "zhǎng,cháng" into [zhang chang].
func splitReadings(list string) []string {
	var out []string
	add := func(s string) {
		if s == "" {
			return
		}
		for _, o := range out {
			if o == s {
				return
			}
		}
		out = append(out, s)
	}
	for _, raw := range strings.Split(list, ",") {
		var b strings.Builder
		for _, c := range raw {
			switch {
			case c >= 'a' && c <= 'z':
				b.WriteRune(c)
			case c >= 'A' && c <= 'Z':
				b.WriteRune(c + 'a' - 'A')
			default:
				if p, ok := toneless[c]; ok {
					b.WriteByte(p)
				}
				// combining tone marks and anything else are dropped
			}
		}
		s := b.String()
		add(s)
		if strings.Contains(s, "v") {
			add(strings.ReplaceAll(s, "v", "u"))
		}
	}
	return out
}

// class is a character together with the readings it has where it stands:
// 曾 as a surname (zeng) and 曾 elsewhere (ceng, zeng) are two classes.
type class struct {
	lit   rune     // the character itself, folded; it always matches itself
	syl   []uint16 // ids of its readings in table.syls
	first uint32   // bit i set when a reading starts with 'a'+i, or lit is that letter
	chars charSet  // every character the class can consume: itself and its readings' letters
}

// classKey names a class while building; readings is "" for the character's
// dictionary readings.
type classKey struct {
	r        rune
	readings string
}

// table interns readings and classes for one Index. Class 0 is the break
// between a name and its remark: it matches nothing.
type table struct {
	syls    []string
	sylID   map[string]uint16
	classes []class
	general map[rune]uint32
	special map[classKey]uint32
	byRune  map[rune][]uint32 // every class of a character
}

func newTable() *table {
	return &table{
		sylID:   map[string]uint16{},
		classes: []class{{}},
		general: map[rune]uint32{},
		special: map[classKey]uint32{},
		byRune:  map[rune][]uint32{},
	}
}

// generalClass returns the class of r with all its dictionary readings.
func (t *table) generalClass(r rune) uint32 {
	if c, ok := t.general[r]; ok {
		return c
	}
	c := t.newClass(r, dictReadings(r))
	t.general[r] = c
	return c
}

// readingClass returns the class of r read only as readings (a comma list).
func (t *table) readingClass(r rune, readings string) uint32 {
	k := classKey{r, readings}
	if c, ok := t.special[k]; ok {
		return c
	}
	c := t.newClass(r, splitReadings(readings))
	t.special[k] = c
	return c
}

func (t *table) newClass(r rune, readings []string) uint32 {
	c := class{lit: r}
	c.chars.add(r)
	if r >= 'a' && r <= 'z' {
		c.first |= 1 << (r - 'a')
	}
	for _, s := range readings {
		id, ok := t.sylID[s]
		if !ok {
			id = uint16(len(t.syls))
			t.syls = append(t.syls, s)
			t.sylID[s] = id
		}
		c.syl = append(c.syl, id)
		c.first |= 1 << (s[0] - 'a')
		for i := 0; i < len(s); i++ {
			c.chars.add(rune(s[i]))
		}
	}
	t.classes = append(t.classes, c)
	id := uint32(len(t.classes) - 1)
	t.byRune[r] = append(t.byRune[r], id)
	return id
}
