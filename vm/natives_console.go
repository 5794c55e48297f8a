package vm

import (
	"github.com/avmtool/avm/vm/term"
)

// AtomVM's console module: iodata straight to the VM's standard output,
// bypassing io and group leaders. As in AtomVM, the text is iodata (bytes);
// puts/2 and flush/1 take the console port AtomVM's console:start/0 opens,
// which avm does not need: any pid or port is accepted and ignored.

func init() {
	register("console",
		Native{Function: "print", Arity: 1, Fn: consolePrint, Doc: "print(IoData): writes the bytes to standard output; ok"},
		Native{Function: "puts", Arity: 1, Fn: consolePrint, Doc: "puts(IoData): writes the bytes to standard output; ok"},
		Native{Function: "puts", Arity: 2, Fn: consolePutsTo, Doc: "puts(Console, IoData): writes the bytes to standard output; ok"},
		Native{Function: "flush", Arity: 0, Fn: consoleFlush, Doc: "flush(): pushes buffered console output out; ok"},
		Native{Function: "flush", Arity: 1, Fn: consoleFlushTo, Doc: "flush(Console): pushes buffered console output out; ok"},
	)
}

func consolePrint(p *Process, args []term.Term) term.Term {
	h := p.heap
	var text []byte
	if h.IsBitstring(args[0]) {
		b, ok := h.BinaryBytes(args[0])
		if !ok {
			return p.Badarg()
		}
		text = b
	} else {
		w, _, ok := iodata(h, args[0], false, false)
		if !ok {
			return p.Badarg()
		}
		text = w.data
	}
	p.m.opts.Stdout.Write(text)
	return term.AtomOk
}

func consolePutsTo(p *Process, args []term.Term) term.Term {
	if !args[0].IsPid() && !args[0].IsPort() {
		return p.Badarg()
	}
	return consolePrint(p, args[1:])
}

// consoleFlush flushes a buffered standard output; the console writes
// through otherwise.
func consoleFlush(p *Process, _ []term.Term) term.Term {
	if f, ok := p.m.opts.Stdout.(interface{ Flush() error }); ok {
		f.Flush()
	}
	return term.AtomOk
}

func consoleFlushTo(p *Process, args []term.Term) term.Term {
	if !args[0].IsPid() && !args[0].IsPort() {
		return p.Badarg()
	}
	return consoleFlush(p, nil)
}
