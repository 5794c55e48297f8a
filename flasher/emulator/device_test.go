package emulator

import (
	"bytes"
	"testing"
	"time"

	"github.com/avmtool/avm/flasher/chip"
	"github.com/avmtool/avm/flasher/rom"
	"github.com/avmtool/avm/flasher/slip"
)

// roundTrip sends one request and returns the replies that arrive.
func roundTrip(t *testing.T, d *Device, op rom.Op, data []byte, checksum uint32) []rom.Response {
	t.Helper()
	d.Write(slip.Encode(nil, rom.Request{Op: op, Data: data, Checksum: checksum}.Encode()))
	d.SetReadTimeout(20 * time.Millisecond)
	var dec slip.Decoder
	var out []rom.Response
	buf := make([]byte, 4096)
	for {
		n, _ := d.Read(buf)
		if n == 0 {
			return out
		}
		for _, b := range buf[:n] {
			if f, err := dec.Push(b); err == nil && f != nil {
				r, err := rom.ParseResponse(f, rom.StatusSizeROM)
				if err != nil {
					t.Fatalf("bad reply % x: %v", f, err)
				}
				out = append(out, r)
			}
		}
	}
}

func downloadMode(t *testing.T, cfg Config) *Device {
	t.Helper()
	cfg.NoModemLines = true // starts waiting for download
	d, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	d.ResetInputBuffer()
	return d
}

func TestUnsupportedCommandBurst(t *testing.T) {
	d := downloadMode(t, Config{})
	rs := roundTrip(t, d, rom.Op(0xD0), nil, 0) // ERASE_FLASH is the stub's
	if len(rs) != 8 || rs[0].Status != 1 || rs[0].Error != rom.ErrInvalidMessage {
		t.Fatalf("replies = %+v", rs)
	}
	// The ESP32 ROM has no GET_SECURITY_INFO; the S3's reports chip id 9.
	if rs := roundTrip(t, d, rom.SecurityInfo, nil, 0); rs[0].Error != rom.ErrInvalidMessage {
		t.Errorf("ESP32 security info: %+v", rs[0])
	}
	s3 := downloadMode(t, Config{Chip: chip.ESP32S3})
	if rs := roundTrip(t, s3, rom.SecurityInfo, nil, 0); len(rs) != 1 || rs[0].Data[12] != 9 {
		t.Errorf("ESP32-S3 security info: %+v", rs)
	}
}

func TestPlainWriteHasNORSemantics(t *testing.T) {
	d := downloadMode(t, Config{})
	if rs := roundTrip(t, d, rom.FlashBegin, rom.Words(0x1000, 1, 0x400, 0x300000), 0); rs[0].Error != rom.ErrFailedToAct {
		t.Fatalf("FLASH_BEGIN before SPI_ATTACH: %+v", rs)
	}
	roundTrip(t, d, rom.SPIAttach, rom.Words(0, 0), 0)
	block := bytes.Repeat([]byte{0x0F}, 0x400)
	roundTrip(t, d, rom.FlashBegin, rom.Words(0x400, 1, 0x400, 0x300000), 0)
	if rs := roundTrip(t, d, rom.FlashData, rom.DataPacket(0, block), rom.Checksum(block)^1); rs[0].Error != rom.ErrBadCRC {
		t.Fatalf("bad checksum accepted: %+v", rs)
	}
	if rs := roundTrip(t, d, rom.FlashData, rom.DataPacket(0, block), rom.Checksum(block)); rs[0].Status != 0 {
		t.Fatalf("FLASH_DATA: %+v", rs)
	}
	// Writing again without an erase can only clear more bits.
	roundTrip(t, d, rom.FlashBegin, rom.Words(0, 1, 0x400, 0x300000), 0)
	other := bytes.Repeat([]byte{0xF3}, 0x400)
	roundTrip(t, d, rom.FlashData, rom.DataPacket(0, other), rom.Checksum(other))
	if got := d.Flash()[0x300000]; got != 0x03 {
		t.Errorf("flash byte = 0x%02x, want 0x03 (0x0F & 0xF3)", got)
	}
	if rs := roundTrip(t, d, rom.ReadFlashSlow, rom.Words(0x300000, 4), 0); len(rs[0].Data) != 64 || rs[0].Data[0] != 0x03 {
		t.Errorf("READ_FLASH_SLOW: %+v", rs)
	}
}

func TestClassicResetLines(t *testing.T) {
	d, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	if d.InDownloadMode() {
		t.Fatal("powered on into download mode")
	}
	d.SetDTR(false)
	d.SetRTS(true) // EN low
	d.SetDTR(true) // (1,1): EN rises, but IO0 is low before the ROM samples it
	d.SetRTS(false)
	time.Sleep(10 * time.Millisecond)
	d.SetDTR(false)
	if !d.InDownloadMode() {
		t.Error("classic sequence did not reach download mode")
	}
	d.SetRTS(true)
	d.SetRTS(false)
	time.Sleep(10 * time.Millisecond)
	if d.InDownloadMode() {
		t.Error("an EN pulse alone should boot the app")
	}
}
