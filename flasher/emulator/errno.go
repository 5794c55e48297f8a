package emulator

import "syscall"

// errNotTTY is the error a pty gives for modem-line ioctls.
const errNotTTY = syscall.ENOTTY
