package vm

import (
	"github.com/avmtool/avm/vm/term"
)

// The base64 module (RFC 4648) as Go natives: OTP 25's API, plus OTP 26's
// options map (#{mode => standard | urlsafe, padding => boolean}) taken by
// the /2 forms. Input is a binary or a list of bytes (iodata for encode).
// Malformed input raises badarg, or missing_padding for input whose last
// group lacks its '=' padding, as OTP 26 and later do (OTP 25's reasons are
// accidents of its implementation: function_clause, case_clause, badarith).

func init() {
	type fn struct {
		name   string
		f      func(p *Process, args []term.Term, o b64Options) term.Term
		doc    string
		asList bool
	}
	fns := []fn{
		{"encode", b64Encode, "the base64 encoding of iodata, as a binary", false},
		{"encode_to_string", b64Encode, "the base64 encoding of iodata, as a list", true},
		{"decode", b64Decode, "the bytes of base64 data (whitespace is skipped), as a binary", false},
		{"decode_to_string", b64Decode, "the bytes of base64 data (whitespace is skipped), as a list", true},
		{"mime_decode", b64MimeDecode, "the bytes of base64 data, skipping any character outside the alphabet, as a binary", false},
		{"mime_decode_to_string", b64MimeDecode, "the bytes of base64 data, skipping any character outside the alphabet, as a list", true},
	}
	var entries []Native
	for _, f := range fns {
		f := f
		call := func(p *Process, args []term.Term) term.Term {
			o := b64Options{alphabet: &b64Standard, padding: true, asList: f.asList}
			if len(args) == 2 && !o.parse(p.heap, args[1]) {
				return p.Badarg()
			}
			return f.f(p, args, o)
		}
		entries = append(entries,
			Native{Function: f.name, Arity: 1, Fn: call, Doc: f.doc},
			Native{Function: f.name, Arity: 2, Fn: call, Doc: f.doc + "; options #{mode => standard | urlsafe, padding => boolean()} (OTP 26)"})
	}
	register("base64", entries...)
}

type b64Alphabet struct {
	enc string
	dec [256]int8 // -1: not in the alphabet
}

var b64Standard, b64URLSafe = newB64Alphabet("+/"), newB64Alphabet("-_")

func newB64Alphabet(last2 string) b64Alphabet {
	a := b64Alphabet{enc: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789" + last2}
	for i := range a.dec {
		a.dec[i] = -1
	}
	for i := 0; i < 64; i++ {
		a.dec[a.enc[i]] = int8(i)
	}
	return a
}

type b64Options struct {
	alphabet *b64Alphabet
	padding  bool
	asList   bool
}

var (
	atomMode     = term.Atom("mode")
	atomStandard = term.Atom("standard")
	atomURLSafe  = term.Atom("urlsafe")
	atomPadding  = term.Atom("padding")
	atomMissing  = term.Atom("missing_padding")
)

// parse reads the options map; as in OTP, unknown keys are ignored.
func (o *b64Options) parse(h *term.Heap, m term.Term) bool {
	if !h.IsMap(m) {
		return false
	}
	if v, ok := h.MapGet(m, atomMode); ok {
		switch v {
		case atomStandard:
		case atomURLSafe:
			o.alphabet = &b64URLSafe
		default:
			return false
		}
	}
	if v, ok := h.MapGet(m, atomPadding); ok {
		if !v.IsBoolean() {
			return false
		}
		o.padding = v == term.True
	}
	return true
}

func (o b64Options) result(h *term.Heap, b []byte) term.Term {
	if o.asList {
		return byteList(h, b, term.Nil)
	}
	return h.MakeBinary(b)
}

func b64Encode(p *Process, args []term.Term, o b64Options) term.Term {
	h := p.heap
	var data []byte
	switch {
	case h.IsBitstring(args[0]):
		b, ok := h.BinaryBytes(args[0])
		if !ok {
			return p.Error(term.AtomFunctionClause)
		}
		data = b
	case args[0].IsList():
		w, _, ok := iodata(h, args[0], false, false)
		if !ok {
			return p.Badarg()
		}
		data = w.data
	default:
		return p.Error(term.AtomFunctionClause)
	}
	enc := o.alphabet.enc
	out := make([]byte, 0, (len(data)+2)/3*4)
	for i := 0; i < len(data); i += 3 {
		n := min(3, len(data)-i)
		var v uint32
		for j := 0; j < n; j++ {
			v |= uint32(data[i+j]) << (16 - 8*j)
		}
		for j := 0; j <= n; j++ {
			out = append(out, enc[v>>(18-6*j)&63])
		}
		if o.padding {
			for j := n; j < 3; j++ {
				out = append(out, '=')
			}
		}
	}
	return o.result(h, out)
}

// b64Input reads the bytes of a decode argument: a binary or a list of
// bytes.
func b64Input(p *Process, t term.Term) ([]byte, bool) {
	h := p.heap
	if h.IsBitstring(t) {
		b, ok := h.BinaryBytes(t)
		if !ok {
			p.Error(term.AtomFunctionClause)
		}
		return b, ok
	}
	if t.IsList() {
		b, ok := latin1Bytes(h, t)
		if !ok {
			p.Badarg()
		}
		return b, ok
	}
	p.Error(term.AtomFunctionClause)
	return nil, false
}

func b64Decode(p *Process, args []term.Term, o b64Options) term.Term {
	in, ok := b64Input(p, args[0])
	if !ok {
		return term.NoValue
	}
	// Whitespace is skipped anywhere; any other character must be of the
	// alphabet, or padding.
	syms := make([]byte, 0, len(in))
	for _, c := range in {
		switch c {
		case ' ', '\t', '\r', '\n':
			continue
		}
		syms = append(syms, c)
	}
	return b64Finish(p, syms, o)
}

func b64MimeDecode(p *Process, args []term.Term, o b64Options) term.Term {
	in, ok := b64Input(p, args[0])
	if !ok {
		return term.NoValue
	}
	// Characters outside the alphabet are skipped, and so is an '=' that
	// more data follows: only trailing '=' are padding.
	syms := make([]byte, 0, len(in))
	pads := 0
	for _, c := range in {
		switch {
		case c == '=':
			pads++
		case o.alphabet.dec[c] >= 0:
			syms = append(syms, c)
			pads = 0
		}
	}
	for ; pads > 0; pads-- {
		syms = append(syms, '=')
	}
	return b64Finish(p, syms, o)
}

// b64Finish decodes symbols: alphabet characters then at most two '='
// completing the last group of four (optional when padding is off).
func b64Finish(p *Process, syms []byte, o b64Options) term.Term {
	n := len(syms)
	pads := 0
	for pads < n && syms[n-1-pads] == '=' {
		pads++
	}
	data := syms[:n-pads]
	switch {
	case pads > 2 || len(data)%4 == 1:
		return p.Badarg()
	case pads > 0 && (len(data)+pads)%4 != 0:
		return p.Badarg()
	case pads == 0 && len(data)%4 != 0 && o.padding:
		return p.Error(atomMissing)
	}
	out := make([]byte, 0, len(data)*3/4)
	var v uint32
	for i, c := range data {
		d := o.alphabet.dec[c]
		if d < 0 {
			return p.Badarg()
		}
		v = v<<6 | uint32(d)
		if i%4 == 3 {
			out = append(out, byte(v>>16), byte(v>>8), byte(v))
			v = 0
		}
	}
	switch len(data) % 4 {
	case 2:
		out = append(out, byte(v>>4))
	case 3:
		out = append(out, byte(v>>10), byte(v>>2))
	}
	return o.result(p.heap, out)
}
