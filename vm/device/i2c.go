package device

import (
	"errors"
	"fmt"
	"sync"
)

// I2CDevice is something at an address on an I2C bus.
type I2CDevice interface {
	// Write receives the bytes of one write transaction.
	Write(data []byte) error
	// Read answers a read transaction of n bytes.
	Read(n int) ([]byte, error)
}

// ErrNoAck is what a transaction to an address where no device answers
// gets, as a real bus reports a missing acknowledgement.
var ErrNoAck = errors.New("no device acknowledged the address")

// AttachI2C puts dev at a 7-bit address.
func (b *Board) AttachI2C(addr int, dev I2CDevice) error {
	if addr < 0 || addr > 0x7f {
		return fmt.Errorf("I2C address %#x is out of range (7 bits: 0x00-0x7f)", addr)
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.i2c[addr] = dev
	return nil
}

// I2CWrite carries out a write transaction.
func (b *Board) I2CWrite(addr int, data []byte) error {
	b.mu.Lock()
	if b.hw != nil {
		err := b.hw.I2CWrite(addr, data)
		b.tracef("i2c %#02x write % x%s", addr, data, errNote(err))
		b.mu.Unlock()
		return err
	}
	dev := b.i2c[addr]
	b.tracef("i2c %#02x write % x%s", addr, data, nackNote(dev))
	b.mu.Unlock()
	if dev == nil {
		return ErrNoAck
	}
	return dev.Write(data)
}

// I2CRead carries out a read transaction of n bytes.
func (b *Board) I2CRead(addr, n int) ([]byte, error) {
	b.mu.Lock()
	if b.hw != nil {
		data, err := b.hw.I2CRead(addr, n)
		b.tracef("i2c %#02x read % x%s", addr, data, errNote(err))
		b.mu.Unlock()
		return data, err
	}
	dev := b.i2c[addr]
	b.mu.Unlock()
	if dev == nil {
		b.mu.Lock()
		b.tracef("i2c %#02x read %d%s", addr, n, nackNote(nil))
		b.mu.Unlock()
		return nil, ErrNoAck
	}
	data, err := dev.Read(n)
	b.mu.Lock()
	b.tracef("i2c %#02x read % x", addr, data)
	b.mu.Unlock()
	return data, err
}

func errNote(err error) string {
	if err != nil {
		return " (" + err.Error() + ")"
	}
	return ""
}

func nackNote(dev I2CDevice) string {
	if dev == nil {
		return " (no ack)"
	}
	return ""
}

// RegisterDevice is the common I2C sensor model: a write's first byte
// selects a register and later bytes are stored from there on; a read
// returns bytes from the selected register on, the pointer advancing as it
// goes. Most temperature, pressure and IMU chips work this way.
type RegisterDevice struct {
	mu   sync.Mutex
	regs [256]byte
	ptr  byte
}

// NewRegisterDevice returns a device whose registers start as given.
func NewRegisterDevice(init map[byte][]byte) *RegisterDevice {
	d := &RegisterDevice{}
	for reg, data := range init {
		for i, v := range data {
			d.regs[(int(reg)+i)&0xff] = v
		}
	}
	return d
}

func (d *RegisterDevice) Write(data []byte) error {
	if len(data) == 0 {
		return nil
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	d.ptr = data[0]
	for _, v := range data[1:] {
		d.regs[d.ptr] = v
		d.ptr++
	}
	return nil
}

func (d *RegisterDevice) Read(n int) ([]byte, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	out := make([]byte, n)
	for i := range out {
		out[i] = d.regs[d.ptr]
		d.ptr++
	}
	return out, nil
}

// Set changes registers from outside (board control: a sensor's reading
// changes).
func (d *RegisterDevice) Set(reg byte, data []byte) {
	d.mu.Lock()
	defer d.mu.Unlock()
	for i, v := range data {
		d.regs[(int(reg)+i)&0xff] = v
	}
}
