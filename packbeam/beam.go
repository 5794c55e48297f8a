package packbeam

import (
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"io"

	"github.com/avmtool/avm/vm/beam"
)

// chunkOrder lists the chunks AtomVM reads, in the order Strip writes
// them, which is the order of AtomVM's PackBEAM; Strip drops all others.
// "LitT" stands for the literal table, written as an uncompressed LitU
// chunk; Line is written only when asked.
var chunkOrder = []string{"AtU8", "Code", "ExpT", "LocT", "ImpT", "LitU", "FunT", "StrT", "Line", "LitT"}

// StripOptions say what Strip keeps.
type StripOptions struct {
	// IncludeLines keeps the Line chunk, so that stacktraces on the device
	// name file and line; it costs about a tenth of a module's size.
	IncludeLines bool
}

// Strip returns the BEAM file data (which erlc +compressed may have
// gzipped) reduced to the chunks AtomVM reads, with the literal table
// uncompressed as a LitU chunk. name is used in errors.
func Strip(name string, data []byte, opts StripOptions) ([]byte, error) {
	if len(data) >= 2 && data[0] == 0x1f && data[1] == 0x8b {
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err == nil {
			data, err = io.ReadAll(zr)
		}
		if err != nil {
			return nil, fmt.Errorf("%s: bad gzip data: %w", name, err)
		}
	}
	form, chunks, err := readForm(name, data)
	if err != nil {
		return nil, err
	}
	if _, ok := chunks["Code"]; !ok {
		return nil, fmt.Errorf("%s: not a module: no Code chunk", name)
	}
	out := append([]byte(nil), form[:12]...)
	for _, id := range chunkOrder {
		body, ok := chunks[id]
		switch {
		case !ok, id == "Line" && !opts.IncludeLines:
			continue
		case id == "LitT":
			id = "LitU"
		}
		out = appendChunk(out, id, body)
	}
	binary.BigEndian.PutUint32(out[4:], uint32(len(out)-8))
	return out, nil
}

// readForm returns the IFF form of BEAM file data and its chunks.
func readForm(name string, data []byte) (form []byte, chunks map[string][]byte, err error) {
	form, msg := standardForm(data)
	if msg != "" {
		return nil, nil, fmt.Errorf("%s: not a BEAM file (no FOR1…BEAM form)", name)
	}
	chunks, err = readChunks(name, form)
	return form, chunks, err
}

// readChunks returns the chunks of a BEAM form by id, the literal table
// uncompressed under "LitT".
func readChunks(name string, form []byte) (map[string][]byte, error) {
	chunks := map[string][]byte{}
	for pos := 12; pos < len(form); {
		if len(form)-pos < 8 {
			return nil, fmt.Errorf("%s +%#x: truncated chunk header", name, pos)
		}
		id := string(form[pos : pos+4])
		size := binary.BigEndian.Uint32(form[pos+4:])
		if uint64(size) > uint64(len(form)-pos-8) {
			return nil, fmt.Errorf("%s +%#x: chunk %q size %d exceeds the %d bytes left", name, pos, id, size, len(form)-pos-8)
		}
		body := form[pos+8 : pos+8+int(size)]
		if id == "LitT" {
			table, err := literalTable(body)
			if err != nil {
				return nil, fmt.Errorf("%s +%#x: LitT chunk: %w", name, pos, err)
			}
			body = table
		}
		if _, dup := chunks[id]; dup {
			return nil, fmt.Errorf("%s +%#x: duplicate %s chunk", name, pos, id)
		}
		chunks[id] = body
		pos = min(pos+8+pad4(int(size)), len(form)) // the last chunk's padding may be missing
	}
	return chunks, nil
}

// literalTable returns the uncompressed literal table of a LitT chunk: a
// word with the table's size, then the table zlib-compressed; or, from OTP
// 28 on, a zero word and the table as it is.
func literalTable(body []byte) ([]byte, error) {
	if len(body) < 4 {
		return nil, fmt.Errorf("too short")
	}
	size := binary.BigEndian.Uint32(body)
	if size == 0 {
		return body[4:], nil
	}
	zr, err := zlib.NewReader(bytes.NewReader(body[4:]))
	if err != nil {
		return nil, err
	}
	table, err := io.ReadAll(io.LimitReader(zr, int64(size)+1))
	if err != nil {
		return nil, err
	}
	if uint64(len(table)) != uint64(size) {
		return nil, fmt.Errorf("literal table inflates to %d bytes, header says %d", len(table), size)
	}
	return table, nil
}

func appendChunk(out []byte, id string, body []byte) []byte {
	out = append(out, id...)
	out = binary.BigEndian.AppendUint32(out, uint32(len(body)))
	out = append(out, body...)
	return appendPadding(out)
}

// NewModule makes the entry of a module from its BEAM file: stripped (see
// Strip), named after the module, and flagged as start when it exports
// start/0. name is used in errors.
func NewModule(name string, data []byte, opts StripOptions) (*Entry, error) {
	stripped, err := Strip(name, data, opts)
	if err != nil {
		return nil, err
	}
	f, err := beam.Parse(name, stripped)
	if err != nil {
		return nil, err
	}
	e := &Entry{Name: f.Module + ".beam", Flags: FlagBEAM, Data: stripped, Offset: -1}
	if exportsStart(f) {
		e.Flags |= FlagStart
	}
	return e, nil
}

// NewFile makes the entry of a plain file; name is its path in the archive,
// such as "myapp/priv/config.json".
func NewFile(name string, data []byte) *Entry {
	return &Entry{Name: name, Flags: FlagFile, Data: data, Offset: -1}
}

func exportsStart(f *beam.File) bool {
	for _, x := range f.Exports {
		if x.Arity == 0 && atomName(f, x.Function) == "start" {
			return true
		}
	}
	return false
}

// atomName returns atom index i (1-based) of f, or "" when out of range.
func atomName(f *beam.File, i uint32) string {
	if i < 1 || int(i) > len(f.Atoms) {
		return ""
	}
	return f.Atoms[i-1]
}
