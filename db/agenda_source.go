package db

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/domain/agenda"
	"github.com/crmtui/crmtui/domain/rules"
)

var _ agenda.Source = (*Store)(nil)

// scopeSQL returns the owner condition on the customers table aliased c.
//
// The queries below that start from a record table (purchases, key dates,
// cases, invitations, follow-ups) join customers with CROSS JOIN: in SQLite
// that keeps the record table's date or status index as the outer loop.
// Left to itself the planner sometimes walks all of a salesperson's 40,000
// customers through the owner index instead (1.2 s instead of 20 ms on the
// 100,000-customer store).
func scopeSQL(s agenda.Scope) (string, []any) {
	if s.All {
		return "1=1", nil
	}
	return "c.owner_id = ?", []any{s.SalesID}
}

// factColumns is the SELECT list scanned by scanFact.
const factColumns = `c.id, c.name, c.remark, c.salutation, c.phone, c.owner_id, c.class, c.r_score, c.f_score, c.m_score,
	coalesce(c.recency_days, 0), c.frequency, c.monetary, c.preferred_channel, c.do_not_contact, c.purchase_count, c.total_spend,
	c.first_purchase_on, c.last_purchase_on, c.last_purchase_id, c.avg_interval_days, c.last_contact_on, c.missing, c.completeness,
	c.marketing_dates`

func scanFact(sc interface{ Scan(...any) error }) (agenda.CustomerFact, error) {
	var f agenda.CustomerFact
	var class, pref, missing, marketing string
	var dnc int
	err := sc.Scan(&f.ID, &f.Name, &f.Remark, &f.Salutation, &f.Phone, nInt{&f.OwnerID}, &class, &f.RFM.R, &f.RFM.F, &f.RFM.M,
		&f.RFM.RecencyDays, &f.RFM.Frequency, &f.RFM.Monetary, &pref, &dnc, &f.Stats.PurchaseCount, &f.Stats.TotalSpend,
		nDate{&f.Stats.FirstPurchase}, nDate{&f.Stats.LastPurchase}, nInt{&f.Stats.LastPurchaseID}, &f.Stats.AvgIntervalDays,
		nDate{&f.Stats.LastContact}, &missing, &f.Stats.Completeness, &marketing)
	if err != nil {
		return f, err
	}
	f.Class, f.Preferred, f.DoNotContact = domain.Class(class), domain.Channel(pref), dnc != 0
	f.Stats.Class, f.Stats.RFM = f.Class, f.RFM
	if missing != "" {
		f.Missing = strings.Split(missing, ",")
	}
	f.MarketingDates = parseDates(marketing)
	return f, nil
}

// parseDates reads a ','-joined list of dates, skipping bad ones.
func parseDates(s string) []domain.Date {
	if s == "" {
		return nil
	}
	parts := strings.Split(s, ",")
	out := make([]domain.Date, 0, len(parts))
	for _, p := range parts {
		if d, err := domain.ParseDate(p); err == nil {
			out = append(out, d)
		}
	}
	return out
}

func (s *Store) queryFacts(ctx context.Context, q string, args ...any) ([]agenda.CustomerFact, error) {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []agenda.CustomerFact
	for rows.Next() {
		f, err := scanFact(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// RecentSales returns the latest sale of customers whose last sale day is in [from, to].
func (s *Store) RecentSales(ctx context.Context, sc agenda.Scope, from, to domain.Date) ([]agenda.PurchaseFact, error) {
	cond, args := scopeSQL(sc)
	return s.queryPurchaseFacts(ctx, `SELECT p.id, p.customer_id, p.on_date, p.usage_days, p.runs_out_on, p.product, p.amount
		FROM customers c JOIN purchases p ON p.id = c.last_purchase_id
		WHERE `+cond+` AND c.last_purchase_on BETWEEN ? AND ? ORDER BY p.id`, append(args, dateArg(from), dateArg(to))...)
}

// RunningOut returns sales with expected usage whose run-out day is in [from, to].
func (s *Store) RunningOut(ctx context.Context, sc agenda.Scope, from, to domain.Date) ([]agenda.PurchaseFact, error) {
	const cols = `SELECT p.id, p.customer_id, p.on_date, p.usage_days, p.runs_out_on, p.product, p.amount`
	if sc.All {
		return s.queryPurchaseFacts(ctx, cols+` FROM purchases p WHERE p.runs_out_on BETWEEN ? AND ? ORDER BY p.id`, dateArg(from), dateArg(to))
	}
	// One salesperson's book is a small part of a large store: look up
	// their customers' run-out days (purchases_customer_runs_out) rather
	// than walk the whole store's and drop the others.
	return s.queryPurchaseFacts(ctx, cols+` FROM customers c CROSS JOIN purchases p INDEXED BY purchases_customer_runs_out
		ON p.customer_id = c.id WHERE c.owner_id = ? AND p.runs_out_on BETWEEN ? AND ? ORDER BY p.id`,
		sc.SalesID, dateArg(from), dateArg(to))
}

func (s *Store) queryPurchaseFacts(ctx context.Context, q string, args ...any) ([]agenda.PurchaseFact, error) {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []agenda.PurchaseFact
	for rows.Next() {
		var p agenda.PurchaseFact
		if err := rows.Scan(&p.ID, &p.CustomerID, nDate{&p.On}, &p.UsageDays, nDate{&p.RunsOutOn}, &p.Product, &p.Amount); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// KeyDatesMatching returns key dates by calendar, month and day through the
// (calendar, month, day) index; the leap flag is checked here.
func (s *Store) KeyDatesMatching(ctx context.Context, sc agenda.Scope, solar, lunar []domain.MonthDay) ([]agenda.KeyDateFact, error) {
	var out []agenda.KeyDateFact
	for _, set := range []struct {
		cal domain.Calendar
		mds []domain.MonthDay
	}{{domain.Solar, solar}, {domain.Lunar, lunar}} {
		if len(set.mds) == 0 {
			continue
		}
		want := map[domain.MonthDay]bool{}
		var ors []string
		args := []any{string(set.cal)}
		for _, md := range set.mds {
			want[md] = true
			ors = append(ors, "(k.month = ? AND k.day = ?)")
			args = append(args, md.Month, md.Day)
		}
		cond, sargs := scopeSQL(sc)
		// The whole store's dates of the window (key_dates_md), or one
		// salesperson's customers' dates (key_dates_customer_md): a book is
		// a fiftieth of a large store, and the month and day are checked in
		// the index before any row is read.
		from := "key_dates k CROSS JOIN customers c ON c.id = k.customer_id"
		if !sc.All {
			from = "customers c CROSS JOIN key_dates k INDEXED BY key_dates_customer_md ON k.customer_id = c.id"
		}
		rows, err := s.db.QueryContext(ctx, `SELECT k.id, k.customer_id, k.kind, k.label, k.calendar, k.year, k.month, k.day, k.leap
			FROM `+from+`
			WHERE k.calendar = ? AND (`+strings.Join(ors, " OR ")+`) AND `+cond+` ORDER BY k.id`, append(args, sargs...)...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var f agenda.KeyDateFact
			var kind, cal string
			var leap int
			k := &f.KeyDate
			if err := rows.Scan(&k.ID, &f.CustomerID, &kind, &k.Label, &cal, &k.Year, &k.Month, &k.Day, &leap); err != nil {
				rows.Close()
				return nil, err
			}
			k.Kind, k.Calendar, k.Leap = domain.KeyDateKind(kind), domain.Calendar(cal), leap != 0
			if want[domain.MonthDay{Month: k.Month, Day: k.Day, Leap: k.Leap}] {
				out = append(out, f)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// GroupMembers returns the customers of a target group: any of its classes
// or tags (found by SQL), or matching its rule (evaluated over the rule facts).
func (s *Store) GroupMembers(ctx context.Context, sc agenda.Scope, g agenda.TargetGroup) ([]agenda.GroupMember, error) {
	cond, args := scopeSQL(sc)
	var ors []string
	if g.Rule != "" {
		ids, err := s.ruleMembers(ctx, sc, g.Rule)
		if err != nil {
			return nil, err
		}
		if len(ids) > 0 {
			ors = append(ors, "c.id IN (SELECT value FROM json_each(?))")
			raw, _ := json.Marshal(ids)
			args = append(args, string(raw))
		}
	}
	if len(g.Classes) > 0 {
		ors = append(ors, "c.class IN ("+placeholders(len(g.Classes))+")")
		for _, cl := range g.Classes {
			args = append(args, string(cl))
		}
	}
	if len(g.Tags) > 0 {
		ors = append(ors, "EXISTS (SELECT 1 FROM customer_tags t WHERE t.customer_id = c.id AND t.tag IN ("+placeholders(len(g.Tags))+"))")
		for _, t := range g.Tags {
			args = append(args, t)
		}
	}
	if len(ors) == 0 {
		return nil, nil
	}
	rows, err := s.db.QueryContext(ctx, "SELECT c.id, c.class, c.do_not_contact, c.marketing_dates FROM customers c WHERE "+cond+
		" AND ("+strings.Join(ors, " OR ")+") ORDER BY c.value_rank DESC, c.id", args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []agenda.GroupMember
	for rows.Next() {
		var m agenda.GroupMember
		var class, marketing string
		var dnc int
		if err := rows.Scan(&m.ID, &class, &dnc, &marketing); err != nil {
			return nil, err
		}
		m.Class, m.DoNotContact, m.MarketingDates = domain.Class(class), dnc != 0, parseDates(marketing)
		out = append(out, m)
	}
	return out, rows.Err()
}

// DormantCandidates returns dormant, quiet, contactable customers, most valuable first.
func (s *Store) DormantCandidates(ctx context.Context, sc agenda.Scope, day, quietSince domain.Date, limit int) ([]agenda.CustomerFact, error) {
	cond, args := scopeSQL(sc)
	return s.queryFacts(ctx, "SELECT "+factColumns+` FROM customers c
		WHERE `+cond+` AND c.dormant_on <= ? AND (c.last_contact_on IS NULL OR c.last_contact_on < ?) AND c.do_not_contact = 0
		ORDER BY c.value_rank DESC, c.id LIMIT ?`, append(args, dateArg(day), dateArg(quietSince), limit)...)
}

// QuietCustomers returns buyers neither contacted nor buying since
// touchedBefore and not dormant on day, most valuable first.
func (s *Store) QuietCustomers(ctx context.Context, sc agenda.Scope, day, touchedBefore domain.Date, limit int) ([]agenda.CustomerFact, error) {
	cond, args := scopeSQL(sc)
	return s.queryFacts(ctx, "SELECT "+factColumns+` FROM customers c
		WHERE `+cond+` AND c.last_touch_on < ? AND c.purchase_count > 0 AND c.dormant_on > ? AND c.do_not_contact = 0
		ORDER BY c.value_rank DESC, c.id LIMIT ?`, append(args, dateArg(touchedBefore), dateArg(day), limit)...)
}

// AttendedBetween returns attended invitations of events that ended in [from, to].
func (s *Store) AttendedBetween(ctx context.Context, sc agenda.Scope, from, to domain.Date) ([]agenda.InvitationFact, error) {
	events, err := s.queryEvents(ctx, "SELECT "+eventColumns+" FROM events WHERE ends_on BETWEEN ? AND ? ORDER BY id", dateArg(from), dateArg(to))
	if err != nil || len(events) == 0 {
		return nil, err
	}
	byID := map[int64]domain.Event{}
	var ids []int64
	for _, e := range events {
		byID[e.ID] = e
		ids = append(ids, e.ID)
	}
	invs, err := s.Invitations(ctx, sc, ids, []domain.InvitationStatus{domain.InvAttended})
	if err != nil {
		return nil, err
	}
	out := make([]agenda.InvitationFact, len(invs))
	for i, inv := range invs {
		out[i] = agenda.InvitationFact{Invitation: inv, Event: byID[inv.EventID]}
	}
	return out, nil
}

// ClosedCasesBetween returns cases of the kinds closed on a local day in [from, to].
func (s *Store) ClosedCasesBetween(ctx context.Context, sc agenda.Scope, kinds []domain.CaseKind, from, to domain.Date) ([]domain.ServiceCase, error) {
	if len(kinds) == 0 {
		return nil, nil
	}
	cond, args := scopeSQL(sc)
	q := "SELECT " + prefixed("k.", caseColumns) + ` FROM cases k CROSS JOIN customers c ON c.id = k.customer_id
		WHERE k.closed_on BETWEEN ? AND ? AND k.kind IN (` + placeholders(len(kinds)) + `) AND ` + cond + ` ORDER BY k.id`
	all := []any{dateArg(from), dateArg(to)}
	for _, k := range kinds {
		all = append(all, string(k))
	}
	return s.queryCases(ctx, q, append(all, args...)...)
}

// OpenCases returns every case not closed, with complaint steps.
func (s *Store) OpenCases(ctx context.Context, sc agenda.Scope) ([]domain.ServiceCase, error) {
	cond, args := scopeSQL(sc)
	return s.queryCases(ctx, "SELECT "+prefixed("k.", caseColumns)+` FROM cases k CROSS JOIN customers c ON c.id = k.customer_id
		WHERE k.status <> 'closed' AND `+cond+` ORDER BY k.due_at, k.id`, args...)
}

func (s *Store) queryCases(ctx context.Context, q string, args ...any) ([]domain.ServiceCase, error) {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	var out []domain.ServiceCase
	for rows.Next() {
		var c domain.ServiceCase
		if err := scanCase(rows, &c); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	ptrs := make([]*domain.ServiceCase, len(out))
	for i := range out {
		ptrs[i] = &out[i]
	}
	return out, s.loadSteps(ctx, s.db, ptrs)
}

// prefixed qualifies a comma-separated column list with a table alias.
func prefixed(alias, cols string) string {
	parts := strings.Split(cols, ",")
	for i, p := range parts {
		parts[i] = alias + strings.TrimSpace(p)
	}
	return strings.Join(parts, ", ")
}

// OpenFollowUps returns open follow-ups due on or before day.
func (s *Store) OpenFollowUps(ctx context.Context, sc agenda.Scope, day domain.Date) ([]domain.FollowUp, error) {
	cond, args := scopeSQL(sc)
	return s.queryFollowUps(ctx, "SELECT "+followUpColumns+` FROM follow_ups f CROSS JOIN customers c ON c.id = f.customer_id
		WHERE f.status = 'open' AND f.due_on <= ? AND `+cond+` ORDER BY f.due_on, f.id`, append([]any{dateArg(day)}, args...)...)
}

// UpcomingEvents returns events starting on or after from.
func (s *Store) UpcomingEvents(ctx context.Context, from domain.Date) ([]domain.Event, error) {
	return s.queryEvents(ctx, "SELECT "+eventColumns+" FROM events WHERE starts_on >= ? ORDER BY starts_at, id", dateArg(from))
}

// Invitations returns the invitations of the events in the statuses, within scope.
func (s *Store) Invitations(ctx context.Context, sc agenda.Scope, eventIDs []int64, statuses []domain.InvitationStatus) ([]domain.Invitation, error) {
	if len(eventIDs) == 0 || len(statuses) == 0 {
		return nil, nil
	}
	cond, sargs := scopeSQL(sc)
	args := int64Args(eventIDs)
	for _, st := range statuses {
		args = append(args, string(st))
	}
	from := "invitations i CROSS JOIN customers c ON c.id = i.customer_id"
	if !sc.All {
		// An event plans thousands of the store's customers; one
		// salesperson's are found from their customers (invitations_customer).
		from = "customers c CROSS JOIN invitations i ON i.customer_id = c.id"
	}
	return s.queryInvitations(ctx, "SELECT "+prefixed("i.", invitationColumns)+` FROM `+from+`
		WHERE i.event_id IN (`+placeholders(len(eventIDs))+`) AND i.status IN (`+placeholders(len(statuses))+`) AND `+cond+
		` ORDER BY i.id`, append(args, sargs...)...)
}

// InvitedOn counts invitations sent on day, within scope.
func (s *Store) InvitedOn(ctx context.Context, sc agenda.Scope, day domain.Date) (int, error) {
	cond, args := scopeSQL(sc)
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM invitations i CROSS JOIN customers c ON c.id = i.customer_id
		WHERE i.invited_on = ? AND `+cond, append([]any{dateArg(day)}, args...)...).Scan(&n)
	return n, err
}

// ItemStates returns the kept states of the keys, in one query.
func (s *Store) ItemStates(ctx context.Context, keys []string) (map[string]agenda.ItemState, error) {
	out := map[string]agenda.ItemState{}
	if len(keys) == 0 {
		return out, nil
	}
	raw, _ := json.Marshal(keys)
	rows, err := s.db.QueryContext(ctx, "SELECT "+stateColumns+" FROM item_states WHERE key IN (SELECT value FROM json_each(?))", string(raw))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		st, err := scanState(rows)
		if err != nil {
			return nil, err
		}
		out[st.Key] = st
	}
	return out, rows.Err()
}

const stateColumns = "key, rule, customer_id, state, until_on, retry_at, tries, reason, note, at, on_date, salesperson_id"

func scanState(sc interface{ Scan(...any) error }) (agenda.ItemState, error) {
	var st agenda.ItemState
	var rule, state, reason string
	err := sc.Scan(&st.Key, &rule, nInt{&st.CustomerID}, &state, nDate{&st.Until}, nTime{&st.RetryAt}, &st.Tries, &reason, &st.Note,
		nTime{&st.At}, nDate{&st.On}, nInt{&st.SalesID})
	st.Rule, st.State, st.Reason = agenda.RuleID(rule), agenda.State(state), agenda.SnoozeReason(reason)
	return st, err
}

// Customers returns the facts of the given customers, in one query
// whatever their number (the ids travel as one JSON array).
func (s *Store) Customers(ctx context.Context, ids []int64) (map[int64]agenda.CustomerFact, error) {
	out := make(map[int64]agenda.CustomerFact, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	raw, _ := json.Marshal(ids)
	facts, err := s.queryFacts(ctx, "SELECT "+factColumns+" FROM customers c WHERE c.id IN (SELECT value FROM json_each(?))", string(raw))
	if err != nil {
		return nil, err
	}
	for _, f := range facts {
		out[f.ID] = f
	}
	return out, nil
}

// ActedOn counts the items acted on during day by the scope's salesperson
// (anyone's with scope.All): done ones, and per rule every kept state.
func (s *Store) ActedOn(ctx context.Context, sc agenda.Scope, day domain.Date) (agenda.Acted, error) {
	q := "SELECT rule, state, count(*) FROM item_states WHERE on_date = ? AND state <> 'trying'"
	args := []any{dateArg(day)}
	if !sc.All {
		q += " AND salesperson_id = ?"
		args = append(args, sc.SalesID)
	}
	rows, err := s.db.QueryContext(ctx, q+" GROUP BY rule, state", args...)
	if err != nil {
		return agenda.Acted{}, fmt.Errorf("acted count: %w", err)
	}
	defer rows.Close()
	out := agenda.Acted{ByRule: map[agenda.RuleID]int{}}
	for rows.Next() {
		var rule, state string
		var n int
		if err := rows.Scan(&rule, &state, &n); err != nil {
			return out, err
		}
		out.ByRule[agenda.RuleID(rule)] += n
		if agenda.State(state) == agenda.StateDone {
			out.Done += n
		}
	}
	return out, rows.Err()
}

// ruleMembers returns the ids of the scope's customers matching a rule.
func (s *Store) ruleMembers(ctx context.Context, sc agenda.Scope, src string) ([]int64, error) {
	r, err := rules.Parse(src)
	if err != nil {
		return nil, err
	}
	owner := int64(0)
	if !sc.All {
		owner = sc.SalesID
	}
	facts, err := s.RuleFacts(ctx, owner)
	if err != nil {
		return nil, err
	}
	today := s.Today()
	var ids []int64
	for i := range facts {
		if r.Match(&facts[i], today) {
			ids = append(ids, facts[i].ID)
		}
	}
	return ids, nil
}
