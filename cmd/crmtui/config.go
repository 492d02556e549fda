package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/crmtui/crmtui/domain/agenda"
)

// Config is the one config file: who the user is, the language, and every
// rule knob. A missing file means the defaults; `crmtui config show` prints
// the effective file with every knob.
type Config struct {
	Me            string `toml:"me"`   // the salesperson the app acts as; default: the only or first one
	Lang          string `toml:"lang"` // zh or en; default: from LC_ALL / LC_MESSAGES / LANG
	agenda.Config        // the rule knobs, one table per rule
}

// configError names the file and the knob that is wrong.
type configError struct {
	path string
	err  error
}

func (e *configError) Error() string { return e.path + ": " + e.err.Error() }
func (e *configError) Unwrap() error { return e.err }

// loadConfig reads the file at path over the defaults. Unknown keys and bad
// values are errors that name the key, so that a typo never silently falls
// back to a default.
func loadConfig(path string) (Config, error) {
	cfg := Config{Config: agenda.DefaultConfig()}
	raw, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return cfg, nil
	}
	if err != nil {
		return cfg, &configError{path, err}
	}
	md, err := toml.Decode(string(raw), &cfg)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return cfg, &configError{path, fmt.Errorf("line %d: %s", pe.Position.Line, pe.Message)}
		}
		return cfg, &configError{path, err}
	}
	if und := md.Undecoded(); len(und) > 0 {
		keys := make([]string, len(und))
		for i, k := range und {
			keys[i] = k.String()
		}
		return cfg, &configError{path, &agenda.ConfigError{Key: keys[0], Detail: "unknown key (" + strings.Join(keys, ", ") + ")"}}
	}
	if err := cfg.Config.Validate(); err != nil {
		return cfg, &configError{path, err}
	}
	if cfg.Lang != "" && cfg.Lang != "zh" && cfg.Lang != "en" {
		return cfg, &configError{path, &agenda.ConfigError{Key: "lang", Detail: fmt.Sprintf("%q is not zh or en", cfg.Lang)}}
	}
	return cfg, nil
}

// encodeConfig renders the config as TOML.
func encodeConfig(cfg Config) (string, error) {
	var b bytes.Buffer
	b.WriteString("# crmtui config: every knob with its value. Delete a line to use the default.\n")
	b.WriteString("# Rule ids and defaults are listed in the README.\n\n")
	enc := toml.NewEncoder(&b)
	enc.Indent = ""
	if err := enc.Encode(cfg); err != nil {
		return "", err
	}
	return b.String(), nil
}
