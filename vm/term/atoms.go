package term

import (
	"fmt"
	"sync"
	"unicode/utf8"
)

// MaxAtomLength is the longest atom name, in characters, as in OTP.
const MaxAtomLength = 255

// atomTable is the VM-wide atom table. Atoms are never freed, as in BEAM.
var atomTable = struct {
	sync.RWMutex
	names []string
	index map[string]uint32
}{index: make(map[string]uint32)}

func init() {
	for _, name := range predefinedAtoms {
		Atom(name)
	}
}

// Atom interns name (UTF-8) and returns its atom term. Callers that take
// names from user input check the length first with MakeAtom.
func Atom(name string) Term {
	atomTable.RLock()
	i, ok := atomTable.index[name]
	atomTable.RUnlock()
	if ok {
		return AtomFromIndex(i)
	}
	atomTable.Lock()
	defer atomTable.Unlock()
	if i, ok := atomTable.index[name]; ok {
		return AtomFromIndex(i)
	}
	i = uint32(len(atomTable.names))
	atomTable.names = append(atomTable.names, name)
	atomTable.index[name] = i
	return AtomFromIndex(i)
}

// MakeAtom interns name, failing (system_limit in Erlang) when it is longer
// than MaxAtomLength characters.
func MakeAtom(name string) (Term, error) {
	if utf8.RuneCountInString(name) > MaxAtomLength {
		return NoValue, fmt.Errorf("atom too long (%d characters)", utf8.RuneCountInString(name))
	}
	return Atom(name), nil
}

// ExistingAtom returns the atom named name if it exists.
func ExistingAtom(name string) (Term, bool) {
	atomTable.RLock()
	defer atomTable.RUnlock()
	i, ok := atomTable.index[name]
	return AtomFromIndex(i), ok
}

// AtomName returns the name of an atom term.
func AtomName(t Term) string {
	atomTable.RLock()
	defer atomTable.RUnlock()
	i := t.AtomIndex()
	if int(i) >= len(atomTable.names) {
		return fmt.Sprintf("<bad atom %d>", i)
	}
	return atomTable.names[i]
}

// AtomCount is the number of atoms in the table.
func AtomCount() int {
	atomTable.RLock()
	defer atomTable.RUnlock()
	return len(atomTable.names)
}
