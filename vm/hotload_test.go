package vm

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/avmtool/avm/vm/beam"
)

// hotSource is version v of module hot: a server loop that answers with
// the version of the code that handled the request (version/0 is a local
// call) and its state, and goes on with a fully-qualified call, where a
// new version takes over.
func hotSource(v int) string {
	return fmt.Sprintf(`-module(hot).
-export([loop/1, version/0, make_fun/0, spin/1]).
version() -> %d.
loop(State) ->
    receive
        {get, From} -> From ! {self(), version(), State}, ?MODULE:loop(State + 1);
        stop -> ok
    end.
make_fun() -> fun() -> version() end.
spin(Parent) -> Parent ! {spinning, self()}, busy().
busy() -> busy().
`, v)
}

// compileErl compiles source (module name) into a directory of its own and
// returns the BEAM bytes.
func compileErl(t *testing.T, name, source string) []byte {
	t.Helper()
	erlc, err := exec.LookPath("erlc")
	if err != nil {
		t.Skip("erlc not installed")
	}
	dir := t.TempDir()
	src := filepath.Join(dir, name+".erl")
	if err := os.WriteFile(src, []byte(source), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(erlc, "-o", dir, src).CombinedOutput(); err != nil {
		t.Fatalf("erlc %s: %v: %s", name, err, out)
	}
	data, err := os.ReadFile(filepath.Join(dir, name+".beam"))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func parseBeam(t *testing.T, name string, data []byte) *beam.File {
	t.Helper()
	f, err := beam.Parse(name, data)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// readyWriter signals ready when the program prints "ready".
type readyWriter struct {
	mu    sync.Mutex
	buf   strings.Builder
	once  sync.Once
	ready chan struct{}
}

func (w *readyWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf.Write(p)
	if strings.Contains(w.buf.String(), "ready") {
		w.once.Do(func() { close(w.ready) })
	}
	return len(p), nil
}

// hotRun loads hot version 1 and the controller, runs controller:start/0,
// calls during once the controller printed "ready", and returns what
// start/0 returned, printed.
func hotRun(t *testing.T, controller string, during func(m *Machine)) string {
	t.Helper()
	v1 := compileErl(t, "hot", hotSource(1))
	ctl := compileErl(t, "hot_ctl", controller)
	w := &readyWriter{ready: make(chan struct{})}
	m := New(Options{Stdout: w, Stderr: w, Schedulers: 2})
	for name, data := range map[string][]byte{"hot.beam": v1, "hot_ctl.beam": ctl} {
		if _, err := m.Load(name, data); err != nil {
			t.Fatal(err)
		}
	}
	done := make(chan *Outcome, 1)
	go func() {
		o, err := m.Run("hot_ctl", "start")
		if err != nil {
			t.Error(err)
		}
		done <- o
	}()
	select {
	case <-w.ready:
	case o := <-done:
		// A quick controller may be done by the time this looks: that
		// it got ready is what counts.
		select {
		case <-w.ready:
			done <- o
		default:
			t.Fatalf("the controller ended before it was ready: %+v; output %q", o, w.buf.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the controller did not get ready")
	}
	during(m)
	select {
	case o := <-done:
		if o == nil {
			t.FailNow()
		}
		if o.Crashed() {
			t.Fatalf("controller crashed: %s:%s %s", o.Heap.Format(o.Class), o.Heap.Format(o.Reason), o.Heap.Format(o.Stacktrace))
		}
		return o.Heap.Format(o.Value)
	case <-time.After(10 * time.Second):
		m.Halt()
		t.Fatalf("the controller did not finish; output %q", w.buf.String())
	}
	return ""
}

// TestReloadTakesEffectAtNextExternalCall reloads hot while a process
// waits in its version 1 loop: the next request is still handled by
// version 1 (a local call), whose ?MODULE:loop call then enters version 2
// with the state kept. A fun made by version 1 keeps running version 1.
func TestReloadTakesEffectAtNextExternalCall(t *testing.T) {
	ctl := `-module(hot_ctl).
-export([start/0]).
ask(P) -> P ! {get, self()}, receive {P, V, S} -> {V, S} end.
start() ->
    P = spawn(hot, loop, [0]),
    F = hot:make_fun(),
    R1 = ask(P),
    io:format("ready~n"),
    wait_old(),
    R2 = ask(P),
    R3 = ask(P),
    {R1, R2, R3, F(), hot:version(), (hot:make_fun())()}.
wait_old() ->
    case erlang:check_old_code(hot) of
        true -> ok;
        false -> receive after 1 -> wait_old() end
    end.
`
	v2 := compileErl(t, "hot", hotSource(2))
	got := hotRun(t, ctl, func(m *Machine) {
		if err := m.Reload("hot.beam", parseBeam(t, "hot.beam", v2)); err != nil {
			t.Error(err)
		}
	})
	if want := "{{1,0},{1,1},{2,2},1,2,2}"; got != want {
		t.Fatalf("got %s, want %s", got, want)
	}
}

// TestReloadPurgesOldestVersion reloads twice while a process waits in
// version 1: the second reload purges version 1 and kills it, as
// code:purge/1 does; a fun of version 1 still works.
func TestReloadPurgesOldestVersion(t *testing.T) {
	ctl := `-module(hot_ctl).
-export([start/0]).
start() ->
    P = spawn(hot, loop, [0]),
    P ! {get, self()}, receive {P, 1, 0} -> ok end,
    Ref = monitor(process, P),
    F = hot:make_fun(),
    io:format("ready~n"),
    receive {'DOWN', Ref, process, P, Why} -> {Why, F()} end.
`
	v2 := compileErl(t, "hot", hotSource(2))
	v3 := compileErl(t, "hot", hotSource(3))
	got := hotRun(t, ctl, func(m *Machine) {
		if err := m.Reload("hot.beam", parseBeam(t, "hot.beam", v2)); err != nil {
			t.Error(err)
		}
		if ok, err := m.SoftPurge("hot"); ok || err != nil {
			t.Errorf("SoftPurge with a process in the old code = %v, %v; want false", ok, err)
		}
		if err := m.Reload("hot.beam", parseBeam(t, "hot.beam", v3)); err != nil {
			t.Error(err)
		}
		if !m.HasOldCode("hot") {
			t.Error("version 2 should be the old code now")
		}
		if ok, err := m.SoftPurge("hot"); !ok || err != nil {
			t.Errorf("SoftPurge of unused old code = %v, %v; want true", ok, err)
		}
	})
	if want := "{killed,1}"; got != want {
		t.Fatalf("got %s, want %s", got, want)
	}
}

// TestPurgeKillsBusyProcess purges the old version while a process spins
// in it, never waiting: it answers the check between two slices, and dies.
func TestPurgeKillsBusyProcess(t *testing.T) {
	ctl := `-module(hot_ctl).
-export([start/0]).
start() ->
    P = spawn(hot, spin, [self()]),
    receive {spinning, P} -> ok end,
    Ref = monitor(process, P),
    io:format("ready~n"),
    receive {'DOWN', Ref, process, P, Why} -> Why end.
`
	v2 := compileErl(t, "hot", hotSource(2))
	got := hotRun(t, ctl, func(m *Machine) {
		if err := m.Reload("hot.beam", parseBeam(t, "hot.beam", v2)); err != nil {
			t.Error(err)
		}
		if ok, err := m.SoftPurge("hot"); ok || err != nil {
			t.Errorf("SoftPurge with a process spinning in the old code = %v, %v; want false", ok, err)
		}
		if n, err := m.Purge("hot"); n != 1 || err != nil {
			t.Errorf("Purge = %d, %v; want 1 process killed", n, err)
		}
		if m.HasOldCode("hot") {
			t.Error("the old code is still there after Purge")
		}
	})
	if got != "killed" {
		t.Fatalf("got %s, want killed", got)
	}
}

// TestReloadRefusesBadFile leaves the running version in place when the
// new one does not load.
func TestReloadRefusesBadFile(t *testing.T) {
	v1 := compileErl(t, "hot", hotSource(1))
	m := New(Options{Schedulers: 1})
	if _, err := m.Load("hot.beam", v1); err != nil {
		t.Fatal(err)
	}
	f := parseBeam(t, "hot.beam", v1)
	f.Exports[0].Label = 100000
	err := m.Reload("hot2.beam", f)
	if err == nil || !strings.Contains(err.Error(), "hot2.beam") {
		t.Fatalf("Reload of a broken file: %v, want an error naming it", err)
	}
	if m.HasOldCode("hot") {
		t.Fatal("a failed reload made the current version old")
	}
}

// TestCodeServerNatives drives code:load_binary/3, soft_purge/1, purge/1
// and delete/1 from Erlang.
func TestCodeServerNatives(t *testing.T) {
	v2 := compileErl(t, "hot", hotSource(2))
	var bin strings.Builder
	for i, b := range v2 {
		if i > 0 {
			bin.WriteByte(',')
		}
		fmt.Fprint(&bin, b)
	}
	ctl := `-module(hot_ctl).
-export([start/0]).
start() ->
    P = spawn(hot, loop, [0]),
    P ! {get, self()}, receive {P, 1, 0} -> ok end,
    Ref = monitor(process, P),
    Bin = <<` + bin.String() + `>>,
    io:format("ready~n"),
    A = code:load_binary(hot, "hot.beam", Bin),
    B = code:load_binary(hot, "hot.beam", Bin),
    C = erlang:check_old_code(hot),
    D = code:soft_purge(hot),
    E = code:purge(hot),
    Why = receive {'DOWN', Ref, process, P, R} -> R end,
    G = code:soft_purge(hot),
    V = hot:version(),
    H = code:delete(hot),
    I = try hot:version() catch error:undef -> undef end,
    J = code:delete(hot),
    K = code:load_binary(hot, "hot.beam", <<"junk">>),
    L = catch erlang:delete_module(hot),
    M = erlang:purge_module(hot),
    N = catch erlang:purge_module(hot),
    O = code:load_binary(hot, "hot.beam", <<"junk">>),
    {A, B, C, D, E, Why, G, V, H, I, J, K, element(1, L), M, element(1, N), O}.
`
	got := hotRun(t, ctl, func(*Machine) {})
	want := "{{module,hot},{error,not_purged},true,false,true,killed,true,2,true,undef,false,{error,not_purged},'EXIT',true,'EXIT',{error,badfile}}"
	if got != want {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
}

// TestCodePurgeOfBusyProcess: code:purge/1 cannot wait for a process that
// is running; it tells it to check itself, and it dies at its next safe
// point. code:soft_purge/1 counts it as a user.
func TestCodePurgeOfBusyProcess(t *testing.T) {
	v2 := compileErl(t, "hot", hotSource(2))
	var bin strings.Builder
	for i, b := range v2 {
		if i > 0 {
			bin.WriteByte(',')
		}
		fmt.Fprint(&bin, b)
	}
	ctl := `-module(hot_ctl).
-export([start/0]).
start() ->
    P = spawn(hot, spin, [self()]),
    receive {spinning, P} -> ok end,
    Ref = monitor(process, P),
    io:format("ready~n"),
    A = code:load_binary(hot, "hot.beam", <<` + bin.String() + `>>),
    B = code:soft_purge(hot),
    C = code:purge(hot),
    Why = receive {'DOWN', Ref, process, P, R} -> R end,
    {A, B, C, Why, erlang:check_old_code(hot)}.
`
	got := hotRun(t, ctl, func(*Machine) {})
	if want := "{{module,hot},false,false,killed,false}"; got != want {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
}
