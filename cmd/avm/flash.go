package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/avmtool/avm/flasher"
	"github.com/avmtool/avm/flasher/chip"
	"github.com/avmtool/avm/flasher/partition"
	"github.com/avmtool/avm/packbeam"
)

type flashOptions struct {
	port      string
	baud      int
	chip      string
	partition string
	offset    string
	noReset   bool
	monitor   bool
	force     bool
	image     string
	yes       bool
	erase     bool
}

func newFlashCmd(io streams) *cobra.Command {
	var opts flashOptions
	cmd := &cobra.Command{
		Use:   "flash [APP.avm | DIR]",
		Short: "Write an app (or an AtomVM image) to an ESP32 board",
		Long: `Flash writes APP.avm to the board's main.avm partition. Given a project
directory (default: the current one, when no file is given), it builds it
first as avm build does.

avm resets the board into its ROM loader through DTR/RTS, identifies the chip
and flash, reads the partition table at 0x8000 and finds the partition by
label (--partition, default main.avm). It refuses an app larger than the
partition. With no partition table it falls back to AtomVM's documented
offsets (0x250000 for AtomVM ≥ 0.7 and Elixir images, 0x210000 for older
Erlang images) and says so. --offset writes at a given offset instead.

Data is sent compressed and verified by MD5; when the partition already
holds the app, nothing is written (--force writes anyway). The board is then
reset into the app (--no-reset leaves it in the loader), and with --monitor
its console is shown on the same port.

--image writes a full AtomVM release image at the chip's bootloader offset
(0x1000 on ESP32/S2, 0x0 on S3/C3/C6/H2), after asking (--yes skips the
question). --erase erases the whole flash first (or alone).

--port auto picks the only connected ESP board; $AVM_SERIAL_PORTS
(comma-separated) replaces the USB scan, e.g. with a pty from avm emulate.

When avm dev --port runs for the project (of the app, or of the current
directory), it owns the port: avm flash then writes the app through it, and
--monitor shows the console through it. --image, --erase and --offset need
the port itself: stop the devserver first (avm dev stop).`,
		Example: `  avm flash
  avm flash _build/avm/blinky.avm --monitor
  avm flash --image AtomVM-esp32s3-v0.7.0.img --erase --yes
  avm flash app.avm --port /dev/ttyUSB0 --baud 115200`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return flashRun(cmd.Context(), io, &opts, args, cmd.Flags().Changed("baud"))
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.port, "port", "p", "auto", "serial port, or auto")
	f.IntVarP(&opts.baud, "baud", "b", 921600, "baud rate for the transfer (falls back to 115200 if the link fails)")
	f.StringVarP(&opts.chip, "chip", "c", "auto", "expected chip: auto, "+chip.Names())
	f.StringVar(&opts.partition, "partition", "main.avm", "label of the partition to write the app to")
	f.StringVar(&opts.offset, "offset", "", "write the app at this flash offset (e.g. 0x250000) instead of a partition")
	f.BoolVar(&opts.noReset, "no-reset", false, "do not reset the board into the app afterwards")
	f.BoolVarP(&opts.monitor, "monitor", "m", false, "show the board's console afterwards (as avm monitor)")
	f.BoolVarP(&opts.force, "force", "f", false, "write even when the flash already holds the same data")
	f.StringVar(&opts.image, "image", "", "write this AtomVM release image at the chip's bootloader offset")
	f.BoolVarP(&opts.yes, "yes", "y", false, "do not ask before erasing or replacing the VM")
	f.BoolVar(&opts.erase, "erase", false, "erase the whole flash first")
	return cmd
}

// usageError is a bad command line: exit status 2.
func usageError(format string, args ...any) error { return fmt.Errorf(format, args...) }

// boardError prints err, a failure of the board, the line or the port
// rather than of the command line, and makes the exit status 1.
func boardError(io streams, err error) error {
	if err == nil {
		return nil
	}
	var ee *exitError
	if errors.As(err, &ee) {
		return err
	}
	fmt.Fprintf(io.Err, "avm: %v\n", err)
	return &exitError{exitFailure}
}

// flashJob is what flashRun writes, decided before touching the board.
type flashJob struct {
	app, image   []byte
	appName      string
	imageName    string
	offset       uint32
	haveOffset   bool
	expectedChip *chip.Chip
}

func flashRun(ctx context.Context, io streams, opts *flashOptions, args []string, baudGiven bool) error {
	if ctx == nil {
		ctx = context.Background()
	}
	job := flashJob{}
	if opts.chip != "auto" {
		c, err := chip.ByName(opts.chip)
		if err != nil {
			return err
		}
		job.expectedChip = c
	}
	if opts.offset != "" {
		if opts.partition != "main.avm" {
			return usageError("--offset and --partition are exclusive")
		}
		v, err := strconv.ParseUint(opts.offset, 0, 32)
		if err != nil || v%0x1000 != 0 {
			return usageError("--offset %s: want a multiple of 0x1000, like 0x250000", opts.offset)
		}
		job.offset, job.haveOffset = uint32(v), true
	}
	if opts.image != "" {
		data, err := os.ReadFile(opts.image)
		if err != nil {
			return err
		}
		if len(data) == 0 || data[0] != 0xE9 {
			return fmt.Errorf("%s is not an ESP32 flash image (no 0xE9 header): AtomVM release images are named AtomVM-<chip>-<version>.img", opts.image)
		}
		job.image, job.imageName = data, opts.image
	}
	if len(args) == 1 || (opts.image == "" && !opts.erase) {
		name := "."
		if len(args) == 1 {
			name = args[0]
		}
		if info, err := os.Stat(name); err == nil && info.IsDir() {
			res, err := buildProject(ctx, io, name, buildOptions{}, io.Err)
			if err != nil {
				return err
			}
			name = res.Archive
		}
		data, err := os.ReadFile(name)
		if err != nil {
			return err
		}
		if !packbeam.IsArchive(data) {
			return fmt.Errorf("%s is not an AtomVM archive (.avm): build one with avm build or avm pack, or use --image for a VM image", name)
		}
		job.app, job.appName = data, name
	}

	if c := boardDevserver(io, devserverDir(args), opts.port); c != nil {
		// The project's devserver owns the board: flash through it.
		defer c.Close()
		return boardError(io, flashThroughDevserver(ctx, io, c, opts, &job, baudGiven))
	}
	return boardError(io, flashBoard(ctx, io, opts, &job, baudGiven))
}

// flashBoard does the part of avm flash that talks to the board.
func flashBoard(ctx context.Context, io streams, opts *flashOptions, job *flashJob, baudGiven bool) error {
	dev, err := choosePort(opts.port)
	if err != nil {
		return err
	}
	port, err := openPort(ctx, dev.Port, flasher.ROMBaud, 3*time.Second)
	if err != nil {
		return err
	}
	defer func() {
		if port != nil {
			port.Close()
		}
	}()
	status := func(s string) { fmt.Fprintln(io.Err, s) }
	copts := flasher.Options{USBJTAG: dev.USB == usbJTAGSerial, Chip: job.expectedChip, Status: status}
	fmt.Fprintf(io.Err, "Connecting to %s…\n", dev.Port)
	l, err := flasher.Connect(ctx, port, copts)
	if err != nil {
		return err
	}
	fmt.Fprintf(io.Err, "%s, %d MiB flash (id 0x%06x)\n", l.Chip.Long, l.FlashSize>>20, l.FlashID)
	if opts.baud != l.Baud {
		if err := l.ChangeBaud(ctx, opts.baud); err != nil {
			if baudGiven {
				return fmt.Errorf("%v; try a lower --baud", err)
			}
			fmt.Fprintf(io.Err, "%s %v; reconnecting at %d baud\n", paint(io.Err, yellow, "warning:"), err, flasher.ROMBaud)
			if err := port.SetBaudrate(flasher.ROMBaud); err != nil {
				return err
			}
			if l, err = flasher.Connect(ctx, port, copts); err != nil {
				return err
			}
		}
	}

	if (opts.erase || job.image != nil) && !opts.yes {
		what := "erase the whole flash"
		if !opts.erase {
			what = fmt.Sprintf("replace the VM with %s (this also wipes NVS settings)", job.imageName)
		}
		if !confirm(io, fmt.Sprintf("This will %s on %s. Continue? [y/N] ", what, dev.Port)) {
			return errors.New("cancelled; pass --yes to skip the question")
		}
	}
	if opts.erase {
		fmt.Fprintf(io.Err, "Erasing %d MiB of flash…\n", l.FlashSize>>20)
		t0 := time.Now()
		if err := l.Erase(ctx, 0, l.FlashSize); err != nil {
			return err
		}
		fmt.Fprintf(io.Err, "Erased in %v\n", time.Since(t0).Round(time.Millisecond))
	}
	if job.image != nil {
		off := l.Chip.BootloaderOffset
		if uint64(off)+uint64(len(job.image)) > uint64(l.FlashSize) {
			return fmt.Errorf("%s (%s) does not fit the %d MiB flash at 0x%x", job.imageName, formatSize(len(job.image)), l.FlashSize>>20, off)
		}
		if err := writeWithProgress(ctx, io, l, off, job.image, "VM image", opts.force); err != nil {
			return err
		}
	}
	if job.app != nil {
		off, err := appOffset(ctx, io, l, job, opts)
		if err != nil {
			return err
		}
		if err := writeWithProgress(ctx, io, l, off, job.app, job.appName, opts.force); err != nil {
			return err
		}
	}
	if !opts.noReset {
		if err := l.HardReset(ctx); err != nil {
			return fmt.Errorf("reset: %w", err)
		}
		fmt.Fprintln(io.Err, "Reset the board")
	}
	if opts.monitor {
		if err := port.SetBaudrate(flasher.ROMBaud); err != nil {
			return err
		}
		mp := port
		port = nil // the monitor closes it
		return monitorRun(ctx, io, &monitorOptions{port: dev.Port, baud: flasher.ROMBaud, noReset: true}, mp)
	}
	return nil
}

// appOffset decides where the app goes and checks that it fits.
func appOffset(ctx context.Context, io streams, l *flasher.Loader, job *flashJob, opts *flashOptions) (uint32, error) {
	size := uint32(len(job.app))
	if job.haveOffset {
		warnOverlap(ctx, io, l, job.offset, size)
		if uint64(job.offset)+uint64(size) > uint64(l.FlashSize) {
			return 0, fmt.Errorf("%s (%s) at 0x%x runs past the end of the %d MiB flash", job.appName, formatSize(len(job.app)), job.offset, l.FlashSize>>20)
		}
		return job.offset, nil
	}
	fmt.Fprintln(io.Err, "Reading the partition table…")
	target, err := l.FindAppPartition(ctx, opts.partition)
	if err != nil {
		return 0, err
	}
	if target.Note != "" {
		fmt.Fprintf(io.Err, "%s %s; pass --offset to choose\n", paint(io.Err, yellow, "warning:"), target.Note)
	}
	p := target.Partition
	if size > p.Size {
		return 0, fmt.Errorf("%s (%s) does not fit partition %s (%s at 0x%x); make the app smaller (avm build prunes unused modules) or give the partition more room", job.appName, formatSize(len(job.app)), p.Label, formatSize(int(p.Size)), p.Offset)
	}
	return p.Offset, nil
}

// warnOverlap warns when --offset hits the bootloader, the partition table
// or the VM.
func warnOverlap(ctx context.Context, io streams, l *flasher.Loader, off, size uint32) {
	var hits []string
	if off < partition.TableOffset {
		hits = append(hits, fmt.Sprintf("the bootloader (0x%x)", l.Chip.BootloaderOffset))
	}
	if off < partition.TableOffset+partition.TableSize && off+size > partition.TableOffset {
		hits = append(hits, "the partition table (0x8000)")
	}
	if table, err := l.ReadPartitionTable(ctx); err == nil {
		for _, p := range table.Overlapping(off, size) {
			if p.Type == partition.TypeApp || p.Label == "boot.avm" {
				hits = append(hits, "partition "+p.String())
			}
		}
	}
	if len(hits) > 0 {
		fmt.Fprintf(io.Err, "%s writing at 0x%x overwrites %s\n", paint(io.Err, yellow, "warning:"), off, strings.Join(hits, " and "))
	}
}

func writeWithProgress(ctx context.Context, io streams, l *flasher.Loader, off uint32, data []byte, name string, force bool) error {
	bar := newProgressBar(io.Err, fmt.Sprintf("Writing %s at 0x%x", name, off))
	res, err := l.WriteFlash(ctx, off, data, flasher.WriteOptions{Force: force, Progress: bar.update})
	bar.finish()
	if err != nil {
		return err
	}
	if res.Skipped {
		fmt.Fprintf(io.Err, "%s 0x%x already holds %s (%s, same MD5); not written (--force writes anyway)\n", paint(io.Err, green, "unchanged:"), off, name, formatSize(res.Size))
		return nil
	}
	secs := res.Elapsed.Seconds()
	fmt.Fprintf(io.Err, "%s %s (%s compressed) at 0x%x in %.1f s (%.1f kbit/s); MD5 verified\n", paint(io.Err, green, "wrote"),
		formatSize(res.Size), formatSize(res.CompressedSize), off, secs, float64(res.Size)*8/1000/max(secs, 1e-3))
	return nil
}

// confirm asks a yes/no question on the terminal; without one it says no.
func confirm(io streams, question string) bool {
	if !colourfulTerminal(os.Stdin) {
		return false
	}
	fmt.Fprint(io.Err, question)
	line, _ := bufio.NewReader(os.Stdin).ReadString('\n')
	a := strings.ToLower(strings.TrimSpace(line))
	return a == "y" || a == "yes"
}

func colourfulTerminal(f *os.File) bool {
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// progressBar draws "label [=====>    ] 45% 61.2 KiB/s" on a terminal and
// plain lines at each quarter otherwise.
type progressBar struct {
	w        io.Writer
	label    string
	tty      bool
	start    time.Time
	lastDraw time.Time
	quarter  int
	drawn    bool
}

func newProgressBar(w io.Writer, label string) *progressBar {
	tty := false
	if f, ok := w.(*os.File); ok {
		tty = colourfulTerminal(f)
	}
	return &progressBar{w: w, label: label, tty: tty, start: time.Now()}
}

func (b *progressBar) update(done, total int) {
	if total <= 0 {
		return
	}
	pct := done * 100 / total
	rate := float64(done) / max(time.Since(b.start).Seconds(), 1e-3) / 1024
	if !b.tty {
		if q := pct / 25; q > b.quarter {
			b.quarter = q
			fmt.Fprintf(b.w, "%s: %d%% (%.1f KiB/s)\n", b.label, pct, rate)
		}
		return
	}
	if time.Since(b.lastDraw) < 100*time.Millisecond && done < total {
		return
	}
	b.lastDraw = time.Now()
	const width = 30
	fill := done * width / total
	bar := strings.Repeat("=", fill)
	if fill < width {
		bar += ">" + strings.Repeat(" ", width-fill-1)
	}
	fmt.Fprintf(b.w, "\r%s [%s] %3d%% %7.1f KiB/s", b.label, bar, pct, rate)
	b.drawn = true
}

func (b *progressBar) finish() {
	if b.drawn {
		fmt.Fprintln(b.w)
	}
}
