package search

import (
	"github.com/crmtui/crmtui/domain"

	"fmt"
	"math/rand/v2"
	"strings"
)

// The name lists follow db/demo/data.go (surnames with their weights, the
// polyphonic and compound ones included), widened with common given-name
// characters so that 100,000 generated customers have realistic variety.

type benchSurname struct {
	han, pinyin string
	weight      int
}

var benchSurnames = []benchSurname{
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
	{"姚", "yao", 3}, {"卢", "lu", 3}, {"姜", "jiang", 3}, {"崔", "cui", 3}, {"钟", "zhong", 3},
	{"谭", "tan", 3}, {"陆", "lu", 3}, {"汪", "wang", 3}, {"范", "fan", 3}, {"金", "jin", 3},
	{"石", "shi", 3}, {"廖", "liao", 3}, {"贾", "jia", 3}, {"夏", "xia", 3}, {"韦", "wei", 3},
	{"单", "shan", 2}, {"解", "xie", 2}, {"区", "ou", 1}, {"仇", "qiu", 1}, {"朴", "piao", 1},
	{"查", "zha", 1}, {"欧阳", "ouyang", 2}, {"上官", "shangguan", 1}, {"尉迟", "yuchi", 1},
	{"翟", "zhai", 1}, {"覃", "qin", 1}, {"盖", "ge", 1}, {"乐", "yue", 1}, {"缪", "miao", 1},
}

// givenChars are characters common in given names, polyphonic ones among them.
var givenChars = []rune("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红玲" +
	"建国志文博海燕晓春梅淑珍雪慧颖琳晶婷倩佳怡梓涵欣雨桐思琪美鹏辉俊浩然子轩宇航家豪" +
	"乐长重行朝阳和曾单都弘毅诗涵若曦梦瑶紫萱一鸣天佑嘉懿宸睿泽凯峰亮斌成林东南北" +
	"亦菲嫣然安琪悦蕾蓓婧妍雯露莹月兰凤云霜冰清秋菊荷莲")

var benchHandles = []string{"mm", "jj", "xiao", "lucky", "sunny", "momo", "coco", "happy", "tiger", "rain", "leaf", "panda",
	"yoyo", "kiki", "star", "moon", "cat", "lily", "rose", "king"}

var benchTags = []string{"VIP", "羊绒", "瑜伽", "宝妈", "上班族", "老客户", "新品控", "折扣敏感", "送礼", "会员", "护肤", "茶友", "团购"}

var benchRemarks = []string{"瑜伽", "老顾客", "隔壁小区", "张总介绍", "宝妈群", "公司团购", "爱喝茶", "大客户"}

// genEntries builds n customers the way `crmtui demo` does, from a fixed seed.
func genEntries(n int) []Entry {
	r := rand.New(rand.NewPCG(20240601, 7))
	total := 0
	for _, s := range benchSurnames {
		total += s.weight
	}
	out := make([]Entry, n)
	for i := range out {
		k := r.IntN(total)
		var sn benchSurname
		for _, s := range benchSurnames {
			if k < s.weight {
				sn = s
				break
			}
			k -= s.weight
		}
		given := string(givenChars[r.IntN(len(givenChars))])
		if r.Float64() < 0.7 {
			given += string(givenChars[r.IntN(len(givenChars))])
		}
		e := Entry{ID: int64(i + 1), Name: sn.han + given}
		if r.Float64() < 0.02 {
			e.Name = []string{"Lily ", "Tony ", "Grace ", "Kevin "}[r.IntN(4)] + sn.han
		}
		if r.Float64() < 0.15 {
			e.Remark = sn.han + []string{"姐", "先生", "总", "阿姨"}[r.IntN(4)] + "（" + benchRemarks[r.IntN(len(benchRemarks))] + "）"
		}
		if r.Float64() < 0.92 {
			e.Phones = []string{fmt.Sprintf("1%d%d%08d", 3+r.IntN(7), r.IntN(10), r.IntN(100000000))}
			if r.Float64() < 0.08 {
				e.Phones = append(e.Phones, fmt.Sprintf("021-%08d", 50000000+r.IntN(40000000)))
			}
		}
		if r.Float64() < 0.6 {
			e.WeChat = fmt.Sprintf("%s_%s%d", sn.pinyin, benchHandles[r.IntN(len(benchHandles))], 10+r.IntN(90))
		}
		for _, j := range r.Perm(len(benchTags))[:r.IntN(4)] {
			e.Tags = append(e.Tags, benchTags[j])
		}
		out[i] = e
	}
	return out
}

// naiveMatch is a slow, obviously-correct reading of the matching rules,
// used to check the index: every field tested on its own, pinyin by trying
// every split of the token. Only the readings (the class table) are shared
// with the index.
func naiveMatch(e Entry, queryText string) bool {
	n := newNaive(e)
	return n.match(parseQuery(queryText)) // parsing is tested on its own
}

// naiveEntry is an entry prepared for naiveMatch: its fields folded, its
// phones as digits, and for the name and the remark what each character may
// consume (the character itself first, then its readings).
type naiveEntry struct {
	fields, phones []string
	runs           [2][][]string
}

func newNaive(e Entry) naiveEntry {
	var n naiveEntry
	for _, f := range append([]string{e.Name, e.Remark, e.WeChat}, e.Tags...) {
		n.fields = append(n.fields, foldString(f))
	}
	for _, p := range e.Phones {
		n.phones = append(n.phones, phoneDigits(p))
	}
	ix := &Index{tab: newTable()}
	name, _ := ix.appendName(nil, e.Name)
	remark, _ := ix.appendRun(nil, e.Remark)
	for k, seq := range [][]uint32{name, remark} {
		for _, c := range seq {
			cl := ix.tab.classes[c]
			alt := []string{string(cl.lit)}
			for _, s := range cl.syl {
				alt = append(alt, ix.tab.syls[s])
			}
			n.runs[k] = append(n.runs[k], alt)
		}
	}
	return n
}

func (n *naiveEntry) match(q query) bool {
	for _, t := range q.tokens {
		if !n.token(t) {
			return false
		}
	}
	return true
}

func (n *naiveEntry) token(t token) bool {
	for _, f := range n.fields {
		if strings.Contains(f, t.raw) {
			return true
		}
	}
	for _, d := range n.phones {
		if strings.Contains(d, t.raw) || t.digits != "" && strings.Contains(d, t.digits) {
			return true
		}
	}
	if !t.py {
		return false
	}
	for _, run := range n.runs {
		for start := range run {
			if naiveConsume(run[start:], t.raw) {
				return true
			}
		}
	}
	return false
}

// naiveConsume: each element of run lists what a character may consume (the
// character itself first, then its readings).
func naiveConsume(run [][]string, tok string) bool {
	if tok == "" {
		return true
	}
	if len(run) == 0 {
		return false
	}
	for i, alt := range run[0] {
		if i == 0 {
			if strings.HasPrefix(tok, alt) && naiveConsume(run[1:], tok[len(alt):]) {
				return true
			}
			continue
		}
		for k := 1; k <= len(alt) && k <= len(tok); k++ {
			if tok[:k] != alt[:k] {
				break
			}
			if k == len(tok) || naiveConsume(run[1:], tok[k:]) {
				return true
			}
		}
	}
	return false
}

func foldString(s string) string {
	var b strings.Builder
	for _, r := range s {
		b.WriteRune(fold(r))
	}
	return b.String()
}

// phoneDigits is what the index keeps of a phone number.
func phoneDigits(p string) string {
	var b strings.Builder
	for _, r := range domain.NormalizePhone(p) {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}
