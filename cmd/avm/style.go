package main

import (
	"io"
	"os"
)

// ANSI colours for the few words that benefit: the verdict of a build,
// warnings, errors.
const (
	red    = "31"
	green  = "32"
	yellow = "33"
	bold   = "1"
)

// paint colours s when w is a terminal, NO_COLOR is unset
// (https://no-color.org) and TERM is not dumb.
func paint(w io.Writer, colour, s string) string {
	if !colourful(w) {
		return s
	}
	return "\x1b[" + colour + "m" + s + "\x1b[0m"
}

func colourful(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok || os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}
