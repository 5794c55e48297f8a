package devserver

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// tickServer is version v of a server loop that counts in its state and
// prints its version and count on each tick; ?MODULE:loop is where a new
// version takes over.
func tickServer(v string) string {
	return `-module(ticker).
-export([start_link/0, loop/1]).
start_link() -> spawn_link(fun() -> loop(0) end).
loop(N) ->
    receive after 5 -> ok end,
    io:format("tick ` + v + ` ~p~n", [N]),
    ?MODULE:loop(N + 1).
`
}

var tickLine = regexp.MustCompile(`tick (v\d) (\d+)`)

// waitTick waits for the ticker to print version v and returns its count.
func (d *devRun) waitTick(v string) int {
	d.t.Helper()
	e, _ := d.waitFor("tick "+v, func(e Event) bool { return e.Type == EventOutput && strings.Contains(e.Text, "tick "+v+" ") })
	m := tickLine.FindStringSubmatch(e.Text[strings.Index(e.Text, "tick "+v+" "):])
	n, _ := strconv.Atoi(m[2])
	return n
}

// TestHotReload edits a running server's module: the devserver loads the
// new version into the running app, the server takes it at its next
// ?MODULE:loop call and keeps its count. Twice, so that the second
// reload purges the first version. A change to the start module restarts.
func TestHotReload(t *testing.T) {
	needErlang(t)
	dir := newProject(t, map[string]string{
		"src/app.erl":    appSource("app", `ticker:start_link()`),
		"src/ticker.erl": tickServer("v1"),
	})
	d := startDev(t, dir, Options{}, false)
	d.waitRunAndOutput("tick v1 ") // the first run's event, before an edit's
	before := d.waitTick("v1")

	for _, v := range []string{"v2", "v3"} {
		writeFiles(t, dir, map[string]string{"src/ticker.erl": tickServer(v)})
		e, seen := d.waitFor("a run", func(e Event) bool { return e.Type == EventRun })
		if e.Ran != "reloaded ticker (hot)" {
			t.Fatalf("ran %q, want a hot reload; seen %s", e.Ran, describe(seen))
		}
		after := d.waitTick(v)
		if after <= before {
			t.Fatalf("%s counts from %d after %d: the server lost its state", v, after, before)
		}
		before = after
	}

	writeFiles(t, dir, map[string]string{"src/app.erl": appSource("app", `io:format("v2 app~n"), ticker:start_link()`)})
	e, seen := d.waitFor("a run", func(e Event) bool { return e.Type == EventRun })
	if want := "restarted the app (app:start/0): the start module changed"; e.Ran != want {
		t.Fatalf("ran %q, want %q; seen %s", e.Ran, want, describe(seen))
	}
	if !strings.Contains(describe(seen), "v2 app") {
		d.waitOutput("v2 app")
	}
}

// TestHotReloadFallsBackToRestart: a process that stays in the first
// version of its module (it waits for a message that never comes) would
// be killed by loading a third one; the devserver restarts the app
// instead, and says why.
func TestHotReloadFallsBackToRestart(t *testing.T) {
	needErlang(t)
	sleeper := func(v string) string {
		return "-module(sleeper).\n-export([start_link/0]).\nstart_link() -> spawn_link(fun() -> io:format(\"sleeper " + v + "~n\"), receive never -> ok end end).\n"
	}
	dir := newProject(t, map[string]string{
		"src/app.erl":     appSource("app", `sleeper:start_link()`),
		"src/sleeper.erl": sleeper("v1"),
	})
	d := startDev(t, dir, Options{}, false)
	d.waitRunAndOutput("sleeper v1") // the first run's event, before an edit's

	writeFiles(t, dir, map[string]string{"src/sleeper.erl": sleeper("v2")})
	e, seen := d.waitFor("a run", func(e Event) bool { return e.Type == EventRun })
	if e.Ran != "reloaded sleeper (hot)" {
		t.Fatalf("ran %q, want a hot reload; seen %s", e.Ran, describe(seen))
	}
	writeFiles(t, dir, map[string]string{"src/sleeper.erl": sleeper("v3")})
	e, seen = d.waitFor("a run", func(e Event) bool { return e.Type == EventRun })
	if want := "restarted the app (app:start/0): processes still run sleeper as it was two builds ago"; e.Ran != want {
		t.Fatalf("ran %q, want %q; seen %s", e.Ran, want, describe(seen))
	}
	if !strings.Contains(describe(seen), "sleeper v3") {
		d.waitOutput("sleeper v3")
	}
}
