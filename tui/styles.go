package tui

import (
	"image/color"

	"charm.land/lipgloss/v2"

	"github.com/crmtui/crmtui/domain"
)

// Styles is the app's one set of semantic styles, built for a light or dark
// background, or without colour (NO_COLOR). Meaning never rests on colour
// alone: overdue items also carry a marker and classes a word.
type Styles struct {
	Tab, TabActive           lipgloss.Style
	Title, Date, Progress    lipgloss.Style
	Section, SectionActive   lipgloss.Style
	Item, ItemSelected, Dim  lipgloss.Style
	Overdue, Held, Late, OK  lipgloss.Style
	Status, Error            lipgloss.Style
	Box, BoxTitle            lipgloss.Style
	Label, Value, FieldError lipgloss.Style
	Key, KeyDesc             lipgloss.Style
	Filter                   lipgloss.Style
	ClassBadge               map[domain.Class]lipgloss.Style
}

// NewStyles builds the styles for the background; noColor keeps only bold,
// faint and reverse.
func NewStyles(dark, noColor bool) Styles {
	ld := lipgloss.LightDark(dark)
	col := func(light, darkc string) color.Color {
		if noColor {
			return lipgloss.NoColor{}
		}
		return ld(lipgloss.Color(light), lipgloss.Color(darkc))
	}
	accent := col("#1f5fbf", "#7aa2f7")
	red := col("#b3261e", "#f7768e")
	amber := col("#8a5a00", "#e0af68")
	green := col("#1b7f3b", "#9ece6a")
	faint := col("#6b6b6b", "#8a8fa3")
	base := lipgloss.NewStyle()
	s := Styles{
		Tab:           base.Padding(0, 1).Foreground(faint),
		TabActive:     base.Padding(0, 1).Bold(true).Reverse(true),
		Title:         base.Bold(true),
		Date:          base.Bold(true).Foreground(accent),
		Progress:      base.Foreground(green),
		Section:       base.Foreground(faint),
		SectionActive: base.Bold(true).Underline(true).Foreground(accent),
		Item:          base,
		ItemSelected:  base.Reverse(true),
		Dim:           base.Foreground(faint),
		Overdue:       base.Foreground(red).Bold(true),
		Held:          base.Foreground(amber),
		Late:          base.Foreground(red).Bold(true),
		OK:            base.Foreground(green),
		Status:        base.Foreground(faint),
		Error:         base.Foreground(red).Bold(true),
		Box:           base.Border(lipgloss.RoundedBorder()).BorderForeground(accent).Padding(0, 1),
		BoxTitle:      base.Bold(true).Foreground(accent),
		Label:         base.Foreground(faint),
		Value:         base,
		FieldError:    base.Foreground(red),
		Key:           base.Bold(true).Foreground(accent),
		KeyDesc:       base.Foreground(faint),
		Filter:        base.Bold(true),
	}
	if noColor {
		s.Overdue = base.Bold(true)
		s.Late = base.Bold(true)
		s.Held = base.Faint(true)
		s.Dim = base.Faint(true)
		s.Tab = base.Padding(0, 1).Faint(true)
		s.Box = base.Border(lipgloss.NormalBorder()).Padding(0, 1)
	}
	s.ClassBadge = map[domain.Class]lipgloss.Style{
		domain.ClassImportant: base.Foreground(col("#9c2f8e", "#bb9af7")).Bold(true),
		domain.ClassLoyal:     base.Foreground(accent),
		domain.ClassRepeat:    base.Foreground(green),
		domain.ClassNew:       base.Foreground(amber),
		domain.ClassProspect:  base.Foreground(faint),
	}
	return s
}

// badge renders a class name in its colour.
func (s Styles) badge(c domain.Class, text string) string {
	if st, ok := s.ClassBadge[c]; ok {
		return st.Render(text)
	}
	return text
}
