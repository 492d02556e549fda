package main

import (
	"context"
	"fmt"
	"runtime"

	"github.com/crmtui/crmtui/db"
)

// configArgs parses the flags of a config subcommand and returns the file's path.
func (a *app) configArgs(name string, args []string) (string, error) {
	var g globals
	fs := newFlags(name)
	a.addGlobals(fs, &g)
	if err := a.noPositionals(fs, args); err != nil {
		return "", err
	}
	if g.config != "" {
		return g.config, nil
	}
	return configPath(a.getenv), nil
}

// cmdConfigPath prints where the config file is (and whether it exists).
func (a *app) cmdConfigPath(ctx context.Context, args []string) error {
	p, err := a.configArgs("config path", args)
	if err != nil {
		return err
	}
	fmt.Fprintln(a.stdout, p)
	if !fileExists(p) {
		fmt.Fprintln(a.stderr, a.cat.T("cli.config_missing"))
	}
	return nil
}

// cmdConfigShow prints the effective config with every knob.
func (a *app) cmdConfigShow(ctx context.Context, args []string) error {
	p, err := a.configArgs("config show", args)
	if err != nil {
		return err
	}
	cfg, err := loadConfig(p)
	if err != nil {
		return err
	}
	out, err := encodeConfig(cfg)
	if err != nil {
		return err
	}
	fmt.Fprint(a.stdout, out)
	return nil
}

// cmdVersion prints the version, the schema version and the Go runtime.
func (a *app) cmdVersion(ctx context.Context, args []string) error {
	fmt.Fprintln(a.stdout, a.cat.T("cli.version", version))
	fmt.Fprintf(a.stdout, "schema %d, %s %s/%s\n", db.SchemaVersion(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return nil
}
