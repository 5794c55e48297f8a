// Package rom encodes requests to and decodes responses from the Espressif
// ROM serial bootloader (the "ROM loader"), as described in esptool's
// serial-protocol documentation. It knows packet layouts, opcodes, checksums
// and status codes; it does no I/O.
//
// A request is 0x00, opcode, u16 data length, u32 checksum, data. A response
// is 0x01, the echoed opcode, u16 data length, a u32 value (READ_REG's
// result, the SYNC marker), then the data, which ends with the status. All
// integers are little-endian.
package rom

import (
	"encoding/binary"
	"fmt"
)

// Op is a ROM loader command.
type Op byte

// Commands of the ESP32-family ROM loaders.
const (
	FlashBegin     Op = 0x02 // erase_size, num_blocks, block_size, offset [, encrypted]
	FlashData      Op = 0x03 // data header + data; checksummed
	FlashEnd       Op = 0x04 // u32: 0 = reboot, 1 = run user code
	MemBegin       Op = 0x05
	MemEnd         Op = 0x06
	MemData        Op = 0x07
	Sync           Op = 0x08 // 07 07 12 20 + 32×55
	WriteReg       Op = 0x09 // addr, value, mask, delay_us
	ReadReg        Op = 0x0A // addr → value
	SPISetParams   Op = 0x0B // id, total, block, sector, page, status mask
	SPIAttach      Op = 0x0D // u32 pins (0 = default) + 4 bytes (ROM only)
	ReadFlashSlow  Op = 0x0E // offset, length ≤ 64 → 64 bytes
	ChangeBaudrate Op = 0x0F // new baud, old baud (0 for the ROM)
	FlashDeflBegin Op = 0x10 // uncompressed size (rounded to blocks), num_blocks, block_size, offset [, encrypted]
	FlashDeflData  Op = 0x11 // data header + compressed data; checksummed
	FlashDeflEnd   Op = 0x12 // u32: 0 = reboot, 1 = run user code
	SPIFlashMD5    Op = 0x13 // addr, size, 0, 0 → 32 hex digits (ROM)
	SecurityInfo   Op = 0x14 // → flags, crypt count, key purposes [, chip id, api version]
)

var opNames = map[Op]string{
	FlashBegin: "FLASH_BEGIN", FlashData: "FLASH_DATA", FlashEnd: "FLASH_END",
	MemBegin: "MEM_BEGIN", MemEnd: "MEM_END", MemData: "MEM_DATA", Sync: "SYNC",
	WriteReg: "WRITE_REG", ReadReg: "READ_REG", SPISetParams: "SPI_SET_PARAMS",
	SPIAttach: "SPI_ATTACH", ReadFlashSlow: "READ_FLASH_SLOW", ChangeBaudrate: "CHANGE_BAUDRATE",
	FlashDeflBegin: "FLASH_DEFL_BEGIN", FlashDeflData: "FLASH_DEFL_DATA", FlashDeflEnd: "FLASH_DEFL_END",
	SPIFlashMD5: "SPI_FLASH_MD5", SecurityInfo: "GET_SECURITY_INFO",
}

func (op Op) String() string {
	if n, ok := opNames[op]; ok {
		return n
	}
	return fmt.Sprintf("command 0x%02x", byte(op))
}

// Sizes and fixed payloads.
const (
	HeaderSize     = 8      // direction, op, length, checksum/value
	DataHeaderSize = 16     // size, seq, 0, 0 before *_DATA payloads
	FlashBlockSize = 0x400  // FLASH_DATA / FLASH_DEFL_DATA block size of the ROM
	SectorSize     = 0x1000 // erase unit
	ReadSlowBlock  = 64     // READ_FLASH_SLOW answers this many bytes
	StatusSizeROM  = 4      // ESP32-family ROMs: status, error, 0, 0
	StatusSizeStub = 2      // flasher stubs (and the ESP8266 ROM)
	ChecksumSeed   = 0xEF
	SyncValueROM   = 0x20120707 // value field of the ROM's SYNC replies
)

// SyncPayload is SYNC's data: 07 07 12 20 and 32 bytes of 0x55, a pattern
// the ROM uses to detect the baud rate.
var SyncPayload = func() []byte {
	p := []byte{0x07, 0x07, 0x12, 0x20}
	for range 32 {
		p = append(p, 0x55)
	}
	return p
}()

// Checksum is the XOR of data seeded with 0xEF, sent with *_DATA commands.
func Checksum(data []byte) uint32 {
	c := byte(ChecksumSeed)
	for _, b := range data {
		c ^= b
	}
	return uint32(c)
}

// Request is one command.
type Request struct {
	Op       Op
	Data     []byte
	Checksum uint32
}

// Encode returns the unframed bytes of r.
func (r Request) Encode() []byte {
	p := make([]byte, HeaderSize, HeaderSize+len(r.Data))
	p[0] = 0x00
	p[1] = byte(r.Op)
	binary.LittleEndian.PutUint16(p[2:], uint16(len(r.Data)))
	binary.LittleEndian.PutUint32(p[4:], r.Checksum)
	return append(p, r.Data...)
}

// ParseRequest decodes an unframed request (used by the emulator).
func ParseRequest(p []byte) (Request, error) {
	if len(p) < HeaderSize {
		return Request{}, fmt.Errorf("rom: request of %d bytes is shorter than its %d-byte header", len(p), HeaderSize)
	}
	if p[0] != 0x00 {
		return Request{}, fmt.Errorf("rom: request direction byte is 0x%02x, want 0x00", p[0])
	}
	n := int(binary.LittleEndian.Uint16(p[2:]))
	if n != len(p)-HeaderSize {
		return Request{}, fmt.Errorf("rom: %v request declares %d data bytes but carries %d", Op(p[1]), n, len(p)-HeaderSize)
	}
	return Request{Op: Op(p[1]), Checksum: binary.LittleEndian.Uint32(p[4:]), Data: p[HeaderSize:]}, nil
}

// Words packs 32-bit little-endian words, the argument format of most commands.
func Words(ws ...uint32) []byte {
	b := make([]byte, 4*len(ws))
	for i, w := range ws {
		binary.LittleEndian.PutUint32(b[4*i:], w)
	}
	return b
}

// DataPacket builds the data of a *_DATA command: the 16-byte header
// (length, sequence number, two zero words) then the payload.
func DataPacket(seq uint32, payload []byte) []byte {
	return append(Words(uint32(len(payload)), seq, 0, 0), payload...)
}

// Response is one reply.
type Response struct {
	Op    Op
	Value uint32
	Data  []byte // payload before the status bytes
	// Status and Error are the first two status bytes; Status != 0 means
	// the command failed and Error says why.
	Status, Error byte
}

// ParseResponse decodes an unframed reply whose status occupies statusSize
// bytes at the end (StatusSizeROM or StatusSizeStub).
func ParseResponse(p []byte, statusSize int) (Response, error) {
	if len(p) < HeaderSize {
		return Response{}, fmt.Errorf("rom: reply of %d bytes is shorter than its %d-byte header", len(p), HeaderSize)
	}
	if p[0] != 0x01 {
		return Response{}, fmt.Errorf("rom: reply direction byte is 0x%02x, want 0x01", p[0])
	}
	r := Response{Op: Op(p[1]), Value: binary.LittleEndian.Uint32(p[4:])}
	n := int(binary.LittleEndian.Uint16(p[2:]))
	data := p[HeaderSize:]
	if n != len(data) {
		return Response{}, fmt.Errorf("rom: %v reply declares %d data bytes but carries %d", r.Op, n, len(data))
	}
	if len(data) < statusSize {
		// Some replies to a failed command carry only the two status bytes.
		if len(data) >= 2 && data[0] != 0 {
			r.Status, r.Error = data[0], data[1]
			return r, nil
		}
		return Response{}, fmt.Errorf("rom: %v reply has %d data bytes, too few for a %d-byte status", r.Op, len(data), statusSize)
	}
	st := data[len(data)-statusSize:]
	r.Status, r.Error = st[0], st[1]
	r.Data = data[:len(data)-statusSize]
	return r, nil
}

// EncodeResponse returns the unframed bytes of a reply (used by the emulator).
func EncodeResponse(op Op, value uint32, data []byte, status, errCode byte, statusSize int) []byte {
	st := make([]byte, statusSize)
	st[0], st[1] = status, errCode
	body := append(append([]byte(nil), data...), st...)
	p := make([]byte, HeaderSize, HeaderSize+len(body))
	p[0] = 0x01
	p[1] = byte(op)
	binary.LittleEndian.PutUint16(p[2:], uint16(len(body)))
	binary.LittleEndian.PutUint32(p[4:], value)
	return append(p, body...)
}

// ROM error codes (second status byte when the first is non-zero).
const (
	ErrInvalidMessage byte = 0x05 // also: command not supported
	ErrFailedToAct    byte = 0x06
	ErrBadCRC         byte = 0x07 // checksum of a *_DATA packet
	ErrFlashWrite     byte = 0x08 // flash readback after write differs
	ErrFlashRead      byte = 0x09
	ErrFlashReadLen   byte = 0x0A
	ErrDeflate        byte = 0x0B // inflate failed
	ErrDeflateBadSize byte = 0x0C
	ErrDeflateBadData byte = 0x0D
	ErrBadDataLen     byte = 0x0E // size or sequence out of range
	ErrBadAddress     byte = 0x0F
)

var errText = map[byte]string{
	ErrInvalidMessage: "invalid message or unsupported command",
	ErrFailedToAct:    "failed to act on received message",
	ErrBadCRC:         "bad checksum",
	ErrFlashWrite:     "flash write error",
	ErrFlashRead:      "flash read error",
	ErrFlashReadLen:   "flash read length error",
	ErrDeflate:        "deflate error",
	ErrDeflateBadSize: "deflate size error",
	ErrDeflateBadData: "deflate data error",
	ErrBadDataLen:     "bad data length or sequence",
	ErrBadAddress:     "bad address",
}

// StatusError is a command the ROM answered with a failure status.
type StatusError struct {
	Op   Op
	Code byte
}

func (e *StatusError) Error() string {
	t, ok := errText[e.Code]
	if !ok {
		t = "unknown error"
	}
	return fmt.Sprintf("%v failed: %s (0x%02x)", e.Op, t, e.Code)
}

// Unsupported reports whether the ROM rejected the command as unknown.
func (e *StatusError) Unsupported() bool { return e.Code == ErrInvalidMessage }
