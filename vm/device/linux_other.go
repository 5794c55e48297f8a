//go:build !linux

package device

import (
	"fmt"
	"runtime"
)

// OpenLinux fails off Linux: real peripherals go through Linux's GPIO
// character devices and i2c-dev.
func OpenLinux(gpioChip, i2cBus, spiDev string) (Hardware, error) {
	return nil, fmt.Errorf("--target linux drives Linux's GPIO and I2C devices; this is %s: use a simulated target such as esp32", runtime.GOOS)
}
