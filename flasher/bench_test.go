package flasher_test

import (
	"context"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/avmtool/avm/flasher"
	"github.com/avmtool/avm/flasher/emulator"
)

// BenchmarkWriteFlash measures a compressed, verified write into the
// emulator pacing bytes at the line rate, and reports it against the raw
// line rate (baud/10 bytes per second). The data is random, so compression
// gains nothing and the ratio shows the protocol's overhead: framing, the
// 16-byte data headers, one reply per 1 KiB block, begin and MD5.
func BenchmarkWriteFlash(b *testing.B) {
	for _, c := range []struct {
		baud int
		size int
	}{{115200, 16 << 10}, {921600, 64 << 10}} {
		b.Run(strconv.Itoa(c.baud), func(b *testing.B) {
			ctx := context.Background()
			d, err := emulator.New(emulator.Config{Pace: true})
			if err != nil {
				b.Fatal(err)
			}
			l, err := flasher.Connect(ctx, d, flasher.Options{})
			if err != nil {
				b.Fatal(err)
			}
			if err := l.ChangeBaud(ctx, c.baud); err != nil {
				b.Fatal(err)
			}
			data := make([]byte, c.size)
			rng := rand.New(rand.NewPCG(1, 2))
			for i := range data {
				data[i] = byte(rng.UintN(256))
			}
			b.SetBytes(int64(len(data)))
			b.ResetTimer()
			for b.Loop() {
				if _, err := l.WriteFlash(ctx, 0x250000, data, flasher.WriteOptions{Force: true}); err != nil {
					b.Fatal(err)
				}
			}
			perSec := float64(len(data)) * float64(b.N) / b.Elapsed().Seconds()
			b.ReportMetric(perSec/(float64(c.baud)/10), "x-line-rate")
		})
	}
}
