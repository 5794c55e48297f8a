package vm

import (
	"sync"

	"github.com/avmtool/avm/packbeam"
	"github.com/avmtool/avm/vm/stdlib"
)

// The bundled standard library (package stdlib), read once.
var bundled struct {
	once sync.Once
	a    *packbeam.Archive
	err  error
}

// loadFromStdlib loads module name from the bundled standard library;
// found is false when the library has no such module.
func (m *Machine) loadFromStdlib(name string) (mod *Module, found bool, err error) {
	a, err := bundledArchive()
	if err != nil {
		return nil, false, err
	}
	e := a.Module(name)
	if e == nil {
		return nil, false, nil
	}
	mod, err = m.Load(bundledPrefix+e.Name, e.Data)
	if err != nil {
		if loaded, ok := m.Module(name); ok { // loaded meanwhile by another process
			return loaded, true, nil
		}
	}
	return mod, true, err
}

// bundledArchive is the bundled standard library, read once.
func bundledArchive() (*packbeam.Archive, error) {
	bundled.once.Do(func() {
		bundled.a, bundled.err = packbeam.Read("stdlib.avm", stdlib.Archive())
	})
	return bundled.a, bundled.err
}
