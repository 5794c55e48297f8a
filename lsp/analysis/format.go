package analysis

import (
	"fmt"
	"strings"

	"github.com/avmtool/avm/lsp/erlparse"
	"github.com/avmtool/avm/lsp/erlscan"
)

// otpControls are the control characters of OTP's io_lib:format.
const otpControls = "cfegswpWPBX#bx+ni~"

// atomvmControls are the controls AtomVM's io_lib:format accepts, by
// release (libs/estdlib/src/io_lib.erl; the same at 0.6.6 and 0.7.0-alpha).
// Anything else raises badarg at run time, as does `*` for a width or a
// precision, and the K modifier.
var atomvmControls = map[string]string{
	"0.6": "cfegswpBb#+ni~",
	"0.7": "cfegswpBb#+ni~",
}

// directive is one ~ control of a format string.
type directive struct {
	pos, end int // source range, ~ to control
	control  rune
	field    string // width, precision, pad and modifiers as written
	star     bool   // * used as width, precision or pad
	modK     bool   // the K (key order) modifier
	args     int    // arguments consumed
	bad      string // a syntax problem, if any
}

// formatArgs says which arguments of a format function are the format and
// the data list; -1 when absent.
func formatArgs(mod, fn string, arity int) (fmtArg, dataArg int) {
	if fn != "format" && fn != "fwrite" {
		return -1, -1
	}
	switch {
	case mod == "io" && arity == 1:
		return 0, -1
	case mod == "io" && arity == 2, mod == "io_lib" && (arity == 2 || arity == 3):
		return 0, 1
	case mod == "io" && arity == 3:
		return 1, 2
	}
	return -1, -1
}

// format checks an io:format/io_lib:format call with a literal format.
func (c *checker) format(call *erlparse.Call) {
	if call.Kind != erlparse.RemoteCall || call.Macro {
		return
	}
	fi, di := formatArgs(call.Module, call.Function, call.Arity)
	if fi < 0 || fi >= len(call.Args) {
		return
	}
	var chars []erlscan.StringChar
	for _, t := range call.Args[fi] {
		cs := erlscan.Chars(t)
		if cs == nil {
			return // not a plain string literal
		}
		chars = append(chars, cs...)
	}
	dirs := parseFormat(chars)
	var elems [][]erlscan.Token
	literal := false
	if di >= 0 && di < len(call.Args) {
		elems, literal = erlparse.ListElems(call.Args[di])
	} else if di < 0 {
		literal = true // io:format/1 takes no arguments
	}
	supported := atomvmControls[c.cfg.Release]
	if supported == "" {
		supported = atomvmControls["0.7"]
	}
	target := c.cfg.Target()
	sev := severityIn(call.In, Error)
	need, argIndex := 0, 0
	for _, d := range dirs {
		text := c.m.Src[d.pos:d.end]
		switch {
		case d.bad != "":
			c.report(d.pos, d.end, sev, CodeFormatDirective, d.bad)
		case !strings.ContainsRune(otpControls, d.control):
			c.report(d.pos, d.end, sev, CodeFormatDirective, fmt.Sprintf("%s is not a format control: io:format raises badarg", text))
		case !strings.ContainsRune(supported, d.control):
			msg := fmt.Sprintf("%s is not supported by io_lib:format on %s: it raises badarg there", text, target)
			var fixes []Fix
			if f, ok := c.directiveFix(d, text, elems, literal, argIndex); ok {
				fixes = append(fixes, f)
				msg += "; " + strings.ToLower(f.Title[:1]) + f.Title[1:]
			}
			c.report(d.pos, d.end, sev, CodeFormatDirective, msg, fixes...)
		case d.star:
			c.report(d.pos, d.end, sev, CodeFormatDirective, fmt.Sprintf("%s: %s takes field widths and precisions as digits only, not *", text, target))
		case d.modK:
			c.report(d.pos, d.end, sev, CodeFormatDirective, fmt.Sprintf("%s: %s has no K modifier", text, target))
		}
		need += d.args
		argIndex += d.args
	}
	switch {
	case !literal || len(elems) == need:
	case di < 0:
		c.report(call.Pos, call.CallEnd, sev, CodeFormatArgs,
			fmt.Sprintf("the format needs %s and io:format/1 passes none: use io:format/2 with a list", plural(need, "argument")))
	default:
		a := call.Args[di]
		c.report(a[0].Pos, a[len(a)-1].End, sev, CodeFormatArgs,
			fmt.Sprintf("the format needs %s, the list has %d: io_lib:format raises badarg", plural(need, "argument"), len(elems)))
	}
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// directiveFix offers a rewrite of a control the target lacks into ones it
// has, when the data list is literal so that the arguments can follow.
func (c *checker) directiveFix(d directive, text string, elems [][]erlscan.Token, literal bool, argIndex int) (Fix, bool) {
	if !literal || d.star || argIndex+1 >= len(elems) || !c.plain(elems[argIndex]) || !c.plain(elems[argIndex+1]) {
		return Fix{}, false
	}
	first, second := elems[argIndex], elems[argIndex+1]
	span := func(ts []erlscan.Token) (int, int) { return ts[0].Pos, ts[len(ts)-1].End }
	switch d.control {
	case 'P', 'W':
		// ~P takes [Term, Depth]; ~p prints the whole term.
		lower := "~" + d.field + strings.ToLower(string(d.control))
		_, prevEnd := span(first)
		_, depthEnd := span(second)
		return Fix{
			Title: fmt.Sprintf("Replace %s with %s and drop the depth argument", text, lower),
			Edits: []Edit{{d.pos, d.end, lower}, {prevEnd, depthEnd, ""}},
		}, true
	case 'x', 'X':
		// ~x takes [Integer, Prefix] and prints the prefix first: ~s~b
		// prints the same from [Prefix, Integer].
		b := "b"
		if d.control == 'X' {
			b = "B"
		}
		repl := "~s~" + d.field + b
		p1, e1 := span(first)
		p2, e2 := span(second)
		return Fix{
			Title: fmt.Sprintf("Replace %s with %s and put the prefix argument first", text, repl),
			Edits: []Edit{{d.pos, d.end, repl}, {p1, e1, c.m.Src[p2:e2]}, {p2, e2, c.m.Src[p1:e1]}},
		}, true
	}
	return Fix{}, false
}

// plain reports whether tokens are written in the source as they are (not
// produced by a macro), so that edits can move them.
func (c *checker) plain(ts []erlscan.Token) bool {
	if len(ts) == 0 {
		return false
	}
	for _, t := range ts {
		if t.End > len(c.m.Src) || c.m.Src[t.Pos:t.End] != t.Text {
			return false
		}
	}
	return true
}

// parseFormat reads the directives of a format string: ~ [width] [.
// precision [. pad]] [modifiers] control, as io_lib does.
func parseFormat(chars []erlscan.StringChar) []directive {
	var out []directive
	for i := 0; i < len(chars); i++ {
		if chars[i].R != '~' {
			continue
		}
		d := directive{pos: chars[i].Pos}
		j := i + 1
		at := func() rune {
			if j < len(chars) {
				return chars[j].R
			}
			return -1
		}
		fieldStart := j
		// width
		if at() == '-' {
			j++
		}
		if at() == '*' {
			d.star = true
			d.args++
			j++
		} else {
			for at() >= '0' && at() <= '9' {
				j++
			}
		}
		// precision and pad
		if at() == '.' {
			j++
			if at() == '*' {
				d.star = true
				d.args++
				j++
			} else {
				for at() >= '0' && at() <= '9' {
					j++
				}
			}
			if at() == '.' {
				j++
				if at() == '*' {
					d.star = true
					d.args++
				}
				if at() >= 0 {
					j++ // the pad character
				}
			}
		}
		// modifiers
		for at() == 't' || at() == 'l' || at() == 'k' || at() == 'K' {
			if at() == 'K' {
				d.modK = true
				d.args++
			}
			j++
		}
		if j >= len(chars) {
			d.end = chars[len(chars)-1].End
			d.bad = "the format string ends inside a ~ directive"
			out = append(out, d)
			break
		}
		d.control = chars[j].R
		d.end = chars[j].End
		if fieldStart < j {
			var b strings.Builder
			for _, ch := range chars[fieldStart:j] {
				b.WriteRune(ch.R)
			}
			d.field = b.String()
		}
		switch d.control {
		case '~', 'n':
		case 'P', 'W', 'X', 'x':
			d.args += 2
		default:
			d.args++
		}
		out = append(out, d)
		i = j
	}
	return out
}
