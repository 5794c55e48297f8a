package vm

import (
	"sort"

	"github.com/avmtool/avm/vm/term"
)

// An exception in flight is described by p.exc. landException builds its
// stacktrace and unwinds the stack to the innermost catch, leaving the
// registers as BEAM does for the handler: x0 = NoValue, x1 = class,
// x2 = reason, x3 = the raw stacktrace. It reports false when no catch is
// left, so the process dies.
func (p *Process) landException(mod *Module) bool {
	h := p.heap
	exc := *p.exc
	raw := exc.trace
	if raw == term.NoValue {
		raw = h.Tuple(exc.class, p.buildStacktrace(mod))
	} else if !isRawTrace(h, raw) {
		// erlang:raise/3 gives the stacktrace as a list.
		raw = h.Tuple(exc.class, raw)
	}
	*p.exc = exception{}
	p.x[0], p.x[1], p.x[2], p.x[3] = term.NoValue, exc.class, exc.reason, raw
	for k := len(p.stack) - 1; k >= 0; k-- {
		if t := p.stack[k]; t.IsCatch() {
			_, y, _ := decodeCatch(t)
			p.stack = p.stack[:k+1+y]
			return true
		}
	}
	return false
}

// catchTarget returns the handler of the catch marker in the current frame.
func (p *Process) catchTarget() (codePtr, bool) {
	for k := len(p.stack) - 1; k >= 0; k-- {
		if t := p.stack[k]; t.IsCatch() {
			modID, _, pc := decodeCatch(t)
			return codePtr{moduleByID(modID), pc}, true
		}
	}
	return codePtr{}, false
}

// The raw stacktrace is {Class, Frames}: the raise instruction needs the
// class back, and build_stacktrace gives user code the frames.

func isRawTrace(h *term.Heap, t term.Term) bool {
	return h.IsTuple(t) && h.TupleSize(t) == 2 && h.TupleElems(t)[0].IsAtom()
}

func rawTraceList(h *term.Heap, raw term.Term) term.Term {
	if isRawTrace(h, raw) {
		return h.TupleElems(raw)[1]
	}
	return raw
}

func rawTraceClass(h *term.Heap, raw term.Term) term.Term {
	if isRawTrace(h, raw) {
		return h.TupleElems(raw)[0]
	}
	return term.AtomError
}

// buildStacktrace lists the frames OTP would show: the failing native or
// function_clause call with its arguments, the current function, then the
// callers whose return addresses are on the stack.
func (p *Process) buildStacktrace(mod *Module) term.Term {
	h := p.heap
	var frames []term.Term
	exc := p.exc
	if exc.hasFrame {
		loc := term.Nil
		if (exc.frameM == term.AtomErlang || exc.frameM == atomPersistentTerm) && exc.reason != term.AtomUndef {
			info := h.MapFromPairs([]term.Term{term.AtomModule}, []term.Term{term.Atom("erl_erts_errors")})
			loc = h.List(h.Tuple(term.Atom("error_info"), info))
		}
		frames = append(frames, h.Tuple(exc.frameM, exc.frameF, h.List(exc.frameArgs...), loc))
	}
	if mod != nil {
		if f, ok := mod.funcAt(int(p.lastLine)); ok {
			var arityOrArgs term.Term = term.MakeSmall(int64(f.arity))
			if exc.replacesCurrent {
				arityOrArgs = h.List(exc.frameArgs...)
			}
			frames = append(frames, h.Tuple(mod.name, f.name, arityOrArgs, mod.location(h, int(p.lastLine))))
		}
	}
	for k := len(p.stack) - 1; k >= 0 && len(frames) < stackTraceDepth; k-- {
		t := p.stack[k]
		if !t.IsCP() {
			continue
		}
		cp, ok := p.m.decodeCP(t)
		if !ok {
			break
		}
		if f, ok := cp.mod.funcAt(cp.pc - 1); ok {
			frames = append(frames, h.Tuple(cp.mod.name, f.name, term.MakeSmall(int64(f.arity)), cp.mod.location(h, cp.pc-1)))
		}
	}
	if len(frames) > stackTraceDepth {
		frames = frames[:stackTraceDepth]
	}
	return h.List(frames...)
}

var atomPersistentTerm = term.Atom("persistent_term")

// funcAt finds the function containing pc.
func (m *Module) funcAt(pc int) (funcRange, bool) {
	i := sort.Search(len(m.funcs), func(i int) bool { return m.funcs[i].start > pc }) - 1
	if i < 0 {
		return funcRange{}, false
	}
	return m.funcs[i], true
}

// location is the [{file, F}, {line, L}] list of the instruction at pc.
func (m *Module) location(h *term.Heap, pc int) term.Term {
	if m.lines == nil || pc < 0 || pc >= len(m.code) {
		return term.Nil
	}
	idx := int(m.code[pc].loc)
	if idx <= 0 || idx >= len(m.lines.Items) {
		return term.Nil
	}
	loc := m.lines.Items[idx]
	file := term.Nil
	if int(loc.File) < len(m.lines.Filenames) {
		file = stringTerm(h, m.lines.Filenames[loc.File])
	}
	return h.List(h.Tuple(term.AtomFile, file), h.Tuple(term.AtomLine, term.MakeSmall(int64(loc.Line))))
}

// stringTerm makes an Erlang string (list of code points) from s.
func stringTerm(h *term.Heap, s string) term.Term {
	rs := []rune(s)
	elems := make([]term.Term, len(rs))
	for i, r := range rs {
		elems[i] = term.MakeSmall(int64(r))
	}
	return h.List(elems...)
}
