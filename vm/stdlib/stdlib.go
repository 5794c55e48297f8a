// Package stdlib is avm's bundled Erlang standard library: Erlang sources
// in this directory (our own, behaving as OTP documents), compiled by
// scripts/gen-stdlib.sh into stdlib.avm, which is embedded in the binary.
// The VM loads a module from it when a program calls a module that is not
// among the program's own; Go natives of the VM take precedence over the
// Erlang definitions of the same functions.
package stdlib

import _ "embed"

//go:generate ../../scripts/gen-stdlib.sh

//go:embed stdlib.avm
var archive []byte

// Archive returns the PackBEAM archive of the bundled modules.
func Archive() []byte { return archive }
