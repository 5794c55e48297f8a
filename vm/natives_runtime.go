package vm

import (
	"math"
	"os"

	"github.com/avmtool/avm/vm/term"
)

// The runtime system's functions that Elixir's System, Process and
// Function modules call: halt, time offsets, timers with options, the
// whole fun_info.

var (
	atomAbort     = term.Atom("abort")
	atomHalt      = term.Atom("halt")
	atomAbs       = term.Atom("abs")
	atomSaveCalls = term.Atom("save_calls")
)

func init() {
	register("erlang",
		Native{Function: "halt", Arity: 0, Fn: bifHalt, Doc: "halt(): ends the run at once, exit status 0"},
		Native{Function: "halt", Arity: 1, Fn: bifHalt, Doc: "halt(Status): ends the run with exit status Status (an integer), or 1 after printing Slogan (a string), or abort"},
		Native{Function: "halt", Arity: 2, Fn: bifHalt, Doc: "halt(Status, [{flush, Bool}]): halt/1 (output is always flushed)"},
		Native{Function: "time_offset", Arity: 0, Fn: timeNative(timeOffsetNanos), Doc: "time_offset(): OS system time minus monotonic time, in native units (nanoseconds)"},
		Native{Function: "time_offset", Arity: 1, Fn: timeNative(timeOffsetNanos), Doc: "time_offset(Unit): the time offset in Unit"},
		Native{Function: "send_after", Arity: 4, Fn: bifSendAfter4, Doc: "send_after(Time, Dest, Msg, [{abs, Bool}]): send_after/3, Time absolute monotonic milliseconds with {abs, true}"},
		Native{Function: "start_timer", Arity: 4, Fn: bifStartTimer4, Doc: "start_timer(Time, Dest, Msg, [{abs, Bool}]): start_timer/3, Time absolute monotonic milliseconds with {abs, true}"},
		Native{Function: "process_flag", Arity: 3, Fn: bifProcessFlag3, Doc: "process_flag(Pid, save_calls, N): avm keeps no call history; returns the old value 0"},
		Native{Function: "fun_info", Arity: 1, Fn: bifFunInfo1, Doc: "fun_info(Fun): every fun_info/2 item of Fun, as [{Item, Value}]"},
	)
	register("init",
		Native{Function: "get_argument", Arity: 1, Fn: initGetArgument, Doc: "get_argument(Flag): {ok, [[Value]]} for home ($HOME) and progname (avm), the emulator flags avm has; error for others"},
		Native{Function: "get_arguments", Arity: 0, Fn: initGetArguments, Doc: "get_arguments(): the emulator flags avm has, [{home, [Home]}, {progname, [\"avm\"]}]"},
		Native{Function: "get_plain_arguments", Arity: 0, Fn: func(*Process, []term.Term) term.Term { return term.Nil }, Doc: "get_plain_arguments(): the plain command-line arguments: none"},
		Native{Function: "stop", Arity: 0, Fn: bifHalt, Doc: "stop(): ends the run, exit status 0 (erlang:halt/0)"},
		Native{Function: "stop", Arity: 1, Fn: bifHalt, Doc: "stop(Status): ends the run with exit status Status, as erlang:halt/1"},
	)
}

// initArguments are the emulator flags avm answers for: what OTP's erl
// sets that programs read (System.user_home reads home).
func initArguments() [][2]string {
	var args [][2]string
	if home, err := os.UserHomeDir(); err == nil {
		args = append(args, [2]string{"home", home})
	}
	return append(args, [2]string{"progname", "avm"})
}

func initGetArgument(p *Process, args []term.Term) term.Term {
	if !args[0].IsAtom() {
		return term.AtomError // as OTP: no flag has that name
	}
	h := p.heap
	for _, a := range initArguments() {
		if term.AtomName(args[0]) == a[0] {
			return h.Tuple(term.AtomOk, h.List(h.List(charList(h, a[1]))))
		}
	}
	return term.AtomError
}

func initGetArguments(p *Process, _ []term.Term) term.Term {
	h := p.heap
	var out []term.Term
	for _, a := range initArguments() {
		out = append(out, h.Tuple(term.Atom(a[0]), h.List(charList(h, a[1]))))
	}
	return h.List(out...)
}

func timeOffsetNanos() int64 { return systemNanos() - monotonicNanos() }

// bifHalt ends the whole run: Run returns an Outcome whose Reset says
// ResetHalted with the exit status.
func bifHalt(p *Process, args []term.Term) term.Term {
	h := p.heap
	status := 0
	if len(args) > 0 {
		switch s := args[0]; {
		case s.IsSmall() && s.Small() >= 0:
			status = int(min(s.Small(), math.MaxInt32))
		case h.IsBig(s) && h.ToBig(s).Sign() > 0:
			status = math.MaxInt32
		case s == atomAbort:
			status = 134 // what a shell reports for an abort (SIGABRT)
		default:
			slogan, ok := charListString(h, s)
			if !ok {
				return p.Badarg()
			}
			p.m.warnf("erlang:halt(%q): the app ended the run (OTP would write a crash dump)", slogan)
			status = 1
		}
	}
	if len(args) == 2 && !validHaltOptions(h, args[1]) {
		return p.Badarg()
	}
	// The calling process ends here, as every other does when the
	// machine stops.
	p.m.halt(Reset{Reason: ResetHalted, Status: status})
	p.outcome = &Outcome{Heap: p.heap, Value: term.NoValue, Class: term.AtomExit, Reason: atomHalt, Stacktrace: term.Nil, signalled: true}
	return term.NoValue
}

func validHaltOptions(h *term.Heap, opts term.Term) bool {
	list, ok := h.ListToSlice(opts)
	if !ok {
		return false
	}
	for _, o := range list {
		if !h.IsTuple(o) || h.TupleSize(o) != 2 || h.TupleElems(o)[0] != atomFlush || !h.TupleElems(o)[1].IsBoolean() {
			return false
		}
	}
	return true
}

func bifSendAfter4(p *Process, args []term.Term) term.Term  { return p.startTimerOpts(args, false) }
func bifStartTimer4(p *Process, args []term.Term) term.Term { return p.startTimerOpts(args, true) }

// startTimerOpts starts a timer of send_after/4 or start_timer/4: with
// {abs, true}, Time is the monotonic time in milliseconds to fire at.
func (p *Process) startTimerOpts(args []term.Term, wrap bool) term.Term {
	h := p.heap
	opts, ok := h.ListToSlice(args[3])
	if !ok {
		return p.Badarg()
	}
	abs := false
	for _, o := range opts {
		if !h.IsTuple(o) || h.TupleSize(o) != 2 || h.TupleElems(o)[0] != atomAbs || !h.TupleElems(o)[1].IsBoolean() {
			return p.Badarg()
		}
		abs = h.TupleElems(o)[1] == term.True
	}
	t := args[0]
	if abs {
		if !t.IsSmall() {
			return p.Badarg()
		}
		t = term.MakeSmall(max(t.Small()-monotonicNanos()/1e6, 0))
	}
	return p.startTimer([]term.Term{t, args[1], args[2]}, wrap)
}

func bifProcessFlag3(p *Process, args []term.Term) term.Term {
	pid, flag, n := args[0], args[1], args[2]
	if !pid.IsPid() || p.m.process(pid.PidID()) == nil || flag != atomSaveCalls || !n.IsSmall() || n.Small() < 0 || n.Small() > 10000 {
		return p.Badarg()
	}
	return term.MakeSmall(0)
}

// funInfoItems are fun_info/1's items, in OTP's order, for local and
// external funs.
var (
	localFunInfoItems    = []term.Term{term.AtomPid, term.AtomModule, atomNewIndex, atomNewUniq, term.AtomIndex, term.AtomUniq, term.AtomNameKey, term.AtomArity, atomEnv, term.AtomType}
	externalFunInfoItems = []term.Term{term.AtomModule, term.AtomNameKey, term.AtomArity, atomEnv, term.AtomType}
)

func bifFunInfo1(p *Process, args []term.Term) term.Term {
	h := p.heap
	f := args[0]
	if !h.IsFun(f) {
		return p.Badarg()
	}
	items := localFunInfoItems
	if h.IsExportFun(f) {
		items = externalFunInfoItems
	}
	out := make([]term.Term, len(items))
	for i, item := range items {
		if out[i] = bifFunInfo(p, []term.Term{f, item}); out[i] == term.NoValue {
			return term.NoValue
		}
	}
	return h.List(out...)
}
