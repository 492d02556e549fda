package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/domain/rules"
)

// parseRule reads a group rule; a mistake is a usage error that shows the
// rule with a caret under the column at fault.
func (a *app) parseRule(flag, src string) (*rules.Rule, error) {
	r, err := rules.Parse(src)
	var pe *rules.ParseError
	if errors.As(err, &pe) {
		// The caret line of Caret() ends in the English message; the worded
		// error above it is in the user's language, so keep only the ^.
		lines := strings.Split(pe.Caret(), "\n")
		if n := len(lines); n >= 2 {
			if i := strings.Index(lines[n-1], "^"); i >= 0 {
				lines[n-1] = lines[n-1][:i+1]
			}
		}
		return nil, usagef("%s: %s\n%s", flag, a.cat.RuleError(pe), strings.Join(lines, "\n"))
	}
	return r, err
}

// members evaluates a rule over the store's customers (do-not-contact ones
// included; callers that contact them leave those out).
func members(ctx context.Context, s *session, r *rules.Rule) ([]rules.Facts, error) {
	all, err := s.store.RuleFacts(ctx, 0)
	if err != nil {
		return nil, err
	}
	today := s.store.Today()
	var out []rules.Facts
	for i := range all {
		if r.Match(&all[i], today) {
			out = append(out, all[i])
		}
	}
	return out, nil
}

// cmdGroupAdd saves a group and prints its id and member count.
func (a *app) cmdGroupAdd(ctx context.Context, args []string) error {
	var g globals
	fs := newFlags("group add")
	a.addGlobals(fs, &g)
	pos, err := parseFlags(a.cat, fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return usagef("%s", a.cat.T("cli.err.required", "NAME 'RULE'"))
	}
	r, err := a.parseRule("RULE", pos[1])
	if err != nil {
		return err
	}
	s, err := a.open(ctx, g, "")
	if err != nil {
		return err
	}
	defer s.Close()
	grp := domain.Group{Name: pos[0], Rule: pos[1]}
	if err := s.store.SaveGroup(ctx, &grp); err != nil {
		return err
	}
	ms, err := members(ctx, s, r)
	if err != nil {
		return err
	}
	fmt.Fprintln(a.stdout, grp.ID)
	fmt.Fprintln(a.stderr, a.cat.T("cli.group.saved", grp.Name, len(ms)))
	return nil
}

// cmdGroupList lists saved groups with their member counts.
func (a *app) cmdGroupList(ctx context.Context, args []string) error {
	var g globals
	var asJSON bool
	fs := newFlags("group list")
	a.addGlobals(fs, &g)
	fs.BoolVar(&asJSON, "json", false, "")
	if err := a.noPositionals(fs, args); err != nil {
		return err
	}
	s, err := a.open(ctx, g, "")
	if err != nil {
		return err
	}
	defer s.Close()
	if err := s.segments(ctx, s.store.Today()); err != nil {
		return err
	}
	groups, err := s.store.Groups(ctx)
	if err != nil {
		return err
	}
	type groupJSON struct {
		domain.Group
		Members int `json:"members"`
	}
	out := make([]groupJSON, len(groups))
	rows := [][]string{{a.cat.T("cli.col.id"), a.cat.T("cli.col.name"), a.cat.T("cli.col.members"), a.cat.T("cli.col.rule")}}
	for i, grp := range groups {
		out[i].Group = grp
		if r, err := rules.Parse(grp.Rule); err == nil {
			ms, err := members(ctx, s, r)
			if err != nil {
				return err
			}
			out[i].Members = len(ms)
		}
		rows = append(rows, []string{strconv.FormatInt(grp.ID, 10), grp.Name, strconv.Itoa(out[i].Members), grp.Rule})
	}
	if asJSON {
		return writeJSON(a, out)
	}
	fmt.Fprint(a.stdout, table(rows))
	return nil
}

// cmdGroupShow prints the members of a saved group (or of a rule given
// with --rule), most valuable first.
func (a *app) cmdGroupShow(ctx context.Context, args []string) error {
	var g globals
	var asJSON bool
	var ruleText string
	fs := newFlags("group show")
	a.addGlobals(fs, &g)
	fs.BoolVar(&asJSON, "json", false, "")
	fs.StringVar(&ruleText, "rule", "", "")
	pos, err := parseFlags(a.cat, fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 && ruleText == "" {
		return usagef("%s", a.cat.T("cli.err.required", "NAME"))
	}
	s, err := a.open(ctx, g, "")
	if err != nil {
		return err
	}
	defer s.Close()
	if err := s.segments(ctx, s.store.Today()); err != nil {
		return err
	}
	if ruleText == "" {
		grp, err := s.store.GroupByName(ctx, pos[0])
		if err != nil {
			return err
		}
		ruleText = grp.Rule
	}
	r, err := a.parseRule("--rule", ruleText)
	if err != nil {
		return err
	}
	ms, err := members(ctx, s, r)
	if err != nil {
		return err
	}
	ids := make([]int64, len(ms))
	for i, m := range ms {
		ids[i] = m.ID
	}
	facts, err := s.store.Customers(ctx, ids)
	if err != nil {
		return err
	}
	type memberJSON struct {
		ID    int64        `json:"id"`
		Name  string       `json:"name"`
		Phone string       `json:"phone"`
		Class domain.Class `json:"class"`
		Tags  []string     `json:"tags"`
	}
	out := make([]memberJSON, len(ms))
	rows := [][]string{{a.cat.T("cli.col.id"), a.cat.T("cli.col.name"), a.cat.T("cli.col.phone"), a.cat.T("cli.col.class"), a.cat.T("cli.col.tags")}}
	for i, m := range ms {
		f := facts[m.ID]
		out[i] = memberJSON{ID: m.ID, Name: f.DisplayName(), Phone: f.Phone, Class: m.Class, Tags: m.Tags}
		if out[i].Tags == nil {
			out[i].Tags = []string{}
		}
		rows = append(rows, []string{strconv.FormatInt(m.ID, 10), f.DisplayName(), f.Phone, a.cat.Class(m.Class), strings.Join(m.Tags, ",")})
	}
	if asJSON {
		return writeJSON(a, out)
	}
	fmt.Fprintln(a.stdout, a.cat.T("cli.group.header", r.String(), len(ms)))
	fmt.Fprint(a.stdout, table(rows))
	return nil
}

func writeJSON(a *app, v any) error {
	enc := json.NewEncoder(a.stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
