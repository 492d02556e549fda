package i18n

import (
	"strings"
	"testing"

	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/domain/agenda"
)

// wordCase is one domain value and how the catalog names it.
type wordCase struct {
	kind, id string
	key      string // the catalog key the word must come from ("" when not keyed)
	render   func(Catalog) string
}

func domainWords() []wordCase {
	var out []wordCase
	add := func(kind, id, key string, f func(Catalog) string) {
		out = append(out, wordCase{kind, id, key, f})
	}
	for _, v := range agenda.Rules {
		add("rule", string(v), "rule."+string(v), func(c Catalog) string { return c.Rule(v) })
	}
	for _, v := range []agenda.Question{agenda.Maintain, agenda.Invite, agenda.Serve} {
		add("question", string(v), "question."+string(v), func(c Catalog) string { return c.Question(v) })
	}
	for _, v := range domain.Classes {
		add("class", string(v), "class."+string(v), func(c Catalog) string { return c.Class(v) })
	}
	for _, v := range domain.Stages {
		add("stage", string(v), "stage."+string(v), func(c Catalog) string { return c.Stage(v) })
	}
	for _, v := range domain.Channels {
		add("channel", string(v), "channel."+string(v), func(c Catalog) string { return c.Channel(v) })
	}
	for _, v := range domain.Purposes {
		add("purpose", string(v), "purpose."+string(v), func(c Catalog) string { return c.Purpose(v) })
	}
	for _, v := range domain.Outcomes {
		add("outcome", string(v), "outcome."+string(v), func(c Catalog) string { return c.Outcome(v) })
	}
	for _, v := range agenda.SnoozeReasons {
		add("snooze reason", string(v), "snooze_reason."+string(v), func(c Catalog) string { return c.SnoozeReason(v) })
	}
	for _, v := range []agenda.State{agenda.StateDone, agenda.StateSkipped, agenda.StateSnoozed, agenda.StateTrying} {
		add("item state", string(v), "item_state."+string(v), func(c Catalog) string { return c.State(v) })
	}
	for _, v := range domain.ComplaintSteps {
		add("complaint step", itoa(int(v)), "", func(c Catalog) string { return c.ComplaintStep(v) })
	}
	for _, v := range domain.Sources {
		add("source", string(v), "source."+string(v), func(c Catalog) string { return c.Source(v) })
	}
	for _, v := range []domain.Gender{domain.GenderFemale, domain.GenderMale} {
		add("gender", string(v), "gender."+string(v), func(c Catalog) string { return c.Gender(v) })
	}
	add("gender", "", "gender.unknown", func(c Catalog) string { return c.Gender(domain.GenderUnknown) })
	for _, v := range []domain.ValueType{domain.ValueProfit, domain.ValueVolume, domain.ValueRelationship, domain.ValueStrategic} {
		add("value type", string(v), "value_type."+string(v), func(c Catalog) string { return c.ValueType(v) })
	}
	add("value type", "", "value_type.none", func(c Catalog) string { return c.ValueType(domain.ValueNone) })
	for _, v := range []domain.Calendar{domain.Solar, domain.Lunar} {
		add("calendar", string(v), "calendar."+string(v), func(c Catalog) string { return c.Calendar(v) })
	}
	for _, v := range []domain.KeyDateKind{domain.KindBirthday, domain.KindAnniversary} {
		add("key date kind", string(v), "key_date_kind."+string(v), func(c Catalog) string { return c.KeyDateKind(v) })
	}
	for _, v := range domain.ProfileFields {
		add("profile field", string(v), "profile_field."+string(v), func(c Catalog) string { return c.ProfileField(v) })
	}
	for _, v := range []domain.SaleChannel{domain.SaleOffline, domain.SaleOnline} {
		add("sale channel", string(v), "sale_channel."+string(v), func(c Catalog) string { return c.SaleChannel(v) })
	}
	for _, v := range domain.EventKinds {
		add("event kind", string(v), "event_kind."+string(v), func(c Catalog) string { return c.EventKind(v) })
	}
	for _, v := range domain.InvitationStatuses {
		add("invitation status", string(v), "invitation_status."+string(v), func(c Catalog) string { return c.InvitationStatus(v) })
	}
	for _, v := range []domain.FollowUpStatus{domain.FollowUpOpen, domain.FollowUpDone, domain.FollowUpSkipped, domain.FollowUpSnoozed} {
		add("follow-up status", string(v), "followup_status."+string(v), func(c Catalog) string { return c.FollowUpStatus(v) })
	}
	for _, k := range domain.CaseKinds {
		add("case kind", string(k), "case_kind."+string(k), func(c Catalog) string { return c.CaseKind(k) })
		for _, sub := range domain.CaseSubkinds(k) {
			add("case subkind", string(k)+"/"+sub, "case_subkind."+string(k)+"."+sub,
				func(c Catalog) string { return c.CaseSubkind(k, sub) })
		}
	}
	for _, v := range domain.CaseChannels {
		add("case channel", string(v), "case_channel."+string(v), func(c Catalog) string { return c.CaseChannel(v) })
	}
	for _, v := range []domain.CaseStatus{domain.CaseOpen, domain.CaseInProgress, domain.CaseClosed} {
		add("case status", string(v), "case_status."+string(v), func(c Catalog) string { return c.CaseStatus(v) })
	}
	return out
}

// TestEveryDomainValueHasWords: every enum value of the domain has a word
// of its own in both languages — from the catalog, never the raw id in
// Chinese, never a snake_case id in English.
func TestEveryDomainValueHasWords(t *testing.T) {
	cases := domainWords()
	if len(cases) < 100 {
		t.Fatalf("only %d values", len(cases))
	}
	for _, wc := range cases {
		if wc.key != "" && !Has(wc.key) {
			t.Errorf("%s %q: no key %s", wc.kind, wc.id, wc.key)
			continue
		}
		for _, l := range Langs {
			w := wc.render(New(l))
			switch {
			case strings.TrimSpace(w) == "":
				t.Errorf("%s %q (%s): empty word", wc.kind, wc.id, l)
			case strings.HasPrefix(w, "!"):
				t.Errorf("%s %q (%s): %s", wc.kind, wc.id, l, w)
			case l == ZH && w == wc.id:
				t.Errorf("%s %q: Chinese word is the raw id", wc.kind, wc.id)
			case strings.Contains(w, "_"):
				t.Errorf("%s %q (%s): word %q looks like an id", wc.kind, wc.id, l, w)
			case l == ZH && !hasHan(w) && w != "VIP之夜":
				t.Errorf("%s %q: Chinese word %q has no Chinese", wc.kind, wc.id, w)
			}
		}
	}
}

func hasHan(s string) bool {
	for _, r := range s {
		if r >= 0x4e00 && r <= 0x9fff {
			return true
		}
	}
	return false
}

func TestWordsFromTheBrief(t *testing.T) {
	zh, en := New(ZH), New(EN)
	for _, tc := range []struct{ got, want string }{
		{zh.Rule(agenda.RuleRoutine1), "常规维护·第1天"},
		{en.Rule(agenda.RuleRoutine1), "Routine day 1"},
		{zh.Rule(agenda.RuleBirthday), "生日"},
		{en.Rule(agenda.RuleBirthday), "Birthday"},
		{zh.Question(agenda.Maintain), "维护"},
		{en.Question(agenda.Invite), "Invite"},
		{zh.Question(agenda.Serve), "服务"},
		{zh.Class(domain.ClassImportant), "重要顾客"},
		{en.Class(domain.ClassLoyal), "loyal"},
		{zh.Class(domain.ClassRepeat), "回购顾客"},
		{zh.Class(domain.ClassNew), "新顾客"},
		{zh.Class(domain.ClassProspect), "潜在顾客"},
		{zh.Channel(domain.ChannelCall), "电话"},
		{en.Channel(domain.ChannelSMS), "SMS"},
		{en.Channel(domain.ChannelWeChat), "WeChat"},
		{en.Channel(domain.ChannelInStore), "in store"},
		{zh.Channel(domain.ChannelVisit), "拜访"},
		{zh.ComplaintStep(domain.StepListen), "安抚倾听"},
		{en.ComplaintStep(domain.StepAgree), "agree a solution"},
		{zh.ComplaintStep(9), "第9步"},
		{en.ComplaintStep(0), "step 0"},
		{zh.CaseSubkind(domain.CaseAfterSale, "return_exchange"), "退换"},
		{en.CaseSubkind(domain.CaseAfterSale, ""), "after-sale"},
		{en.Entity("customer"), "customer"},
		{zh.Entity("case"), "服务单"},
		// Values the catalog does not know yet stay readable.
		{zh.Channel("fax"), "fax"},
		{en.Rule("new_rule"), "new_rule"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}
