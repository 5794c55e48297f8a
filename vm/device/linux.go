//go:build linux

package device

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"runtime"
	"sync"
	"unsafe"

	"golang.org/x/sys/unix"
)

// LinuxHardware drives a Linux board's real peripherals: GPIO lines through
// the character device (/dev/gpiochipN, the kernel's v2 uAPI: one line
// request per pin, edge events read from the request's file), and I2C
// through /dev/i2c-N (I2C_SLAVE, then read and write), and SPI through
// /dev/spidevB.C (one full-duplex SPI_IOC_MESSAGE per transaction; every
// device name of the app goes to that one chip select). Pins are line
// offsets of the chip.
type LinuxHardware struct {
	chipPath, i2cPath, spiPath string

	mu    sync.Mutex
	chip  *os.File
	lines map[int]*lineRequest
	i2c   *os.File
	spi   *os.File
}

type lineRequest struct {
	f     *os.File
	flags uint64
	stop  chan struct{} // closes the edge watcher
}

// NewLinuxHardware opens nothing yet: devices are opened on first use, so
// that an app that uses no I2C needs no /dev/i2c-N.
func NewLinuxHardware(gpioChip, i2cBus, spiDev string) *LinuxHardware {
	return &LinuxHardware{chipPath: gpioChip, i2cPath: i2cBus, spiPath: spiDev, lines: map[int]*lineRequest{}}
}

// The kernel's GPIO v2 uAPI (include/uapi/linux/gpio.h).
const (
	gpioLineFlagActiveLow    = 1 << 1
	gpioLineFlagInput        = 1 << 2
	gpioLineFlagOutput       = 1 << 3
	gpioLineFlagEdgeRising   = 1 << 4
	gpioLineFlagEdgeFalling  = 1 << 5
	gpioLineFlagOpenDrain    = 1 << 6
	gpioLineFlagBiasPullUp   = 1 << 8
	gpioLineFlagBiasPullDown = 1 << 9
	gpioLineFlagBiasDisabled = 1 << 10

	gpioMaxLines     = 64
	gpioMaxNameSize  = 32
	gpioLineNumAttrs = 10
)

type gpioLineAttribute struct {
	ID      uint32
	Padding uint32
	Value   uint64 // flags, values or debounce period, by ID
}

type gpioLineConfigAttribute struct {
	Attr gpioLineAttribute
	Mask uint64
}

type gpioLineConfig struct {
	Flags    uint64
	NumAttrs uint32
	Padding  [5]uint32
	Attrs    [gpioLineNumAttrs]gpioLineConfigAttribute
}

type gpioLineRequest struct {
	Offsets         [gpioMaxLines]uint32
	Consumer        [gpioMaxNameSize]byte
	Config          gpioLineConfig
	NumLines        uint32
	EventBufferSize uint32
	Padding         [5]uint32
	Fd              int32
}

type gpioLineValues struct {
	Bits, Mask uint64
}

// ioctl request numbers, as the kernel's _IOWR and _IOW macros make them.
func iowr(typ, nr, size uintptr) uintptr { return 3<<30 | size<<16 | typ<<8 | nr }
func iow(typ, nr, size uintptr) uintptr  { return 1<<30 | size<<16 | typ<<8 | nr }

var (
	gpioV2GetLineIoctl               = iowr(0xB4, 0x07, unsafe.Sizeof(gpioLineRequest{}))
	gpioV2LineSetConfigIoctl         = iowr(0xB4, 0x0D, unsafe.Sizeof(gpioLineConfig{}))
	gpioV2LineGetValuesIoctl         = iowr(0xB4, 0x0E, unsafe.Sizeof(gpioLineValues{}))
	gpioV2LineSetValuesIoctl         = iowr(0xB4, 0x0F, unsafe.Sizeof(gpioLineValues{}))
	spiIocMessage1                   = iow('k', 0, unsafe.Sizeof(spiIocTransfer{}))
	i2cSlave                 uintptr = 0x0703
)

// spiIocTransfer is struct spi_ioc_transfer (include/uapi/linux/spi/spidev.h).
type spiIocTransfer struct {
	TxBuf, RxBuf  uint64
	Len, SpeedHz  uint32
	DelayUsecs    uint16
	BitsPerWord   uint8
	CsChange      uint8
	TxNbits       uint8
	RxNbits       uint8
	WordDelayUsec uint8
	Pad           uint8
}

// gpioEventSize is sizeof(struct gpio_v2_line_event).
const gpioEventSize = 48

func lineFlags(m Mode, pull Pull, t Trigger) uint64 {
	var f uint64
	switch m {
	case ModeOutput:
		f |= gpioLineFlagOutput
	case ModeOutputOD:
		f |= gpioLineFlagOutput | gpioLineFlagOpenDrain
	default:
		f |= gpioLineFlagInput
	}
	switch pull {
	case PullUp:
		f |= gpioLineFlagBiasPullUp
	case PullDown:
		f |= gpioLineFlagBiasPullDown
	case PullFloating:
		f |= gpioLineFlagBiasDisabled
	}
	if f&gpioLineFlagInput != 0 {
		switch t {
		case TriggerRising, TriggerHigh:
			f |= gpioLineFlagEdgeRising
		case TriggerFalling, TriggerLow:
			f |= gpioLineFlagEdgeFalling
		case TriggerBoth:
			f |= gpioLineFlagEdgeRising | gpioLineFlagEdgeFalling
		}
	}
	return f
}

func (hw *LinuxHardware) openChip() (*os.File, error) {
	if hw.chip != nil {
		return hw.chip, nil
	}
	f, err := os.OpenFile(hw.chipPath, os.O_RDWR, 0)
	if err != nil {
		return nil, deviceError("GPIO chip", hw.chipPath, err)
	}
	hw.chip = f
	return f, nil
}

// deviceError explains a device that cannot be opened.
func deviceError(what, path string, err error) error {
	switch {
	case errors.Is(err, os.ErrNotExist):
		return fmt.Errorf("%s %s does not exist: check the board's device tree (ls /dev) or pass another with --gpio-chip/--i2c-bus: %w", what, path, err)
	case errors.Is(err, os.ErrPermission):
		return fmt.Errorf("%s %s: permission denied: add yourself to its group (ls -l %s; usually gpio or i2c) and log in again: %w", what, path, path, err)
	}
	return fmt.Errorf("%s %s: %w", what, path, err)
}

// request (re)requests one line with flags; callers hold hw.mu.
func (hw *LinuxHardware) request(offset int, flags uint64) (*lineRequest, error) {
	if offset < 0 || offset >= 1<<16 {
		return nil, fmt.Errorf("GPIO line %d is out of range", offset)
	}
	if lr := hw.lines[offset]; lr != nil {
		if lr.flags == flags {
			return lr, nil
		}
		cfg := gpioLineConfig{Flags: flags}
		if err := ioctlPtr(lr.f.Fd(), gpioV2LineSetConfigIoctl, unsafe.Pointer(&cfg)); err == nil && flags&(gpioLineFlagEdgeRising|gpioLineFlagEdgeFalling) == lr.flags&(gpioLineFlagEdgeRising|gpioLineFlagEdgeFalling) {
			lr.flags = flags
			return lr, nil
		}
		hw.release(offset)
	}
	chip, err := hw.openChip()
	if err != nil {
		return nil, err
	}
	req := gpioLineRequest{NumLines: 1, Config: gpioLineConfig{Flags: flags}}
	req.Offsets[0] = uint32(offset)
	copy(req.Consumer[:], "avm")
	if err := ioctlPtr(chip.Fd(), gpioV2GetLineIoctl, unsafe.Pointer(&req)); err != nil {
		return nil, fmt.Errorf("GPIO line %d of %s: %w", offset, hw.chipPath, err)
	}
	lr := &lineRequest{f: os.NewFile(uintptr(req.Fd), fmt.Sprintf("%s line %d", hw.chipPath, offset)), flags: flags}
	hw.lines[offset] = lr
	return lr, nil
}

func (hw *LinuxHardware) release(offset int) {
	if lr := hw.lines[offset]; lr != nil {
		if lr.stop != nil {
			close(lr.stop)
		}
		lr.f.Close()
		delete(hw.lines, offset)
	}
}

func linePin(p Pin) (int, error) {
	if p.Bank != "" {
		return 0, fmt.Errorf("pin %s: Linux GPIO lines are numbers (offsets of the chip)", p)
	}
	return p.Num, nil
}

func (hw *LinuxHardware) Configure(p Pin, m Mode, pull Pull) error {
	off, err := linePin(p)
	if err != nil {
		return err
	}
	hw.mu.Lock()
	defer hw.mu.Unlock()
	_, err = hw.request(off, lineFlags(m, pull, TriggerNone))
	return err
}

func (hw *LinuxHardware) Write(p Pin, l Level) error {
	off, err := linePin(p)
	if err != nil {
		return err
	}
	hw.mu.Lock()
	defer hw.mu.Unlock()
	lr := hw.lines[off]
	if lr == nil || lr.flags&gpioLineFlagOutput == 0 {
		if lr, err = hw.request(off, lineFlags(ModeOutput, PullFloating, TriggerNone)); err != nil {
			return err
		}
	}
	v := gpioLineValues{Mask: 1, Bits: uint64(l)}
	return ioctlPtr(lr.f.Fd(), gpioV2LineSetValuesIoctl, unsafe.Pointer(&v))
}

func (hw *LinuxHardware) Read(p Pin) (Level, error) {
	off, err := linePin(p)
	if err != nil {
		return Low, err
	}
	hw.mu.Lock()
	defer hw.mu.Unlock()
	lr := hw.lines[off]
	if lr == nil {
		if lr, err = hw.request(off, lineFlags(ModeInput, PullFloating, TriggerNone)); err != nil {
			return Low, err
		}
	}
	v := gpioLineValues{Mask: 1}
	if err := ioctlPtr(lr.f.Fd(), gpioV2LineGetValuesIoctl, unsafe.Pointer(&v)); err != nil {
		return Low, err
	}
	return Level(v.Bits & 1), nil
}

// Watch requests the line with edge detection and reads its events in a
// goroutine until the line is released or reconfigured.
func (hw *LinuxHardware) Watch(p Pin, t Trigger, notify func()) error {
	off, err := linePin(p)
	if err != nil {
		return err
	}
	hw.mu.Lock()
	defer hw.mu.Unlock()
	pull := PullFloating
	if lr := hw.lines[off]; lr != nil {
		switch {
		case lr.flags&gpioLineFlagBiasPullUp != 0:
			pull = PullUp
		case lr.flags&gpioLineFlagBiasPullDown != 0:
			pull = PullDown
		}
	}
	hw.release(off)
	lr, err := hw.request(off, lineFlags(ModeInput, pull, t))
	if err != nil || notify == nil {
		return err
	}
	lr.stop = make(chan struct{})
	go watchEdges(lr.f, lr.stop, notify)
	return nil
}

// watchEdges reads gpio_v2_line_event records: the file gives whole
// events, 48 bytes each.
func watchEdges(f *os.File, stop <-chan struct{}, notify func()) {
	buf := make([]byte, 16*gpioEventSize)
	for {
		n, err := f.Read(buf)
		select {
		case <-stop:
			return
		default:
		}
		if err != nil {
			return
		}
		for i := 0; i+gpioEventSize <= n; i += gpioEventSize {
			if id := binary.NativeEndian.Uint32(buf[i+8:]); id == 1 || id == 2 { // rising, falling
				notify()
			}
		}
	}
}

func (hw *LinuxHardware) openI2C(addr int) (*os.File, error) {
	if hw.i2c == nil {
		f, err := os.OpenFile(hw.i2cPath, os.O_RDWR, 0)
		if err != nil {
			return nil, deviceError("I2C bus", hw.i2cPath, err)
		}
		hw.i2c = f
	}
	if err := ioctlInt(hw.i2c.Fd(), i2cSlave, uintptr(addr)); err != nil {
		return nil, fmt.Errorf("I2C address %#x on %s: %w", addr, hw.i2cPath, err)
	}
	return hw.i2c, nil
}

// noAck turns the errors a missing device gives (ENXIO, EREMOTEIO) into
// ErrNoAck, as the simulation reports it.
func noAck(err error) error {
	if errors.Is(err, unix.ENXIO) || errors.Is(err, unix.EREMOTEIO) {
		return fmt.Errorf("%w (%v)", ErrNoAck, err)
	}
	return err
}

func (hw *LinuxHardware) I2CWrite(addr int, data []byte) error {
	hw.mu.Lock()
	defer hw.mu.Unlock()
	f, err := hw.openI2C(addr)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	return noAck(err)
}

func (hw *LinuxHardware) I2CRead(addr, n int) ([]byte, error) {
	hw.mu.Lock()
	defer hw.mu.Unlock()
	f, err := hw.openI2C(addr)
	if err != nil {
		return nil, err
	}
	buf := make([]byte, n)
	k, err := f.Read(buf)
	return buf[:k], noAck(err)
}

// SPITransfer clocks tx out and n bytes in, in one transfer of
// len(tx)+n bytes; the bytes read while tx went out are dropped.
func (hw *LinuxHardware) SPITransfer(device string, tx []byte, n int) ([]byte, error) {
	hw.mu.Lock()
	defer hw.mu.Unlock()
	if hw.spi == nil {
		f, err := os.OpenFile(hw.spiPath, os.O_RDWR, 0)
		if err != nil {
			return nil, deviceError("SPI device", hw.spiPath, err)
		}
		hw.spi = f
	}
	total := len(tx) + n
	if total == 0 {
		return nil, nil
	}
	out := make([]byte, total)
	copy(out, tx)
	in := make([]byte, total)
	xfer := spiIocTransfer{TxBuf: uint64(uintptr(unsafe.Pointer(&out[0]))), RxBuf: uint64(uintptr(unsafe.Pointer(&in[0]))), Len: uint32(total)}
	err := ioctlPtr(hw.spi.Fd(), spiIocMessage1, unsafe.Pointer(&xfer))
	runtime.KeepAlive(out)
	runtime.KeepAlive(in)
	if err != nil {
		return nil, fmt.Errorf("SPI transfer to %s on %s: %w", device, hw.spiPath, err)
	}
	return in[len(tx):], nil
}

func (hw *LinuxHardware) Close() error {
	hw.mu.Lock()
	defer hw.mu.Unlock()
	for off := range hw.lines {
		hw.release(off)
	}
	var errs []error
	if hw.chip != nil {
		errs = append(errs, hw.chip.Close())
	}
	if hw.i2c != nil {
		errs = append(errs, hw.i2c.Close())
	}
	if hw.spi != nil {
		errs = append(errs, hw.spi.Close())
	}
	return errors.Join(errs...)
}

func ioctlPtr(fd uintptr, req uintptr, arg unsafe.Pointer) error {
	if _, _, e := unix.Syscall(unix.SYS_IOCTL, fd, req, uintptr(arg)); e != 0 {
		return e
	}
	return nil
}

func ioctlInt(fd uintptr, req uintptr, arg uintptr) error {
	if _, _, e := unix.Syscall(unix.SYS_IOCTL, fd, req, arg); e != 0 {
		return e
	}
	return nil
}

// OpenLinux returns the Linux hardware backend for --target linux.
func OpenLinux(gpioChip, i2cBus, spiDev string) (Hardware, error) {
	return NewLinuxHardware(gpioChip, i2cBus, spiDev), nil
}
