package packbeam

import (
	"fmt"

	"github.com/avmtool/avm/vm/beam"
)

// Add appends entries. It fails, adding nothing, when a name is already in
// the archive or repeats among entries: AtomVM would only ever see the
// first.
func (a *Archive) Add(entries ...*Entry) error {
	seen := make(map[string]bool, len(a.Entries)+len(entries))
	for _, e := range a.Entries {
		seen[e.Name] = true
	}
	for _, e := range entries {
		if seen[e.Name] {
			if e.IsBEAM() {
				return fmt.Errorf("duplicate module %s", e.Module())
			}
			return fmt.Errorf("duplicate file %s", e.Name)
		}
		seen[e.Name] = true
	}
	a.Entries = append(a.Entries, entries...)
	return nil
}

// SetStart makes module the entry point: it is flagged as start and moved
// first, and no other module is flagged. The module must export start/0.
func (a *Archive) SetStart(module string) error {
	e := a.Module(module)
	if e == nil {
		return fmt.Errorf("start module %s is not in the archive", module)
	}
	f, err := beam.Parse(e.Name, e.Data)
	if err != nil {
		return err
	}
	if !exportsStart(f) {
		return fmt.Errorf("start module %s does not export start/0", module)
	}
	a.ClearStart()
	e.Flags |= FlagStart
	rest := make([]*Entry, 0, len(a.Entries))
	for _, x := range a.Entries {
		if x != e {
			rest = append(rest, x)
		}
	}
	a.Entries = append([]*Entry{e}, rest...)
	return nil
}

// ClearStart removes every start flag, making a library archive.
func (a *Archive) ClearStart() {
	for _, e := range a.Entries {
		e.Flags &^= FlagStart
	}
}

// Delete removes the entries with the given names and returns the names
// it did not find.
func (a *Archive) Delete(names ...string) (missing []string) {
	del := make(map[string]bool, len(names))
	for _, n := range names {
		del[n] = true
	}
	kept := a.Entries[:0]
	for _, e := range a.Entries {
		if del[e.Name] {
			delete(del, e.Name)
			continue
		}
		kept = append(kept, e)
	}
	clear(a.Entries[len(kept):])
	a.Entries = kept
	for _, n := range names {
		if del[n] {
			missing = append(missing, n)
			delete(del, n)
		}
	}
	return missing
}

// Prune removes the modules the entry point cannot reach and returns their
// entry names. A module reaches another when it imports a function of it,
// or names it as an atom, in its atom table or in a literal: this keeps
// modules called through apply, spawn or a behaviour callback when their
// name appears in the code, as atomvm_packbeam's prune does. Plain files
// are kept.
func (a *Archive) Prune() (dropped []string, err error) {
	start := a.Start()
	if start == nil {
		return nil, fmt.Errorf("nothing to prune from: no module is flagged as start (give a start module)")
	}
	modules := map[string]*Entry{}
	for _, e := range a.Entries {
		if e.IsBEAM() {
			modules[e.Module()] = e
		}
	}
	reached := map[string]bool{start.Module(): true}
	queue := []*Entry{start}
	for len(queue) > 0 {
		e := queue[0]
		queue = queue[1:]
		refs, err := references(e)
		if err != nil {
			return nil, err
		}
		for _, m := range refs {
			if dep := modules[m]; dep != nil && !reached[m] {
				reached[m] = true
				queue = append(queue, dep)
			}
		}
	}
	kept := a.Entries[:0]
	for _, e := range a.Entries {
		if e.IsBEAM() && !reached[e.Module()] {
			dropped = append(dropped, e.Name)
			continue
		}
		kept = append(kept, e)
	}
	clear(a.Entries[len(kept):])
	a.Entries = kept
	return dropped, nil
}

// references lists the names a module may refer to other modules by: the
// modules it imports from, its atoms and the atoms in its literals.
func references(e *Entry) ([]string, error) {
	f, err := beam.Parse(e.Name, e.Data)
	if err != nil {
		return nil, err
	}
	refs := append([]string(nil), f.Atoms...)
	for _, im := range f.Imports {
		refs = append(refs, atomName(f, im.Module))
	}
	for i, lit := range f.Literals {
		if err := literalAtoms(lit, func(atom string) { refs = append(refs, atom) }); err != nil {
			return nil, fmt.Errorf("%s: literal %d: %w", e.Name, i, err)
		}
	}
	return refs, nil
}
