package agenda

import (
	"fmt"
	"slices"
	"strings"

	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/domain/rules"
)

// Config holds every rule knob. The zero value is not useful: start from
// DefaultConfig and override what the config file sets.
type Config struct {
	Routine       RoutineConfig        `toml:"routine"`
	ImportantDays ImportantDaysConfig  `toml:"important_days"`
	Holidays      HolidayConfig        `toml:"holidays"`
	Replenish     ReplenishConfig      `toml:"replenish"`
	Dormant       DormantConfig        `toml:"dormant"`
	Seasonal      SeasonalConfig       `toml:"seasonal"`
	Aftercare     AftercareConfig      `toml:"aftercare"`
	FollowUp      FollowUpConfig       `toml:"followup"`
	Invite        InviteConfig         `toml:"invite"`
	Serve         ServeConfig          `toml:"serve"`
	Marketing     MarketingConfig      `toml:"marketing"`
	Calls         CallsConfig          `toml:"calls"`
	Segment       domain.SegmentConfig `toml:"segment"`
}

// RoutineConfig: 1-3-7 after every purchase (常规维护137).
type RoutineConfig struct {
	Enabled        bool             `toml:"enabled"`
	Days           []int            `toml:"days"`             // the three steps' days after purchase: [1, 3, 7]
	MaxOverdueDays int              `toml:"max_overdue_days"` // the last step is dropped this long after it was due (7)
	Channels       []domain.Channel `toml:"channels"`         // suggested channel per step: [wechat, wechat, call]
	LastByCall     bool             `toml:"last_by_call"`     // day 7 is a call whatever the customer prefers (true)
}

// ImportantDaysConfig: birthdays and anniversaries (顾客的重要日子).
type ImportantDaysConfig struct {
	Enabled  bool           `toml:"enabled"`
	LeadDays int            `toml:"lead_days"` // shown from this many days before (3)
	LateDays int            `toml:"late_days"` // and still this many days after, marked overdue (1)
	Channel  domain.Channel `toml:"channel"`   // wechat
}

// TargetGroup selects customers for a grouped item: customers whose class
// is one of Classes, who carry one of Tags, or who match Rule (the group
// rule language, domain/rules; `group = "NAME"` in the config file names a
// saved group instead) — never do-not-contact ones. The default group's
// name, key_customers, is shown translated (核心顾客).
type TargetGroup struct {
	Name    string         `toml:"name"`
	Classes []domain.Class `toml:"classes"`
	Tags    []string       `toml:"tags"`
	Rule    string         `toml:"rule"`
	Group   string         `toml:"group"` // a saved group's name; the app fills Rule from it at start
}

// HolidayConfig: greetings on holidays (节假日问候).
type HolidayConfig struct {
	Enabled  bool           `toml:"enabled"`
	LeadDays int            `toml:"lead_days"` // the grouped item appears this many days before (3)
	Skip     []string       `toml:"skip"`      // holiday ids not to greet, e.g. ["valentines_day"]
	Groups   []TargetGroup  `toml:"groups"`    // one grouped item per group: [{name = "key_customers", classes = ["important", "loyal"]}]
	Channel  domain.Channel `toml:"channel"`   // wechat
}

// ReplenishConfig: the rice-shop reminder (补货提醒).
type ReplenishConfig struct {
	Enabled        bool           `toml:"enabled"`
	LeadDays       int            `toml:"lead_days"`        // due this many days before the purchase runs out (3)
	MaxOverdueDays int            `toml:"max_overdue_days"` // dropped this long after it was due (14)
	Channel        domain.Channel `toml:"channel"`          // call
}

// DormantConfig: waking up customers who stopped buying (唤醒). The
// threshold itself (1.5 × own interval, one-time buyers 120 days) is in
// SegmentConfig, because the "dormant" stage uses the same definition.
type DormantConfig struct {
	Enabled    bool           `toml:"enabled"`
	QuietDays  int            `toml:"quiet_days"`  // only if not contacted for this long (30)
	DailyLimit int            `toml:"daily_limit"` // at most this many a day, most valuable first (10)
	Channel    domain.Channel `toml:"channel"`     // call
}

// SeasonalConfig: a touch for customers not contacted in a season (季节性访问).
type SeasonalConfig struct {
	Enabled    bool           `toml:"enabled"`
	QuietDays  int            `toml:"quiet_days"`  // no contact and no purchase for this long (90)
	DailyLimit int            `toml:"daily_limit"` // at most this many a day (10)
	Channel    domain.Channel `toml:"channel"`     // wechat
}

// AftercareConfig: thanks after an event, a visit after a service case.
type AftercareConfig struct {
	Enabled          bool              `toml:"enabled"`
	ThanksAfterDays  int               `toml:"thanks_after_days"`  // thank attendees this many days after the event (1)
	RevisitAfterDays int               `toml:"revisit_after_days"` // 回访 this many days after a case closes (7)
	RevisitKinds     []domain.CaseKind `toml:"revisit_kinds"`      // which closed cases get a visit: ["aftersale"]
	MaxOverdueDays   int               `toml:"max_overdue_days"`   // dropped this long after due (7)
	Channel          domain.Channel    `toml:"channel"`            // call
}

// FollowUpConfig: hand-set follow-ups (跟进) due today or overdue.
type FollowUpConfig struct {
	Enabled bool           `toml:"enabled"`
	Channel domain.Channel `toml:"channel"` // call
}

// InviteConfig: invitations to events (邀约).
type InviteConfig struct {
	Enabled          bool           `toml:"enabled"`
	DailyQuota       int            `toml:"daily_quota"`        // at most this many new invitations a day (20)
	ChaseAfterDays   int            `toml:"chase_after_days"`   // chase an unanswered invitation after (2)
	MaxAttempts      int            `toml:"max_attempts"`       // stop chasing after this many attempts (3)
	RemindDaysBefore int            `toml:"remind_days_before"` // remind confirmed guests this many days before (1)
	Channel          domain.Channel `toml:"channel"`            // call for invite and chase
	RemindChannel    domain.Channel `toml:"remind_channel"`     // wechat
}

// ServeConfig: appointments, online targets, after-sale work, complaints (服务).
type ServeConfig struct {
	Enabled            bool `toml:"enabled"`
	AfterSaleLeadDays  int  `toml:"aftersale_lead_days"`   // after-sale cases appear this many days before due (2)
	AppointmentLeadDay int  `toml:"appointment_lead_days"` // appointments appear this many days before (0: the day)
}

// MarketingConfig: the restraint of SPEC §4.4.
type MarketingConfig struct {
	Cap        int `toml:"cap"`         // at most this many marketing touches ... (4)
	WindowDays int `toml:"window_days"` // ... in this many days (30)
}

// CallsConfig: the calling etiquette of SPEC §4.4.
type CallsConfig struct {
	RetryMinutes int `toml:"retry_minutes"` // an unanswered call can be retried after (10)
	MaxTries     int `toml:"max_tries"`     // after this many unanswered tries the item moves to tomorrow (2)
}

// DefaultConfig returns the documented defaults of every rule.
func DefaultConfig() Config {
	return Config{
		Routine: RoutineConfig{Enabled: true, Days: []int{1, 3, 7}, MaxOverdueDays: 7,
			Channels: []domain.Channel{domain.ChannelWeChat, domain.ChannelWeChat, domain.ChannelCall}, LastByCall: true},
		ImportantDays: ImportantDaysConfig{Enabled: true, LeadDays: 3, LateDays: 1, Channel: domain.ChannelWeChat},
		Holidays: HolidayConfig{Enabled: true, LeadDays: 3, Channel: domain.ChannelWeChat,
			Groups: []TargetGroup{{Name: "key_customers", Classes: []domain.Class{domain.ClassImportant, domain.ClassLoyal}}}},
		Replenish: ReplenishConfig{Enabled: true, LeadDays: 3, MaxOverdueDays: 14, Channel: domain.ChannelCall},
		Dormant:   DormantConfig{Enabled: true, QuietDays: 30, DailyLimit: 10, Channel: domain.ChannelCall},
		Seasonal:  SeasonalConfig{Enabled: true, QuietDays: 90, DailyLimit: 10, Channel: domain.ChannelWeChat},
		Aftercare: AftercareConfig{Enabled: true, ThanksAfterDays: 1, RevisitAfterDays: 7,
			RevisitKinds: []domain.CaseKind{domain.CaseAfterSale}, MaxOverdueDays: 7, Channel: domain.ChannelCall},
		FollowUp: FollowUpConfig{Enabled: true, Channel: domain.ChannelCall},
		Invite: InviteConfig{Enabled: true, DailyQuota: 20, ChaseAfterDays: 2, MaxAttempts: 3, RemindDaysBefore: 1,
			Channel: domain.ChannelCall, RemindChannel: domain.ChannelWeChat},
		Serve:     ServeConfig{Enabled: true, AfterSaleLeadDays: 2, AppointmentLeadDay: 0},
		Marketing: MarketingConfig{Cap: 4, WindowDays: 30},
		Calls:     CallsConfig{RetryMinutes: 10, MaxTries: 2},
		Segment:   domain.DefaultSegmentConfig(),
	}
}

// ConfigError names the knob that is wrong.
type ConfigError struct {
	Key    string // "routine.days"
	Detail string
}

func (e *ConfigError) Error() string { return e.Key + ": " + e.Detail }

// Validate checks every knob and returns a *ConfigError for the first wrong one.
func (c Config) Validate() error {
	bad := func(key, format string, args ...any) error {
		return &ConfigError{Key: key, Detail: fmt.Sprintf(format, args...)}
	}
	nonNeg := []struct {
		key string
		v   int
		max int
	}{
		{"routine.max_overdue_days", c.Routine.MaxOverdueDays, 365},
		{"important_days.lead_days", c.ImportantDays.LeadDays, 60},
		{"important_days.late_days", c.ImportantDays.LateDays, 30},
		{"holidays.lead_days", c.Holidays.LeadDays, 60},
		{"replenish.lead_days", c.Replenish.LeadDays, 60},
		{"replenish.max_overdue_days", c.Replenish.MaxOverdueDays, 365},
		{"dormant.quiet_days", c.Dormant.QuietDays, 3650},
		{"dormant.daily_limit", c.Dormant.DailyLimit, 10000},
		{"seasonal.quiet_days", c.Seasonal.QuietDays, 3650},
		{"seasonal.daily_limit", c.Seasonal.DailyLimit, 10000},
		{"aftercare.thanks_after_days", c.Aftercare.ThanksAfterDays, 60},
		{"aftercare.revisit_after_days", c.Aftercare.RevisitAfterDays, 365},
		{"aftercare.max_overdue_days", c.Aftercare.MaxOverdueDays, 365},
		{"invite.daily_quota", c.Invite.DailyQuota, 10000},
		{"invite.chase_after_days", c.Invite.ChaseAfterDays, 60},
		{"invite.max_attempts", c.Invite.MaxAttempts, 100},
		{"invite.remind_days_before", c.Invite.RemindDaysBefore, 30},
		{"serve.aftersale_lead_days", c.Serve.AfterSaleLeadDays, 60},
		{"serve.appointment_lead_days", c.Serve.AppointmentLeadDay, 60},
		{"marketing.cap", c.Marketing.Cap, MaxMarketingDates},
		{"marketing.window_days", c.Marketing.WindowDays, 365},
		{"calls.retry_minutes", c.Calls.RetryMinutes, 24 * 60},
		{"calls.max_tries", c.Calls.MaxTries, 100},
		{"segment.new_days", c.Segment.NewDays, 3650},
		{"segment.lost_days", c.Segment.LostDays, 36500},
		{"segment.dormant_min_days", c.Segment.DormantMinDays, 3650},
		{"segment.one_time_days", c.Segment.OneTimeDays, 3650},
	}
	for _, n := range nonNeg {
		if n.v < 0 || n.v > n.max {
			return bad(n.key, "must be between 0 and %d, got %d", n.max, n.v)
		}
	}
	if c.Marketing.WindowDays < 1 {
		return bad("marketing.window_days", "must be at least 1")
	}
	if c.Segment.WindowDays < 1 || c.Segment.WindowDays > 3650 {
		return bad("segment.window_days", "must be between 1 and 3650, got %d", c.Segment.WindowDays)
	}
	if !(c.Segment.DormantMultiplier >= 1 && c.Segment.DormantMultiplier <= 10) { // also refuses NaN
		return bad("segment.dormant_multiplier", "must be between 1 and 10, got %g", c.Segment.DormantMultiplier)
	}
	if c.Segment.OneTimeDays < 1 {
		return bad("segment.one_time_days", "must be at least 1")
	}
	if c.Calls.MaxTries < 1 {
		return bad("calls.max_tries", "must be at least 1")
	}
	if len(c.Routine.Days) != 3 {
		return bad("routine.days", "needs exactly three days, e.g. [1, 3, 7]")
	}
	for i, d := range c.Routine.Days {
		if d < 1 || d > 90 || (i > 0 && d <= c.Routine.Days[i-1]) {
			return bad("routine.days", "must be three increasing days between 1 and 90, got %v", c.Routine.Days)
		}
	}
	if len(c.Routine.Channels) != 3 {
		return bad("routine.channels", "needs one channel per step, e.g. [\"wechat\", \"wechat\", \"call\"]")
	}
	chans := map[string]domain.Channel{
		"important_days.channel": c.ImportantDays.Channel, "holidays.channel": c.Holidays.Channel,
		"replenish.channel": c.Replenish.Channel, "dormant.channel": c.Dormant.Channel,
		"seasonal.channel": c.Seasonal.Channel, "aftercare.channel": c.Aftercare.Channel,
		"followup.channel": c.FollowUp.Channel, "invite.channel": c.Invite.Channel,
		"invite.remind_channel": c.Invite.RemindChannel,
	}
	for i, ch := range c.Routine.Channels {
		chans[fmt.Sprintf("routine.channels[%d]", i)] = ch
	}
	for _, key := range sortedKeys(chans) {
		if !chans[key].Valid() {
			return bad(key, "%q is not a channel (call, sms, wechat, visit, instore, email, other)", chans[key])
		}
	}
	known := domain.BuiltinHolidayIDs()
	for _, id := range c.Holidays.Skip {
		if !slices.Contains(known, id) && !strings.HasPrefix(id, "special:") {
			return bad("holidays.skip", "%q is not a holiday id (%s)", id, strings.Join(known, ", "))
		}
	}
	for i, g := range c.Holidays.Groups {
		key := fmt.Sprintf("holidays.groups[%d]", i)
		if strings.TrimSpace(g.Name) == "" {
			return bad(key+".name", "every group needs a name")
		}
		if len(g.Classes) == 0 && len(g.Tags) == 0 && g.Rule == "" && g.Group == "" {
			return bad(key, "a group needs classes or tags")
		}
		if g.Rule != "" {
			if _, err := rules.Parse(g.Rule); err != nil {
				return bad(key+".rule", "%s", err.Error())
			}
		}
		for _, cl := range g.Classes {
			if !cl.Valid() {
				return bad(key+".classes", "%q is not a class (important, loyal, repeat, new, prospect)", cl)
			}
		}
	}
	for _, k := range c.Aftercare.RevisitKinds {
		if !k.Valid() {
			return bad("aftercare.revisit_kinds", "%q is not a case kind (appointment, online, aftersale, complaint)", k)
		}
	}
	return nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
