package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// nodeTweaks are settings applied to every node's files before it starts,
// keyed "FILE:SECTION.KEY" with FILE one of config (config.toml), app
// (app.toml) or genesis (consensus params: genesis:block.max_gas). Values
// that are neither numbers nor booleans are written as TOML strings.
type nodeTweaks map[string]string

// benchDefaults are the bench's own settings: short blocks, and telemetry off
// as `hyrad init` writes it (localnet turns it on for its metrics; nothing
// here reads them). Everything else is what `hyrad init` writes, unless -node
// says otherwise.
var benchDefaults = nodeTweaks{
	"config:consensus.timeout_commit": "500ms",
	"app:telemetry.enabled":           "false",
}

func parseNodeTweaks(s string) (nodeTweaks, error) {
	t := nodeTweaks{}
	for k, v := range benchDefaults {
		t[k] = v
	}
	for _, kv := range strings.Split(s, ",") {
		if kv = strings.TrimSpace(kv); kv == "" {
			continue
		}
		k, v, ok := strings.Cut(kv, "=")
		file, _, _ := strings.Cut(k, ":")
		if !ok || !slices.Contains([]string{"config", "app", "genesis"}, file) || !strings.Contains(k, ".") {
			return nil, fmt.Errorf("%q is not FILE:SECTION.KEY=VALUE with FILE config, app or genesis", kv)
		}
		t[k] = v
	}
	return t, nil
}

// String lists the settings in a stable order, for the record.
func (t nodeTweaks) String() string {
	var out []string
	for k, v := range t {
		out = append(out, k+"="+v)
	}
	slices.Sort(out)
	return strings.Join(out, ", ")
}

// apply writes the settings into each home.
func (t nodeTweaks) apply(homes []string) error {
	block := map[string]string{}
	for _, home := range homes {
		for k, v := range t {
			file, rest, _ := strings.Cut(k, ":")
			section, key := splitLast(rest)
			switch file {
			case "genesis":
				block[key] = v
				continue
			case "config", "app":
				path := filepath.Join(home, "config", file+".toml")
				if err := setTOML(path, section, key, tomlValue(v)); err != nil {
					return err
				}
			}
		}
	}
	return setConsensusParams(homes, block)
}

func splitLast(s string) (string, string) {
	i := strings.LastIndexByte(s, '.')
	return s[:i], s[i+1:]
}

func tomlValue(v string) string {
	if _, err := strconv.ParseFloat(v, 64); err == nil {
		return v
	}
	if v == "true" || v == "false" || strings.HasPrefix(v, `"`) {
		return v
	}
	return strconv.Quote(v)
}

// setTOML replaces the line of key in [section] of a TOML file, keeping the
// rest of the file as it is. A key hyrad writes must be there (a missing one
// means the format changed), except in [hyra], which homes made by an older
// hyrad lack: there it is added.
func setTOML(path, section, key, value string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	lines := strings.Split(string(b), "\n")
	current, header := "", -1
	for i, line := range lines {
		trimmed := strings.TrimSpace(line)
		if strings.HasPrefix(trimmed, "[") {
			current = strings.Trim(trimmed, "[]")
			if current == section {
				header = i
			}
			continue
		}
		k, _, ok := strings.Cut(trimmed, "=")
		if ok && current == section && strings.TrimSpace(k) == key {
			lines[i] = key + " = " + value
			return os.WriteFile(path, []byte(strings.Join(lines, "\n")), 0o644)
		}
	}
	if section != appSection {
		return fmt.Errorf("%s: no key %q in section [%s]", path, key, section)
	}
	if header < 0 {
		lines = append(lines, "", "["+section+"]")
		header = len(lines) - 1
	}
	lines = append(lines[:header+1], append([]string{key + " = " + value}, lines[header+1:]...)...)
	return os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644)
}

// appSection is app.toml's section of hyra's own settings.
const appSection = "hyra"
