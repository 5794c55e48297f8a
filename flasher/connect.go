package flasher

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"regexp"
	"time"

	"github.com/avmtool/avm/flasher/chip"
	"github.com/avmtool/avm/flasher/rom"
)

// ResetMode selects how Connect puts the chip into its ROM loader.
type ResetMode int

const (
	// ResetAuto cycles through the DTR/RTS strategies that fit the port
	// (USB-Serial/JTAG when Options.USBJTAG, else unix-tight and classic,
	// each with a short and a long IO0 hold).
	ResetAuto ResetMode = iota
	// ResetNone assumes the chip already waits in download mode (BOOT held
	// while pressing EN, or a port without modem lines).
	ResetNone
)

// Options configure Connect. The zero value is usable.
type Options struct {
	Reset ResetMode
	// USBJTAG says the port is the chip's own USB-Serial/JTAG
	// (USB 303A:1001), which needs its own reset sequence.
	USBJTAG bool
	// Attempts is the number of reset+sync rounds (default 7).
	Attempts int
	// CommandTimeout bounds ordinary commands (default 3 s).
	CommandTimeout time.Duration
	// SyncTimeout bounds one SYNC (default 100 ms).
	SyncTimeout time.Duration
	// Chip, when set, is what the user expects; Connect fails naming the
	// chip it found if it differs.
	Chip *chip.Chip
	// Status receives one-line progress messages ("Connecting…").
	Status func(string)
	// Trace receives every frame sent (out) and received.
	Trace func(out bool, frame []byte)
}

func (o Options) commandTimeout() time.Duration {
	if o.CommandTimeout > 0 {
		return o.CommandTimeout
	}
	return DefaultCommandTimeout
}

func (o Options) status(format string, args ...any) {
	if o.Status != nil {
		o.Status(fmt.Sprintf(format, args...))
	}
}

// SyncError is a chip that never answered SYNC; its message says what the
// user can do about it.
type SyncError struct {
	Attempts int
	// BootLog is what the chip printed after the last reset, if anything.
	BootLog string
	// BootMode is the ROM's "boot:0x.." value from the boot log, if seen.
	BootMode string
	Download bool // the boot log said "waiting for download"
	// NoModemLines: the port could not drive DTR/RTS, so no reset was done.
	NoModemLines bool
}

func (e *SyncError) Error() string {
	base := fmt.Sprintf("no answer from the ROM loader after %d attempts", e.Attempts)
	switch {
	case e.BootMode != "" && !e.Download:
		return base + fmt.Sprintf("; the chip restarted in normal mode (boot:%s), so the automatic reset did not reach download mode: hold BOOT, press and release EN (RST), release BOOT, and run again with --no-reset", e.BootMode)
	case e.BootMode != "" && e.Download:
		return base + "; the chip is waiting for download but does not answer: check the baud rate, and that TX/RX are not swapped"
	case e.NoModemLines:
		return base + "; this port cannot drive DTR/RTS to reset the board: hold BOOT, press and release EN (RST), release BOOT, and run again"
	}
	return base + "; no serial data received: check that this is the board's port and the cable carries data (not a charge-only cable), or hold BOOT, press and release EN (RST), release BOOT, and run again with --no-reset"
}

var bootLogRE = regexp.MustCompile(`boot:(0x[0-9a-fA-F]+)(?s:(.*waiting for download))?`)

// Connect resets the chip into its ROM loader, synchronises, identifies the
// chip and its flash, and attaches the SPI flash. The port must be open at
// 115200 baud.
func Connect(ctx context.Context, port Port, opts Options) (*Loader, error) {
	l := newLoader(port, opts)
	if err := l.sync(ctx); err != nil {
		return nil, err
	}
	if err := l.detectChip(ctx); err != nil {
		return nil, err
	}
	if opts.Chip != nil && opts.Chip != l.Chip {
		return nil, fmt.Errorf("the board is an %s, not an %s as --chip says; pass --chip %s (or auto)", l.Chip.Long, opts.Chip.Long, l.Chip.Name)
	}
	opts.status("Chip is %s", l.Chip.Long)
	if err := l.attachFlash(ctx); err != nil {
		return nil, err
	}
	return l, nil
}

func (l *Loader) strategies() []ResetStrategy {
	if l.opts.Reset == ResetNone {
		return []ResetStrategy{{Name: "none"}}
	}
	if l.opts.USBJTAG {
		return []ResetStrategy{USBJTAGSerialReset}
	}
	return []ResetStrategy{UnixTightReset, UnixTightReset, ClassicReset, ClassicReset}
}

// sync runs reset strategies and SYNC until the ROM answers.
func (l *Loader) sync(ctx context.Context) error {
	attempts := l.opts.Attempts
	if attempts <= 0 {
		attempts = 7
	}
	strategies := l.strategies()
	serr := &SyncError{Attempts: attempts}
	for i := range attempts {
		s := strategies[i%len(strategies)]
		// Alternate esptool's short and long IO0 holds.
		delay := 50 * time.Millisecond
		if i%2 == 1 {
			delay = 550 * time.Millisecond
		}
		l.opts.status("Connecting (attempt %d, reset: %s)", i+1, s.Name)
		if err := l.flushInput(); err != nil {
			return fmt.Errorf("reset input buffer: %w", err)
		}
		if s.run != nil && !serr.NoModemLines {
			if err := s.run(ctx, l.port, delay); err != nil {
				if ctx.Err() != nil {
					return ctx.Err()
				}
				if !IsNoModemLines(err) {
					return fmt.Errorf("reset (%s): %w", s.Name, err)
				}
				// A pty or a bare UART: talk to whatever is there.
				serr.NoModemLines = true
				l.opts.status("Port has no DTR/RTS lines; not resetting")
			}
		}
		// Whatever the chip printed after the reset says which mode it
		// booted in.
		l.drain(ctx, 30*time.Millisecond)
		if m := bootLogRE.FindSubmatch(l.dec.Noise()); m != nil {
			serr.BootLog = string(l.dec.Noise())
			serr.BootMode = string(m[1])
			serr.Download = len(m[2]) > 0
		}
		for range 5 {
			ok, err := l.syncOnce(ctx)
			if err != nil {
				return err
			}
			if ok {
				return nil
			}
		}
	}
	return serr
}

// syncOnce sends one SYNC and reports whether the ROM answered.
func (l *Loader) syncOnce(ctx context.Context) (bool, error) {
	timeout := l.opts.SyncTimeout
	if timeout <= 0 {
		timeout = SyncTimeout
	}
	r, err := l.command(ctx, rom.Sync, rom.SyncPayload, 0, timeout)
	var nre *NoReplyError
	switch {
	case errors.As(err, &nre):
		return false, nil
	case ctx.Err() != nil:
		return false, ctx.Err()
	case err != nil:
		return false, nil
	}
	if r.Value == 0 {
		return false, errors.New("a flasher stub answered SYNC instead of the ROM loader; reset the board (press EN) and retry")
	}
	// The ROM answers one SYNC several times; drop the extra replies.
	l.drain(ctx, 2*timeout)
	return true, nil
}

// detectChip identifies the chip: GET_SECURITY_INFO carries the chip id on
// the S3 and later; the ESP32 and S2 are recognised by a ROM magic word.
func (l *Loader) detectChip(ctx context.Context) error {
	r, err := l.command(ctx, rom.SecurityInfo, nil, 0, 0)
	if err == nil && len(r.Data) >= 20 {
		id := binary.LittleEndian.Uint32(r.Data[12:])
		if c := chip.ByImageChipID(id); c != nil {
			l.Chip = c
			return nil
		}
		return fmt.Errorf("unsupported chip: the ROM reports chip id %d (supported: %s)", id, chip.Names())
	}
	if err != nil && !isUnsupported(err) {
		var nre *NoReplyError
		if !errors.As(err, &nre) {
			return fmt.Errorf("detect chip: %w", err)
		}
	}
	magic, err := l.ReadReg(ctx, chip.MagicReg)
	if err != nil {
		return fmt.Errorf("detect chip: %w", err)
	}
	c := chip.ByMagic(magic)
	if c == nil {
		return fmt.Errorf("unsupported chip: ROM magic 0x%08x at 0x%08x matches none of %s", magic, chip.MagicReg, chip.Names())
	}
	l.Chip = c
	return nil
}

// attachFlash enables the SPI flash pins, reads the flash id and tells the
// ROM the flash size.
func (l *Loader) attachFlash(ctx context.Context) error {
	if _, err := l.command(ctx, rom.SPIAttach, rom.Words(0, 0), 0, 0); err != nil {
		return fmt.Errorf("attach SPI flash: %w", err)
	}
	id, err := l.spiCommand(ctx, 0x9F, 24)
	if err != nil {
		return fmt.Errorf("read flash id: %w", err)
	}
	l.FlashID = id
	l.FlashSize = chip.FlashSize(id)
	if l.FlashSize == 0 {
		l.opts.status("Flash id 0x%06x has no known size; assuming 4 MiB", id)
		l.FlashSize = 4 << 20
	}
	if _, err := l.command(ctx, rom.SPISetParams, rom.Words(0, l.FlashSize, 64<<10, 4<<10, 256, 0xFFFF), 0, 0); err != nil {
		return fmt.Errorf("set flash parameters: %w", err)
	}
	return nil
}

// spiCommand runs a SPI flash command that only reads (such as RDID)
// through the controller's "user command" registers, and returns up to 32
// bits of its answer.
func (l *Loader) spiCommand(ctx context.Context, cmd byte, readBits uint32) (uint32, error) {
	s := l.Chip.SPI
	reg := func(off uint32) uint32 { return s.Base + off }
	oldUSR, err := l.ReadReg(ctx, reg(s.USR))
	if err != nil {
		return 0, err
	}
	oldUSR2, err := l.ReadReg(ctx, reg(s.USR2))
	if err != nil {
		return 0, err
	}
	writes := [][2]uint32{
		{reg(s.MISODlen), readBits - 1},
		{reg(s.USR), s.USRCommand | s.USRMISO},
		{reg(s.USR2), 7<<s.USR2CommandBitlenShift | uint32(cmd)},
		{reg(s.W0), 0},
		{reg(s.CMD), s.CmdUSR},
	}
	for _, w := range writes {
		if err := l.WriteReg(ctx, w[0], w[1]); err != nil {
			return 0, err
		}
	}
	done := false
	for range 10 {
		v, err := l.ReadReg(ctx, reg(s.CMD))
		if err != nil {
			return 0, err
		}
		if v&s.CmdUSR == 0 {
			done = true
			break
		}
	}
	if !done {
		return 0, fmt.Errorf("SPI command 0x%02x did not complete", cmd)
	}
	v, err := l.ReadReg(ctx, reg(s.W0))
	if err != nil {
		return 0, err
	}
	if err := l.WriteReg(ctx, reg(s.USR), oldUSR); err != nil {
		return 0, err
	}
	if err := l.WriteReg(ctx, reg(s.USR2), oldUSR2); err != nil {
		return 0, err
	}
	return v & (1<<readBits - 1), nil
}

// MAC reads the factory MAC address from eFuse.
func (l *Loader) MAC(ctx context.Context) ([6]byte, error) {
	lo, err := l.ReadReg(ctx, l.Chip.MACReg)
	if err != nil {
		return [6]byte{}, err
	}
	hi, err := l.ReadReg(ctx, l.Chip.MACReg+4)
	if err != nil {
		return [6]byte{}, err
	}
	return l.Chip.MACFromWords(lo, hi), nil
}
