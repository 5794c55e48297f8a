package packbeam

import (
	"encoding/binary"
	"fmt"
	"os"
	"strings"
)

// Header is the 24 bytes every archive starts with.
const Header = "#!/usr/bin/env AtomVM\n\x00\x00"

// Flags say what an entry is.
type Flags uint32

const (
	FlagStart Flags = 0x01 // a module that exports start/0: a candidate entry point
	FlagBEAM  Flags = 0x02 // a module (BEAM file)
	FlagFile  Flags = 0x04 // a plain file; see "Plain files" in the package doc
)

// entryHeaderSize is the size, flags and reserved words before the name.
const entryHeaderSize = 12

// Entry is one file of an archive: a module or a plain file.
type Entry struct {
	// Name is "mod.beam" for a module and a path such as
	// "myapp/priv/config.json" for a plain file.
	Name  string
	Flags Flags
	// Data is a module's BEAM file (a FOR1 form, which Read gives in the
	// standard form whatever the writer; see the package doc), or a plain
	// file's bytes, without the length prefix and padding the archive adds.
	Data []byte
	// Offset is where the entry starts in the archive it was read from,
	// or -1 for an entry that was not read from one.
	Offset int
}

// IsBEAM reports whether the entry is a module.
func (e *Entry) IsBEAM() bool { return e.Flags&FlagBEAM != 0 }

// IsStart reports whether the entry is a module flagged as an entry point.
func (e *Entry) IsStart() bool { return e.Flags&(FlagBEAM|FlagStart) == FlagBEAM|FlagStart }

// Module returns the module name of a module entry ("mod" for
// "mod.beam"), or "" for a plain file.
func (e *Entry) Module() string {
	if !e.IsBEAM() {
		return ""
	}
	return strings.TrimSuffix(e.Name, ".beam")
}

// Kind is "beam" for a module and "file" for a plain file.
func (e *Entry) Kind() string {
	if e.IsBEAM() {
		return "beam"
	}
	return "file"
}

// Size is the number of bytes the entry takes in an archive: header,
// padded name, and padded content.
func (e *Entry) Size() int {
	n := len(e.Data)
	if !e.IsBEAM() {
		n += 4 // the length prefix
	}
	return entryHeaderSize + pad4(len(e.Name)+1) + pad4(n)
}

// Archive is the content of an .avm file: its entries in order.
type Archive struct {
	Entries []*Entry
}

// Size is the number of bytes the archive takes when written.
func (a *Archive) Size() int {
	n := len(Header) + entryHeaderSize + pad4(len("end")+1)
	for _, e := range a.Entries {
		n += e.Size()
	}
	return n
}

// Find returns the first entry named name, or nil. As in AtomVM, when
// names repeat the first one counts.
func (a *Archive) Find(name string) *Entry {
	for _, e := range a.Entries {
		if e.Name == name {
			return e
		}
	}
	return nil
}

// Module returns the entry of a module by module name, or nil.
func (a *Archive) Module(module string) *Entry {
	e := a.Find(module + ".beam")
	if e == nil || !e.IsBEAM() {
		return nil
	}
	return e
}

// Start returns the entry point: the first module flagged as start, as
// AtomVM chooses it, or nil.
func (a *Archive) Start() *Entry {
	for _, e := range a.Entries {
		if e.IsStart() {
			return e
		}
	}
	return nil
}

// ReadPriv returns the plain file app/priv/path, as atomvm:read_priv/2
// finds it.
func (a *Archive) ReadPriv(app, path string) ([]byte, bool) {
	e := a.Find(app + "/priv/" + path)
	if e == nil || e.IsBEAM() {
		return nil, false
	}
	return e.Data, true
}

// IsArchive reports whether data starts with the archive header.
func IsArchive(data []byte) bool {
	return len(data) >= len(Header) && string(data[:len(Header)]) == Header
}

// FormatError reports a malformed archive. Read returns no other kind of
// error.
type FormatError struct {
	File   string // the name given to Read
	Offset int    // where the problem is, in bytes from the start of the archive
	Entry  string // the entry's name, when it is known
	Msg    string
}

// Error reads like "app.avm +0x40: entry foo.beam: size 900 exceeds the 120 bytes left".
func (e *FormatError) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File + " ")
	}
	fmt.Fprintf(&b, "+%#x: ", e.Offset)
	if e.Entry != "" {
		b.WriteString("entry " + e.Entry + ": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// ReadFile reads the archive in file path.
func ReadFile(path string) (*Archive, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Read(path, data)
}

// Read decodes an archive. name is used in errors only. Entries' Data
// share memory with data, except modules whose form size needs the fix
// described in the package doc. Bytes after the end entry are ignored (a
// flash partition holds whatever was there before). Every error is a
// *FormatError.
func Read(name string, data []byte) (*Archive, error) {
	if !IsArchive(data) {
		return nil, &FormatError{File: name, Msg: "not an AtomVM archive: it does not start with " + fmt.Sprintf("%q", Header)}
	}
	a := &Archive{}
	off := len(Header)
	for {
		errorf := func(at int, entry, format string, args ...any) error {
			return &FormatError{File: name, Offset: at, Entry: entry, Msg: fmt.Sprintf(format, args...)}
		}
		left := len(data) - off
		if left == 0 {
			return nil, errorf(off, "", "truncated: the archive ends without an end entry")
		}
		if left < entryHeaderSize {
			return nil, errorf(off, "", "truncated entry header: %d bytes left, want %d", left, entryHeaderSize)
		}
		size := binary.BigEndian.Uint32(data[off:])
		flags := Flags(binary.BigEndian.Uint32(data[off+4:]))
		if size == 0 { // the end entry; AtomVM stops at a zero size too
			return a, nil
		}
		const minSize = entryHeaderSize + 4 // a one-character name and its NUL
		switch {
		case size < minSize:
			return nil, errorf(off, "", "entry size %d is smaller than an entry header (%d)", size, minSize)
		case size%4 != 0:
			return nil, errorf(off, "", "entry size %d is not a multiple of 4", size)
		case uint64(size) > uint64(left):
			return nil, errorf(off, "", "entry size %d exceeds the %d bytes left", size, left)
		}
		entry := data[off : off+int(size)]
		nameBytes := entry[entryHeaderSize:]
		n := 0
		for n < len(nameBytes) && nameBytes[n] != 0 {
			n++
		}
		if n == len(nameBytes) {
			return nil, errorf(off+entryHeaderSize, "", "the entry's name has no NUL terminator")
		}
		if n == 0 {
			return nil, errorf(off+entryHeaderSize, "", "the entry's name is empty")
		}
		e := &Entry{Name: string(nameBytes[:n]), Flags: flags, Offset: off}
		contentAt := entryHeaderSize + pad4(n+1)
		content := entry[contentAt:]
		if e.IsBEAM() {
			form, msg := standardForm(content)
			if msg != "" {
				return nil, errorf(off+contentAt, e.Name, "%s", msg)
			}
			e.Data = form
		} else {
			if len(content) < 4 {
				return nil, errorf(off+contentAt, e.Name, "no room for the file's length")
			}
			length := binary.BigEndian.Uint32(content)
			if uint64(length) > uint64(len(content)-4) {
				return nil, errorf(off+contentAt, e.Name, "file length %d exceeds the %d bytes of the entry", length, len(content)-4)
			}
			e.Data = content[4 : 4+int(length)]
		}
		a.Entries = append(a.Entries, e)
		off += int(size)
	}
}

// standardForm returns the BEAM file in content: the FOR1 form whose size
// counts the bytes after the size word, without the entry's padding. A form
// whose size counts the whole form, as AtomVM's PackBEAM writes it, is
// copied and fixed. msg says what is wrong when content is no BEAM file.
func standardForm(content []byte) (form []byte, msg string) {
	if len(content) < 12 || string(content[:4]) != "FOR1" || string(content[8:12]) != "BEAM" {
		return nil, "flagged as a module but not a BEAM file (no FOR1…BEAM form)"
	}
	size := binary.BigEndian.Uint32(content[4:])
	switch {
	case uint64(size)+8 <= uint64(len(content)):
		return content[:8+size], ""
	case uint64(size) == uint64(len(content)):
		form = append([]byte(nil), content...)
		binary.BigEndian.PutUint32(form[4:], size-8)
		return form, ""
	}
	return nil, fmt.Sprintf("BEAM form size %d exceeds the %d bytes of the entry", size, len(content)-8)
}

// pad4 rounds n up to a multiple of 4.
func pad4(n int) int { return (n + 3) &^ 3 }
