package vm

import (
	"crypto/sha256"
	"errors"
	"syscall"
	"time"

	"github.com/avmtool/avm/vm/device"
	"github.com/avmtool/avm/vm/term"
)

// Device natives: AtomVM's NIFs for pins, buses, storage and sleep, over
// the machine's board (Options.Board; a generic_unix simulated board when
// none is given). The port-style APIs (gpio:open/0, i2c:open/1, uart:open/1…)
// are Erlang driver processes in the bundled stdlib that call the private
// avm_board natives below. Errors are what AtomVM 0.6 returns: the atom
// error for bad arguments to the gpio NIFs, {error, esp_fail} when no I2C
// device answers.

var (
	atomHigh          = term.Atom("high")
	atomLow           = term.Atom("low")
	atomGpioInterrupt = term.Atom("gpio_interrupt")
	atomEspFail       = term.Atom("esp_fail")
	atomNotFound      = term.Atom("not_found")
	atomNsNotFound    = term.Atom("namespace_not_found")
	atomUartRx        = term.Atom("$avm_uart_rx")
	atomNone          = term.Atom("none")
)

func init() {
	register("gpio",
		Native{Function: "set_pin_mode", Arity: 2, Fn: nifGpioSetPinMode,
			Doc: "set_pin_mode(Pin, input | output | output_od | {Mode, Pull}): set a pin's direction; ok or error"},
		Native{Function: "set_pin_pull", Arity: 2, Fn: nifGpioSetPinPull,
			Doc: "set_pin_pull(Pin, up | down | up_down | floating): set a pin's pull resistor; ok or error"},
		Native{Function: "digital_write", Arity: 2, Fn: nifGpioDigitalWrite,
			Doc: "digital_write(Pin, high | low | 1 | 0): set an output pin's level; ok or error"},
		Native{Function: "digital_read", Arity: 1, Fn: nifGpioDigitalRead,
			Doc: "digital_read(Pin): the pin's level, high or low"},
		Native{Function: "hold_en", Arity: 1, Fn: nifGpioHold(true),
			Doc: "hold_en(Pin): keep the pin's output level (through resets and sleep); ok"},
		Native{Function: "hold_dis", Arity: 1, Fn: nifGpioHold(false),
			Doc: "hold_dis(Pin): release a held pin; ok"},
		Native{Function: "deep_sleep_hold_en", Arity: 0, Fn: nifOk,
			Doc: "deep_sleep_hold_en(): keep held pins through deep sleep; ok"},
		Native{Function: "deep_sleep_hold_dis", Arity: 0, Fn: nifOk,
			Doc: "deep_sleep_hold_dis(): stop keeping held pins through deep sleep; ok"},
	)
	register("avm_board",
		Native{Function: "gpio_set_int", Arity: 3, Fn: nifBoardSetInt,
			Doc: "gpio_set_int(Pin, Trigger, Pid): send {gpio_interrupt, Pin} to Pid on matching level changes (gpio driver)"},
		Native{Function: "i2c_write", Arity: 2, Fn: nifBoardI2CWrite,
			Doc: "i2c_write(Address, Bytes): one I2C write transaction; ok or {error, esp_fail} (i2c driver)"},
		Native{Function: "i2c_read", Arity: 2, Fn: nifBoardI2CRead,
			Doc: "i2c_read(Address, Count): one I2C read transaction; {ok, Bytes} or {error, esp_fail} (i2c driver)"},
		Native{Function: "spi_transfer", Arity: 4, Fn: nifBoardSPITransfer,
			Doc: "spi_transfer(Device, Address | none, WriteData, ReadBytes): one SPI transaction; {ok, ReadData} (spi driver)"},
		Native{Function: "uart_write", Arity: 2, Fn: nifBoardUARTWrite,
			Doc: "uart_write(Name, Data): send bytes on a UART (uart driver)"},
		Native{Function: "uart_take", Arity: 1, Fn: nifBoardUARTTake,
			Doc: "uart_take(Name): the bytes that arrived on a UART, <<>> if none (uart driver)"},
		Native{Function: "uart_notify", Arity: 2, Fn: nifBoardUARTNotify,
			Doc: "uart_notify(Name, Pid): send {'$avm_uart_rx', Name} to Pid when bytes arrive (uart driver)"},
		Native{Function: "ledc_duty", Arity: 2, Fn: nifBoardLedcDuty,
			Doc: "ledc_duty(Channel, Duty): record a PWM channel's duty (ledc)"},
	)
	register("esp",
		Native{Function: "nvs_fetch_binary", Arity: 2, Fn: nifNVSFetch,
			Doc: "nvs_fetch_binary(Namespace, Key): {ok, Binary} or {error, not_found | namespace_not_found}"},
		Native{Function: "nvs_put_binary", Arity: 3, Fn: nifNVSPut,
			Doc: "nvs_put_binary(Namespace, Key, Binary): store a binary in NVS; ok"},
		Native{Function: "nvs_erase_key", Arity: 2, Fn: nifNVSErase,
			Doc: "nvs_erase_key(Namespace, Key): remove a key from NVS; ok"},
		Native{Function: "nvs_erase_all", Arity: 1, Fn: nifNVSEraseAll,
			Doc: "nvs_erase_all(Namespace): remove every key of a namespace; ok"},
		Native{Function: "nvs_reformat", Arity: 0, Fn: nifNVSReformat,
			Doc: "nvs_reformat(): erase all of NVS; ok"},
		Native{Function: "rtc_slow_get_binary", Arity: 0, Fn: nifRTCGet,
			Doc: "rtc_slow_get_binary(): the binary kept in RTC slow memory (survives deep sleep)"},
		Native{Function: "rtc_slow_set_binary", Arity: 1, Fn: nifRTCSet,
			Doc: "rtc_slow_set_binary(Binary): keep a binary in RTC slow memory; ok"},
		Native{Function: "deep_sleep", Arity: 1, Fn: nifDeepSleep,
			Doc: "deep_sleep(Ms): stop the app; the board wakes after Ms and starts it again"},
		Native{Function: "sleep_get_wakeup_cause", Arity: 0, Fn: nifWakeupCause,
			Doc: "sleep_get_wakeup_cause(): sleep_wakeup_timer after a timed deep sleep, else undefined"},
		Native{Function: "reset_reason", Arity: 0, Fn: nifResetReason,
			Doc: "reset_reason(): esp_rst_poweron, or esp_rst_deepsleep after waking from deep sleep"},
		Native{Function: "restart", Arity: 0, Fn: nifRestart,
			Doc: "restart(): restart the app, as a software reset"},
		Native{Function: "freq_hz", Arity: 0, Fn: nifFreqHz,
			Doc: "freq_hz(): the CPU clock in Hz"},
		Native{Function: "get_mac", Arity: 1, Fn: nifGetMac,
			Doc: "get_mac(wifi_sta | wifi_softap | bt | eth): the interface's 6-byte MAC address"},
		Native{Function: "get_default_mac", Arity: 0, Fn: nifGetDefaultMac,
			Doc: "get_default_mac(): the factory MAC address as {ok, Mac}"},
	)
}

func nifOk(*Process, []term.Term) term.Term { return term.AtomOk }

// board is the machine's board, made on first use from the profile.
func (m *Machine) board() *device.Board {
	m.boardOnce.Do(func() {
		if m.opts.Board == nil {
			p, _ := device.Lookup("generic_unix")
			m.opts.Board = device.NewBoard(p, 1)
		}
		m.opts.Board.OnInterrupt = m.gpioInterrupt
	})
	return m.opts.Board
}

// gpioInterrupt sends {gpio_interrupt, Pin} to the listening process.
func (m *Machine) gpioInterrupt(listener any, pin device.Pin) {
	id, ok := listener.(uint64)
	if !ok {
		return
	}
	if to := m.process(id); to != nil {
		h := term.NewHeap(8)
		to.deliver(envelope{kind: envMessage, heap: h, t: h.Tuple(atomGpioInterrupt, pinTerm(h, pin))})
	}
}

// pinOf reads a pin: an integer, or {Bank, N} as on the STM32.
func pinOf(h *term.Heap, t term.Term) (device.Pin, bool) {
	if n, ok := h.Int64(t); ok && n >= 0 && n < 1<<16 {
		return device.Pin{Num: int(n)}, true
	}
	if h.IsTuple(t) {
		if e := h.TupleElems(t); len(e) == 2 && e[0].IsAtom() {
			if n, ok := h.Int64(e[1]); ok && n >= 0 && n < 16 {
				return device.Pin{Bank: term.AtomName(e[0]), Num: int(n)}, true
			}
		}
	}
	return device.Pin{}, false
}

func pinTerm(h *term.Heap, p device.Pin) term.Term {
	if p.Bank != "" {
		return h.Tuple(term.Atom(p.Bank), term.MakeSmall(int64(p.Num)))
	}
	return term.MakeSmall(int64(p.Num))
}

var pinModes = map[term.Term]device.Mode{
	term.Atom("input"): device.ModeInput, term.Atom("output"): device.ModeOutput,
	term.Atom("output_od"): device.ModeOutputOD,
}

var pinPulls = map[term.Term]device.Pull{
	term.Atom("up"): device.PullUp, term.Atom("down"): device.PullDown,
	term.Atom("up_down"): device.PullUpDown, term.Atom("floating"): device.PullFloating,
}

func nifGpioSetPinMode(p *Process, args []term.Term) term.Term {
	h := p.heap
	pin, ok := pinOf(h, args[0])
	if !ok {
		return term.AtomError
	}
	mode, pull, hasPull := args[1], term.NoValue, false
	if h.IsTuple(mode) { // {Mode, Pull} or {output, Pull, Speed}
		e := h.TupleElems(mode)
		if len(e) < 2 {
			return term.AtomError
		}
		mode, pull, hasPull = e[0], e[1], true
	}
	m, ok := pinModes[mode]
	if !ok {
		return term.AtomError
	}
	b := p.m.board()
	if hasPull {
		pl, ok := pinPulls[pull]
		if !ok {
			return term.AtomError
		}
		if err := b.SetPull(pin, pl); err != nil {
			return p.m.deviceError(err, term.AtomError)
		}
	}
	if err := b.SetMode(pin, m); err != nil {
		return p.m.deviceError(err, term.AtomError)
	}
	return term.AtomOk
}

func nifGpioSetPinPull(p *Process, args []term.Term) term.Term {
	pin, ok := pinOf(p.heap, args[0])
	pull, ok2 := pinPulls[args[1]]
	if !ok || !ok2 {
		return term.AtomError
	}
	if err := p.m.board().SetPull(pin, pull); err != nil {
		return p.m.deviceError(err, term.AtomError)
	}
	return term.AtomOk
}

func levelOf(t term.Term) (device.Level, bool) {
	switch t {
	case atomHigh, term.MakeSmall(1):
		return device.High, true
	case atomLow, term.MakeSmall(0):
		return device.Low, true
	}
	return 0, false
}

func nifGpioDigitalWrite(p *Process, args []term.Term) term.Term {
	pin, ok := pinOf(p.heap, args[0])
	l, ok2 := levelOf(args[1])
	if !ok || !ok2 {
		return term.AtomError
	}
	if err := p.m.board().Write(pin, l); err != nil {
		return p.m.deviceError(err, term.AtomError)
	}
	return term.AtomOk
}

func nifGpioDigitalRead(p *Process, args []term.Term) term.Term {
	pin, ok := pinOf(p.heap, args[0])
	if !ok {
		return term.AtomError
	}
	switch l, err := p.m.board().Read(pin); {
	case err != nil:
		return p.m.deviceError(err, term.AtomError)
	case l == device.High:
		return atomHigh
	}
	return atomLow
}

func nifGpioHold(on bool) NativeFunc {
	return func(p *Process, args []term.Term) term.Term {
		pin, ok := pinOf(p.heap, args[0])
		if !ok {
			return term.AtomError
		}
		p.m.board().Hold(pin, on)
		return term.AtomOk
	}
}

var triggers = map[term.Term]device.Trigger{
	term.Atom("none"): device.TriggerNone, term.Atom("rising"): device.TriggerRising,
	term.Atom("falling"): device.TriggerFalling, term.Atom("both"): device.TriggerBoth,
	term.Atom("low"): device.TriggerLow, term.Atom("high"): device.TriggerHigh,
}

func nifBoardSetInt(p *Process, args []term.Term) term.Term {
	pin, ok := pinOf(p.heap, args[0])
	tr, ok2 := triggers[args[1]]
	if !ok || !ok2 || !args[2].IsPid() {
		return term.AtomError
	}
	if err := p.m.board().SetInterrupt(pin, tr, args[2].PidID()); err != nil {
		return p.m.deviceError(err, p.heap.Tuple(term.AtomError, deviceErrReason(err)))
	}
	return term.AtomOk
}

func i2cAddr(h *term.Heap, t term.Term) (int, bool) {
	n, ok := h.Int64(t)
	return int(n), ok && n >= 0 && n <= 0x7f
}

func nifBoardI2CWrite(p *Process, args []term.Term) term.Term {
	h := p.heap
	addr, ok := i2cAddr(h, args[0])
	data, ok2 := h.BinaryBytes(args[1])
	if !ok || !ok2 {
		return p.Badarg()
	}
	if err := p.m.board().I2CWrite(addr, data); err != nil {
		return h.Tuple(term.AtomError, i2cReason(err))
	}
	return term.AtomOk
}

func nifBoardI2CRead(p *Process, args []term.Term) term.Term {
	h := p.heap
	addr, ok := i2cAddr(h, args[0])
	n, ok2 := h.Int64(args[1])
	if !ok || !ok2 || n < 0 || n > 1<<16 {
		return p.Badarg()
	}
	data, err := p.m.board().I2CRead(addr, int(n))
	if err != nil {
		return h.Tuple(term.AtomError, i2cReason(err))
	}
	return h.Tuple(term.AtomOk, h.MakeBinary(data))
}

// uartName reads a UART name given as a string, binary or atom.
func uartName(h *term.Heap, t term.Term) (string, bool) {
	if t.IsAtom() {
		return term.AtomName(t), true
	}
	if b, ok := h.BinaryBytes(t); ok {
		return string(b), true
	}
	return charListString(h, t)
}

func nifBoardUARTWrite(p *Process, args []term.Term) term.Term {
	h := p.heap
	name, ok := uartName(h, args[0])
	w, _, ok2 := iodata(h, args[1], false, false)
	data := w.data
	if !ok || !ok2 {
		return p.Badarg()
	}
	if err := p.m.board().UART(name).Write(data); err != nil {
		return h.Tuple(term.AtomError, term.Atom("eio"))
	}
	return term.AtomOk
}

func nifBoardUARTTake(p *Process, args []term.Term) term.Term {
	name, ok := uartName(p.heap, args[0])
	if !ok {
		return p.Badarg()
	}
	return p.heap.MakeBinary(p.m.board().UART(name).Take())
}

// nifBoardUARTNotify starts a watcher that tells pid, once, when bytes
// arrive; the uart driver asks again after each read.
func nifBoardUARTNotify(p *Process, args []term.Term) term.Term {
	h := p.heap
	name, ok := uartName(h, args[0])
	if !ok || !args[1].IsPid() {
		return p.Badarg()
	}
	m, id, u := p.m, args[1].PidID(), p.m.board().UART(name)
	go func() {
		select {
		case <-u.Arrived():
		case <-m.stopping:
			return
		}
		if to := m.process(id); to != nil {
			fh := term.NewHeap(16)
			to.deliver(envelope{kind: envMessage, heap: fh, t: fh.Tuple(atomUartRx, fh.MakeBinary([]byte(name)))})
		}
	}()
	return term.AtomOk
}

func nifBoardLedcDuty(p *Process, args []term.Term) term.Term {
	ch, ok := p.heap.Int64(args[0])
	duty, ok2 := p.heap.Int64(args[1])
	if !ok || !ok2 || ch < 0 || duty < 0 {
		return p.Badarg()
	}
	p.m.board().SetDuty(int(ch), int(duty))
	return term.AtomOk
}

func nvsNames(args []term.Term) (ns, key string, ok bool) {
	if !args[0].IsAtom() || (len(args) > 1 && !args[1].IsAtom()) {
		return "", "", false
	}
	ns = term.AtomName(args[0])
	if len(args) > 1 {
		key = term.AtomName(args[1])
	}
	return ns, key, true
}

func nifNVSFetch(p *Process, args []term.Term) term.Term {
	h := p.heap
	ns, key, ok := nvsNames(args)
	if !ok {
		return p.Badarg()
	}
	nvs := p.m.board().NVS()
	if v, found := nvs.Get(ns, key); found {
		return h.Tuple(term.AtomOk, h.MakeBinary(v))
	}
	if !nvs.HasNamespace(ns) {
		return h.Tuple(term.AtomError, atomNsNotFound)
	}
	return h.Tuple(term.AtomError, atomNotFound)
}

func nvsResult(p *Process, err error) term.Term {
	if err != nil {
		p.m.warnf("NVS: %v", err)
		return p.heap.Tuple(term.AtomError, atomEspFail)
	}
	return term.AtomOk
}

func nifNVSPut(p *Process, args []term.Term) term.Term {
	ns, key, ok := nvsNames(args[:2])
	v, ok2 := p.heap.BinaryBytes(args[2])
	if !ok || !ok2 {
		return p.Badarg()
	}
	return nvsResult(p, p.m.board().NVS().Put(ns, key, v))
}

func nifNVSErase(p *Process, args []term.Term) term.Term {
	ns, key, ok := nvsNames(args)
	if !ok {
		return p.Badarg()
	}
	return nvsResult(p, p.m.board().NVS().Erase(ns, key))
}

func nifNVSEraseAll(p *Process, args []term.Term) term.Term {
	ns, _, ok := nvsNames(args)
	if !ok {
		return p.Badarg()
	}
	return nvsResult(p, p.m.board().NVS().EraseAll(ns))
}

func nifNVSReformat(p *Process, _ []term.Term) term.Term {
	return nvsResult(p, p.m.board().NVS().Reformat())
}

func nifRTCGet(p *Process, _ []term.Term) term.Term {
	return p.heap.MakeBinary(p.m.board().RTCMemory())
}

func nifRTCSet(p *Process, args []term.Term) term.Term {
	data, ok := p.heap.BinaryBytes(args[0])
	if !ok {
		return p.Badarg()
	}
	if err := p.m.board().SetRTCMemory(data); err != nil {
		return p.Badarg()
	}
	return term.AtomOk
}

// nifDeepSleep ends the run: the machine stops, and avm run starts the app
// again after the sleep, with RTC memory kept and the wakeup cause set.
func nifDeepSleep(p *Process, args []term.Term) term.Term {
	sleep := time.Duration(-1) // infinity: no wakeup source (esp:deep_sleep/0)
	if args[0] != term.AtomInfinity {
		ms, ok := p.heap.Int64(args[0])
		if !ok || ms < 0 {
			return p.Badarg()
		}
		sleep = time.Duration(ms) * time.Millisecond
	}
	p.m.halt(Reset{Reason: ResetDeepSleep, Sleep: sleep})
	p.outcome = &Outcome{Heap: p.heap, Value: term.NoValue, Class: term.AtomExit, Reason: term.Atom("deep_sleep"), Stacktrace: term.Nil, signalled: true}
	return term.NoValue
}

func nifRestart(p *Process, _ []term.Term) term.Term {
	p.m.halt(Reset{Reason: ResetSoftware})
	p.outcome = &Outcome{Heap: p.heap, Value: term.NoValue, Class: term.AtomExit, Reason: term.Atom("restart"), Stacktrace: term.Nil, signalled: true}
	return term.NoValue
}

func nifWakeupCause(p *Process, _ []term.Term) term.Term {
	if p.m.opts.WokeFrom == ResetDeepSleep {
		return term.Atom("sleep_wakeup_timer")
	}
	return term.AtomUndefined
}

func nifResetReason(p *Process, _ []term.Term) term.Term {
	switch p.m.opts.WokeFrom {
	case ResetDeepSleep:
		return term.Atom("esp_rst_deepsleep")
	case ResetSoftware:
		return term.Atom("esp_rst_sw")
	}
	return term.Atom("esp_rst_poweron")
}

func nifFreqHz(p *Process, _ []term.Term) term.Term {
	mhz := p.m.board().Profile().FreqMHz
	if mhz == 0 {
		mhz = 240
	}
	return term.MakeSmall(int64(mhz) * 1000000)
}

// boardMAC derives a stable, locally administered MAC address for an
// interface from the board's profile, so that a simulated board keeps its
// address across runs.
func boardMAC(target string, iface byte) []byte {
	sum := sha256.Sum256([]byte("avm-board-mac:" + target))
	mac := append([]byte(nil), sum[:6]...)
	mac[0] = (mac[0] &^ 1) | 2 // unicast, locally administered
	mac[5] += iface
	return mac
}

var macInterfaces = map[term.Term]byte{
	term.Atom("wifi_sta"): 0, term.Atom("wifi_softap"): 1, term.Atom("bt"): 2, term.Atom("eth"): 3,
}

func nifGetMac(p *Process, args []term.Term) term.Term {
	i, ok := macInterfaces[args[0]]
	if !ok {
		return p.Badarg()
	}
	return p.heap.MakeBinary(boardMAC(p.m.board().Profile().Target, i))
}

func nifGetDefaultMac(p *Process, _ []term.Term) term.Term {
	return p.heap.Tuple(term.AtomOk, p.heap.MakeBinary(boardMAC(p.m.board().Profile().Target, 0)))
}

// deviceSystemInfo answers the erlang:system_info/1 keys of the target's
// platform (AtomVM's esp32 keys on the ESP32 family), or NoValue.
func deviceSystemInfo(p *Process, key term.Term) term.Term {
	prof := p.m.board().Profile()
	if prof.Platform != "esp32" {
		return term.NoValue
	}
	h := p.heap
	switch key {
	case term.Atom("esp32_free_heap_size"), term.Atom("esp32_largest_free_block"), term.Atom("esp32_minimum_free_size"):
		// The budget less what the VM holds for processes: a live figure,
		// so a leak shows as it would on the device.
		free := int64(prof.FreeHeap) - p.m.processBytes()
		if key == term.Atom("esp32_largest_free_block") {
			free = free * 3 / 4
		}
		return term.MakeSmall(max(free, 0))
	case term.Atom("esp32_chip_info"):
		feats := make([]term.Term, len(prof.Features))
		for i, f := range prof.Features {
			feats[i] = term.Atom(f)
		}
		return h.MapFromPairs(
			[]term.Term{term.Atom("cores"), term.Atom("features"), term.Atom("model"), term.Atom("revision")},
			[]term.Term{term.MakeSmall(int64(prof.Cores)), h.List(feats...), term.Atom(prof.Chip), term.MakeSmall(int64(prof.ChipRevision))})
	case term.Atom("esp_idf_version"):
		return charList(h, prof.IDFVersion)
	}
	return term.NoValue
}

// processBytes estimates what the processes hold: their structs and heaps.
func (m *Machine) processBytes() int64 {
	m.procMu.RLock()
	defer m.procMu.RUnlock()
	var n int64
	for _, q := range m.procs {
		q.mbox.Lock()
		n += int64(8 * (int(q.stats.heap) + int(q.stats.stack) + int(processOverheadWords)))
		q.mbox.Unlock()
	}
	return n
}

// i2cReason is the reason of a failed I2C transaction: esp_fail when no
// device acknowledged (as the ESP32 reports it), else the errno's name.
func i2cReason(err error) term.Term {
	if errors.Is(err, device.ErrNoAck) {
		return atomEspFail
	}
	return deviceErrReason(err)
}

// deviceErrReason names a system error as POSIX does (eio, enoent…), as OTP's
// file and socket errors are named.
func deviceErrReason(err error) term.Term {
	var errno syscall.Errno
	if errors.As(err, &errno) {
		if name := deviceErrnoName(errno); name != "" {
			return term.Atom(name)
		}
	}
	return term.Atom("eio")
}

func deviceErrnoName(e syscall.Errno) string {
	switch e {
	case syscall.ENOENT:
		return "enoent"
	case syscall.EACCES:
		return "eacces"
	case syscall.EBUSY:
		return "ebusy"
	case syscall.EINVAL:
		return "einval"
	case syscall.ENODEV:
		return "enodev"
	case syscall.ENXIO:
		return "enxio"
	case syscall.EIO:
		return "eio"
	case syscall.ETIMEDOUT:
		return "etimedout"
	case syscall.EPERM:
		return "eperm"
	}
	return ""
}

// deviceError tells the user, once per distinct message, why a device
// call failed (AtomVM's gpio NIFs answer just error), and returns result.
func (m *Machine) deviceError(err error, result term.Term) term.Term {
	if _, seen := m.deviceErrors.LoadOrStore(err.Error(), true); !seen {
		m.warnf("%v", err)
	}
	return result
}

func nifBoardSPITransfer(p *Process, args []term.Term) term.Term {
	h := p.heap
	addr := -1
	if args[1] != atomNone {
		a, ok := h.Int64(args[1])
		if !ok || a < 0 || a > 0xff {
			return p.Badarg()
		}
		addr = int(a)
	}
	data, ok := h.BinaryBytes(args[2])
	n, ok2 := h.Int64(args[3])
	if !args[0].IsAtom() || !ok || !ok2 || n < 0 || n > 1<<16 {
		return p.Badarg()
	}
	rx, err := p.m.board().SPITransfer(term.AtomName(args[0]), addr, data, int(n))
	if err != nil {
		return p.m.deviceError(err, h.Tuple(term.AtomError, deviceErrReason(err)))
	}
	return h.Tuple(term.AtomOk, h.MakeBinary(rx))
}
