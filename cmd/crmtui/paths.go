package main

import (
	"os"
	"path/filepath"
)

// dataDir is $XDG_DATA_HOME/crmtui, or ~/.local/share/crmtui.
func dataDir(getenv func(string) string) string {
	base := getenv("XDG_DATA_HOME")
	if base == "" {
		base = filepath.Join(homeDir(getenv), ".local", "share")
	}
	return filepath.Join(base, "crmtui")
}

// defaultDB is $CRMTUI_DB, else the crm.db in the data folder.
func defaultDB(getenv func(string) string) string {
	if p := getenv("CRMTUI_DB"); p != "" {
		return p
	}
	return filepath.Join(dataDir(getenv), "crm.db")
}

// demoDB is the demo's own file: the demo never writes the user's database.
func demoDB(getenv func(string) string) string {
	return filepath.Join(dataDir(getenv), "demo.db")
}

// configPath is $CRMTUI_CONFIG, else $XDG_CONFIG_HOME/crmtui/config.toml (~/.config).
func configPath(getenv func(string) string) string {
	if p := getenv("CRMTUI_CONFIG"); p != "" {
		return p
	}
	base := getenv("XDG_CONFIG_HOME")
	if base == "" {
		base = filepath.Join(homeDir(getenv), ".config")
	}
	return filepath.Join(base, "crmtui", "config.toml")
}

func homeDir(getenv func(string) string) string {
	if h := getenv("HOME"); h != "" {
		return h
	}
	if h, err := os.UserHomeDir(); err == nil {
		return h
	}
	return "."
}
