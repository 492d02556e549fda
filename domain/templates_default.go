package domain

import "strings"

// The default message templates (话术) that ship with the app: one per
// purpose in TemplatePurposes and language, for any channel. Users override
// them with their own templates (see PickTemplate); the defaults themselves
// are never stored.
//
// Decisions:
//   - Every body is short enough to send as one WeChat message or SMS, or to
//     read out as the opening of a call: at most 120 characters in Chinese.
//   - The customer is addressed with {称呼} / {salutation} only (王姐, 李先生 …),
//     never with a part of the name; Render falls back to the full name.
//   - The tone follows the training material: the 1-3-7 routine is
//     "remember me" (thanks + how to reach me), "recognise me" (usage and
//     care) and "like me" (how is it going, a personal word); greetings and
//     reactivation never sell; invitations and chases make "no" easy.
//   - Bodies don't say "today", "yesterday" or "tomorrow" where the agenda
//     may show the item on another day (important days show from a few days
//     before; overdue items carry over), except the appointment, which is
//     by definition for today.
//   - A missing value renders empty, so bodies are written to still read
//     acceptably when, say, {商品} is unknown.
//   - English bodies are written for the same situations in natural
//     English, not translated word for word, and are plain ASCII.
var defaultTemplateTable = []struct {
	purpose        string
	zhName, zhBody string
	enName, enBody string
}{
	{"routine_1",
		"购买感谢（第1天）",
		"{称呼}您好，我是{门店}的{导购}，谢谢您选择我们！以后用着有任何问题随时找我，微信直接留言就行，也可以打门店电话{门店电话}。",
		"Thank you (day 1)",
		"Hi {salutation}, it's {salesperson} from {store}. Thank you for shopping with us! If you ever need anything, just message me here or call the store on {store_phone}."},
	{"routine_3",
		"使用保养（第3天）",
		"{称呼}您好，我是{门店}的{导购}。{商品}用了几天还习惯吗？刚开始用记得按说明来，平时保养得当能用得更久。需要的话我把注意事项整理一份发您。",
		"Care tips (day 3)",
		"Hi {salutation}, {salesperson} from {store} here. How are you getting on with your {product}? A little regular care keeps it at its best for longer. I'm happy to send you a few care tips if you'd like."},
	{"routine_7",
		"一周回访（第7天）",
		"{称呼}您好，我是{门店}的{导购}。{商品}用了一周，感觉怎么样？有不合心意的地方一定告诉我。最近天气多变，您也多注意身体，路过店里欢迎进来坐坐。",
		"One-week check-in (day 7)",
		"Hi {salutation}, it's {salesperson} from {store}. You've had your {product} for about a week now. How are you finding it? If anything isn't quite right, tell me and I'll sort it out. Hope your week is going well!"},
	{"birthday",
		"生日祝福",
		"{称呼}，生日快乐！{门店}{导购}祝您新的一岁身体健康、开心顺遂，也谢谢您一直以来的支持。",
		"Birthday wishes",
		"Happy birthday, {salutation}! Wishing you good health and lots of happiness in the year ahead, and thank you for all your support. {salesperson}, {store}"},
	{"lunar_birthday",
		"农历生日祝福",
		"{称呼}，记得您习惯过农历生日，{导购}在这里祝您生日快乐！愿您福寿安康、事事顺心，谢谢您一直以来对{门店}的照顾。",
		"Lunar birthday wishes",
		"Hi {salutation}, I remembered you celebrate your birthday by the lunar calendar, so happy birthday from me! Wishing you health and happiness in the year ahead. {salesperson}, {store}"},
	{"anniversary",
		"纪念日祝福",
		"{称呼}您好，{导购}记着这个特别的日子，祝您纪念日快乐！愿美好常在，也谢谢您一路以来对{门店}的信任。",
		"Anniversary wishes",
		"Happy anniversary, {salutation}! Wishing you many more happy memories, and thank you for being with {store} all this time. {salesperson}"},
	{"holiday",
		"节日问候",
		"{称呼}，{节日}到了，{门店}{导购}祝您和家人节日快乐、平安顺心！",
		"Holiday greetings",
		"Happy {holiday}, {salutation}! Wishing you and your family a joyful and peaceful holiday. {salesperson}, {store}"},
	{"replenish",
		"补货提醒",
		"{称呼}您好，我是{门店}的{导购}。算着时间，您的{商品}差不多快用完了，需要的话我先帮您留一份，您方便时来取就行；暂时不需要也没关系。",
		"Running low",
		"Hi {salutation}, {salesperson} from {store} here. By my reckoning your {product} may be running low soon. Shall I set one aside for you to pick up whenever it suits? No worries if not."},
	{"reactivation",
		"老顾客问候",
		"{称呼}，好久不见！我是{门店}的{导购}。店里最近到了些新品，想着可能合您心意，有空路过进来坐坐、随便看看就好。",
		"Long time no see",
		"Hi {salutation}, it's been a while! {salesperson} from {store} here. We've had some new things come in that made me think of you. Drop by for a look whenever you're passing, no need to buy anything."},
	{"seasonal",
		"换季关怀",
		"{称呼}您好，我是{门店}的{导购}。换季了，天气变化大，您和家人多注意身体。之前买的东西用着都还好吗？有需要随时找我。",
		"Seasonal hello",
		"Hi {salutation}, {salesperson} from {store}. The seasons are changing, so take good care of yourself. Is everything you got from us still working out well? I'm here if you need anything."},
	{"thanks",
		"活动后感谢",
		"{称呼}，谢谢您抽空来参加{活动}！招待不周的地方还请多包涵，活动上有看中的或者想了解的，随时跟我说。——{门店}{导购}",
		"Thanks for coming",
		"Hi {salutation}, thank you so much for coming to {event}! It was lovely to see you. If anything caught your eye or you have any questions, just let me know. {salesperson}, {store}"},
	{"service_followup",
		"服务回访",
		"{称呼}您好，我是{门店}的{导购}，来做个回访。上次的服务完成后，东西用着一切都正常吗？如果还有哪里不满意，请直接告诉我，我来跟进。",
		"Service follow-up",
		"Hi {salutation}, {salesperson} from {store} checking in after your recent service. Is everything working well now? If anything still isn't right, tell me and I'll follow it up."},
	{"followup",
		"跟进问候",
		"{称呼}您好，我是{门店}的{导购}。上次聊到的事情想跟您跟进一下，现在情况怎么样？有什么我能帮上忙的，尽管说。",
		"Follow-up",
		"Hi {salutation}, {salesperson} from {store}. Just following up on what we talked about last time. How are things going? Let me know if there's anything I can help with."},
	{"invitation",
		"活动邀约",
		"{称呼}您好，我是{门店}的{导购}。{活动时间}我们在{地点}办{活动}，想着您可能会感兴趣，特地来邀请您。方便的话回我一声，我给您留个位置。",
		"Event invitation",
		"Hi {salutation}, {salesperson} from {store} here. We're holding {event} on {event_time} at {place}, and I thought you might enjoy it. Would you like to come? Just reply and I'll save you a place."},
	{"chase",
		"邀约跟进",
		"{称呼}，前两天跟您提过的{活动}（{活动时间}），不知道您时间方便吗？来不了也完全没关系，回我一声就好，以后有合适的再叫您。——{导购}",
		"Invitation follow-up",
		"Hi {salutation}, just a gentle follow-up on {event} ({event_time}). Will you be able to make it? Totally fine if not, just let me know either way. {salesperson}"},
	{"reminder",
		"活动提醒",
		"{称呼}您好，提醒一下：您报名的{活动}在{活动时间}，地点是{地点}。到时见！临时有变化告诉我一声就好。——{导购}",
		"Event reminder",
		"Hi {salutation}, a quick reminder that {event} is on {event_time} at {place}. Looking forward to seeing you! If your plans change, just let me know. {salesperson}"},
	{"appointment",
		"预约确认",
		"{称呼}您好，我是{门店}的{导购}，跟您确认一下今天约好的到店时间还方便吗？我会提前准备好，时间有变化提前说一声就行。",
		"Appointment confirmation",
		"Hi {salutation}, {salesperson} from {store} here, just confirming your visit today. Does the time we agreed still work for you? I'll have everything ready, and if you need to change it, just let me know."},
	{"online",
		"线上咨询回复",
		"{称呼}您好，我是{门店}的{导购}，您在线上的咨询和订单由我来跟进。想了解什么直接问我，有进展我第一时间告诉您。",
		"Online enquiry",
		"Hi {salutation}, I'm {salesperson} from {store}, and I'll be looking after your online enquiry and order. Ask me anything you'd like to know, and I'll keep you posted as soon as there's news."},
	{"aftersale",
		"售后进度",
		"{称呼}您好，我是{门店}的{导购}，跟您说一下{商品}的售后进度：我们正在抓紧处理，有结果马上通知您。期间有任何问题随时找我，或拨打{门店电话}。",
		"After-sale update",
		"Hi {salutation}, {salesperson} from {store} with an update on your {product}: we're working on it and I'll let you know as soon as it's done. Any questions, message me or call {store_phone}."},
	{"complaint_followup",
		"客诉回访",
		"{称呼}您好，我是{门店}的{导购}。上次的事给您添麻烦了，再次向您道歉。想跟进一下我们商量好的解决方案落实得怎么样了，还有哪里不满意请您直接告诉我。",
		"Complaint follow-up",
		"Hi {salutation}, it's {salesperson} from {store}. I'm sorry again for the trouble you had. I wanted to check that the solution we agreed on has been carried out properly. If anything still isn't right, please tell me."},
}

// DefaultTemplates returns the shipped templates: one per purpose in
// TemplatePurposes and language ("zh", "en"), channel "" (any), in the
// order of TemplatePurposes, zh before en. The slice is new on every call.
func DefaultTemplates() []Template {
	out := make([]Template, 0, 2*len(defaultTemplateTable))
	for _, d := range defaultTemplateTable {
		out = append(out,
			Template{Purpose: d.purpose, Lang: "zh", Name: d.zhName, Body: d.zhBody},
			Template{Purpose: d.purpose, Lang: "en", Name: d.enName, Body: d.enBody})
	}
	return out
}

// DefaultTemplate returns the shipped template for a purpose and language
// (false if none).
func DefaultTemplate(purpose, lang string) (Template, bool) {
	for _, d := range defaultTemplateTable {
		if d.purpose != purpose {
			continue
		}
		switch lang {
		case "zh":
			return Template{Purpose: purpose, Lang: "zh", Name: d.zhName, Body: d.zhBody}, true
		case "en":
			return Template{Purpose: purpose, Lang: "en", Name: d.enName, Body: d.enBody}, true
		}
		return Template{}, false
	}
	return Template{}, false
}

// PickTemplate chooses, among user templates (overrides) and the defaults,
// the best for purpose, lang and channel: an exact channel match beats a
// channel-"" one, a user template beats a default. So the order is: user
// template for the channel, user template for any channel, default.
//
// Only templates of the purpose and language count; a user template for
// another channel never does (with ch "", only channel-"" templates match).
// Among equally good user templates the first in the slice wins. A user
// template whose body is blank or doesn't parse is passed over, so a broken
// override falls back to the next best instead of producing a broken
// message.
func PickTemplate(user []Template, purpose, lang string, ch Channel) (Template, bool) {
	best, bestRank := Template{}, 0 // rank 2: user exact channel, 1: user any channel
	for _, t := range user {
		if t.Purpose != purpose || t.Lang != lang || strings.TrimSpace(t.Body) == "" {
			continue
		}
		rank := 0
		switch {
		case t.Channel == ch && ch != "":
			rank = 2
		case t.Channel == "":
			rank = 1
		default:
			continue
		}
		if rank <= bestRank {
			continue
		}
		if _, err := ParseTemplate(t.Body); err != nil {
			continue
		}
		best, bestRank = t, rank
		if rank == 2 {
			break
		}
	}
	if bestRank > 0 {
		return best, true
	}
	return DefaultTemplate(purpose, lang)
}
