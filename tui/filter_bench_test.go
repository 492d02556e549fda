package tui

import (
	"fmt"
	"math/rand/v2"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/domain/i18n"
	"github.com/crmtui/crmtui/domain/search"
)

// benchCustomers makes n customers with Chinese names, phones, WeChat ids and tags.
func benchCustomers(n int) []domain.CustomerSummary {
	r := rand.New(rand.NewPCG(1, 2))
	sur := []string{"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "曾", "单", "欧阳"}
	given := []string{"芳", "娜", "敏", "静", "丽", "伟", "强", "磊", "军", "秀英", "晓红", "志强", "长乐", "子轩", "思琪", "三"}
	tags := []string{"VIP", "羊绒", "瑜伽", "宝妈", "茶友"}
	out := make([]domain.CustomerSummary, n)
	for i := range out {
		out[i] = domain.CustomerSummary{ID: int64(i + 1), Name: sur[r.IntN(len(sur))] + given[r.IntN(len(given))],
			Phones: []string{fmt.Sprintf("1%02d%08d", 30+r.IntN(70), r.IntN(100000000))},
			WeChat: fmt.Sprintf("wx_%d", r.IntN(1000000)), Tags: []string{tags[r.IntN(len(tags))]},
			Class: domain.Classes[r.IntN(len(domain.Classes))], Stage: domain.Stages[r.IntN(len(domain.Stages))]}
	}
	return out
}

// BenchmarkCustomerFilterKeystroke measures what one keystroke in the
// Customers filter costs at 100,000 customers: the text field, the index
// search, the list rebuild and drawing the screen. The search runs off the
// UI loop in the app; here all of it runs in line, so the figure is the
// whole cost of a keystroke.
func BenchmarkCustomerFilterKeystroke(b *testing.B) {
	list := benchCustomers(100_000)
	entries := make([]search.Entry, len(list))
	for i, cs := range list {
		entries[i] = search.Entry{ID: cs.ID, Name: cs.Name, Phones: cs.Phones, WeChat: cs.WeChat, Tags: cs.Tags}
	}
	cat := i18n.New(i18n.ZH)
	c := &common{cat: cat, keys: DefaultKeyMap(cat), styles: NewStyles(true, true), width: 120, height: 40}
	p := newCustomersPage(c)
	p.Update(customersMsg{list: list, index: search.New(entries)})
	p.focusFilter()
	// The queries by kind: pinyin in full, first letters (zhs: zh as one
	// initial), characters, characters then pinyin, and phone digits.
	kinds := []struct {
		kind    string
		queries []string
	}{
		{"latin", []string{"zhang", "wang vip"}},
		{"initials", []string{"zs", "zhs"}},
		{"hanzi", []string{"张", "欧阳"}},
		{"mixed", []string{"张s"}},
		{"digits", []string{"1380"}},
	}
	for _, k := range kinds {
		b.Run(k.kind, func(b *testing.B) {
			for _, query := range k.queries {
				b.Run(query, func(b *testing.B) {
					for b.Loop() {
						p.filter.SetValue("")
						for _, r := range query {
							p.key(tea.KeyPressMsg{Code: r, Text: string(r)})
							ids := p.index.Search(p.filter.Value())
							p.Update(searchMsg{seq: p.seq, ids: ids})
							_ = p.View(120, 38)
						}
					}
					b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len([]rune(query)))/1e6, "ms/keystroke")
					b.ReportMetric(float64(len(p.shown)), "matches")
				})
			}
		})
	}
}
