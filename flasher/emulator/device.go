// Package emulator models an Espressif chip's ROM serial bootloader well
// enough to flash it with avm, esptool (--no-stub) or any ROM-mode client:
// SLIP framing, the ROM's reply and status format, chip identification
// registers and GET_SECURITY_INFO, SPI flash RDID through the controller's
// user-command registers, flash memory with NOR semantics (a write can only
// clear bits; FLASH_BEGIN erases), compressed writes, MD5, slow reads,
// CHANGE_BAUDRATE, and boot logs after a reset.
//
// A Device is itself a flasher.Port: DTR and RTS drive EN and IO0 through
// the usual two-transistor auto-reset circuit (or the USB-Serial/JTAG
// peripheral's logic), so reset sequences are tested for real. It can pace
// bytes at the line rate and inject faults. ServePTY puts it behind a
// pseudo-terminal for programs that open a serial port by path.
//
// What the model does not do: execute code (an uploaded stub is accepted
// and then the chip goes silent, as if running it), time flash erases and
// writes, or run the app: after booting it prints a boot log and the
// console text it was given.
package emulator

import (
	"bytes"
	"crypto/md5"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"math/rand/v2"
	"sync"
	"time"

	"github.com/avmtool/avm/flasher/chip"
	"github.com/avmtool/avm/flasher/rom"
	"github.com/avmtool/avm/flasher/slip"
)

// Faults are line and timing faults to inject; rates are probabilities.
type Faults struct {
	// Noise is the chance that a burst of garbage bytes precedes a reply.
	Noise float64
	// Drop is the chance that one byte of a reply is lost.
	Drop float64
	// Delay postpones every reply by this much.
	Delay time.Duration
	// Corrupt is the chance that a *_DATA packet arrives with a flipped
	// bit, so that the ROM answers with a checksum error.
	Corrupt float64
	// MaxBaud, when set, is the fastest rate the line carries; above it
	// every byte arrives garbled (a long cable, a slow adapter).
	MaxBaud int
	// Seed makes the faults reproducible.
	Seed uint64
}

// Config describes the emulated board.
type Config struct {
	Chip *chip.Chip
	// Flash is the initial flash content; its length is the flash size
	// (a power of two from 256 KiB to 32 MiB). Nil means DefaultImage.
	Flash []byte
	// FlashID is the JEDEC id RDID answers; 0 derives a Winbond-like id
	// from the flash size.
	FlashID uint32
	MAC     [6]byte
	// USBJTAG makes DTR/RTS act like the USB-Serial/JTAG peripheral instead
	// of the auto-reset transistors of a USB-UART board.
	USBJTAG bool
	// Pace makes bytes take their time on the line (10 bits each at the
	// current baud rate) in both directions.
	Pace bool
	// NoModemLines models a port without DTR/RTS (a pty): SetDTR/SetRTS
	// fail, the chip starts waiting for download (as if BOOT were held),
	// and, once the app runs, a SYNC frame stands in for the reset into
	// download mode that the missing lines cannot carry.
	NoModemLines bool
	// Console is printed after the boot log when the app starts, standing
	// in for the app's output.
	Console []byte
	Faults  Faults
}

type state int

const (
	stateOff      state = iota // held in reset (EN low)
	stateDownload              // ROM loader waiting for commands
	stateRunning               // running flash contents (or an uploaded stub)
)

// errClosed is returned by Read and Write after Close.
var errClosed = errors.New("emulator: port closed")

// Device is an emulated board seen from the host's side of the serial line.
type Device struct {
	mu      sync.Mutex
	cfg     Config
	chip    *chip.Chip
	flash   []byte
	flashID uint32
	regs    map[uint32]uint32
	rng     *rand.Rand

	state    state
	attached bool
	dtr, rts bool
	// EN rises through an RC network: the ROM samples IO0 a few
	// milliseconds after the release, when bootAt has passed.
	bootPending  bool
	bootAt       time.Time
	jtagDownload bool // USB-Serial/JTAG: download requested when reset asserted

	hostBaud, devBaud int
	readTimeout       time.Duration
	closed            bool

	dec     slip.Decoder
	inFree  time.Time // when the host→device line is free
	outFree time.Time // when the device→host line is free
	out     []chunk
	signal  chan struct{}

	write writeState
}

// chunk is device output that becomes readable byte by byte from start.
type chunk struct {
	data    []byte
	start   time.Time
	perByte time.Duration
}

type writeState struct {
	active    bool
	deflate   bool
	offset    uint32
	size      uint32 // erased region
	blocks    uint32
	blockSize uint32
	seq       uint32
	written   uint32 // deflate: decompressed bytes stored so far
	inf       *inflater
	ended     bool
}

// New creates a device, powered on. Boards with modem lines start running
// their flash contents; without (NoModemLines) they wait for download.
func New(cfg Config) (*Device, error) {
	if cfg.Chip == nil {
		cfg.Chip = chip.ESP32
	}
	d := &Device{
		cfg: cfg, chip: cfg.Chip, regs: map[uint32]uint32{},
		hostBaud: 115200, devBaud: 115200, signal: make(chan struct{}, 1),
		rng: rand.New(rand.NewPCG(cfg.Faults.Seed, 0x5EED)),
	}
	if cfg.Flash == nil {
		img, err := DefaultImage(cfg.Chip, 4<<20)
		if err != nil {
			return nil, err
		}
		cfg.Flash = img
	}
	if _, ok := chip.SizeCode(uint32(len(cfg.Flash))); !ok {
		return nil, fmt.Errorf("emulator: flash of %d bytes: size must be a power of two from 256 KiB to 32 MiB", len(cfg.Flash))
	}
	d.flash = append([]byte(nil), cfg.Flash...)
	d.flashID = cfg.FlashID
	if d.flashID == 0 {
		code, _ := chip.SizeCode(uint32(len(d.flash)))
		d.flashID = uint32(code)<<16 | 0x40<<8 | 0xEF // Winbond W25Q-series
	}
	if cfg.MAC == ([6]byte{}) {
		cfg.MAC = [6]byte{0x24, 0x0A, 0xC4, 0x12, 0x34, 0x56}
	}
	m := cfg.MAC
	d.regs[chip.MagicReg] = d.chip.Magic[0]
	d.regs[d.chip.MACReg] = uint32(m[2])<<24 | uint32(m[3])<<16 | uint32(m[4])<<8 | uint32(m[5])
	d.regs[d.chip.MACReg+4] = uint32(m[0])<<8 | uint32(m[1])
	d.cfg = cfg
	d.dtr, d.rts = false, false
	d.boot(time.Now(), cfg.NoModemLines)
	return d, nil
}

// Flash returns a copy of the flash contents.
func (d *Device) Flash() []byte {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]byte(nil), d.flash...)
}

// Chip is the emulated chip.
func (d *Device) Chip() *chip.Chip { return d.chip }

// InDownloadMode reports whether the ROM loader is waiting for commands.
func (d *Device) InDownloadMode() bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.settle(time.Now())
	return d.state == stateDownload
}

// SetFaults changes the injected faults.
func (d *Device) SetFaults(f Faults) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.cfg.Faults = f
	d.rng = rand.New(rand.NewPCG(f.Seed, 0x5EED))
}

// ---- the Port interface, host side ----

// SetReadTimeout sets how long Read waits for data.
func (d *Device) SetReadTimeout(t time.Duration) error {
	d.mu.Lock()
	d.readTimeout = t
	d.mu.Unlock()
	return nil
}

// SetBaudrate sets the host's side of the line.
func (d *Device) SetBaudrate(baud int) error {
	if baud <= 0 {
		return fmt.Errorf("emulator: invalid baud rate %d", baud)
	}
	d.mu.Lock()
	d.hostBaud = baud
	d.mu.Unlock()
	return nil
}

// SetDTR sets the DTR line.
func (d *Device) SetDTR(v bool) error { return d.setLines(&v, nil) }

// SetRTS sets the RTS line.
func (d *Device) SetRTS(v bool) error { return d.setLines(nil, &v) }

// SetDTRRTS sets both lines at once.
func (d *Device) SetDTRRTS(dtr, rts bool) error { return d.setLines(&dtr, &rts) }

// errNoLines is what a pty answers to TIOCMSET.
var errNoLines = fmt.Errorf("emulator: %w", errNotTTY)

func (d *Device) setLines(dtr, rts *bool) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.cfg.NoModemLines {
		return errNoLines
	}
	now := time.Now()
	d.settle(now)
	oldRTS := d.rts
	if dtr != nil {
		d.dtr = *dtr
	}
	if rts != nil {
		d.rts = *rts
	}
	if d.cfg.USBJTAG {
		// The peripheral resets the chip while RTS is asserted and
		// boots it into download mode if DTR was asserted when the reset
		// began.
		switch {
		case !oldRTS && d.rts:
			d.jtagDownload = d.dtr
			d.powerOff()
		case oldRTS && !d.rts:
			d.boot(now, d.jtagDownload)
		}
		return nil
	}
	en := !(d.rts && !d.dtr)
	switch {
	case !en && d.state != stateOff:
		d.powerOff()
	case en && d.state == stateOff && !d.bootPending:
		d.bootPending = true
		d.bootAt = now.Add(5 * time.Millisecond)
	case !en:
		d.bootPending = false
	}
	return nil
}

// settle runs a boot whose IO0 sampling time has come.
func (d *Device) settle(now time.Time) {
	if d.bootPending && !now.Before(d.bootAt) {
		d.bootPending = false
		io0Low := d.dtr && !d.rts
		d.boot(d.bootAt, io0Low)
	}
}

func (d *Device) powerOff() {
	d.state = stateOff
	d.bootPending = false
	d.abortWrite()
}

// Write carries bytes from the host to the chip.
func (d *Device) Write(p []byte) (int, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.closed {
		return 0, errClosed
	}
	now := time.Now()
	d.settle(now)
	arrival := now
	if d.cfg.Pace {
		arrival = later(now, d.inFree).Add(time.Duration(len(p)) * byteTime(d.hostBaud))
		d.inFree = arrival
	}
	if d.garbled() {
		return len(p), nil // the UART sees framing errors, not bytes
	}
	for _, b := range p {
		frame, err := d.dec.Push(b)
		if err != nil || frame == nil {
			continue
		}
		d.handleFrame(append([]byte(nil), frame...), arrival)
	}
	return len(p), nil
}

// garbled reports whether the two ends disagree on the baud rate or the
// line cannot carry it.
func (d *Device) garbled() bool {
	if d.cfg.NoModemLines {
		return false // a pty has no rate; both ends always agree
	}
	return d.hostBaud != d.devBaud || d.cfg.Faults.MaxBaud > 0 && d.devBaud > d.cfg.Faults.MaxBaud
}

// Read returns bytes the chip has sent, waiting up to the read timeout.
func (d *Device) Read(p []byte) (int, error) {
	d.mu.Lock()
	deadline := time.Now().Add(d.readTimeout)
	for {
		if d.closed {
			d.mu.Unlock()
			return 0, errClosed
		}
		now := time.Now()
		d.settle(now)
		n, next := d.take(p, now)
		if n > 0 {
			d.mu.Unlock()
			return n, nil
		}
		wait := deadline.Sub(now)
		if wait <= 0 {
			d.mu.Unlock()
			return 0, nil
		}
		if !next.IsZero() {
			wait = min(wait, next.Sub(now))
		}
		if d.bootPending {
			wait = min(wait, d.bootAt.Sub(now))
		}
		d.mu.Unlock()
		t := time.NewTimer(max(wait, 0))
		select {
		case <-d.signal:
		case <-t.C:
		}
		t.Stop()
		d.mu.Lock()
	}
}

// take copies readable output into p; when nothing is readable it returns
// when the next byte will be.
func (d *Device) take(p []byte, now time.Time) (int, time.Time) {
	n := 0
	for len(d.out) > 0 && n < len(p) {
		c := &d.out[0]
		avail := len(c.data)
		if c.perByte > 0 {
			avail = 0
			if !now.Before(c.start) {
				avail = min(len(c.data), int(now.Sub(c.start)/c.perByte))
			}
		}
		if avail == 0 {
			if n == 0 {
				return 0, c.start.Add(c.perByte)
			}
			break
		}
		k := copy(p[n:], c.data[:avail])
		n += k
		c.data = c.data[k:]
		c.start = c.start.Add(time.Duration(k) * c.perByte)
		if len(c.data) > 0 {
			break
		}
		d.out = d.out[1:]
	}
	return n, time.Time{}
}

// ResetInputBuffer drops the output that has already reached the host.
func (d *Device) ResetInputBuffer() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	now := time.Now()
	d.settle(now)
	buf := make([]byte, 4096)
	for {
		n, _ := d.take(buf, now)
		if n == 0 {
			return nil
		}
	}
}

// Close disconnects the host; the flash contents stay readable.
func (d *Device) Close() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.closed = true
	d.abortWrite()
	d.notify()
	return nil
}

func (d *Device) notify() {
	select {
	case d.signal <- struct{}{}:
	default:
	}
}

func later(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func byteTime(baud int) time.Duration { return time.Duration(10 * int64(time.Second) / int64(baud)) }

// emit queues output starting no earlier than at.
func (d *Device) emit(data []byte, at time.Time) {
	if len(data) == 0 {
		return
	}
	c := chunk{data: append([]byte(nil), data...), start: at}
	if d.cfg.Pace {
		c.perByte = byteTime(d.devBaud)
		c.start = later(at, d.outFree)
		d.outFree = c.start.Add(time.Duration(len(data)) * c.perByte)
	}
	if d.garbled() {
		for i := range c.data {
			c.data[i] = byte(d.rng.UintN(256)) &^ 0x40 // never a valid frame
		}
	}
	d.out = append(d.out, c)
	d.notify()
}

// ---- resets and boot ----

func (d *Device) boot(at time.Time, download bool) {
	d.devBaud = 115200
	d.attached = false
	d.abortWrite()
	d.dec.Reset()
	if download {
		d.state = stateDownload
		d.emit([]byte(romBanner(d.chip, true)), at)
		return
	}
	d.state = stateRunning
	d.emit([]byte(romBanner(d.chip, false)), at)
	d.emit(bootOutput(d.chip, d.flash), at)
	d.emit(d.cfg.Console, at)
}

func romBanner(c *chip.Chip, download bool) string {
	if c == chip.ESP32 {
		if download {
			return "ets Jun  8 2016 00:22:57\r\n\r\nrst:0x1 (POWERON_RESET),boot:0x3 (DOWNLOAD_BOOT(UART0/UART1/SDIO_REI_REO_V2))\r\nwaiting for download\r\n"
		}
		return "ets Jun  8 2016 00:22:57\r\n\r\nrst:0x1 (POWERON_RESET),boot:0x13 (SPI_FAST_FLASH_BOOT)\r\n"
	}
	head := fmt.Sprintf("ESP-ROM:%s-20210327\r\nBuild:Mar 27 2021\r\n", c.Name)
	if download {
		return head + "rst:0x1 (POWERON),boot:0x0 (DOWNLOAD(USB/UART0))\r\nwaiting for download\r\n"
	}
	return head + "rst:0x1 (POWERON),boot:0x8 (SPI_FAST_FLASH_BOOT)\r\n"
}

// ---- commands ----

func (d *Device) handleFrame(frame []byte, at time.Time) {
	if d.state == stateRunning && d.cfg.NoModemLines && !d.stubRunning() {
		if req, err := rom.ParseRequest(frame); err == nil && req.Op == rom.Sync {
			d.boot(at, true)
		}
	}
	if d.state != stateDownload {
		return // the app (or a stub we cannot run) ignores ROM commands
	}
	req, err := rom.ParseRequest(frame)
	if err != nil {
		return // the ROM ignores malformed packets
	}
	at = at.Add(d.cfg.Faults.Delay)
	if (req.Op == rom.FlashData || req.Op == rom.FlashDeflData || req.Op == rom.MemData) &&
		len(req.Data) > rom.DataHeaderSize && d.chance(d.cfg.Faults.Corrupt) {
		req.Data[rom.DataHeaderSize+d.rng.IntN(len(req.Data)-rom.DataHeaderSize)] ^= 0x10
	}
	d.execute(req, at)
}

func (d *Device) chance(p float64) bool { return p > 0 && d.rng.Float64() < p }

func (d *Device) stubRunning() bool { return d.regs[stubMarker] == 1 }

// stubMarker is a pseudo-register recording that MEM_END jumped to
// uploaded code.
const stubMarker = 0xFFFFFFFC

func (d *Device) reply(op rom.Op, value uint32, data []byte, at time.Time) {
	d.send(rom.EncodeResponse(op, value, data, 0, 0, rom.StatusSizeROM), at)
}

func (d *Device) fail(op rom.Op, code byte, at time.Time) {
	d.send(rom.EncodeResponse(op, 0, nil, 1, code, rom.StatusSizeROM), at)
}

func (d *Device) send(pkt []byte, at time.Time) {
	frame := slip.Encode(nil, pkt)
	if d.chance(d.cfg.Faults.Noise) {
		noise := make([]byte, 4+d.rng.IntN(16))
		for i := range noise {
			noise[i] = byte(0x20 + d.rng.IntN(0x5F)) // printable, never 0xC0
		}
		d.emit(noise, at)
	}
	if d.chance(d.cfg.Faults.Drop) {
		i := 1 + d.rng.IntN(len(frame)-2)
		frame = append(frame[:i:i], frame[i+1:]...)
	}
	d.emit(frame, at)
}

func words(b []byte) []uint32 {
	ws := make([]uint32, len(b)/4)
	for i := range ws {
		ws[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return ws
}

func (d *Device) execute(req rom.Request, at time.Time) {
	w := words(req.Data)
	op := req.Op
	switch op {
	case rom.Sync:
		if !bytes.Equal(req.Data, rom.SyncPayload) {
			d.fail(op, rom.ErrInvalidMessage, at)
			return
		}
		// The ROM answers a SYNC eight times.
		for range 8 {
			d.reply(op, rom.SyncValueROM, nil, at)
		}
	case rom.ReadReg:
		if len(w) != 1 {
			d.fail(op, rom.ErrInvalidMessage, at)
			return
		}
		d.reply(op, d.regs[w[0]], nil, at)
	case rom.WriteReg:
		if len(w) < 4 || len(w)%4 != 0 {
			d.fail(op, rom.ErrInvalidMessage, at)
			return
		}
		for i := 0; i < len(w); i += 4 {
			addr, val, mask := w[i], w[i+1], w[i+2]
			d.regs[addr] = d.regs[addr]&^mask | val&mask
			d.spiCommand(addr)
		}
		d.reply(op, 0, nil, at)
	case rom.SPIAttach:
		if len(req.Data) != 8 {
			d.fail(op, rom.ErrInvalidMessage, at)
			return
		}
		d.attached = true
		d.reply(op, 0, nil, at)
	case rom.SPISetParams:
		if len(w) != 6 {
			d.fail(op, rom.ErrInvalidMessage, at)
			return
		}
		d.reply(op, 0, nil, at)
	case rom.SecurityInfo:
		switch d.chip.SecurityInfoSize {
		case 0:
			d.unsupported(op, at)
		case 12:
			d.reply(op, 0, make([]byte, 12), at)
		default:
			info := make([]byte, 20)
			binary.LittleEndian.PutUint32(info[12:], uint32(d.chip.ImageChipID))
			d.reply(op, 0, info, at)
		}
	case rom.FlashBegin, rom.FlashDeflBegin:
		d.begin(req, w, at)
	case rom.FlashData, rom.FlashDeflData:
		d.data(req, at)
	case rom.FlashEnd, rom.FlashDeflEnd:
		if len(w) != 1 {
			d.fail(op, rom.ErrInvalidMessage, at)
			return
		}
		d.reply(op, 0, nil, at)
		d.abortWrite()
		// 0 reboots, 1 runs the app; either way the app starts (IO0 is
		// not held during a software reset).
		d.boot(at, false)
	case rom.SPIFlashMD5:
		if len(w) != 4 || uint64(w[0])+uint64(w[1]) > uint64(len(d.flash)) {
			d.fail(op, rom.ErrBadAddress, at)
			return
		}
		if !d.attached {
			d.fail(op, rom.ErrFailedToAct, at)
			return
		}
		sum := md5.Sum(d.flash[w[0] : w[0]+w[1]])
		d.reply(op, 0, []byte(hex.EncodeToString(sum[:])), at)
	case rom.ReadFlashSlow:
		if len(w) != 2 || w[1] > rom.ReadSlowBlock || uint64(w[0])+uint64(w[1]) > uint64(len(d.flash)) {
			d.fail(op, rom.ErrBadAddress, at)
			return
		}
		if !d.attached {
			d.fail(op, rom.ErrFailedToAct, at)
			return
		}
		block := bytes.Repeat([]byte{0xFF}, rom.ReadSlowBlock)
		copy(block, d.flash[w[0]:w[0]+w[1]])
		d.reply(op, 0, block, at)
	case rom.ChangeBaudrate:
		if len(w) != 2 || w[0] < 9600 || w[0] > 5000000 {
			d.fail(op, rom.ErrInvalidMessage, at)
			return
		}
		d.reply(op, 0, nil, at) // at the old rate
		d.devBaud = int(w[0])
	case rom.MemBegin:
		d.reply(op, 0, nil, at)
	case rom.MemData:
		if len(req.Data) < rom.DataHeaderSize || rom.Checksum(req.Data[rom.DataHeaderSize:]) != req.Checksum {
			d.fail(op, rom.ErrBadCRC, at)
			return
		}
		d.reply(op, 0, nil, at)
	case rom.MemEnd:
		d.reply(op, 0, nil, at)
		if len(w) == 2 && w[0] == 0 {
			// Jump to the uploaded code, which the model cannot run.
			d.regs[stubMarker] = 1
			d.state = stateRunning
		}
	default:
		d.unsupported(op, at)
	}
}

// unsupported answers an unknown command as the ROM does: with a burst of
// "invalid message" replies.
func (d *Device) unsupported(op rom.Op, at time.Time) {
	for range 8 {
		d.fail(op, rom.ErrInvalidMessage, at)
	}
}

// spiCommand runs a SPI flash user command when the CMD register's USR bit
// is set: RDID answers the flash id, RDSR an idle status.
func (d *Device) spiCommand(addr uint32) {
	s := d.chip.SPI
	if addr != s.Base+s.CMD || d.regs[addr]&s.CmdUSR == 0 {
		return
	}
	d.regs[addr] &^= s.CmdUSR
	switch byte(d.regs[s.Base+s.USR2]) {
	case 0x9F:
		d.regs[s.Base+s.W0] = d.flashID
	case 0x05, 0x35, 0x15:
		d.regs[s.Base+s.W0] = 0
	}
}

func (d *Device) abortWrite() {
	if d.write.inf != nil {
		d.write.inf.close()
	}
	d.write = writeState{}
}

func (d *Device) begin(req rom.Request, w []uint32, at time.Time) {
	op := req.Op
	want := 4
	if d.chip.FlashBeginEncryptWord {
		want = 5
	}
	if len(w) != want || len(req.Data)%4 != 0 {
		d.fail(op, rom.ErrInvalidMessage, at)
		return
	}
	size, blocks, blockSize, offset := w[0], w[1], w[2], w[3]
	if !d.attached {
		d.fail(op, rom.ErrFailedToAct, at)
		return
	}
	if uint64(offset)+uint64(size) > uint64(len(d.flash)) || blockSize == 0 || blockSize > 0x10000 {
		d.fail(op, rom.ErrBadAddress, at)
		return
	}
	d.abortWrite()
	// Erase whole sectors covering the region, up front.
	lo := offset &^ (rom.SectorSize - 1)
	hi := min((offset+size+rom.SectorSize-1)&^(rom.SectorSize-1), uint32(len(d.flash)))
	for i := lo; i < hi; i++ {
		d.flash[i] = 0xFF
	}
	d.write = writeState{active: true, deflate: op == rom.FlashDeflBegin, offset: offset, size: size, blocks: blocks, blockSize: blockSize}
	if d.write.deflate {
		d.write.inf = newInflater()
	}
	d.reply(op, 0, nil, at)
}

func (d *Device) data(req rom.Request, at time.Time) {
	op := req.Op
	ws := &d.write
	if !ws.active || ws.deflate != (op == rom.FlashDeflData) {
		d.fail(op, rom.ErrFailedToAct, at)
		return
	}
	if len(req.Data) < rom.DataHeaderSize {
		d.fail(op, rom.ErrInvalidMessage, at)
		return
	}
	hdr := words(req.Data[:rom.DataHeaderSize])
	payload := req.Data[rom.DataHeaderSize:]
	if int(hdr[0]) != len(payload) {
		d.fail(op, rom.ErrBadDataLen, at)
		return
	}
	if rom.Checksum(payload) != req.Checksum {
		d.fail(op, rom.ErrBadCRC, at)
		return
	}
	seq := hdr[1]
	if ws.seq > 0 && seq == ws.seq-1 {
		// The host resends a block whose reply it lost; it is already
		// written.
		d.reply(op, 0, nil, at)
		return
	}
	if seq != ws.seq || seq >= ws.blocks {
		d.fail(op, rom.ErrBadDataLen, at)
		return
	}
	if !ws.deflate {
		if uint32(len(payload)) != ws.blockSize {
			d.fail(op, rom.ErrBadDataLen, at)
			return
		}
		dst := ws.offset + seq*ws.blockSize
		if uint64(dst)+uint64(len(payload)) > uint64(len(d.flash)) {
			d.fail(op, rom.ErrBadAddress, at)
			return
		}
		program(d.flash[dst:], payload)
		ws.seq++
		d.reply(op, 0, nil, at)
		return
	}
	if ws.ended {
		d.fail(op, rom.ErrDeflateBadData, at)
		return
	}
	out, ended, err := ws.inf.push(payload)
	if err != nil {
		d.abortWrite()
		d.fail(op, rom.ErrDeflate, at)
		return
	}
	if uint64(ws.written)+uint64(len(out)) > uint64(ws.size) {
		d.abortWrite()
		d.fail(op, rom.ErrDeflateBadSize, at)
		return
	}
	program(d.flash[ws.offset+ws.written:], out)
	ws.written += uint32(len(out))
	ws.ended = ended
	ws.seq++
	d.reply(op, 0, nil, at)
}

// program writes data with NOR semantics: bits can only go from 1 to 0.
func program(dst, data []byte) {
	for i, b := range data {
		dst[i] &= b
	}
}
