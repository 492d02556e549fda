package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// tmux drives the real binary in a real terminal, as a person would: a
// private tmux server (its own socket, so a developer's tmux is never
// touched) with one 120×40 session running crmtui.
type tmux struct {
	t       *testing.T
	sock    string
	session string
	env     []string
}

func newTmux(t *testing.T, p *proc) *tmux {
	t.Helper()
	// A short socket path: unix sockets have a ~100-byte limit.
	dir, err := os.MkdirTemp("", "crmtui-tmux-")
	if err != nil {
		t.Fatal(err)
	}
	x := &tmux{t: t, sock: filepath.Join(dir, "s"), session: fmt.Sprintf("crmtui-%d", os.Getpid()),
		env: append(append([]string{}, p.env...), "TERM=xterm-256color")}
	t.Cleanup(func() {
		x.run("kill-server")
		os.RemoveAll(dir)
	})
	return x
}

// run runs a tmux command on the private server.
func (x *tmux) run(args ...string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, "tmux", append([]string{"-S", x.sock, "-f", "/dev/null"}, args...)...)
	cmd.Env = x.env
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	return out.String(), err
}

func (x *tmux) must(args ...string) string {
	x.t.Helper()
	out, err := x.run(args...)
	if err != nil {
		x.t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return out
}

// start opens a 120×40 session running command; the pane stays after the
// command exits so that the test can see how it ended.
func (x *tmux) start(command string) {
	x.t.Helper()
	x.must("new-session", "-d", "-s", x.session, "-x", "120", "-y", "40", command)
	x.must("set-option", "-t", x.session, "remain-on-exit", "on")
}

// screen is what the pane shows now, as text.
func (x *tmux) screen() string {
	x.t.Helper()
	return x.must("capture-pane", "-p", "-t", x.session)
}

// keys types keys (tmux key names: "Enter", "Escape", or text).
func (x *tmux) keys(keys ...string) {
	x.t.Helper()
	x.must(append([]string{"send-keys", "-t", x.session}, keys...)...)
}

// waitFor polls the pane until cond holds, and fails with the last screen.
func (x *tmux) waitFor(what string, cond func(string) bool) string {
	x.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		s := x.screen()
		if cond(s) {
			return s
		}
		if time.Now().After(deadline) {
			x.t.Fatalf("timed out waiting for %s; the pane:\n%s", what, s)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (x *tmux) waitText(texts ...string) string {
	x.t.Helper()
	return x.waitFor(fmt.Sprintf("%q", texts), func(s string) bool {
		for _, t := range texts {
			if !strings.Contains(s, t) {
				return false
			}
		}
		return true
	})
}

// shellQuote quotes s for sh.
func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

// TestTmux_PersonUsesTheApp: in a real terminal (tmux, 120×40, zh_CN, NO_COLOR)
// the app opens on the demo's day, d enter logs the first item and the
// progress moves, ? shows the help, / zm searches the customers by pinyin
// initials and q quits cleanly.
func TestTmux_PersonUsesTheApp(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end in a terminal: runs the real binary in tmux; skipped with -short")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("end-to-end in a terminal: tmux is not on PATH (.ci/run installs it)")
	}
	p := newProc(t)
	x := newTmux(t, p)
	db := filepath.Join(p.dir, "demo.db")
	if out := p.ok("demo", "--no-tui", "--db", db, "--today", "2026-11-22", "--customers", "150", "--seed", "7"); !strings.Contains(out, "customers: 150") {
		t.Fatalf("demo summary:\n%s", out)
	}
	x.start(strings.Join([]string{"env", "LANG=zh_CN.UTF-8", "NO_COLOR=1", shellQuote(p.bin), "--db", shellQuote(db), "--date", "2026-11-22"}, " "))

	progress := regexp.MustCompile(`已完成 (\d+) / (\d+)`)
	s := x.waitText("2026年11月22日 周日", "已完成 0 / ", "1 维护 ", "2 邀约 ", "3 服务 ")
	lines := strings.Split(s, "\n")
	if !strings.Contains(lines[0], "今日") || !strings.Contains(lines[0], "顾客") {
		t.Errorf("no tab bar on the first line: %q", lines[0])
	}
	if !strings.Contains(s, "重要顾客") {
		t.Errorf("120 columns is the wide layout, with class names:\n%s", s)
	}
	first := regexp.MustCompile(`(?m)^\s*逾期\d+天\s+(\S+)`).FindStringSubmatch(s)
	if first == nil || progress.FindStringSubmatch(s)[2] == "0" {
		t.Fatalf("no overdue first item or an empty day:\n%s", s)
	}

	x.keys("d")
	x.waitText("登记维护："+first[1], "渠道", "结果")
	x.keys("Enter")
	s = x.waitText("已完成 1 / ", "已完成："+first[1])

	x.keys("?")
	s = x.waitText("按键说明（? 关闭）", "完成并登记", "撤销", "搜索顾客")
	x.keys("?")
	x.waitFor("the help to close", func(s string) bool { return !strings.Contains(s, "按键说明") })

	x.keys("/")
	x.waitText("150 / 150 位顾客")
	x.keys("zm")
	s = x.waitText("2 / 150 位顾客", "张敏", "周敏")
	if !strings.Contains(s, "搜索：zm") {
		t.Errorf("the search line does not show zm:\n%s", s)
	}

	// esc clears the query, esc again leaves the field, T goes back to Today, q quits.
	x.keys("Escape")
	x.waitText("150 / 150 位顾客")
	x.keys("Escape")
	time.Sleep(100 * time.Millisecond) // let the lone ESC be read as a key of its own
	x.keys("T")
	x.waitText("已完成 1 / ", "1 维护 ")
	x.keys("q")
	var dead string
	x.waitFor("crmtui to exit", func(string) bool {
		out, err := x.run("display-message", "-p", "-t", x.session, "#{pane_dead} #{pane_dead_status}")
		dead = strings.TrimSpace(out)
		if err != nil {
			dead = err.Error() + ": " + dead
		}
		return dead == "1" || strings.HasPrefix(dead, "1 ")
	})
	// tmux may mark the pane dead before it has reaped the process, and
	// then never fills in the status: only a status it has must be 0.
	if dead != "1" && dead != "1 0" {
		t.Errorf("crmtui exited with %q (pane_dead pane_dead_status), want status 0", dead)
	}
	s = x.screen()
	if strings.Contains(s, "已完成 1 / ") {
		t.Errorf("the app's screen is left on the terminal after q (alt screen not restored):\n%s", s)
	}
}
