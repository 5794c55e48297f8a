package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/avmtool/avm/flasher/chip"
	"github.com/avmtool/avm/flasher/emulator"
)

func newEmulateCmd(io streams) *cobra.Command {
	var flashFile, saveFile, consoleFile, link string
	cmd := &cobra.Command{
		Use:   "emulate esp32|esp32s3|esp32c3|…",
		Short: "Run an emulated ESP32 ROM loader on a pseudo-terminal",
		Long: `Emulate starts a model of the chip's ROM serial bootloader on a new
pseudo-terminal and prints its path, so that avm flash (or esptool in ROM
mode, --no-stub) can be rehearsed without a board, e.g. in CI. It runs until
interrupted; --save then writes the flash contents to a file.

The flash starts as an AtomVM installation (partition table with main.avm at
0x250000), or as the image given with --flash (a full-flash dump, 4 MiB or
another power of two). A pty has no DTR/RTS lines, so the chip waits in
download mode as if BOOT were held; after a flash it "boots", printing a
boot log and AtomVM's start-up lines (and --console's text), and a later
SYNC brings it back to the loader. The emulator does not run the app.`,
		Example: `  avm emulate esp32 --save flash.bin &
  avm flash app.avm --port /dev/pts/3`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			c, err := chip.ByName(args[0])
			if err != nil {
				return err
			}
			cfg := emulator.Config{Chip: c, NoModemLines: true}
			if flashFile != "" {
				if cfg.Flash, err = os.ReadFile(flashFile); err != nil {
					return err
				}
			}
			if consoleFile != "" {
				if cfg.Console, err = os.ReadFile(consoleFile); err != nil {
					return err
				}
			}
			dev, err := emulator.New(cfg)
			if err != nil {
				return err
			}
			ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			pty, err := emulator.ServePTY(ctx, dev)
			if err != nil {
				return err
			}
			if link != "" {
				os.Remove(link)
				if err := os.Symlink(pty.Path, link); err != nil {
					pty.Close()
					return err
				}
				defer os.Remove(link)
			}
			fmt.Fprintln(io.Out, pty.Path)
			fmt.Fprintf(io.Err, "emulated %s ROM loader on %s; interrupt to stop\n", c.Long, pty.Path)
			<-ctx.Done()
			pty.Close()
			if saveFile != "" {
				if err := os.WriteFile(saveFile, dev.Flash(), 0o644); err != nil {
					return err
				}
				fmt.Fprintf(io.Err, "saved the flash to %s\n", saveFile)
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&flashFile, "flash", "", "initial flash contents (a full-flash image)")
	f.StringVar(&saveFile, "save", "", "write the flash contents to this file on exit")
	f.StringVar(&consoleFile, "console", "", "text the emulated app prints after booting")
	f.StringVar(&link, "link", "", "also make this path a symlink to the pty (for scripts)")
	return cmd
}
