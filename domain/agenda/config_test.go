package agenda

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/crmtui/crmtui/domain"
)

func TestConfigValidate_AcceptsDefaults(t *testing.T) {
	for name, mod := range map[string]func(c *Config){
		"defaults":            func(c *Config) {},
		"no holiday groups":   func(c *Config) { c.Holidays.Groups = nil },
		"skip a store day":    func(c *Config) { c.Holidays.Skip = []string{"special:3", "valentines_day"} },
		"group by tag only":   func(c *Config) { c.Holidays.Groups = []TargetGroup{{Name: "VIP", Tags: []string{"VIP"}}} },
		"zero limits allowed": func(c *Config) { c.Dormant.DailyLimit, c.Invite.DailyQuota, c.Marketing.Cap = 0, 0, 0 },
		"other routine days":  func(c *Config) { c.Routine.Days = []int{2, 5, 10} },
		"every channel allowed": func(c *Config) {
			c.Routine.Channels = []domain.Channel{domain.ChannelSMS, domain.ChannelEmail, domain.ChannelVisit}
		},
	} {
		cfg := DefaultConfig()
		mod(&cfg)
		if err := cfg.Validate(); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestConfigValidate_RejectsBadKnobWithKey(t *testing.T) {
	for _, tc := range []struct {
		key string
		mod func(c *Config)
	}{
		{"routine.days", func(c *Config) { c.Routine.Days = []int{1, 3} }},
		{"routine.days", func(c *Config) { c.Routine.Days = []int{3, 1, 7} }},
		{"routine.days", func(c *Config) { c.Routine.Days = []int{1, 1, 7} }},
		{"routine.days", func(c *Config) { c.Routine.Days = []int{0, 3, 7} }},
		{"routine.days", func(c *Config) { c.Routine.Days = []int{1, 3, 91} }},
		{"routine.channels", func(c *Config) { c.Routine.Channels = c.Routine.Channels[:2] }},
		{"routine.channels[2]", func(c *Config) { c.Routine.Channels = []domain.Channel{"wechat", "wechat", "fax"} }},
		{"routine.max_overdue_days", func(c *Config) { c.Routine.MaxOverdueDays = -1 }},
		{"important_days.lead_days", func(c *Config) { c.ImportantDays.LeadDays = 61 }},
		{"important_days.late_days", func(c *Config) { c.ImportantDays.LateDays = -1 }},
		{"important_days.channel", func(c *Config) { c.ImportantDays.Channel = "" }},
		{"holidays.lead_days", func(c *Config) { c.Holidays.LeadDays = -3 }},
		{"holidays.skip", func(c *Config) { c.Holidays.Skip = []string{"easter"} }},
		{"holidays.groups[0].name", func(c *Config) { c.Holidays.Groups[0].Name = "  " }},
		{"holidays.groups[1]", func(c *Config) { c.Holidays.Groups = append(c.Holidays.Groups, TargetGroup{Name: "空"}) }},
		{"holidays.groups[0].classes", func(c *Config) { c.Holidays.Groups[0].Classes = []domain.Class{"vip"} }},
		{"replenish.max_overdue_days", func(c *Config) { c.Replenish.MaxOverdueDays = 366 }},
		{"dormant.channel", func(c *Config) { c.Dormant.Channel = "pigeon" }},
		{"dormant.daily_limit", func(c *Config) { c.Dormant.DailyLimit = -1 }},
		{"seasonal.quiet_days", func(c *Config) { c.Seasonal.QuietDays = -90 }},
		{"aftercare.revisit_kinds", func(c *Config) { c.Aftercare.RevisitKinds = []domain.CaseKind{"refund"} }},
		{"invite.daily_quota", func(c *Config) { c.Invite.DailyQuota = -1 }},
		{"invite.remind_channel", func(c *Config) { c.Invite.RemindChannel = "telegram" }},
		{"marketing.window_days", func(c *Config) { c.Marketing.WindowDays = 0 }},
		{"marketing.cap", func(c *Config) { c.Marketing.Cap = -1 }},
		{"calls.max_tries", func(c *Config) { c.Calls.MaxTries = 0 }},
		{"calls.retry_minutes", func(c *Config) { c.Calls.RetryMinutes = 24*60 + 1 }},
		{"segment.window_days", func(c *Config) { c.Segment.WindowDays = 0 }},
		{"segment.dormant_multiplier", func(c *Config) { c.Segment.DormantMultiplier = 0.5 }},
		{"segment.dormant_multiplier", func(c *Config) { c.Segment.DormantMultiplier = math.Inf(1) }},
		{"segment.one_time_days", func(c *Config) { c.Segment.OneTimeDays = -1 }},
	} {
		cfg := DefaultConfig()
		tc.mod(&cfg)
		err := cfg.Validate()
		var ce *ConfigError
		if !errors.As(err, &ce) {
			t.Errorf("%s: got %v, want a *ConfigError", tc.key, err)
			continue
		}
		if ce.Key != tc.key || ce.Detail == "" || !strings.HasPrefix(err.Error(), tc.key+": ") {
			t.Errorf("got key %q detail %q (%v), want key %q", ce.Key, ce.Detail, err, tc.key)
		}
	}
}

func TestConfigValidate_RejectsNaNMultiplier(t *testing.T) {

	cfg := DefaultConfig()
	cfg.Segment.DormantMultiplier = math.NaN()
	var ce *ConfigError
	if err := cfg.Validate(); !errors.As(err, &ce) || ce.Key != "segment.dormant_multiplier" {
		t.Errorf("got %v, want a ConfigError for segment.dormant_multiplier", err)
	}
}
