package beam

import (
	"fmt"
	"strings"
)

// FormatError reports a malformed BEAM file. Parse returns no other kind of
// error.
type FormatError struct {
	File   string // the name passed to Parse
	Chunk  string // chunk ID such as "Code"; empty for the file container
	Offset int    // byte offset in the chunk's data, or in the (inflated) file if Chunk is empty; -1 if none
	Msg    string
	Err    error // the underlying gzip or zlib error, if any
}

// Error reads like "hello.beam: Code chunk +0x1a4: unknown opcode 200".
func (e *FormatError) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File + ": ")
	}
	switch {
	case e.Chunk != "" && e.Offset >= 0:
		fmt.Fprintf(&b, "%s chunk +%#x: ", e.Chunk, e.Offset)
	case e.Chunk != "":
		b.WriteString(e.Chunk + " chunk: ")
	case e.Offset >= 0:
		fmt.Fprintf(&b, "+%#x: ", e.Offset)
	}
	b.WriteString(e.Msg)
	if e.Err != nil {
		b.WriteString(": " + e.Err.Error())
	}
	return b.String()
}

func (e *FormatError) Unwrap() error { return e.Err }
