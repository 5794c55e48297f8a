// Package devserver is the edit → rebuild → rerun loop behind avm dev.
//
// A [Server] watches a project (its source, include, priv and lib
// directories and its configuration, through fsnotify, with bursts of
// events debounced into one build), recompiles only the changed Erlang
// modules — and those including a changed header — with a long-lived
// compile server, repacks the archive, and then either updates the app
// running in a VM of its own process or flashes the board's app
// partition and shows its console on the same open port. A build with
// errors reports them (file:line:col: message) and leaves the last good
// build running.
//
// # Hot loading
//
// With [ReloadHot] (the default), a local app is not restarted for a
// change of its modules: their new versions are loaded into the running
// VM with [vm.Machine.Reload], as OTP's code server loads code. Processes
// keep their state and enter the new version at their next
// fully-qualified call (?MODULE:loop(State)); the code they are in the
// middle of, and funs made from it, stay as they were. The app restarts
// instead when that would not run the change or would kill processes:
// modules added or removed, a changed start module (its start/0 has run
// already), changed priv files, an app that has ended, or a process still
// running a module as it was two builds ago (loading a third version
// purges the first, as code:purge/1 does). The run event says which
// ("reloaded app_server (hot)", or "restarted the app (m:start/0): the
// start module changed"). [ReloadRestart] restarts on every build.
//
// # The local board
//
// A local app runs as avm run runs it (package target): on the project's
// target (Options.Target, else its configuration, else the board file's),
// under that target's AtomVM release and limits, on one simulated board
// made when the devserver starts and kept until it stops. Restarts and
// hot reloads keep its NVS, pins, attached devices and clock; the app's
// own esp:restart/0 starts it again at once and esp:deep_sleep/1 after the
// sleep, as on the device. A crash that the target caused (a call of a
// function its AtomVM lacks) carries a hint in its exit event.
//
// # The compile server
//
// Starting erlc costs a BEAM boot per call (0.2–1 s). The [CompileServer]
// is one erl -noshell node, started on first use and again whenever it
// dies, running avm_dev_compile_server.erl (embedded here, compiled with
// erlc into the user's cache once per erl installation). It reads
// requests on stdin and writes replies on stdout, each a frame of a
// 4-byte big-endian length and a body: a request is the text of an
// Erlang term, {compile, File, IncludeDirs, ErlcFlags} for one Erlang
// module or {elixir, Files, OutDir} for a project's Elixir sources (which
// compile together, as they depend on each other at compile time; the
// node has Elixir's libraries in its code path when elixirc is
// installed); a reply is the module, its BEAM file and the structured
// errors and warnings (layout in parseReply). Projects that rebar3 or mix
// must compile (dependencies to fetch, hooks, plugins) are rebuilt as avm
// build builds them.
//
// # The daemon and its protocol
//
// One devserver serves a project; it listens on the Unix socket
// _build/avm/dev.sock of the project, created with mode 0600 (only its
// owner may connect) and guarded by a lock on _build/avm/dev.lock, so a
// socket left by a killed devserver is replaced. There is no TCP listener.
//
// The protocol is newline-delimited JSON, version [ProtocolVersion] (1).
// Every message carries "v": the version. On connection the devserver
// sends a greeting:
//
//	{"v":1,"type":"hello","status":{…}}
//
// and then answers requests, one JSON object per line:
//
//	{"v":1,"op":"status"}     → {"v":1,"type":"status","status":{…}}
//	{"v":1,"op":"build"}      → {"v":1,"type":"ok"}, then a build starts
//	{"v":1,"op":"stop"}       → {"v":1,"type":"ok"}; the devserver stops the
//	                            app and closes every connection when done
//	{"v":1,"op":"subscribe"}  → {"v":1,"type":"ok"}, then every event as it
//	                            happens until either side closes
//
// A devserver that owns a board's port (avm dev --port) shares it, so that
// avm flash and avm monitor go through it rather than fight for the port:
//
//	{"v":1,"op":"flash","flash":{"archive":BASE64,"name":"app.avm",
//	  "partition":"main.avm","force":false,"no_reset":false}}
//	                          → {"v":1,"type":"output","text":"…"} progress
//	                            lines, then {"v":1,"type":"ok","ran":"flashed …"}
//	{"v":1,"op":"reset"}      → {"v":1,"type":"ok"}: the board restarts (RTS pulse)
//	{"v":1,"op":"console"}    → {"v":1,"type":"ok"}, then the console's raw
//	                            bytes as {"v":1,"type":"console","data":BASE64}
//	                            until either side closes; meanwhile the client
//	                            may send {"v":1,"op":"input","data":BASE64}
//	                            (typed on the board) and {"v":1,"op":"reset"}
//
// Flashing stops the console while it writes, then resets the board into
// the app (unless no_reset) and shows its console again; a flash request
// is also reported to subscribers as a run event. A devserver running the
// app locally answers these with an error: clients then open the port
// themselves. A request line may be up to 64 MiB long.
//
// A request it cannot read, of another version or with an unknown op is
// answered with {"v":1,"type":"error","text":"…"}. A status ([Status]) has
// protocol, pid, project, mode ("local" or "board PORT"), port (in board
// mode), target (in local mode: what the app runs as), started, builds,
// last_build, last_good, ran, compile_server_restarts and heap_bytes.
// Events ([Event]) have a type and a time, and by type:
//
//	building  text: the changed files
//	build     build: {time, duration_ns, compiled, removed, via,
//	          diagnostics: [{file, line, col, severity, message}],
//	          errors, warnings, failure, archive, size, start, changed}
//	run       ran: what was done ("restarted the app (m:start/0)",
//	          "reloaded m (hot)", "flashed …")
//	output    text: output of the app or of the board's console
//	exit      value: what start/0 returned, or crashed: true and
//	          value: Class:Reason, and hint: why, when the target
//	          caused it (a function its AtomVM lacks)
//	error     text: running, deploying or watching failed
//	stopping  the devserver is shutting down
//
// Fields may be added to messages within a version; clients ignore what
// they do not know.
package devserver
