package device

import "fmt"

// SPI: a transfer selects a device (by its name in the app's
// device_config), clocks out an address byte and data, and clocks in
// bytes. A simulated device is a register map, like an I2C one: the
// address, less its read/write bit (0x80), selects the register, so a
// board file keys registers by their 7-bit number (a BME280's chip id,
// read at 0xd0, is register 0x50). Nothing
// on the bus (a name the board file does not wire) reads as 0xff, as an
// idle MISO line pulled up does.

// AttachSPI wires a register device under a device name.
func (b *Board) AttachSPI(name string, dev *RegisterDevice) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.spi == nil {
		b.spi = map[string]*RegisterDevice{}
	}
	b.spi[name] = dev
}

// SPITransfer carries out one transaction: the address byte (or none when
// addr < 0), then write, then read bytes in.
func (b *Board) SPITransfer(name string, addr int, write []byte, read int) ([]byte, error) {
	if read < 0 || read > 1<<16 {
		return nil, fmt.Errorf("spi %s: cannot read %d bytes", name, read)
	}
	b.mu.Lock()
	hw, dev := b.hw, b.spi[name]
	b.mu.Unlock()
	var tx []byte
	if addr >= 0 {
		tx = append(tx, byte(addr))
	}
	tx = append(tx, write...)
	var rx []byte
	var err error
	switch {
	case hw != nil:
		rx, err = hw.SPITransfer(name, tx, read)
	case dev == nil:
		rx = make([]byte, read)
		for i := range rx {
			rx[i] = 0xff
		}
	default:
		if addr >= 0 {
			dev.Write(append([]byte{byte(addr) &^ 0x80}, write...))
		} else if len(write) > 0 {
			dev.Write(write)
		}
		rx, _ = dev.Read(read)
	}
	b.mu.Lock()
	note := ""
	if hw == nil && dev == nil {
		note = " (nothing on the bus)"
	}
	b.tracef("spi %s tx % x rx % x%s%s", name, tx, rx, note, errNote(err))
	b.mu.Unlock()
	return rx, err
}
