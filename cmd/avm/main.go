// Command avm is the AtomVM toolchain: it runs, packs, flashes and serves
// Erlang and Elixir applications for AtomVM.
package main

import "os"

func main() { os.Exit(Main(os.Args[1:])) }
