package tui_test

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/crmtui/crmtui/db"
	"github.com/crmtui/crmtui/db/demo"
	"github.com/crmtui/crmtui/domain"
	"github.com/crmtui/crmtui/domain/agenda"
	"github.com/crmtui/crmtui/domain/i18n"
	"github.com/crmtui/crmtui/tui"
)

// The fixture: a demo store of 150 customers, seed 7, generated on
// 2026-11-22 (at 09:00, as `crmtui demo --today` does) and used at 10:00.
var (
	cst      = time.FixedZone("CST", 8*3600)
	fixedDay = domain.MustDate("2026-11-22")
	fixedNow = fixedDay.Time(cst).Add(10 * time.Hour)
	langs    = []i18n.Lang{i18n.ZH, i18n.EN}

	templateDB string // the generated demo store; tests copy it
)

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "crmtui-tui-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	templateDB = filepath.Join(dir, "demo.db")
	if err := generateDemo(templateDB); err != nil {
		fmt.Fprintln(os.Stderr, "demo store:", err)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func generateDemo(path string) error {
	ctx := context.Background()
	gen := fixedDay.Time(cst).Add(9 * time.Hour)
	s, err := db.Open(ctx, path, db.Options{Now: func() time.Time { return gen }, Loc: cst})
	if err != nil {
		return err
	}
	if err := demo.Generate(ctx, s, demo.Options{Customers: 150, Seed: 7}); err != nil {
		s.Close()
		return err
	}
	return s.Close()
}

// fixture is a private copy of the demo store, open at the fixed time.
type fixture struct {
	path  string
	store *db.Store
	me    *domain.Salesperson
	shop  domain.Store
}

// newFixture copies the demo store so that a test's writes stay its own.
func newFixture(t *testing.T) *fixture {
	t.Helper()
	path := filepath.Join(t.TempDir(), "demo.db")
	copyFile(t, templateDB, path)
	return openFixture(t, path)
}

func openFixture(t *testing.T, path string) *fixture {
	t.Helper()
	ctx := context.Background()
	s, err := db.Open(ctx, path, db.Options{Now: func() time.Time { return fixedNow }, Loc: cst})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	f := &fixture{path: path, store: s}
	sales, err := s.Salespeople(ctx)
	if err != nil || len(sales) == 0 {
		t.Fatalf("salespeople: %v, %d", err, len(sales))
	}
	f.me = &sales[0]
	shops, err := s.Stores(ctx)
	if err != nil || len(shops) == 0 {
		t.Fatalf("stores: %v, %d", err, len(shops))
	}
	f.shop = shops[0]
	for _, sh := range shops {
		if sh.ID == f.me.StoreID {
			f.shop = sh
		}
	}
	return f
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	in, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}

// options are the app's options on the fixture, as cmd/crmtui builds them.
func (f *fixture) options(lang i18n.Lang) tui.Options {
	return f.optionsWith(f.store, lang)
}

func (f *fixture) optionsWith(store tui.Store, lang i18n.Lang) tui.Options {
	return tui.Options{Store: store, Config: agenda.DefaultConfig(), Me: f.me, Scope: agenda.Scope{SalesID: f.me.ID},
		Shop: f.shop, Lang: lang, Now: func() time.Time { return fixedNow }, Loc: cst, Day: fixedDay, NoColor: true}
}

// agenda is what the Today screen should show, computed from the store
// directly, for expectations.
func (f *fixture) agenda(t *testing.T, day domain.Date) *agenda.Agenda {
	t.Helper()
	ctx := context.Background()
	tolerance := 7
	if day == fixedDay {
		tolerance = 0
	}
	if err := f.store.EnsureSegments(ctx, day, tolerance); err != nil {
		t.Fatal(err)
	}
	a, err := agenda.Build(ctx, f.store, agenda.Query{Date: day, Now: fixedNow, Loc: cst, Scope: agenda.Scope{SalesID: f.me.ID}}, agenda.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// recorder wraps the app and keeps the latest rendered screen: the
// program calls View after every Update, on its own goroutine, so the
// snapshot is what a person would see.
type recorder struct {
	inner  tea.Model
	mu     sync.Mutex
	raw    string   // View().Content as rendered (styled)
	plain  string   // the same with escape sequences stripped
	frames []string // every frame drawn, styles stripped
	bad    []string // texts no frame may contain (raw)
	found  []string // frames that contained one
}

// forbid records every later frame that contains one of texts.
func (r *recorder) forbid(texts ...string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.bad = append(r.bad, texts...)
}

func (r *recorder) violations() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.found...)
}

func (r *recorder) Init() tea.Cmd { return r.inner.Init() }

func (r *recorder) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	r.inner, cmd = r.inner.Update(msg)
	return r, cmd
}

func (r *recorder) View() tea.View {
	v := r.inner.View()
	r.mu.Lock()
	r.raw, r.plain = v.Content, ansi.Strip(v.Content)
	r.frames = append(r.frames, r.plain)
	for _, b := range r.bad {
		if strings.Contains(v.Content, b) {
			r.found = append(r.found, v.Content)
			break
		}
	}
	r.mu.Unlock()
	return v
}

func (r *recorder) snapshot() (raw, plain string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.raw, r.plain
}

// app is a running program under test.
type app struct {
	t   *testing.T
	tm  *teatest.TestModel
	rec *recorder
}

// startApp runs the app on opt at w×h with the colour profile pinned.
func startApp(t *testing.T, opt tui.Options, w, h int) *app {
	t.Helper()
	rec := &recorder{inner: tui.New(opt)}
	tm := teatest.NewTestModel(t, rec, teatest.WithInitialTermSize(w, h),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	a := &app{t: t, tm: tm, rec: rec}
	t.Cleanup(func() {
		tm.Quit()
		tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	})
	return a
}

// mark is the number of frames drawn so far, for waitFrame.
func (a *app) mark() int {
	a.rec.mu.Lock()
	defer a.rec.mu.Unlock()
	return len(a.rec.frames)
}

// waitFrame waits until a frame drawn after mark shows every text, however
// briefly (a state that the next message replaces, such as an item hidden
// before the store has answered), and returns it.
func (a *app) waitFrame(mark int, texts ...string) string {
	a.t.Helper()
	deadline := time.Now().Add(waitTimeout)
	for {
		a.rec.mu.Lock()
		frames := a.rec.frames[mark:]
		a.rec.mu.Unlock()
		for _, f := range frames {
			if containsAll(f, texts...) {
				return f
			}
		}
		if time.Now().After(deadline) {
			a.t.Fatalf("timed out waiting for a frame with %q; the screen:\n%s", texts, a.screen())
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// screen is the latest rendered screen without styling.
func (a *app) screen() string {
	_, plain := a.rec.snapshot()
	return plain
}

const waitTimeout = 10 * time.Second

// waitFor polls the screen until cond holds; it fails with the last screen.
func (a *app) waitFor(what string, cond func(screen string) bool) string {
	a.t.Helper()
	deadline := time.Now().Add(waitTimeout)
	for {
		s := a.screen()
		if cond(s) {
			return s
		}
		if time.Now().After(deadline) {
			a.t.Fatalf("timed out waiting for %s; the screen:\n%s", what, s)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// waitText waits until every text is on the screen.
func (a *app) waitText(texts ...string) string {
	a.t.Helper()
	return a.waitFor(fmt.Sprintf("%q", texts), func(s string) bool { return containsAll(s, texts...) })
}

// waitGone waits until text is no longer on the screen.
func (a *app) waitGone(text string) string {
	a.t.Helper()
	return a.waitFor(fmt.Sprintf("%q to go", text), func(s string) bool { return !strings.Contains(s, text) })
}

// key sends one key press: a printable character or a named key.
func (a *app) key(keys ...string) {
	for _, k := range keys {
		a.tm.Send(keyMsg(k))
	}
}

func keyMsg(k string) tea.KeyPressMsg {
	switch k {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	}
	r := []rune(k)
	if len(r) != 1 {
		panic("keyMsg: unknown key " + k)
	}
	return tea.KeyPressMsg{Code: r[0], Text: k}
}

// resize tells the app the terminal changed size.
func (a *app) resize(w, h int) {
	a.tm.Send(tea.WindowSizeMsg{Width: w, Height: h})
}

// output is everything the program wrote to the terminal so far.
func (a *app) output() string {
	b, err := io.ReadAll(a.tm.Output())
	if err != nil {
		a.t.Fatal(err)
	}
	return string(b)
}

// lines splits a screen into its lines.
func lines(screen string) []string { return strings.Split(screen, "\n") }

// lineWith returns the first line of the screen containing text.
func lineWith(screen, text string) string {
	for _, l := range lines(screen) {
		if strings.Contains(l, text) {
			return l
		}
	}
	return ""
}

// checkFits fails when a line of the screen is wider than w cells or the
// screen is taller than h lines.
func checkFits(t *testing.T, screen string, w, h int) {
	t.Helper()
	ls := lines(screen)
	if len(ls) > h {
		t.Errorf("%d lines on a %d-line screen", len(ls), h)
	}
	for i, l := range ls {
		if n := ansi.StringWidth(l); n > w {
			t.Errorf("line %d is %d cells wide on a %d-column screen: %q", i+1, n, w, l)
		}
		if strings.ContainsFunc(l, func(r rune) bool { return r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) }) {
			t.Errorf("line %d has control characters: %q", i+1, l)
		}
	}
}

func containsAll(s string, texts ...string) bool {
	for _, x := range texts {
		if !strings.Contains(s, x) {
			return false
		}
	}
	return true
}
