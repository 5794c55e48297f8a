package vm

import (
	"os"
	"os/exec"
	"runtime"
	"sort"
	"strconv"
	"strings"

	"github.com/avmtool/avm/vm/term"
)

// os: the operating system the VM runs on, for code that asks (Elixir's
// Path and System call os:type/0 and os:getenv/1). Names and values are
// strings (lists of characters), as in OTP.

func init() {
	register("os",
		Native{Function: "type", Arity: 0, Fn: osType, Doc: "type(): {unix, linux | darwin | freebsd…} or {win32, nt}, the family and name of the OS"},
		Native{Function: "getenv", Arity: 0, Fn: osGetenvAll, Doc: "getenv(): every environment variable, as \"NAME=VALUE\" strings"},
		Native{Function: "getenv", Arity: 1, Fn: osGetenv, Doc: "getenv(Name): the value of an environment variable, or false"},
		Native{Function: "getenv", Arity: 2, Fn: osGetenv, Doc: "getenv(Name, Default): the value of an environment variable, or Default"},
		Native{Function: "env", Arity: 0, Fn: osEnv, Doc: "env(): every environment variable, as {Name, Value} string pairs"},
		Native{Function: "putenv", Arity: 2, Fn: osPutenv, Doc: "putenv(Name, Value): set an environment variable of the VM; true"},
		Native{Function: "unsetenv", Arity: 1, Fn: osUnsetenv, Doc: "unsetenv(Name): remove an environment variable of the VM; true"},
		Native{Function: "getpid", Arity: 0, Fn: osGetpid, Doc: "getpid(): the process id of the VM's OS process, as a string"},
		Native{Function: "find_executable", Arity: 1, Fn: osFindExecutable, Doc: "find_executable(Name): the path of a program on PATH, or false"},
	)
}

func osType(p *Process, _ []term.Term) term.Term {
	if runtime.GOOS == "windows" {
		return p.heap.Tuple(term.Atom("win32"), term.Atom("nt"))
	}
	return p.heap.Tuple(term.Atom("unix"), term.Atom(runtime.GOOS))
}

// envName reads a variable name: a string without '=' or NUL.
func envName(p *Process, t term.Term) (string, bool) {
	s, ok := charListString(p.heap, t)
	return s, ok && s != "" && !strings.ContainsAny(s, "=\x00")
}

func osGetenv(p *Process, args []term.Term) term.Term {
	name, ok := envName(p, args[0])
	if !ok {
		return p.Badarg()
	}
	if v, found := os.LookupEnv(name); found {
		return charList(p.heap, v)
	}
	if len(args) == 2 {
		return args[1]
	}
	return term.False
}

func sortedEnviron() []string {
	env := os.Environ()
	sort.Strings(env)
	return env
}

func osGetenvAll(p *Process, _ []term.Term) term.Term {
	env := sortedEnviron()
	elems := make([]term.Term, len(env))
	for i, kv := range env {
		elems[i] = charList(p.heap, kv)
	}
	return p.heap.List(elems...)
}

func osEnv(p *Process, _ []term.Term) term.Term {
	env := sortedEnviron()
	h := p.heap
	elems := make([]term.Term, 0, len(env))
	for _, kv := range env {
		k, v, _ := strings.Cut(kv, "=")
		elems = append(elems, h.Tuple(charList(h, k), charList(h, v)))
	}
	return h.List(elems...)
}

func osPutenv(p *Process, args []term.Term) term.Term {
	name, ok := envName(p, args[0])
	value, ok2 := charListString(p.heap, args[1])
	if !ok || !ok2 || strings.ContainsRune(value, 0) || os.Setenv(name, value) != nil {
		return p.Badarg()
	}
	return term.True
}

func osUnsetenv(p *Process, args []term.Term) term.Term {
	name, ok := envName(p, args[0])
	if !ok || os.Unsetenv(name) != nil {
		return p.Badarg()
	}
	return term.True
}

func osGetpid(p *Process, _ []term.Term) term.Term {
	return charList(p.heap, strconv.Itoa(os.Getpid()))
}

func osFindExecutable(p *Process, args []term.Term) term.Term {
	name, ok := charListString(p.heap, args[0])
	if !ok {
		return p.Badarg()
	}
	path, err := exec.LookPath(name)
	if err != nil || name == "" {
		return term.False
	}
	return charList(p.heap, path)
}
