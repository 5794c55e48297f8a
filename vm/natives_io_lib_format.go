package vm

import (
	"github.com/avmtool/avm/vm/internal/numtext"
	"github.com/avmtool/avm/vm/term"
)

// io_lib_format: the formatting engine behind io_lib:format. Its own
// exports are called directly by Elixir (Float.to_string/1 and inspect of
// floats call fwrite_g/1).

func init() {
	register("io_lib_format",
		Native{Function: "fwrite_g", Arity: 1, Fn: ioLibFormatFwriteG, Doc: "fwrite_g(Float): the shortest text that reads back as Float, as ~p writes it"},
	)
}

func ioLibFormatFwriteG(p *Process, args []term.Term) term.Term {
	if !p.heap.IsFloat(args[0]) {
		return p.Badarg()
	}
	return charList(p.heap, numtext.FormatFloatShort(p.heap.FloatValue(args[0])))
}
