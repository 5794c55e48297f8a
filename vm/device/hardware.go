package device

// Hardware is a real board's pins and buses, which a Board drives instead
// of its simulation (--target linux: LinuxHardware).
type Hardware interface {
	// Configure sets a pin's direction and bias.
	Configure(p Pin, m Mode, pull Pull) error
	Write(p Pin, l Level) error
	Read(p Pin) (Level, error)
	// Watch calls notify on the pin's edges that match t; TriggerNone
	// (notify nil) stops watching.
	Watch(p Pin, t Trigger, notify func()) error
	I2CWrite(addr int, data []byte) error
	I2CRead(addr, n int) ([]byte, error)
	// SPITransfer clocks tx out to the named device, then reads n bytes.
	SPITransfer(device string, tx []byte, n int) ([]byte, error)
	Close() error
}

// UseHardware makes the board drive hw instead of simulating.
func (b *Board) UseHardware(hw Hardware) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.hw = hw
}

// Close releases the board's hardware, if any.
func (b *Board) Close() error {
	b.mu.Lock()
	hw := b.hw
	b.mu.Unlock()
	if hw == nil {
		return nil
	}
	return hw.Close()
}
