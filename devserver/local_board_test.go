package devserver

import (
	"strings"
	"testing"

	"github.com/avmtool/avm/target"
)

// blinkySource is a start module that counts its boots in NVS, reports the
// level pin 2 had when it started, then toggles pin 2 (sleeping 1 s of
// board time between writes) and waits forever.
func blinkySource(version string) string {
	return `-module(app).
-export([start/0]).
start() ->
    <<N:32>> = esp:nvs_get_binary(demo, boots, <<0:32>>),
    ok = esp:nvs_set_binary(demo, boots, <<(N + 1):32>>),
    Was = gpio:digital_read(2),
    ok = gpio:set_pin_mode(2, output),
    erlang:display({` + version + `, boot, N + 1, pin2_was, Was}),
    blink(high, 3),
    erlang:display({` + version + `, blinked}),
    receive never -> ok end.
blink(_, 0) -> ok;
blink(Level, K) ->
    ok = gpio:digital_write(2, Level),
    timer:sleep(1000),
    blink(toggle(Level), K - 1).
toggle(high) -> low;
toggle(low) -> high.
`
}

// TestLocalBoardKeptAcrossRestarts: the app runs on a simulated esp32 at
// 1000× speed; the trace shows pin 2 toggling, and after an edit the
// restarted app finds the same board: the NVS count it wrote and the
// level it left on pin 2.
func TestLocalBoardKeptAcrossRestarts(t *testing.T) {
	needErlang(t)
	dir := newProject(t, map[string]string{"src/app.erl": blinkySource("v1")})
	d := startDev(t, dir, Options{Reload: ReloadRestart, TraceIO: true,
		Target: target.Options{Target: "esp32", TimeScale: 1000}}, false)
	if st := d.s.Status(); st.Mode != "local" || st.Target != "esp32" {
		t.Fatalf("status mode %q target %q, want local esp32", st.Mode, st.Target)
	}
	seen := d.waitOutput("{v1,boot,1,pin2_was,low}")
	seen = append(seen, d.waitOutput("{v1,blinked}")...)
	var trace string
	for _, e := range seen {
		if e.Type == EventOutput {
			trace += e.Text
		}
	}
	for _, want := range []string{"] gpio 2 mode output\n", "] gpio 2 high\n", "] gpio 2 low\n"} {
		if !strings.Contains(trace, want) {
			t.Errorf("trace lacks %q; output:\n%s", want, trace)
		}
	}

	writeFiles(t, dir, map[string]string{"src/app.erl": blinkySource("v2")})
	if ran, seen := d.waitRunAndOutput("{v2,boot,2,pin2_was,high}"); !strings.HasPrefix(ran, "restarted") {
		t.Errorf("run event %q, want a restart; seen %s", ran, describe(seen))
	}
}

// TestLocalBoardDeepSleep: an app's deep sleep ends its run; after the
// scaled sleep it starts again on the same board, told why.
func TestLocalBoardDeepSleep(t *testing.T) {
	needErlang(t)
	dir := newProject(t, map[string]string{"src/app.erl": `-module(app).
-export([start/0]).
start() ->
    case esp:rtc_slow_get_binary() of
        <<>> ->
            ok = esp:rtc_slow_set_binary(<<1>>),
            esp:deep_sleep(60000);
        <<N>> ->
            erlang:display({woke, N, esp:reset_reason()}),
            receive never -> ok end
    end.
`})
	d := startDev(t, dir, Options{Target: target.Options{Target: "esp32", TimeScale: 100000}}, false)
	d.waitOutput("avm: deep sleep for 1m0s (board time)")
	d.waitOutput("{woke,1,esp_rst_deepsleep}")
}

// TestLocalStrictHint: on a strict esp32 target, a call of a function
// avm has but the target's AtomVM lacks crashes the app with undef, and
// the exit event says why.
func TestLocalStrictHint(t *testing.T) {
	needErlang(t)
	dir := newProject(t, map[string]string{"src/app.erl": appSource("app", "ets:new(t, [set])")})
	d := startDev(t, dir, Options{Target: target.Options{Target: "esp32", AtomVM: "0.6"}}, false)
	e, seen := d.waitFor("the app's exit", func(e Event) bool { return e.Type == EventExit })
	if !e.Crashed || !strings.Contains(e.Value, "undef") {
		t.Fatalf("exit %+v, want a crash with undef; seen %s", e, describe(seen))
	}
	if want := "ets:new/2 is not available on esp32 (AtomVM 0.6)"; !strings.Contains(e.Hint, want) {
		t.Errorf("hint %q, want it to say %q", e.Hint, want)
	}
}

// TestLocalBadTarget: a target that does not exist fails New, naming it.
func TestLocalBadTarget(t *testing.T) {
	dir := newProject(t, map[string]string{"src/app.erl": appSource("app", "ok")})
	_, err := New(Options{Dir: dir, CacheDir: t.TempDir(), Target: target.Options{Target: "esp99"}})
	if err == nil || !strings.Contains(err.Error(), "esp99") {
		t.Fatalf("New with target esp99: %v, want an error naming it", err)
	}
}

// TestLocalEditDuringDeepSleep: a build while the app sleeps (an hour of
// board time) restarts it at once rather than after the sleep.
func TestLocalEditDuringDeepSleep(t *testing.T) {
	needErlang(t)
	sleeper := func(v string) string {
		return appSource("app", `erlang:display({`+v+`, esp:reset_reason()}), esp:deep_sleep(3600000)`)
	}
	dir := newProject(t, map[string]string{"src/app.erl": sleeper("v1")})
	d := startDev(t, dir, Options{Target: target.Options{Target: "esp32"}}, false)
	d.waitOutput("{v1,esp_rst_poweron}")
	d.waitOutput("avm: deep sleep for 1h0m0s (board time)")
	writeFiles(t, dir, map[string]string{"src/app.erl": sleeper("v2")})
	ran, seen := d.waitRunAndOutput("{v2,esp_rst_poweron}")
	if !strings.Contains(ran, "restarted the app (app:start/0): the app was between runs") {
		t.Errorf("run event %q, want a restart because the app slept; seen %s", ran, describe(seen))
	}
}
