// Package api is the registry of the Erlang functions avm provides and of
// where real AtomVM provides them.
//
// avm provides a function in one of three ways (Kind): as a BIF (a Go
// native of module erlang, or any guard BIF), as a Go native of another
// module, or as an export of a module of the bundled Erlang standard library
// (vm/stdlib) that no native overrides. The registry is built at run time
// from the VM's natives (vm.Natives) and the export tables of the embedded
// stdlib archive, so it always matches the binary; module_info/0,1, which
// every module has, is not listed.
//
// One-line docs: natives carry their own; for the Erlang exports they come
// from erlang_docs.tsv in this package ("module:function/arity<TAB>doc"),
// which a test keeps complete: it fails when a bundled export has no line
// or a line names a function that no longer needs one.
//
// Where AtomVM has a function comes from atomvm.tsv, generated from AtomVM's
// sources by gen/gen_atomvm.py (its header names the tags and rules); it
// also lists the functions avm does not implement, whose Entry has
// Implemented false and an empty Kind. Device profiles and the LSP judge
// code by that dimension (Available, Alternative); local runs use what avm
// implements.
package api

import (
	"cmp"
	"slices"
	"strings"
	"sync"
)

// Kind says how avm provides a function.
type Kind string

const (
	KindBIF    Kind = "bif"    // native of module erlang, or a guard BIF
	KindNative Kind = "native" // Go native of another module
	KindErlang Kind = "erlang" // export of a bundled Erlang module
)

// Entry is one function: how avm provides it and where AtomVM has it.
type Entry struct {
	Module      string         `json:"module"`
	Function    string         `json:"function"`
	Arity       int            `json:"arity"`
	Kind        Kind           `json:"kind,omitempty"` // "" when avm does not implement it
	Doc         string         `json:"doc"`            // one line
	Guard       bool           `json:"guard,omitempty"`
	Implemented bool           `json:"implemented"` // avm provides it locally
	AtomVM      []Availability `json:"atomvm"`      // where real AtomVM has it, by release
}

// Availability lists the platforms of one AtomVM release that have a
// function.
type Availability struct {
	Release   string   `json:"release"`   // "0.6" or "0.7"
	Platforms []string `json:"platforms"` // among Platforms()
}

// MFA formats the entry as module:function/arity.
func (e Entry) MFA() string { return mfaString(e.Module, e.Function, e.Arity) }

type key struct {
	module, function string
	arity            int
}

type registry struct {
	entries  []Entry // sorted
	index    map[key]int
	byModule map[string][]Entry
	modules  []string
}

var reg = sync.OnceValue(func() *registry {
	r, err := build()
	if err != nil {
		// The inputs are embedded in the binary and checked by the
		// package's tests: an error here is a build defect.
		panic("vm/api: " + err.Error())
	}
	return r
})

// All returns every function, sorted by module, function and arity.
// Function names are atom text without quotes (erlang:+/2). The slice is
// a copy; its entries share their AtomVM slices, which must not be
// modified.
func All() []Entry { return slices.Clone(reg().entries) }

// Lookup returns the entry of module:function/arity.
func Lookup(module, function string, arity int) (Entry, bool) {
	r := reg()
	i, ok := r.index[key{module, function, arity}]
	if !ok {
		return Entry{}, false
	}
	return r.entries[i], true
}

// Module returns the entries of one module, sorted; nil for an unknown
// module.
func Module(module string) []Entry { return slices.Clone(reg().byModule[module]) }

// Modules returns the names of all modules, sorted.
func Modules() []string { return slices.Clone(reg().modules) }

func sortEntries(es []Entry) {
	slices.SortFunc(es, func(a, b Entry) int {
		return cmp.Or(strings.Compare(a.Module, b.Module), strings.Compare(a.Function, b.Function),
			cmp.Compare(a.Arity, b.Arity))
	})
}
