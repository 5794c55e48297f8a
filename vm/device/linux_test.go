//go:build linux

package device

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unsafe"
)

// The uAPI structs must have the kernel's sizes, and the ioctl numbers the
// values <linux/gpio.h> gives (checked against the header's definitions).
func TestLinuxUAPILayout(t *testing.T) {
	sizes := map[string][2]uintptr{
		"gpio_v2_line_attribute":        {unsafe.Sizeof(gpioLineAttribute{}), 16},
		"gpio_v2_line_config_attribute": {unsafe.Sizeof(gpioLineConfigAttribute{}), 24},
		"gpio_v2_line_config":           {unsafe.Sizeof(gpioLineConfig{}), 272},
		"gpio_v2_line_request":          {unsafe.Sizeof(gpioLineRequest{}), 592},
		"gpio_v2_line_values":           {unsafe.Sizeof(gpioLineValues{}), 16},
		"spi_ioc_transfer":              {unsafe.Sizeof(spiIocTransfer{}), 32},
	}
	for name, s := range sizes {
		if s[0] != s[1] {
			t.Errorf("sizeof(struct %s) = %d, want %d", name, s[0], s[1])
		}
	}
	ioctls := map[string][2]uintptr{
		"GPIO_V2_GET_LINE_IOCTL":        {gpioV2GetLineIoctl, 0xc250b407},
		"GPIO_V2_LINE_SET_CONFIG_IOCTL": {gpioV2LineSetConfigIoctl, 0xc110b40d},
		"GPIO_V2_LINE_GET_VALUES_IOCTL": {gpioV2LineGetValuesIoctl, 0xc010b40e},
		"GPIO_V2_LINE_SET_VALUES_IOCTL": {gpioV2LineSetValuesIoctl, 0xc010b40f},
		"SPI_IOC_MESSAGE(1)":            {spiIocMessage1, 0x40206b00},
	}
	for name, v := range ioctls {
		if v[0] != v[1] {
			t.Errorf("%s = %#x, want %#x", name, v[0], v[1])
		}
	}
}

func TestLineFlags(t *testing.T) {
	cases := []struct {
		m    Mode
		pull Pull
		t    Trigger
		want uint64
	}{
		{ModeOutput, PullFloating, TriggerNone, gpioLineFlagOutput | gpioLineFlagBiasDisabled},
		{ModeOutputOD, PullUp, TriggerNone, gpioLineFlagOutput | gpioLineFlagOpenDrain | gpioLineFlagBiasPullUp},
		{ModeInput, PullUp, TriggerFalling, gpioLineFlagInput | gpioLineFlagBiasPullUp | gpioLineFlagEdgeFalling},
		{ModeInput, PullDown, TriggerBoth, gpioLineFlagInput | gpioLineFlagBiasPullDown | gpioLineFlagEdgeRising | gpioLineFlagEdgeFalling},
		{ModeInput, PullUpDown, TriggerRising, gpioLineFlagInput | gpioLineFlagEdgeRising},
	}
	for _, c := range cases {
		if got := lineFlags(c.m, c.pull, c.t); got != c.want {
			t.Errorf("lineFlags(%d, %d, %d) = %#x, want %#x", c.m, c.pull, c.t, got, c.want)
		}
	}
}

// Without the devices, every operation fails with an error that names the
// device and says what to do, and the board reports it instead of
// pretending.
func TestLinuxMissingDevices(t *testing.T) {
	dir := t.TempDir()
	hw := NewLinuxHardware(filepath.Join(dir, "gpiochip0"), filepath.Join(dir, "i2c-1"), filepath.Join(dir, "spidev0.0"))
	defer hw.Close()
	p, _ := Lookup("linux")
	b := NewBoard(p, 1)
	b.UseHardware(hw)
	if err := b.SetMode(Pin{Num: 17}, ModeOutput); err == nil || !strings.Contains(err.Error(), "gpiochip0 does not exist") {
		t.Errorf("SetMode: %v", err)
	}
	if _, err := b.Read(Pin{Num: 17}); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Read: %v", err)
	}
	if err := b.Write(Pin{Bank: "a", Num: 1}, High); err == nil || !strings.Contains(err.Error(), "are numbers") {
		t.Errorf("Write to a bank pin: %v", err)
	}
	if _, err := b.I2CRead(0x48, 2); err == nil || !strings.Contains(err.Error(), "i2c-1 does not exist") {
		t.Errorf("I2CRead: %v", err)
	}
	// A file that is not a GPIO chip: the line request fails with the
	// kernel's error, named with the line and the chip.
	notChip := filepath.Join(dir, "plain")
	os.WriteFile(notChip, nil, 0o644)
	if _, err := b.SPITransfer("dev", 0x10, nil, 1); err == nil || !strings.Contains(err.Error(), "spidev0.0 does not exist") {
		t.Errorf("SPITransfer: %v", err)
	}
	hw2 := NewLinuxHardware(notChip, notChip, notChip)
	defer hw2.Close()
	if err := hw2.Configure(Pin{Num: 3}, ModeInput, PullUp); err == nil || !strings.Contains(err.Error(), "GPIO line 3 of") {
		t.Errorf("Configure on a plain file: %v", err)
	}
	if err := hw2.I2CWrite(0x48, []byte{1}); err == nil || !strings.Contains(err.Error(), "I2C address 0x48") {
		t.Errorf("I2CWrite on a plain file: %v", err)
	}
	if _, err := hw2.SPITransfer("dev", []byte{1}, 1); err == nil || !strings.Contains(err.Error(), "SPI transfer to dev") {
		t.Errorf("SPITransfer on a plain file: %v", err)
	}
}
