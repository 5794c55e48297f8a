package flasher

import (
	"context"
	"fmt"
	"time"
)

// ResetStrategy is a way to pulse DTR/RTS so that a board restarts in the
// ROM loader. Dev boards wire RTS to EN (reset) and DTR to IO0 (boot
// strap) through two transistors, so (DTR, RTS) = (1,1) and (0,0) are both
// idle, (0,1) holds EN low and (1,0) holds IO0 low.
type ResetStrategy struct {
	Name string
	run  func(ctx context.Context, p Port, delay time.Duration) error
}

// Strategies, as esptool names them.
var (
	// ClassicReset: EN low for 100 ms, then release EN while IO0 is held
	// low, keep IO0 low for delay while the ROM samples it, release.
	ClassicReset = ResetStrategy{Name: "classic", run: func(ctx context.Context, p Port, delay time.Duration) error {
		return lines(ctx, p,
			step{dtr: false, rts: true}, // EN low
			pause(100*time.Millisecond),
			step{dtr: true, rts: false}, // EN high, IO0 low
			pause(delay),
			step{dtr: false, rts: false}, // release IO0
		)
	}}
	// UnixTightReset sets both lines in one ioctl where the port allows it,
	// so that no intermediate state glitches EN or IO0.
	UnixTightReset = ResetStrategy{Name: "unix-tight", run: func(ctx context.Context, p Port, delay time.Duration) error {
		return lines(ctx, p,
			step{dtr: false, rts: false, both: true},
			step{dtr: true, rts: true, both: true},
			step{dtr: false, rts: true, both: true}, // EN low
			pause(100*time.Millisecond),
			step{dtr: true, rts: false, both: true}, // EN high, IO0 low
			pause(delay),
			step{dtr: false, rts: false, both: true},
			step{dtr: false, rts: false},
		)
	}}
	// USBJTAGSerialReset drives the USB-Serial/JTAG peripheral of the S3,
	// C3, C6 and H2 (USB id 303A:1001), which interprets the lines itself:
	// DTR requests download mode, RTS resets.
	USBJTAGSerialReset = ResetStrategy{Name: "usb-jtag-serial", run: func(ctx context.Context, p Port, delay time.Duration) error {
		return lines(ctx, p,
			step{dtr: false, rts: false},
			pause(100*time.Millisecond),
			step{dtr: true, rts: false}, // request download mode
			pause(100*time.Millisecond),
			step{dtr: true, rts: true, rtsFirst: true}, // reset while DTR still requests download
			step{dtr: false, rts: true},
			pause(100*time.Millisecond),
			step{dtr: false, rts: false},
		)
	}}
)

// HardReset restarts the chip into its application: pulse EN through RTS.
func hardReset(ctx context.Context, p Port, usb bool) error {
	hold := 100 * time.Millisecond
	if usb {
		hold = 200 * time.Millisecond
	}
	return lines(ctx, p, step{dtr: false, rts: true}, pause(hold), step{dtr: false, rts: false})
}

type step struct {
	dtr, rts bool
	both     bool // set in one ioctl when the port can
	rtsFirst bool // set RTS before DTR
	sleep    time.Duration
}

func pause(d time.Duration) step { return step{sleep: d} }

func lines(ctx context.Context, p Port, steps ...step) error {
	for _, s := range steps {
		if s.sleep > 0 {
			t := time.NewTimer(s.sleep)
			select {
			case <-ctx.Done():
				t.Stop()
				return ctx.Err()
			case <-t.C:
			}
			continue
		}
		if ls, ok := p.(LineSetter); ok && s.both {
			if err := ls.SetDTRRTS(s.dtr, s.rts); err != nil {
				return fmt.Errorf("set DTR/RTS: %w", err)
			}
			continue
		}
		first, second := p.SetDTR, p.SetRTS
		v1, v2 := s.dtr, s.rts
		if s.rtsFirst {
			first, second, v1, v2 = p.SetRTS, p.SetDTR, s.rts, s.dtr
		}
		if err := first(v1); err != nil {
			return fmt.Errorf("set modem line: %w", err)
		}
		if err := second(v2); err != nil {
			return fmt.Errorf("set modem line: %w", err)
		}
	}
	return nil
}
