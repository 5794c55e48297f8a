package flasher

import (
	"errors"
	"fmt"
	"io"
	"os"
	"syscall"
	"time"

	"go.bug.st/serial"
)

// Port is the serial line to a board. A read that times out returns
// (0, nil), as go.bug.st/serial does.
type Port interface {
	io.ReadWriter
	SetReadTimeout(time.Duration) error
	SetDTR(bool) error
	SetRTS(bool) error
	ResetInputBuffer() error
	SetBaudrate(int) error
	Close() error
}

// LineSetter is implemented by ports that can set DTR and RTS in one step
// (TIOCMSET). The "tight" reset uses it when available, so that the board
// never sees the intermediate state of two separate changes.
type LineSetter interface {
	SetDTRRTS(dtr, rts bool) error
}

// ROMBaud is the rate every ROM loader starts at.
const ROMBaud = 115200

type serialPort struct {
	serial.Port
	name string
}

func (p *serialPort) SetBaudrate(baud int) error {
	return p.SetMode(&serial.Mode{BaudRate: baud, DataBits: 8, Parity: serial.NoParity, StopBits: serial.OneStopBit})
}

// Name is the path the port was opened with.
func (p *serialPort) Name() string { return p.name }

// OpenSerial opens a serial device at baud, 8N1, and explains the failures
// users meet (permissions, a monitor holding the port, a board that is
// unplugged).
func OpenSerial(path string, baud int) (Port, error) {
	p, err := serial.Open(path, &serial.Mode{BaudRate: baud, DataBits: 8, Parity: serial.NoParity, StopBits: serial.OneStopBit})
	if err != nil {
		return nil, explainOpenError(path, err)
	}
	return &serialPort{Port: p, name: path}, nil
}

// OpenError is a port that could not be opened, with advice.
type OpenError struct {
	Path   string
	Err    error
	Advice string
}

func (e *OpenError) Error() string {
	if e.Advice == "" {
		return fmt.Sprintf("open %s: %v", e.Path, e.Err)
	}
	return fmt.Sprintf("open %s: %v; %s", e.Path, e.Err, e.Advice)
}

func (e *OpenError) Unwrap() error { return e.Err }

func explainOpenError(path string, err error) error {
	oe := &OpenError{Path: path, Err: err}
	var pe *serial.PortError
	code := serial.PortErrorCode(-1)
	if errors.As(err, &pe) {
		code = pe.Code()
	}
	switch {
	case code == serial.PermissionDenied || errors.Is(err, os.ErrPermission) || errors.Is(err, syscall.EACCES):
		oe.Advice = "add your user to the group that owns the port (usually dialout: sudo usermod -aG dialout $USER, then log in again)"
	case code == serial.PortBusy || errors.Is(err, syscall.EBUSY):
		oe.Advice = "another program holds the port"
		if who := portHolders(path); who != "" {
			oe.Advice += " (" + who + ")"
		}
		oe.Advice += "; close the monitor (idf.py monitor, screen, minicom, another avm monitor) and retry"
	case code == serial.PortNotFound || errors.Is(err, os.ErrNotExist) || errors.Is(err, syscall.ENOENT):
		oe.Advice = "no such port: is the board plugged in? `avm devices` lists the ports"
	}
	return oe
}

// IsNoModemLines reports whether err says the port has no DTR/RTS lines
// (a pty, some USB adapters), so no reset through them is possible.
func IsNoModemLines(err error) bool {
	return errors.Is(err, syscall.ENOTTY) || errors.Is(err, syscall.EINVAL) || errors.Is(err, errNoModemLines)
}

var errNoModemLines = errors.New("port has no modem control lines")
