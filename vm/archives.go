package vm

import (
	"sync"

	"github.com/avmtool/avm/packbeam"
	"github.com/avmtool/avm/vm/term"
)

// AtomVM applications ship as .avm archives (package packbeam). A Machine
// keeps the archives it was given in a list, as AtomVM does: modules that
// are called but not loaded are looked up in each archive in turn, before
// Options.Load; atomvm:read_priv/2 reads their plain files; and
// atomvm:add_avm_pack_binary/2, add_avm_pack_file/2 and close_avm_pack/2
// change the list while programs run (natives_atomvm.go).

// archives is the Machine's list of open archives. The zero value is empty.
type archives struct {
	mu   sync.Mutex
	list []*openArchive
}

type openArchive struct {
	file string // where it came from, for error messages
	a    *packbeam.Archive
	name term.Term // the atom given as {name, N}, or NoValue
	// inUse is set once a module or a file was read from the archive;
	// close_avm_pack/2 then refuses to close it, as AtomVM does.
	inUse bool
}

// AddArchive appends an archive to the ones the Machine loads modules and
// priv files from; those added first are searched first. file names it in
// error messages.
func (m *Machine) AddArchive(file string, a *packbeam.Archive) {
	m.archives.add(&openArchive{file: file, a: a, name: term.NoValue}, false)
}

func (l *archives) add(o *openArchive, first bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if first {
		l.list = append([]*openArchive{o}, l.list...)
	} else {
		l.list = append(l.list, o)
	}
}

// find returns the first entry that match accepts, marking its archive in
// use; file names the archive.
func (l *archives) find(match func(*packbeam.Archive) *packbeam.Entry) (e *packbeam.Entry, file string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, o := range l.list {
		if e := match(o.a); e != nil {
			o.inUse = true
			return e, o.file
		}
	}
	return nil, ""
}

// loadFromArchive loads module name from the first archive that has it.
// found is false when none has it.
func (m *Machine) loadFromArchive(name string) (mod *Module, found bool, err error) {
	e, file := m.archives.find(func(a *packbeam.Archive) *packbeam.Entry { return a.Module(name) })
	if e == nil {
		return nil, false, nil
	}
	mod, err = m.Load(file+":"+e.Name, e.Data)
	if err != nil {
		// Another process may have loaded it meanwhile.
		if loaded, ok := m.Module(name); ok {
			return loaded, true, nil
		}
	}
	return mod, true, err
}
