package demo

import (
	"fmt"
	"time"

	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/domain/agenda"
	"github.com/crmtui/crmtui/domain/lunar"
)

// scenario writes the scripted customers of the first salesperson, chosen
// so that today's agenda has an item from every rule, and the two upcoming
// events. It returns how many customers it wrote.
func (g *gen) scenario() (int, error) {
	T := g.today
	n := 0
	var err error
	mine := func(name string, gender domain.Gender, edit func(*domain.Customer)) domain.Customer {
		if err != nil {
			return domain.Customer{}
		}
		c := domain.Customer{Name: name, Gender: gender, OwnerID: g.me.ID, StoreID: g.store.ID, Source: domain.SourceFaceToFace,
			Phones:    []string{fmt.Sprintf("1380013%04d", 8000+n)},
			CreatedOn: T.AddDays(-400)}
		c.Salutation = domain.SuggestSalutation(name, gender)
		if edit != nil {
			edit(&c)
		}
		err = g.b.Customer(&c)
		n++
		g.created++
		return c
	}
	buy := func(c domain.Customer, daysAgo int, product string, edit func(*domain.Purchase)) domain.Purchase {
		if err != nil {
			return domain.Purchase{}
		}
		d := T.AddDays(-daysAgo)
		p := domain.Purchase{CustomerID: c.ID, On: d, At: g.at(d), StoreID: g.store.ID, SalesID: g.me.ID, Channel: domain.SaleOffline}
		for _, pr := range catalog {
			if pr.name == product {
				p.Items = []domain.LineItem{{Product: pr.name, Category: pr.category, Quantity: 1, Amount: domain.Money(pr.price)}}
				p.Amount = domain.Money(pr.price)
			}
		}
		if edit != nil {
			edit(&p)
		}
		err = g.b.Purchase(&p)
		return p
	}
	touch := func(c domain.Customer, daysAgo int, pu domain.Purpose, ch domain.Channel, oc domain.Outcome) {
		if err != nil {
			return
		}
		d := T.AddDays(-daysAgo)
		k := domain.Contact{CustomerID: c.ID, On: d, At: g.at(d), Channel: ch, Purpose: pu, Outcome: oc, SalesID: g.me.ID}
		err = g.b.Contact(&k)
	}
	clock := func(days, hour, minute int) time.Time {
		return T.AddDays(days).Time(g.loc).Add(time.Duration(hour)*time.Hour + time.Duration(minute)*time.Minute)
	}

	// Events: yesterday's salon (thanks), tomorrow's VIP evening (invite, chase, remind), new arrivals in ten days.
	salon := domain.Event{Name: "冬季护肤沙龙", Kind: domain.EventSalon, StartsAt: clock(-1, 14, 0), EndsAt: clock(-1, 17, 0),
		Place: g.store.Name, Purpose: "教顾客冬季保湿，推荐新到的面霜", Capacity: 20, InviteWindowDays: 10, StoreID: g.store.ID}
	vip := domain.Event{Name: "VIP之夜·羊绒新品预览", Kind: domain.EventVIPEvening, StartsAt: clock(1, 19, 0), EndsAt: clock(1, 21, 30),
		Place: g.store.Name, Purpose: "让重要顾客先看羊绒新品，当晚九折", Capacity: 40, InviteWindowDays: 14, StoreID: g.store.ID,
		TargetRule: "class:important or class:loyal",
		Script:     "{称呼}您好，我是{门店}的{导购}。明晚7点我们办VIP之夜，羊绒新品先给老朋友看，当晚九折，给您留个位置好吗？"}
	arrivals := domain.Event{Name: "春装新品发布会", Kind: domain.EventNewArrivals, StartsAt: clock(10, 14, 0), EndsAt: clock(10, 18, 0),
		Place: g.store.Name, Purpose: "春装上新，带动回购", Capacity: 80, InviteWindowDays: 21, StoreID: g.store.ID, TargetRule: "tag:新品控"}
	for _, e := range []*domain.Event{&salon, &vip, &arrivals} {
		if err = g.b.Event(e); err != nil {
			return 0, err
		}
	}
	g.arrivals = arrivals
	invite := func(c domain.Customer, e domain.Event, st domain.InvitationStatus, invitedDaysAgo int) {
		if err != nil {
			return
		}
		inv := domain.Invitation{EventID: e.ID, CustomerID: c.ID, Status: st}
		if st != domain.InvPlanned {
			inv.Attempts = 1
			inv.InvitedOn = T.AddDays(-invitedDaysAgo)
			inv.LastAttemptAt = g.at(inv.InvitedOn)
		}
		err = g.b.Invitation(&inv)
	}
	openCase := func(c domain.Customer, sc domain.ServiceCase) {
		if err != nil {
			return
		}
		sc.CustomerID, sc.SalesID = c.ID, g.me.ID
		err = g.b.Case(&sc)
	}

	// Maintain: 1-3-7.
	a := mine("张晓红", domain.GenderFemale, func(c *domain.Customer) { c.WeChat = "zhang_xh88" })
	buy(a, 1, "羊绒围巾", nil)
	b := mine("李静", domain.GenderFemale, func(c *domain.Customer) { c.Contact.Preferred = domain.ChannelWeChat })
	pb := buy(b, 3, "修护精华液", nil)
	touch(b, 2, domain.PurposeRoutine1, domain.ChannelWeChat, domain.OutcomeReplied)
	if err == nil {
		err = g.b.State(agenda.ItemState{Key: agenda.RoutineKey(pb.ID, 1), Rule: agenda.RuleRoutine1, CustomerID: b.ID, State: agenda.StateDone,
			At: g.at(T.AddDays(-2)), On: T.AddDays(-2), SalesID: g.me.ID})
	}
	c := mine("陈伟", domain.GenderMale, func(c *domain.Customer) { c.Contact.Preferred = domain.ChannelWeChat })
	buy(c, 7, "羊绒大衣", nil)
	tries := mine("解文博", domain.GenderMale, nil)
	pt := buy(tries, 3, "运动鞋", nil)
	if err == nil {
		now := g.s.Now()
		err = g.b.State(agenda.ItemState{Key: agenda.RoutineKey(pt.ID, 3), Rule: agenda.RuleRoutine3, CustomerID: tries.ID, State: agenda.StateTrying,
			Tries: 1, RetryAt: now.Add(10 * time.Minute), At: now, On: T, SalesID: g.me.ID})
	}

	// Important days: solar with age, lunar, anniversary, one held by the marketing cap, one do-not-contact.
	bd := T.AddDays(2)
	d := mine("刘芳", domain.GenderFemale, func(c *domain.Customer) {
		c.KeyDates = []domain.KeyDate{{Kind: domain.KindBirthday, Calendar: domain.Solar, Year: 1988, Month: int(bd.Month()), Day: bd.Day()}}
	})
	buy(d, 200, "真丝连衣裙", nil)
	if ld, lerr := lunar.FromSolar(T.AddDays(1).YMD()); lerr == nil {
		e := mine("杨秀英", domain.GenderFemale, func(c *domain.Customer) {
			c.KeyDates = []domain.KeyDate{{Kind: domain.KindBirthday, Calendar: domain.Lunar, Month: ld.Month, Day: ld.Day, Leap: ld.Leap}}
			c.Tags = []string{"茶友"}
		})
		buy(e, 150, "有机绿茶", nil)
	}
	f := mine("赵丽", domain.GenderFemale, func(c *domain.Customer) {
		c.KeyDates = []domain.KeyDate{{Kind: domain.KindAnniversary, Label: "结婚纪念日", Calendar: domain.Solar, Year: 2016, Month: int(T.Month()), Day: T.Day()}}
	})
	buy(f, 90, "纯棉四件套", nil)
	hb := T.AddDays(3)
	h := mine("黄敏", domain.GenderFemale, func(c *domain.Customer) {
		c.KeyDates = []domain.KeyDate{{Kind: domain.KindBirthday, Calendar: domain.Solar, Month: int(hb.Month()), Day: hb.Day()}}
	})
	buy(h, 60, "保湿面霜", func(p *domain.Purchase) { p.UsageDays = 0 })
	for i, pu := range []domain.Purpose{domain.PurposeHoliday, domain.PurposeInvitation, domain.PurposeReactivation, domain.PurposeInvitation} {
		touch(h, 3+i*5, pu, domain.ChannelWeChat, domain.OutcomeNoReply)
	}
	mine("欧阳娜娜", domain.GenderFemale, func(c *domain.Customer) {
		c.Contact.DoNotContact = true
		c.KeyDates = []domain.KeyDate{{Kind: domain.KindBirthday, Calendar: domain.Solar, Month: int(T.Month()), Day: T.Day()}}
	})

	// Replenishment, dormant, seasonal.
	rp := mine("周强", domain.GenderMale, func(c *domain.Customer) { c.Tags = []string{"团购"} })
	buy(rp, 27, "五常大米10kg", func(p *domain.Purchase) { p.UsageDays = 30 })
	vipC := mine("吴婷", domain.GenderFemale, func(c *domain.Customer) {
		c.Tags = []string{"VIP", "羊绒"}
		c.Remark = "吴姐（大客户）"
	})
	for ago := 400; ago >= 70; ago -= 20 {
		buy(vipC, ago, "羊绒大衣", nil)
	}
	touch(vipC, 80, domain.PurposeOther, domain.ChannelCall, domain.OutcomeReached)
	se := mine("徐海涛", domain.GenderMale, nil)
	for _, ago := range []int{500, 300, 100} {
		buy(se, ago, "蚕丝被", nil)
	}
	touch(se, 120, domain.PurposeHoliday, domain.ChannelWeChat, domain.OutcomeReplied)

	// Aftercare: thanks after yesterday's salon; a visit after a repair closed a week ago.
	k := mine("孙燕", domain.GenderFemale, nil)
	buy(k, 1, "保湿面霜", func(p *domain.Purchase) { p.EventID = salon.ID; p.UsageDays = 60 })
	if err == nil {
		inv := domain.Invitation{EventID: salon.ID, CustomerID: k.ID, Status: domain.InvAttended, Attempts: 1, InvitedOn: T.AddDays(-6)}
		inv.LastAttemptAt = g.at(inv.InvitedOn)
		err = g.b.Invitation(&inv)
	}
	l := mine("马建国", domain.GenderMale, nil)
	buy(l, 40, "真皮手提包", nil)
	openCase(l, domain.ServiceCase{Kind: domain.CaseAfterSale, Subkind: "repair", Channel: domain.CaseInStore, Title: "手提包五金件松动",
		OpenedAt: clock(-20, 15, 0), DueAt: clock(-10, 18, 0), Status: domain.CaseClosed, Resolution: "更换五金件", Satisfaction: 5,
		ClosedAt: clock(-7, 16, 0)})

	// Hand-set follow-ups: today and two days overdue.
	for i, fu := range []struct {
		name string
		ago  int
		note string
	}{{"朱倩", 0, "确认大衣改好的取货时间"}, {"胡杰", 2, "回电话谈公司年会团购"}} {
		cu := mine(fu.name, []domain.Gender{domain.GenderFemale, domain.GenderMale}[i], nil)
		buy(cu, 45+i*10, "羊毛针织衫", nil)
		if err == nil {
			err = g.b.FollowUp(&domain.FollowUp{CustomerID: cu.ID, Due: T.AddDays(-fu.ago), Note: fu.note, SalesID: g.me.ID, CreatedAt: g.at(T.AddDays(-10))})
		}
	}

	// Invite: planned invitations, one to chase, one to remind, one declined.
	for i, name := range []string{"郭佳怡", "何雪", "高颖", "林琳", "罗晶"} {
		cu := mine(name, domain.GenderFemale, func(c *domain.Customer) { c.Tags = []string{"新品控"} })
		for j := 0; j < 2+i; j++ {
			buy(cu, 30+j*35, "羊毛针织衫", nil)
		}
		invite(cu, vip, domain.InvPlanned, 0)
		invite(cu, arrivals, domain.InvPlanned, 0)
	}
	ch := mine("郑梓涵", domain.GenderFemale, nil)
	buy(ch, 50, "羊绒大衣", nil)
	invite(ch, vip, domain.InvInvited, 3)
	rm := mine("梁春梅", domain.GenderFemale, nil)
	buy(rm, 35, "羊绒围巾", nil)
	invite(rm, vip, domain.InvConfirmed, 5)
	dc := mine("谢美玲", domain.GenderFemale, nil)
	buy(dc, 65, "真丝连衣裙", nil)
	invite(dc, vip, domain.InvDeclined, 4)

	// Serve: appointments, online targets, after-sale work, complaints.
	ap := mine("宋子轩", domain.GenderMale, nil)
	openCase(ap, domain.ServiceCase{Kind: domain.CaseAppointment, Subkind: "fitting", Channel: domain.CaseByWeChat, Title: "到店试穿羊绒大衣",
		OpenedAt: clock(-2, 11, 0), DueAt: clock(0, 15, 0)})
	ap2 := mine("唐淑珍", domain.GenderFemale, nil)
	openCase(ap2, domain.ServiceCase{Kind: domain.CaseAppointment, Subkind: "visit", Channel: domain.CaseByPhone, Title: "来店挑选送父母的礼物",
		OpenedAt: clock(-1, 16, 0), DueAt: clock(1, 11, 0)})
	on := mine("韩雨桐", domain.GenderFemale, func(c *domain.Customer) { c.Source = domain.SourceOnline })
	openCase(on, domain.ServiceCase{Kind: domain.CaseOnline, Subkind: "inquiry", Channel: domain.CaseByPlatform, Title: "咨询面霜是否适合敏感肌",
		OpenedAt: clock(-1, 18, 0), DueAt: clock(0, 18, 0)})
	oo := mine("冯思琪", domain.GenderFemale, func(c *domain.Customer) { c.Source = domain.SourceOnline })
	buy(oo, 2, "纯棉四件套", func(p *domain.Purchase) { p.Channel = domain.SaleOnline })
	openCase(oo, domain.ServiceCase{Kind: domain.CaseOnline, Subkind: "online_order", Channel: domain.CaseByPlatform, Title: "网店订单确认收货地址",
		OpenedAt: clock(-2, 20, 0), DueAt: clock(1, 12, 0)})
	rr := mine("邓文博", domain.GenderMale, nil)
	buy(rr, 30, "运动鞋", nil)
	openCase(rr, domain.ServiceCase{Kind: domain.CaseAfterSale, Subkind: "repair", Channel: domain.CaseInStore, Title: "运动鞋开胶返修",
		OpenedAt: clock(-5, 14, 0), DueAt: clock(1, 18, 0)})
	dl := mine("曹桂英", domain.GenderFemale, nil)
	buy(dl, 6, "蚕丝被", nil)
	openCase(dl, domain.ServiceCase{Kind: domain.CaseAfterSale, Subkind: "delivery", Channel: domain.CaseByPhone, Title: "蚕丝被送货上门",
		OpenedAt: clock(-6, 10, 0), DueAt: clock(-1, 18, 0)})
	c1 := mine("彭晓燕", domain.GenderFemale, nil)
	buy(c1, 12, "保湿面霜", nil)
	openCase(c1, domain.ServiceCase{Kind: domain.CaseComplaint, Subkind: "product", Channel: domain.CaseByPhone, Title: "面霜用后脸部泛红",
		OpenedAt: clock(-1, 10, 0), DueAt: clock(1, 10, 0), Status: domain.CaseInProgress,
		Steps: []domain.CaseStep{{Step: domain.StepListen, At: clock(-1, 10, 20), Note: "顾客情绪激动，先道歉并耐心听完"},
			{Step: domain.StepUnderstand, At: clock(-1, 10, 40), Note: "理解顾客担心皮肤问题"}}})
	c2 := mine("曾海燕", domain.GenderFemale, nil)
	buy(c2, 20, "羊毛针织衫", nil)
	openCase(c2, domain.ServiceCase{Kind: domain.CaseComplaint, Subkind: "service", Channel: domain.CaseByPublicMedia, Title: "点评网站投诉导购态度",
		OpenedAt: clock(-4, 9, 0), DueAt: clock(-1, 18, 0), Status: domain.CaseInProgress,
		Steps: []domain.CaseStep{{Step: domain.StepListen, At: clock(-4, 11, 0), Note: "电话联系，倾听经过"}}})
	c3 := mine("单小燕", domain.GenderFemale, nil)
	buy(c3, 4, "牛仔裤", nil)
	openCase(c3, domain.ServiceCase{Kind: domain.CaseComplaint, Subkind: "delivery", Channel: domain.CaseByWeChat, Title: "网购裤子尺码发错",
		OpenedAt: clock(0, 8, 30), DueAt: clock(2, 8, 30)})
	return n, err
}
