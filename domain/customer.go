package domain

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Tri is a yes/no answer that may still be unknown (MAN qualification).
type Tri int8

// The three states of a Tri.
const (
	Unknown Tri = 0
	Yes     Tri = 1
	No      Tri = -1
)

// MAN is the prospect qualification of SPEC §2: does the person have the
// Money, the Authority to decide and the Need? It matters for customers who
// have not bought yet.
type MAN struct {
	Money     Tri `json:"money"`
	Authority Tri `json:"authority"`
	Need      Tri `json:"need"`
}

// Preferences are the customer's personal tastes (个人喜好).
type Preferences struct {
	Sizes      []string `json:"sizes,omitempty"`
	Colors     []string `json:"colors,omitempty"`
	Brands     []string `json:"brands,omitempty"`
	Categories []string `json:"categories,omitempty"`
	Other      string   `json:"other,omitempty"`
}

// IsEmpty reports whether nothing is known of the customer's tastes.
func (p Preferences) IsEmpty() bool {
	return len(p.Sizes)+len(p.Colors)+len(p.Brands)+len(p.Categories) == 0 && strings.TrimSpace(p.Other) == ""
}

// ContactPrefs say how and when a customer wants to be reached.
type ContactPrefs struct {
	Preferred    Channel `json:"preferred,omitempty"`
	DoNotContact bool    `json:"do_not_contact"`
	AvoidHours   string  `json:"avoid_hours,omitempty"` // "12:00-14:00,21:30-09:00"
}

// Customer is the customer file (顾客信息) of SPEC §2: the basic layer, the
// key layer and, read-only, the dynamic figures the store derives.
type Customer struct {
	ID         int64  `json:"id"`
	ExternalID string `json:"external_id,omitempty"` // the id in the system a customer was imported from

	// Basic information (基本信息).
	Name       string   `json:"name"`
	Remark     string   `json:"remark,omitempty"`     // 备注名: what the salesperson calls them
	Salutation string   `json:"salutation,omitempty"` // 称呼: 王姐, 李先生, 张总
	Phones     []string `json:"phones,omitempty"`
	WeChat     string   `json:"wechat,omitempty"`
	Gender     Gender   `json:"gender,omitempty"`
	Source     Source   `json:"source,omitempty"`
	ReferrerID int64    `json:"referrer_id,omitempty"` // the customer who referred this one
	OwnerID    int64    `json:"owner_id,omitempty"`    // the salesperson who looks after them
	StoreID    int64    `json:"store_id,omitempty"`
	CreatedOn  Date     `json:"created_on"`

	// Key information (关键信息).
	KeyDates       []KeyDate   `json:"key_dates,omitempty"`
	DirectNeeds    string      `json:"direct_needs,omitempty"`
	PotentialNeeds string      `json:"potential_needs,omitempty"`
	Preferences    Preferences `json:"preferences"`
	RecentFocus    string      `json:"recent_focus,omitempty"`
	Description    string      `json:"description,omitempty"`

	Tags      []string     `json:"tags,omitempty"`
	Contact   ContactPrefs `json:"contact"`
	MAN       MAN          `json:"man"`
	ValueType ValueType    `json:"value_type,omitempty"`

	// Dynamic information (动态信息), computed by the store, never typed.
	Stats CustomerStats `json:"stats"`
}

// CustomerStats are the derived figures of a customer, kept current by the
// store on every purchase and contact so that no screen scans history.
type CustomerStats struct {
	PurchaseCount   int     `json:"purchase_count"`    // sales, returns not counted
	ReturnCount     int     `json:"return_count"`      // returns and cancellations
	TotalSpend      Money   `json:"total_spend"`       // net of returns
	FirstPurchase   Date    `json:"first_purchase"`    // first sale
	LastPurchase    Date    `json:"last_purchase"`     // last sale
	LastPurchaseID  int64   `json:"last_purchase_id"`  // the sale that anchors the 1-3-7 cycle
	AvgIntervalDays float64 `json:"avg_interval_days"` // (last - first) / (count - 1); 0 for fewer than two sales
	LastContact     Date    `json:"last_contact"`
	Class           Class   `json:"class"`
	Stage           Stage   `json:"stage"`
	RFM             RFM     `json:"rfm"`
	Completeness    int     `json:"completeness"` // percent
}

// DisplayName is how lists show a customer: the remark name if set, else the name.
func (c *Customer) DisplayName() string {
	if r := strings.TrimSpace(c.Remark); r != "" {
		return r
	}
	return c.Name
}

// Phone returns the first phone number, or "".
func (c *Customer) Phone() string {
	if len(c.Phones) == 0 {
		return ""
	}
	return c.Phones[0]
}

// Birthday returns the customer's birthday key date, if any.
func (c *Customer) Birthday() (KeyDate, bool) {
	for _, k := range c.KeyDates {
		if k.Kind == KindBirthday {
			return k, true
		}
	}
	return KeyDate{}, false
}

// HasTag reports whether the customer carries the tag (case-insensitive).
func (c *Customer) HasTag(tag string) bool {
	for _, t := range c.Tags {
		if strings.EqualFold(t, tag) {
			return true
		}
	}
	return false
}

// Limits on free text, generous enough for real notes and small enough that
// a pasted document does not end up in a name.
const (
	MaxNameRunes  = 50
	MaxShortRunes = 100
	MaxNoteRunes  = 2000
	MaxTagRunes   = 30
	MaxTags       = 50
	MaxPhones     = 5
)

// Normalize tidies what people type: trims spaces, normalises phones and
// removes duplicate tags. It never changes meaning.
func (c *Customer) Normalize() {
	c.Name = strings.TrimSpace(c.Name)
	c.Remark = strings.TrimSpace(c.Remark)
	c.Salutation = strings.TrimSpace(c.Salutation)
	c.WeChat = strings.TrimSpace(c.WeChat)
	c.ExternalID = strings.TrimSpace(c.ExternalID)
	phones := c.Phones[:0]
	for _, p := range c.Phones {
		if p = NormalizePhone(p); p != "" && !containsString(phones, p) {
			phones = append(phones, p)
		}
	}
	c.Phones = phones
	c.Tags = NormalizeTags(c.Tags)
}

// NormalizeTags trims tags and drops empty and duplicate ones (case-insensitive), keeping order.
func NormalizeTags(tags []string) []string {
	out := make([]string, 0, len(tags))
	for _, t := range tags {
		t = strings.TrimSpace(t)
		if t == "" {
			continue
		}
		dup := false
		for _, o := range out {
			if strings.EqualFold(o, t) {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, t)
		}
	}
	return out
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

var avoidHoursRe = regexp.MustCompile(`^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$`)

// Validate checks every field and returns a *ValidationError naming each wrong one.
func (c *Customer) Validate() error {
	p := newProblems("customer")
	checkText(p, "name", c.Name, MaxNameRunes, true)
	checkText(p, "remark", c.Remark, MaxNameRunes, false)
	checkText(p, "salutation", c.Salutation, MaxNameRunes, false)
	checkText(p, "external_id", c.ExternalID, MaxShortRunes, false)
	if len(c.Phones) > MaxPhones {
		p.add("phones", CodeOutOfRange, "", "at most 5 phone numbers")
	}
	for i, ph := range c.Phones {
		if err := ValidatePhone(ph); err != nil {
			p.add(indexed("phones", i), CodeInvalid, ph, err.Error())
		}
	}
	if c.WeChat != "" {
		if err := ValidateWeChat(c.WeChat); err != nil {
			p.add("wechat", CodeInvalid, c.WeChat, err.Error())
		}
	}
	if !c.Gender.Valid() {
		p.add("gender", CodeUnknown, string(c.Gender), "female, male or empty")
	}
	if !c.Source.Valid() {
		p.add("source", CodeUnknown, string(c.Source), "face_to_face, referral, event, online, walk_in or other")
	}
	if c.ReferrerID != 0 && c.ReferrerID == c.ID {
		p.add("referrer_id", CodeConflict, "", "a customer cannot refer themselves")
	}
	if c.ReferrerID < 0 || c.OwnerID < 0 || c.StoreID < 0 {
		p.add("id", CodeInvalid, "", "ids are positive")
	}
	births := 0
	for i, k := range c.KeyDates {
		if k.Kind == KindBirthday {
			births++
		}
		p.merge(indexed("key_dates", i)+".", k.Validate())
	}
	if births > 1 {
		p.add("key_dates", CodeConflict, "", "only one birthday")
	}
	checkText(p, "direct_needs", c.DirectNeeds, MaxNoteRunes, false)
	checkText(p, "potential_needs", c.PotentialNeeds, MaxNoteRunes, false)
	checkText(p, "recent_focus", c.RecentFocus, MaxNoteRunes, false)
	checkText(p, "description", c.Description, MaxNoteRunes, false)
	checkText(p, "preferences.other", c.Preferences.Other, MaxNoteRunes, false)
	for _, list := range [][]string{c.Preferences.Sizes, c.Preferences.Colors, c.Preferences.Brands, c.Preferences.Categories} {
		for _, v := range list {
			checkText(p, "preferences", v, MaxShortRunes, false)
		}
	}
	if len(c.Tags) > MaxTags {
		p.add("tags", CodeOutOfRange, "", "at most 50 tags")
	}
	for i, t := range c.Tags {
		if err := ValidateTag(t); err != nil {
			p.add(indexed("tags", i), CodeInvalid, t, err.Error())
		}
	}
	if c.Contact.Preferred != "" && !c.Contact.Preferred.Valid() {
		p.add("contact.preferred", CodeUnknown, string(c.Contact.Preferred), "call, sms, wechat, visit, instore, email or other")
	}
	if h := strings.TrimSpace(c.Contact.AvoidHours); h != "" {
		for _, span := range strings.Split(h, ",") {
			if !avoidHoursRe.MatchString(strings.TrimSpace(span)) {
				p.add("contact.avoid_hours", CodeInvalid, h, "spans like 12:00-14:00, separated by commas")
				break
			}
		}
	}
	for _, t := range []Tri{c.MAN.Money, c.MAN.Authority, c.MAN.Need} {
		if t < No || t > Yes {
			p.add("man", CodeInvalid, "", "yes, no or unknown")
			break
		}
	}
	if !c.ValueType.Valid() {
		p.add("value_type", CodeUnknown, string(c.ValueType), "profit, volume, relationship, strategic or empty")
	}
	return p.err()
}

// ValidateTag checks one tag: short, no commas (they separate tags in files), no control characters.
func ValidateTag(t string) error {
	switch {
	case strings.TrimSpace(t) == "":
		return errText("a tag cannot be empty")
	case utf8.RuneCountInString(t) > MaxTagRunes:
		return errText("a tag has at most 30 characters")
	case strings.ContainsAny(t, ",，"):
		return errText("a tag cannot contain a comma")
	case hasControl(t, false):
		return errText("a tag cannot contain control characters")
	}
	return nil
}

// NormalizePhone removes spaces, dashes, dots and brackets people type in phone numbers.
func NormalizePhone(s string) string {
	var b strings.Builder
	for _, r := range strings.TrimSpace(s) {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r >= '０' && r <= '９': // full-width digits from Chinese input methods
			b.WriteRune('0' + (r - '０'))
		case (r == '+' || r == '＋') && b.Len() == 0: // a leading plus, also after a bracket
			b.WriteByte('+')
		case r == ' ' || r == '-' || r == '.' || r == '(' || r == ')' || r == '（' || r == '）' || r == '　':
		default:
			b.WriteRune(r) // kept so that validation can name it
		}
	}
	return b.String()
}

// ValidatePhone accepts a normalised number: an optional leading + and 5 to 20
// digits; a Chinese mobile number (11 digits) must start with 1.
func ValidatePhone(s string) error {
	d := strings.TrimPrefix(s, "+")
	if len(d) < 5 || len(d) > 20 {
		return errText("a phone number has 5 to 20 digits")
	}
	for _, r := range d {
		if r < '0' || r > '9' {
			return errText("a phone number has only digits, spaces and dashes")
		}
	}
	if !strings.HasPrefix(s, "+") && len(d) == 11 && d[0] != '1' && d[0] != '0' {
		return errText("an 11-digit mobile number starts with 1")
	}
	return nil
}

// ValidateWeChat accepts WeChat ids and the phone numbers people use as ids:
// 1 to 40 characters without spaces or control characters.
func ValidateWeChat(s string) error {
	if utf8.RuneCountInString(s) > 40 {
		return errText("a WeChat id has at most 40 characters")
	}
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsControl(r) {
			return errText("a WeChat id has no spaces")
		}
	}
	return nil
}

func checkText(p *problems, field, v string, max int, required bool) {
	switch {
	case required && strings.TrimSpace(v) == "":
		p.add(field, CodeRequired, "", "")
	case utf8.RuneCountInString(v) > max:
		p.add(field, CodeTooLong, "", "at most "+strconv.Itoa(max)+" characters")
	case hasControl(v, max >= MaxNoteRunes):
		p.add(field, CodeInvalid, v, "control characters are not allowed")
	}
}

// hasControl reports control characters; long free text may keep line breaks and tabs.
func hasControl(s string, allowBreaks bool) bool {
	for _, r := range s {
		if unicode.IsControl(r) && !(allowBreaks && (r == '\n' || r == '\t')) {
			return true
		}
	}
	return false
}

type errText string

func (e errText) Error() string { return string(e) }

func indexed(field string, i int) string { return field + "[" + strconv.Itoa(i) + "]" }
