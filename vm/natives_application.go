package vm

import (
	"github.com/avmtool/avm/vm/term"
)

// application: the environment of applications, the configuration Elixir's
// Application.get_env/3 and put_env/3 read and write. avm has no
// application controller and loads no .app files: every application's
// environment starts empty and holds what the program sets.

func init() {
	register("application",
		Native{Function: "get_env", Arity: 2, Fn: appGetEnv, Doc: "get_env(App, Key): {ok, Value} from the environment of App, or undefined"},
		Native{Function: "get_env", Arity: 3, Fn: appGetEnv, Doc: "get_env(App, Key, Default): Value from the environment of App, or Default"},
		Native{Function: "get_all_env", Arity: 1, Fn: appGetAllEnv, Doc: "get_all_env(App): the environment of App as [{Key, Value}]"},
		Native{Function: "set_env", Arity: 3, Fn: appSetEnv, Doc: "set_env(App, Key, Value): set Key in the environment of App; ok"},
		Native{Function: "set_env", Arity: 4, Fn: appSetEnv, Doc: "set_env(App, Key, Value, Opts): set_env/3 (the options, persistent and timeout, change nothing here)"},
		Native{Function: "unset_env", Arity: 2, Fn: appUnsetEnv, Doc: "unset_env(App, Key): remove Key from the environment of App; ok"},
		Native{Function: "unset_env", Arity: 3, Fn: appUnsetEnv, Doc: "unset_env(App, Key, Opts): unset_env/2"},
		Native{Function: "get_key", Arity: 2, Fn: appGetKey, Doc: "get_key(App, Key): {ok, Value} of the application's resource file; undefined, as avm loads none"},
	)
}

// appGetKey answers for an application that is not loaded: avm reads no
// .app resource files (Elixir asks for vsn to explain a missing key).
func appGetKey(p *Process, args []term.Term) term.Term {
	if !args[0].IsAtom() || !args[1].IsAtom() {
		return p.Badarg()
	}
	return term.Atom("undefined")
}

// appEnvKey is the store key of Key in the environment of App.
func appEnvKey(p *Process, app, key term.Term) (term.Term, string, bool) {
	if !app.IsAtom() {
		return term.NoValue, "", false
	}
	k := p.heap.Tuple(app, key)
	encoded, ok := persistentKey(p, k)
	return k, encoded, ok
}

func appGetEnv(p *Process, args []term.Term) term.Term {
	_, encoded, ok := appEnvKey(p, args[0], args[1])
	if !ok {
		return p.Badarg()
	}
	e := p.m.appEnv.lookup(encoded)
	switch {
	case e != nil && len(args) == 3:
		return p.heap.CopyFrom(e.heap, e.value)
	case e != nil:
		return p.heap.Tuple(term.AtomOk, p.heap.CopyFrom(e.heap, e.value))
	case len(args) == 3:
		return args[2]
	}
	return term.Atom("undefined")
}

func appGetAllEnv(p *Process, args []term.Term) term.Term {
	app := args[0]
	if !app.IsAtom() {
		return p.Badarg()
	}
	s := &p.m.appEnv
	s.mu.RLock()
	defer s.mu.RUnlock()
	h := p.heap
	out := term.Nil
	for _, e := range s.entries {
		kv := e.heap.TupleElems(e.key)
		if kv[0] == app {
			out = h.Cons(h.Tuple(h.CopyFrom(e.heap, kv[1]), h.CopyFrom(e.heap, e.value)), out)
		}
	}
	return out
}

func appSetEnv(p *Process, args []term.Term) term.Term {
	k, encoded, ok := appEnvKey(p, args[0], args[1])
	if !ok || (len(args) == 4 && !args[3].IsCons() && args[3] != term.Nil) {
		return p.Badarg()
	}
	p.m.appEnv.store(encoded, p.heap, k, args[2])
	return term.AtomOk
}

func appUnsetEnv(p *Process, args []term.Term) term.Term {
	_, encoded, ok := appEnvKey(p, args[0], args[1])
	if !ok {
		return p.Badarg()
	}
	p.m.appEnv.remove(encoded)
	return term.AtomOk
}
