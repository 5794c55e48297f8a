package device

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Level is a pin's logic level.
type Level uint8

const (
	Low Level = iota
	High
)

func (l Level) String() string {
	if l == High {
		return "high"
	}
	return "low"
}

// Mode is a pin's direction.
type Mode uint8

const (
	ModeUnset Mode = iota
	ModeInput
	ModeOutput
	ModeOutputOD // open drain
)

// Pull is a pin's internal resistor.
type Pull uint8

const (
	PullFloating Pull = iota
	PullUp
	PullDown
	PullUpDown
)

// Trigger says which level changes raise an interrupt.
type Trigger uint8

const (
	TriggerNone Trigger = iota
	TriggerRising
	TriggerFalling
	TriggerBoth
	TriggerLow
	TriggerHigh
)

// Pin names a pin: a number (ESP32, RP2040) or a bank and number (STM32's
// {a, 5}, Bank "a").
type Pin struct {
	Bank string
	Num  int
}

func (p Pin) String() string {
	if p.Bank != "" {
		return p.Bank + strconv.Itoa(p.Num)
	}
	return strconv.Itoa(p.Num)
}

// ParsePin reads "2" or "a5".
func ParsePin(s string) (Pin, error) {
	s = strings.TrimSpace(s)
	i := 0
	for i < len(s) && s[i] >= 'a' && s[i] <= 'z' {
		i++
	}
	n, err := strconv.Atoi(s[i:])
	if err != nil || n < 0 {
		return Pin{}, fmt.Errorf("bad pin %q: want a number such as 2, or a bank and number such as a5", s)
	}
	return Pin{Bank: s[:i], Num: n}, nil
}

type pinState struct {
	mode    Mode
	pull    Pull
	out     Level
	driven  bool // something outside drives the pin (a button, board control)
	in      Level
	trigger Trigger
	// listener receives interrupts (a pid, for the VM); nil when none.
	listener any
	held     bool
	// attached is what the board file wired to the pin ("led status").
	attached string
}

// Board is a simulated board. Its methods are safe for concurrent use.
type Board struct {
	mu      sync.Mutex
	profile Profile
	trace   io.Writer    // nil: no trace
	start   atomic.Int64 // when the board's clock started, in UnixNano
	scale   float64

	pins map[Pin]*pinState
	i2c  map[int]I2CDevice          // by 7-bit address
	spi  map[string]*RegisterDevice // by device name
	// pwm is the last duty set per LEDC channel, for the trace.
	pwm   map[int]int
	uarts map[string]*UART
	nvs   *NVS
	rtc   []byte
	// buttons are the board file's buttons and the level each drives
	// when pressed.
	buttons buttons

	// hw, when set, is real hardware that pins and buses go to instead
	// of the simulation (--target linux).
	hw Hardware

	// OnInterrupt is called (without the board's lock) when a pin's level
	// change matches its trigger.
	OnInterrupt func(listener any, pin Pin)
}

// NewBoard returns a board for profile p whose clock runs scale times as
// fast as real time (1 when scale <= 0).
func NewBoard(p Profile, scale float64) *Board {
	if scale <= 0 {
		scale = 1
	}
	b := &Board{profile: p, scale: scale, pins: map[Pin]*pinState{},
		i2c: map[int]I2CDevice{}, pwm: map[int]int{}, uarts: map[string]*UART{}, nvs: NewNVS("")}
	b.StartClock()
	return b
}

// Profile is the board's target profile.
func (b *Board) Profile() Profile { return b.profile }

// Scale is how many times faster than real time the board's clock runs.
func (b *Board) Scale() float64 { return b.scale }

// SetTrace makes the board log every pin change, bus transaction and UART
// byte to w, stamped with the board's (scaled) time since start.
func (b *Board) SetTrace(w io.Writer) {
	b.mu.Lock()
	b.trace = w
	b.mu.Unlock()
}

// StartClock sets the board's clock to zero (avm run does so when the app
// starts, so that the trace's times are the app's).
func (b *Board) StartClock() { b.start.Store(time.Now().UnixNano()) }

// Now is the time on the board's clock since it started.
func (b *Board) Now() time.Duration {
	return time.Duration(float64(time.Now().UnixNano()-b.start.Load()) * b.scale)
}

// tracef logs one event; callers hold b.mu.
func (b *Board) tracef(format string, args ...any) {
	if b.trace == nil {
		return
	}
	fmt.Fprintf(b.trace, "[%8.3f] %s\n", b.Now().Seconds(), fmt.Sprintf(format, args...))
}

func (b *Board) pin(p Pin) *pinState {
	s := b.pins[p]
	if s == nil {
		s = &pinState{}
		b.pins[p] = s
	}
	return s
}

// level is what reading the pin gives; callers hold b.mu.
func (s *pinState) level() Level {
	switch {
	case s.mode == ModeOutput:
		return s.out
	case s.mode == ModeOutputOD && s.out == Low:
		return Low
	case s.driven:
		return s.in
	case s.pull == PullUp || s.pull == PullUpDown:
		return High
	}
	return Low
}

// SetMode sets a pin's direction.
func (b *Board) SetMode(p Pin, m Mode) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	s := b.pin(p)
	if b.hw != nil {
		if err := b.hw.Configure(p, m, s.pull); err != nil {
			return err
		}
	}
	s.mode = m
	b.tracef("gpio %s mode %s", p, modeName(m))
	return nil
}

// SetPull sets a pin's internal resistor.
func (b *Board) SetPull(p Pin, pull Pull) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	s := b.pin(p)
	if b.hw != nil && s.mode != ModeUnset {
		if err := b.hw.Configure(p, s.mode, pull); err != nil {
			return err
		}
	}
	s.pull = pull
	b.tracef("gpio %s pull %s", p, pullName(pull))
	return nil
}

// Write sets an output pin's level. A held pin keeps its level, as on the
// ESP32 (gpio:hold_en/1).
func (b *Board) Write(p Pin, l Level) error {
	b.mu.Lock()
	s := b.pin(p)
	if s.held {
		b.mu.Unlock()
		return nil
	}
	if b.hw != nil {
		err := b.hw.Write(p, l)
		if err == nil {
			s.out = l
			b.tracef("gpio %s %s", p, l)
		}
		b.mu.Unlock()
		return err
	}
	before := s.level()
	s.out = l
	after := s.level()
	if before != after || s.mode != ModeOutput {
		b.tracef("gpio %s %s%s", p, l, s.label())
	}
	fire := b.interruptLocked(s, before, after)
	b.mu.Unlock()
	b.notify(fire, p)
	return nil
}

// Read returns a pin's level.
func (b *Board) Read(p Pin) (Level, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.hw != nil {
		return b.hw.Read(p)
	}
	return b.pin(p).level(), nil
}

// Hold freezes (or frees) a pin's output level.
func (b *Board) Hold(p Pin, on bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.pin(p).held = on
}

// SetInterrupt makes level changes of p that match t go to listener;
// TriggerNone removes it.
func (b *Board) SetInterrupt(p Pin, t Trigger, listener any) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.hw != nil {
		var notify func()
		if t != TriggerNone {
			notify = func() { b.notify(listener, p) }
		}
		if err := b.hw.Watch(p, t, notify); err != nil {
			return err
		}
	}
	s := b.pin(p)
	s.trigger, s.listener = t, listener
	if t == TriggerNone {
		s.listener = nil
	}
	return nil
}

// Drive sets the level that something outside the chip puts on p (a button,
// a test); Release stops driving it.
func (b *Board) Drive(p Pin, l Level) {
	b.mu.Lock()
	s := b.pin(p)
	before := s.level()
	s.driven, s.in = true, l
	after := s.level()
	b.tracef("gpio %s driven %s%s", p, l, s.label())
	fire := b.interruptLocked(s, before, after)
	b.mu.Unlock()
	b.notify(fire, p)
}

// Release stops driving p from outside.
func (b *Board) Release(p Pin) {
	b.mu.Lock()
	s := b.pin(p)
	before := s.level()
	s.driven = false
	after := s.level()
	b.tracef("gpio %s released%s", p, s.label())
	fire := b.interruptLocked(s, before, after)
	b.mu.Unlock()
	b.notify(fire, p)
}

// interruptLocked returns the listener to tell about a change from before
// to after, or nil.
func (b *Board) interruptLocked(s *pinState, before, after Level) any {
	if s.listener == nil {
		return nil
	}
	switch s.trigger {
	case TriggerRising:
		if before == Low && after == High {
			return s.listener
		}
	case TriggerFalling:
		if before == High && after == Low {
			return s.listener
		}
	case TriggerBoth:
		if before != after {
			return s.listener
		}
	case TriggerLow:
		if after == Low && before != after {
			return s.listener
		}
	case TriggerHigh:
		if after == High && before != after {
			return s.listener
		}
	}
	return nil
}

func (b *Board) notify(listener any, p Pin) {
	if listener != nil && b.OnInterrupt != nil {
		b.OnInterrupt(listener, p)
	}
}

func (s *pinState) label() string {
	if s.attached == "" {
		return ""
	}
	return " (" + s.attached + ")"
}

// Attach records what is wired to a pin, for the trace; a button starts
// released.
func (b *Board) Attach(p Pin, what string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.pin(p).attached = what
}

// Pins lists the pins the app or the board file used, in order.
func (b *Board) Pins() []Pin {
	b.mu.Lock()
	defer b.mu.Unlock()
	out := make([]Pin, 0, len(b.pins))
	for p := range b.pins {
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Bank != out[j].Bank {
			return out[i].Bank < out[j].Bank
		}
		return out[i].Num < out[j].Num
	})
	return out
}

// SetDuty records a PWM (LEDC) channel's duty, for the trace.
func (b *Board) SetDuty(channel, duty int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if old, ok := b.pwm[channel]; ok && old == duty {
		return
	}
	b.pwm[channel] = duty
	b.tracef("ledc channel %d duty %d", channel, duty)
}

// Duty is a PWM channel's last duty.
func (b *Board) Duty(channel int) int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.pwm[channel]
}

// NVS is the board's non-volatile storage.
func (b *Board) NVS() *NVS { return b.nvs }

// SetNVS replaces the board's storage (e.g. one persisted to a file).
func (b *Board) SetNVS(n *NVS) { b.nvs = n }

// RTCMemory returns the RTC slow memory, which survives deep sleep.
func (b *Board) RTCMemory() []byte {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]byte(nil), b.rtc...)
}

// RTCMemorySize is the RTC slow memory available to apps (AtomVM's
// default for the ESP32: 4096 bytes).
const RTCMemorySize = 4096

// SetRTCMemory stores data in RTC slow memory.
func (b *Board) SetRTCMemory(data []byte) error {
	if len(data) > RTCMemorySize {
		return fmt.Errorf("%d bytes do not fit in %d bytes of RTC memory", len(data), RTCMemorySize)
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.rtc = append(b.rtc[:0], data...)
	return nil
}

func modeName(m Mode) string {
	switch m {
	case ModeInput:
		return "input"
	case ModeOutput:
		return "output"
	case ModeOutputOD:
		return "output_od"
	}
	return "unset"
}

func pullName(p Pull) string {
	switch p {
	case PullUp:
		return "up"
	case PullDown:
		return "down"
	case PullUpDown:
		return "up_down"
	}
	return "floating"
}
