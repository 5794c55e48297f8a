package device

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
)

// BoardFile is what a board file (avm.board.json) wires to the simulated
// board:
//
//	{
//	  "target": "esp32",
//	  "gpio": {
//	    "2": {"led": "status"},
//	    "0": {"button": "boot", "pressed": "low"}
//	  },
//	  "i2c": {
//	    "0x48": {"name": "tmp102", "registers": {"0x00": "19 00"}}
//	  },
//	  "spi": {"bme280": {"registers": {"0xd0": "60"}}},
//	  "uart": {"UART1": "loopback"}
//	}
//
// A button does not drive its pin until pressed (board control: press 0),
// then it drives its "pressed" level (default low: a button to ground,
// read through a pull-up). An I2C device is a register map: writes select
// a register and store bytes, reads return bytes from the selected
// register on. A UART is "loopback" (what the app writes comes back).
type BoardFile struct {
	Target string               `json:"target"`
	GPIO   map[string]PinWiring `json:"gpio"`
	I2C    map[string]I2CWiring `json:"i2c"`
	SPI    map[string]I2CWiring `json:"spi"` // by the app's SPI device name
	UART   map[string]string    `json:"uart"`
}

// PinWiring is a part on a pin.
type PinWiring struct {
	LED     string `json:"led,omitempty"`
	Button  string `json:"button,omitempty"`
	Pressed string `json:"pressed,omitempty"` // "low" (default) or "high"
}

// I2CWiring is a register-map device at an address.
type I2CWiring struct {
	Name      string            `json:"name"`
	Registers map[string]string `json:"registers"` // register → hex bytes
}

// ReadBoardFile parses a board file.
func ReadBoardFile(path string) (*BoardFile, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var bf BoardFile
	dec := json.NewDecoder(strings.NewReader(string(raw)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&bf); err != nil {
		return nil, fmt.Errorf("%s: %v (the format: avm help board)", path, err)
	}
	return &bf, nil
}

// buttons remembers each button's pressed level, for board control.
type buttons map[Pin]Level

// Apply wires the file's parts to board b.
func (bf *BoardFile) Apply(b *Board) error {
	pins := make([]string, 0, len(bf.GPIO))
	for k := range bf.GPIO {
		pins = append(pins, k)
	}
	sort.Strings(pins)
	for _, k := range pins {
		p, err := ParsePin(k)
		if err != nil {
			return fmt.Errorf("board file: gpio: %v", err)
		}
		w := bf.GPIO[k]
		switch {
		case w.LED != "" && w.Button != "":
			return fmt.Errorf("board file: gpio %s: a pin has an led or a button, not both", k)
		case w.LED != "":
			b.Attach(p, "led "+w.LED)
		case w.Button != "":
			pressed := Low
			switch w.Pressed {
			case "", "low":
			case "high":
				pressed = High
			default:
				return fmt.Errorf("board file: gpio %s: pressed must be \"low\" or \"high\", not %q", k, w.Pressed)
			}
			b.Attach(p, "button "+w.Button)
			b.mu.Lock()
			if b.buttons == nil {
				b.buttons = buttons{}
			}
			b.buttons[p] = pressed
			b.mu.Unlock()
		default:
			return fmt.Errorf("board file: gpio %s: say what is on the pin: {\"led\": NAME} or {\"button\": NAME}", k)
		}
	}
	for k, w := range bf.I2C {
		addr, err := strconv.ParseInt(k, 0, 32)
		if err != nil {
			return fmt.Errorf("board file: i2c address %q: want a number such as 0x48", k)
		}
		init, err := registers("i2c "+k, w.Registers)
		if err != nil {
			return err
		}
		if err := b.AttachI2C(int(addr), NewRegisterDevice(init)); err != nil {
			return fmt.Errorf("board file: %v", err)
		}
	}
	for name, w := range bf.SPI {
		init, err := registers("spi "+name, w.Registers)
		if err != nil {
			return err
		}
		b.AttachSPI(name, NewRegisterDevice(init))
	}
	for name, mode := range bf.UART {
		if mode != "loopback" {
			return fmt.Errorf("board file: uart %s: %q is not a mode; use \"loopback\" (or bridge it with avm run --uart-pty %s)", name, mode, name)
		}
		b.UART(name)
	}
	return nil
}

// registers reads a register device's initial contents.
func registers(what string, regs map[string]string) (map[byte][]byte, error) {
	init := map[byte][]byte{}
	for r, hx := range regs {
		reg, err := strconv.ParseUint(r, 0, 8)
		if err != nil {
			return nil, fmt.Errorf("board file: %s: register %q: want a number such as 0x00", what, r)
		}
		data, err := hex.DecodeString(strings.ReplaceAll(hx, " ", ""))
		if err != nil {
			return nil, fmt.Errorf("board file: %s: register %s: %q is not hex bytes such as \"19 00\"", what, r, hx)
		}
		init[byte(reg)] = data
	}
	return init, nil
}
