package flasher_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/avmtool/avm/flasher"
	"github.com/avmtool/avm/flasher/chip"
	"github.com/avmtool/avm/flasher/emulator"
	"github.com/avmtool/avm/flasher/partition"
)

func newDevice(t testing.TB, cfg emulator.Config) *emulator.Device {
	t.Helper()
	d, err := emulator.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func connect(t testing.TB, d *emulator.Device, opts flasher.Options) *flasher.Loader {
	t.Helper()
	l, err := flasher.Connect(context.Background(), d, opts)
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	return l
}

func TestConnectDetectsEveryChip(t *testing.T) {
	for _, c := range chip.All {
		t.Run(c.Name, func(t *testing.T) {
			d := newDevice(t, emulator.Config{Chip: c, Flash: bytes.Repeat([]byte{0xFF}, 8<<20)})
			l := connect(t, d, flasher.Options{})
			if l.Chip != c {
				t.Errorf("chip = %s, want %s", l.Chip.Long, c.Long)
			}
			if l.FlashSize != 8<<20 {
				t.Errorf("flash size = %d, want 8 MiB", l.FlashSize)
			}
			mac, err := l.MAC(context.Background())
			if err != nil || mac != [6]byte{0x24, 0x0A, 0xC4, 0x12, 0x34, 0x56} {
				t.Errorf("MAC = %x, %v", mac, err)
			}
		})
	}
}

func TestResetStrategies(t *testing.T) {
	t.Run("classic board", func(t *testing.T) {
		d := newDevice(t, emulator.Config{})
		if d.InDownloadMode() {
			t.Fatal("a powered-on board should run its app")
		}
		connect(t, d, flasher.Options{})
		if !d.InDownloadMode() {
			t.Error("not in download mode after connect")
		}
	})
	t.Run("usb-jtag-serial", func(t *testing.T) {
		d := newDevice(t, emulator.Config{Chip: chip.ESP32C3, USBJTAG: true})
		connect(t, d, flasher.Options{USBJTAG: true})
	})
	t.Run("no reset on a running board", func(t *testing.T) {
		d := newDevice(t, emulator.Config{})
		_, err := flasher.Connect(context.Background(), d, flasher.Options{Reset: flasher.ResetNone, Attempts: 2})
		var se *flasher.SyncError
		if !errors.As(err, &se) || !strings.Contains(err.Error(), "hold BOOT") {
			t.Fatalf("err = %v, want a SyncError with advice", err)
		}
	})
	t.Run("no modem lines", func(t *testing.T) {
		d := newDevice(t, emulator.Config{NoModemLines: true})
		connect(t, d, flasher.Options{})
	})
	t.Run("wrong chip", func(t *testing.T) {
		d := newDevice(t, emulator.Config{Chip: chip.ESP32S3})
		_, err := flasher.Connect(context.Background(), d, flasher.Options{Chip: chip.ESP32})
		if err == nil || !strings.Contains(err.Error(), "ESP32-S3") {
			t.Fatalf("err = %v, want one naming the ESP32-S3 found", err)
		}
	})
}

func TestReadPartitionTable(t *testing.T) {
	d := newDevice(t, emulator.Config{Chip: chip.ESP32S3})
	l := connect(t, d, flasher.Options{})
	table, err := l.ReadPartitionTable(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	main, ok := table.Find("main.avm")
	if !ok || main.Offset != 0x250000 || main.Size != 0x100000 {
		t.Fatalf("main.avm = %v, %v; table %v", main, ok, table)
	}
}

func TestWriteVerifySkip(t *testing.T) {
	ctx := context.Background()
	d := newDevice(t, emulator.Config{})
	l := connect(t, d, flasher.Options{})
	app := bytes.Repeat([]byte("hello AtomVM "), 20000)
	app = append(app, 1, 2, 3) // not a multiple of 4
	var calls int
	res, err := l.WriteFlash(ctx, 0x250000, app, flasher.WriteOptions{Progress: func(done, total int) { calls++ }})
	if err != nil {
		t.Fatal(err)
	}
	if res.Skipped || res.CompressedSize == 0 || res.CompressedSize >= len(app) || calls == 0 {
		t.Errorf("result %+v, %d progress calls", res, calls)
	}
	flash := d.Flash()
	if !bytes.Equal(flash[0x250000:0x250000+len(app)], app) {
		t.Error("flash does not hold the app")
	}
	res, err = l.WriteFlash(ctx, 0x250000, app, flasher.WriteOptions{})
	if err != nil || !res.Skipped {
		t.Errorf("second write: %+v, %v; want skipped", res, err)
	}
	res, err = l.WriteFlash(ctx, 0x250000, app, flasher.WriteOptions{Force: true})
	if err != nil || res.Skipped {
		t.Errorf("forced write: %+v, %v", res, err)
	}
}

func TestEraseAndReadBack(t *testing.T) {
	ctx := context.Background()
	d := newDevice(t, emulator.Config{})
	l := connect(t, d, flasher.Options{})
	if err := l.Erase(ctx, 0x8000, 0x1000); err != nil {
		t.Fatal(err)
	}
	got, err := l.ReadFlash(ctx, 0x8000, 100, nil)
	if err != nil || !bytes.Equal(got, bytes.Repeat([]byte{0xFF}, 100)) {
		t.Fatalf("read back %x, %v", got, err)
	}
	if _, err := l.ReadPartitionTable(ctx); !errors.Is(err, partition.ErrNoTable) {
		t.Errorf("err = %v, want ErrNoTable", err)
	}
	if err := l.Erase(ctx, 0x8001, 0x1000); err == nil {
		t.Error("unaligned erase accepted")
	}
}

func TestFaultsAreRecovered(t *testing.T) {
	ctx := context.Background()
	d := newDevice(t, emulator.Config{})
	opts := flasher.Options{CommandTimeout: 300 * time.Millisecond}
	l := connect(t, d, opts)
	d.SetFaults(emulator.Faults{Noise: 0.3, Drop: 0.05, Corrupt: 0.1, Seed: 7})
	app := make([]byte, 64<<10)
	for i := range app {
		app[i] = byte(i * 7 / 3)
	}
	if _, err := l.WriteFlash(ctx, 0x250000, app, flasher.WriteOptions{}); err != nil {
		t.Fatalf("write through faults: %v", err)
	}
	if !bytes.Equal(d.Flash()[0x250000:0x250000+len(app)], app) {
		t.Error("flash content differs")
	}
}

func TestDeadLineFailsWithNoReply(t *testing.T) {
	ctx := context.Background()
	d := newDevice(t, emulator.Config{})
	l := connect(t, d, flasher.Options{CommandTimeout: 100 * time.Millisecond})
	d.SetFaults(emulator.Faults{Drop: 1})
	_, err := l.WriteFlash(ctx, 0x250000, []byte("data"), flasher.WriteOptions{Force: true})
	var nre *flasher.NoReplyError
	if !errors.As(err, &nre) {
		t.Fatalf("err = %v, want NoReplyError", err)
	}
}

func TestChangeBaud(t *testing.T) {
	ctx := context.Background()
	d := newDevice(t, emulator.Config{})
	l := connect(t, d, flasher.Options{})
	if err := l.ChangeBaud(ctx, 921600); err != nil {
		t.Fatal(err)
	}
	if _, err := l.MD5(ctx, 0, 4096); err != nil {
		t.Fatalf("after baud change: %v", err)
	}
	d2 := newDevice(t, emulator.Config{Faults: emulator.Faults{MaxBaud: 460800}})
	l2 := connect(t, d2, flasher.Options{CommandTimeout: 200 * time.Millisecond})
	if err := l2.ChangeBaud(ctx, 921600); err == nil {
		t.Fatal("baud change over a line that cannot carry it succeeded")
	}
}

func TestCancel(t *testing.T) {
	d := newDevice(t, emulator.Config{Pace: true})
	l := connect(t, d, flasher.Options{})
	ctx, cancel := context.WithCancel(context.Background())
	app := make([]byte, 256<<10)
	for i := range app {
		app[i] = byte(i*31 + i>>8)
	}
	_, err := l.WriteFlash(ctx, 0x250000, app, flasher.WriteOptions{Force: true, Progress: func(done, total int) {
		if done > total/4 {
			cancel()
		}
	}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}
