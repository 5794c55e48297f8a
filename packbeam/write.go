package packbeam

import (
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Bytes encodes the archive: the header, each entry, and the end entry.
// Plain files are written with FlagFile set, whatever their Flags say, so
// that AtomVM finds the entries after them (see the package doc). It fails
// on a name that is empty or holds a NUL byte.
func (a *Archive) Bytes() ([]byte, error) {
	out := make([]byte, 0, a.Size())
	out = append(out, Header...)
	for _, e := range a.Entries {
		if e.Name == "" || strings.IndexByte(e.Name, 0) >= 0 {
			return nil, fmt.Errorf("packbeam: entry name %q: names must be non-empty and hold no NUL byte", e.Name)
		}
		flags := e.Flags
		if !e.IsBEAM() {
			flags |= FlagFile
		}
		out = appendEntryHeader(out, e.Size(), flags, e.Name)
		if !e.IsBEAM() {
			out = binary.BigEndian.AppendUint32(out, uint32(len(e.Data)))
		}
		out = append(out, e.Data...)
		out = appendPadding(out)
	}
	return appendEntryHeader(out, 0, 0, "end"), nil
}

func appendEntryHeader(out []byte, size int, flags Flags, name string) []byte {
	out = binary.BigEndian.AppendUint32(out, uint32(size))
	out = binary.BigEndian.AppendUint32(out, uint32(flags))
	out = binary.BigEndian.AppendUint32(out, 0) // reserved
	out = append(out, name...)
	out = append(out, 0)
	return appendPadding(out)
}

// appendPadding appends zeros up to the next multiple of 4 bytes. Every
// part of an archive starts aligned, so the length of out is the offset.
func appendPadding(out []byte) []byte {
	for len(out)%4 != 0 {
		out = append(out, 0)
	}
	return out
}

// WriteFile writes the archive to path. It writes a temporary file in the
// same directory and renames it, so path never holds a half-written
// archive.
func (a *Archive) WriteFile(path string) error {
	data, err := a.Bytes()
	if err != nil {
		return err
	}
	return WriteFileAtomic(path, data)
}

// WriteFileAtomic writes data to path through a temporary file in the same
// directory and a rename: readers see the old content or the new, never
// part of it.
func WriteFileAtomic(path string, data []byte) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if err = tmp.Chmod(0o644); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
