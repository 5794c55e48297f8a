package monitor

import (
	"fmt"
	"regexp"
	"strings"
)

// crashState follows an AtomVM crash report across lines. AtomVM prints:
//
//	CRASH
//	======
//	pid: <0.2.0>
//
//	Stacktrace:
//	[{mod,fun,0,[{file,"mod.erl"},{line,7}]},…]
//
//	cp: #CP<module: 3, label: 12, offset: 20>
//	…
//
// The monitor keeps the raw lines and adds a readable summary after the
// stacktrace. ESP-IDF panics (Guru Meditation, abort()) get a one-line
// explanation.
type crashState struct {
	inCrash     bool
	pid         string
	nextIsStack bool
}

var (
	frameRE = regexp.MustCompile(`\{'?([\w@.]+)'?,'?([\w@.]+)'?,(\d+|\[[^\]]*\]),\[([^\]]*)\]\}`)
	fileRE  = regexp.MustCompile(`\{file,"([^"]*)"\}`)
	lineRE  = regexp.MustCompile(`\{line,(\d+)\}`)
	pidRE   = regexp.MustCompile(`^pid:\s*(<[\d.]+>)`)
	abortRE = regexp.MustCompile(`abort\(\) was called at PC (0x[0-9a-fA-F]+)`)
	guruRE  = regexp.MustCompile(`Guru Meditation Error: Core\s+(\d+) panic'ed \(([^)]*)\)`)
	retRE   = regexp.MustCompile(`^AtomVM finished with return value: (.*)$`)
)

// marker prefixes the lines the monitor adds, so they stand apart from the
// device's own output.
const marker = ">>> "

func (c *crashState) annotate(line string) []string {
	t := strings.TrimSpace(line)
	switch {
	case t == "CRASH":
		c.inCrash, c.pid, c.nextIsStack = true, "", false
		return nil
	case c.inCrash && pidRE.MatchString(t):
		c.pid = pidRE.FindStringSubmatch(t)[1]
		return nil
	case c.inCrash && t == "Stacktrace:":
		c.nextIsStack = true
		return nil
	case c.inCrash && c.nextIsStack && strings.HasPrefix(t, "["):
		c.inCrash, c.nextIsStack = false, false
		who := "a process"
		if c.pid != "" {
			who = "process " + c.pid
		}
		out := []string{marker + who + " crashed; stacktrace:"}
		for _, f := range frameRE.FindAllStringSubmatch(t, -1) {
			at := f[1] + ":" + f[2] + "/" + f[3]
			if strings.HasPrefix(f[3], "[") {
				at = f[1] + ":" + f[2] + f[3] // arguments instead of arity
			}
			loc := ""
			if fm := fileRE.FindStringSubmatch(f[4]); fm != nil {
				loc = fm[1]
				if lm := lineRE.FindStringSubmatch(f[4]); lm != nil {
					loc += ":" + lm[1]
				}
				loc = " (" + loc + ")"
			}
			out = append(out, marker+"  at "+at+loc)
		}
		return out
	}
	if m := guruRE.FindStringSubmatch(t); m != nil {
		return []string{fmt.Sprintf("%sthe VM itself crashed on core %s (%s): a native bug or memory corruption, not an Erlang error", marker, m[1], m[2])}
	}
	if m := abortRE.FindStringSubmatch(t); m != nil {
		return []string{fmt.Sprintf("%sthe VM aborted at PC %s (often out of memory); the backtrace below is for ESP-IDF's addr2line", marker, m[1])}
	}
	if m := retRE.FindStringSubmatch(t); m != nil {
		if m[1] == "ok" {
			return []string{marker + "the app returned ok"}
		}
		return []string{marker + "the app ended with " + m[1]}
	}
	return nil
}
