package flasher

import (
	"bytes"
	"compress/zlib"
	"context"
	"crypto/md5"
	"encoding/hex"
	"fmt"
	"time"

	"github.com/avmtool/avm/flasher/partition"
	"github.com/avmtool/avm/flasher/rom"
)

// Progress reports done of total bytes of the current operation.
type Progress func(done, total int)

// scaled is a timeout for an operation on size bytes of flash.
func (l *Loader) scaled(perMB time.Duration, size uint32) time.Duration {
	t := time.Duration(float64(perMB) * float64(size) / 1e6)
	return max(t, l.opts.commandTimeout())
}

// ChangeBaud switches the line to baud. The ROM answers at the old rate
// and then switches; a READ_REG at the new rate checks the link. On
// failure the chip is left at an unknown rate: reconnect to recover.
func (l *Loader) ChangeBaud(ctx context.Context, baud int) error {
	if baud == l.Baud {
		return nil
	}
	if _, err := l.command(ctx, rom.ChangeBaudrate, rom.Words(uint32(baud), 0), 0, 0); err != nil {
		return fmt.Errorf("change baud rate to %d: %w", baud, err)
	}
	if err := l.port.SetBaudrate(baud); err != nil {
		return fmt.Errorf("set port to %d baud: %w", baud, err)
	}
	l.Baud = baud
	// Both ends switch at slightly different times; drop what was sent
	// across the switch.
	time.Sleep(50 * time.Millisecond)
	if err := l.flushInput(); err != nil {
		return err
	}
	if _, err := l.ReadReg(ctx, l.Chip.SPI.Base+l.Chip.SPI.USR); err != nil {
		return fmt.Errorf("link check at %d baud: %w", baud, err)
	}
	return nil
}

// MD5 returns the MD5 of size bytes of flash at offset, computed by the chip.
func (l *Loader) MD5(ctx context.Context, offset, size uint32) ([16]byte, error) {
	var sum [16]byte
	r, err := l.call(ctx, rom.SPIFlashMD5, rom.Words(offset, size, 0, 0), 0, l.scaled(md5TimeoutPerMB, size))
	if err != nil {
		return sum, fmt.Errorf("MD5 of flash 0x%x+0x%x: %w", offset, size, err)
	}
	// The ROM answers 32 hex digits; a stub would answer 16 raw bytes.
	switch len(r.Data) {
	case 32:
		if _, err := hex.Decode(sum[:], r.Data); err != nil {
			return sum, fmt.Errorf("MD5 of flash 0x%x+0x%x: reply %q is not hex", offset, size, r.Data)
		}
	case 16:
		copy(sum[:], r.Data)
	default:
		return sum, fmt.Errorf("MD5 of flash 0x%x+0x%x: reply has %d bytes, want 32 hex digits", offset, size, len(r.Data))
	}
	return sum, nil
}

// ReadFlash reads size bytes at offset with READ_FLASH_SLOW, 64 bytes per
// command (see the package documentation).
func (l *Loader) ReadFlash(ctx context.Context, offset, size uint32, progress Progress) ([]byte, error) {
	out := make([]byte, 0, size)
	for uint32(len(out)) < size {
		n := min(size-uint32(len(out)), rom.ReadSlowBlock)
		at := offset + uint32(len(out))
		r, err := l.call(ctx, rom.ReadFlashSlow, rom.Words(at, n), 0, 0)
		if err != nil {
			return nil, fmt.Errorf("read flash at 0x%x: %w", at, err)
		}
		if uint32(len(r.Data)) < n {
			return nil, fmt.Errorf("read flash at 0x%x: reply has %d bytes, want %d", at, len(r.Data), n)
		}
		out = append(out, r.Data[:n]...)
		if progress != nil {
			progress(len(out), int(size))
		}
	}
	return out, nil
}

// ReadPartitionTable reads the table at 0x8000 entry by entry up to its
// end marker, so that only a few hundred bytes cross the slow ROM read.
func (l *Loader) ReadPartitionTable(ctx context.Context) (partition.Table, error) {
	var raw []byte
	for off := uint32(0); off < partition.TableSize; off += 2 * rom.ReadSlowBlock {
		chunk, err := l.ReadFlash(ctx, partition.TableOffset+off, 2*rom.ReadSlowBlock, nil)
		if err != nil {
			return nil, err
		}
		raw = append(raw, chunk...)
		if tableEnds(raw) {
			break
		}
	}
	return partition.Parse(raw)
}

// tableEnds reports whether raw holds an entry that is not a partition:
// the MD5 entry, erased flash or garbage.
func tableEnds(raw []byte) bool {
	for off := 0; off+partition.EntrySize <= len(raw); off += partition.EntrySize {
		if raw[off] != 0xAA || raw[off+1] != 0x50 {
			return true
		}
	}
	return false
}

// Erase erases size bytes at offset (both multiples of 4 KiB). The ROM has
// no erase command; it erases the region given to FLASH_BEGIN up front,
// which is what this uses, sending no data afterwards.
func (l *Loader) Erase(ctx context.Context, offset, size uint32) error {
	if offset%rom.SectorSize != 0 || size%rom.SectorSize != 0 {
		return fmt.Errorf("erase 0x%x+0x%x: offset and size must be multiples of 4 KiB", offset, size)
	}
	if offset+size > l.FlashSize {
		return fmt.Errorf("erase 0x%x+0x%x: beyond the end of the %d MiB flash", offset, size, l.FlashSize>>20)
	}
	if _, err := l.call(ctx, rom.FlashBegin, l.beginArgs(size, 0, offset), 0, l.scaled(eraseTimeoutPerMB, size)); err != nil {
		return fmt.Errorf("erase 0x%x+0x%x: %w", offset, size, err)
	}
	return nil
}

func (l *Loader) beginArgs(size, blocks, offset uint32) []byte {
	if l.Chip.FlashBeginEncryptWord {
		return rom.Words(size, blocks, rom.FlashBlockSize, offset, 0)
	}
	return rom.Words(size, blocks, rom.FlashBlockSize, offset)
}

// WriteResult tells what WriteFlash did.
type WriteResult struct {
	Skipped        bool // the flash already held the data
	Size           int  // bytes of data (padded to 4)
	CompressedSize int
	Elapsed        time.Duration
}

// VerifyError is data that reads back with a different MD5.
type VerifyError struct {
	Offset     uint32
	Want, Have [16]byte
}

func (e *VerifyError) Error() string {
	return fmt.Sprintf("verify flash at 0x%x: MD5 is %x, want %x: the write did not take; retry at a lower --baud, or check the power supply", e.Offset, e.Have, e.Want)
}

// WriteOptions tune WriteFlash.
type WriteOptions struct {
	// Force writes even when the flash already holds the data.
	Force bool
	// Progress receives compressed bytes sent so far.
	Progress Progress
}

// WriteFlash writes data at offset compressed (FLASH_DEFL_*), unless the
// region's MD5 already matches, and verifies it with SPI_FLASH_MD5.
func (l *Loader) WriteFlash(ctx context.Context, offset uint32, data []byte, opts WriteOptions) (WriteResult, error) {
	start := time.Now()
	if offset%rom.SectorSize != 0 {
		return WriteResult{}, fmt.Errorf("write at 0x%x: offset must be a multiple of 4 KiB", offset)
	}
	// The ROM writes whole words; pad like esptool does.
	if pad := len(data) % 4; pad != 0 {
		data = append(append([]byte(nil), data...), bytes.Repeat([]byte{0xFF}, 4-pad)...)
	}
	size := uint32(len(data))
	if offset+size > l.FlashSize {
		return WriteResult{}, fmt.Errorf("write 0x%x+0x%x: beyond the end of the %d MiB flash", offset, size, l.FlashSize>>20)
	}
	res := WriteResult{Size: len(data)}
	want := md5.Sum(data)
	if !opts.Force {
		have, err := l.MD5(ctx, offset, size)
		if err != nil {
			return res, err
		}
		if have == want {
			res.Skipped = true
			res.Elapsed = time.Since(start)
			return res, nil
		}
	}
	var zb bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&zb, zlib.BestCompression)
	zw.Write(data)
	zw.Close()
	comp := zb.Bytes()
	res.CompressedSize = len(comp)

	blocks := (uint32(len(comp)) + rom.FlashBlockSize - 1) / rom.FlashBlockSize
	// The ROM erases the uncompressed size, rounded up to whole blocks,
	// when the write begins.
	eraseSize := (size + rom.FlashBlockSize - 1) / rom.FlashBlockSize * rom.FlashBlockSize
	if _, err := l.call(ctx, rom.FlashDeflBegin, l.beginArgs(eraseSize, blocks, offset), 0, l.scaled(eraseTimeoutPerMB, eraseSize)); err != nil {
		return res, fmt.Errorf("begin write at 0x%x: %w", offset, err)
	}
	for seq := uint32(0); seq < blocks; seq++ {
		lo := seq * rom.FlashBlockSize
		block := comp[lo:min(lo+rom.FlashBlockSize, uint32(len(comp)))]
		if err := l.writeBlock(ctx, seq, block); err != nil {
			return res, fmt.Errorf("write at 0x%x, block %d of %d: %w", offset, seq+1, blocks, err)
		}
		if opts.Progress != nil {
			opts.Progress(int(lo)+len(block), len(comp))
		}
	}
	// No FLASH_DEFL_END: the ROM would leave the loader. SPI_FLASH_MD5
	// reads what the last block wrote.
	have, err := l.MD5(ctx, offset, size)
	if err != nil {
		return res, err
	}
	if have != want {
		return res, &VerifyError{Offset: offset, Want: want, Have: have}
	}
	res.Elapsed = time.Since(start)
	return res, nil
}

// writeBlock sends one compressed block; call retries it on timeouts and
// checksum errors (line noise). The ROM acknowledges a block it already has
// when its reply was lost.
func (l *Loader) writeBlock(ctx context.Context, seq uint32, block []byte) error {
	_, err := l.call(ctx, rom.FlashDeflData, rom.DataPacket(seq, block), rom.Checksum(block), 0)
	return err
}

// HardReset restarts the chip into its application: an EN pulse through
// RTS, or, when the port has no modem lines, the ROM's "run user code"
// (FLASH_BEGIN of nothing, then FLASH_END with 1), as esptool does for a
// soft reset.
func (l *Loader) HardReset(ctx context.Context) error {
	err := hardReset(ctx, l.port, l.opts.USBJTAG)
	if err == nil || !IsNoModemLines(err) {
		return err
	}
	if _, err := l.command(ctx, rom.FlashBegin, l.beginArgs(0, 0, 0), 0, 0); err != nil {
		return fmt.Errorf("run user code: %w", err)
	}
	if err := l.send(rom.FlashEnd, rom.Words(1), 0); err != nil {
		return fmt.Errorf("run user code: %w", err)
	}
	return nil
}
