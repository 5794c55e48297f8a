package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"
	"go.bug.st/serial/enumerator"

	"github.com/avmtool/avm/flasher"
)

// usbBridges are the USB ids of ESP boards' serial interfaces.
var usbBridges = map[string]string{
	"303A": "Espressif native USB",
	"10C4": "Silicon Labs CP210x",
	"1A86": "WCH CH34x",
	"0403": "FTDI",
}

// usbJTAGSerial is the id of the USB-Serial/JTAG peripheral of the
// ESP32-S3/C3/C6/H2, which needs its own reset sequence.
const usbJTAGSerial = "303A:1001"

// serialDevice is a port as avm devices lists it.
type serialDevice struct {
	Port    string `json:"port"`
	USB     string `json:"usb,omitempty"` // VID:PID
	Serial  string `json:"serial_number,omitempty"`
	Product string `json:"product,omitempty"`
	Likely  bool   `json:"likely_esp"`
	Probe   *probe `json:"probe,omitempty"`
}

type probe struct {
	Chip      string `json:"chip,omitempty"`
	FlashSize string `json:"flash_size,omitempty"`
	MAC       string `json:"mac,omitempty"`
	AtomVM    string `json:"atomvm,omitempty"` // installed version, "" when none
	App       string `json:"app,omitempty"`    // the installed app's project name
	Error     string `json:"error,omitempty"`
}

// listDevices lists serial ports; tests and CI see none, or what
// $AVM_SERIAL_PORTS names (a comma-separated list, for the emulator).
func listDevices() ([]serialDevice, error) {
	var devs []serialDevice
	if env := os.Getenv("AVM_SERIAL_PORTS"); env != "" {
		for _, p := range strings.Split(env, ",") {
			devs = append(devs, serialDevice{Port: p, Product: "listed in $AVM_SERIAL_PORTS", Likely: true})
		}
		return devs, nil
	}
	ports, err := enumerator.GetDetailedPortsList()
	if err != nil {
		return nil, fmt.Errorf("list serial ports: %w", err)
	}
	for _, p := range ports {
		d := serialDevice{Port: p.Name, Serial: p.SerialNumber, Product: p.Product}
		if p.IsUSB {
			vid, pid := strings.ToUpper(p.VID), strings.ToUpper(p.PID)
			d.USB = vid + ":" + pid
			if bridge, ok := usbBridges[vid]; ok {
				d.Likely = true
				if d.Product == "" {
					d.Product = bridge
				}
			}
		}
		devs = append(devs, d)
	}
	sort.Slice(devs, func(i, j int) bool { return devs[i].Port < devs[j].Port })
	return devs, nil
}

// choosePort resolves --port: a path as given, or "auto": the only likely
// ESP board.
func choosePort(spec string) (serialDevice, error) {
	if spec != "" && spec != "auto" {
		devs, _ := listDevices()
		for _, d := range devs {
			if d.Port == spec {
				return d, nil
			}
		}
		return serialDevice{Port: spec}, nil
	}
	devs, err := listDevices()
	if err != nil {
		return serialDevice{}, err
	}
	var likely []serialDevice
	for _, d := range devs {
		if d.Likely {
			likely = append(likely, d)
		}
	}
	describe := func(ds []serialDevice) string {
		var s []string
		for _, d := range ds {
			if about := strings.TrimSpace(d.USB + " " + d.Product); about != "" {
				s = append(s, d.Port+" ("+about+")")
			} else {
				s = append(s, d.Port)
			}
		}
		return strings.Join(s, ", ")
	}
	switch {
	case len(likely) == 1:
		return likely[0], nil
	case len(likely) > 1:
		return serialDevice{}, fmt.Errorf("several boards connected: %s; choose one with --port", describe(likely))
	case len(devs) > 0:
		return serialDevice{}, fmt.Errorf("no ESP board found among the serial ports %s; plug one in or choose with --port", describe(devs))
	}
	return serialDevice{}, fmt.Errorf("no serial ports found: plug in the board (with a data cable) or pass --port PATH; on Linux check that the driver loaded (dmesg)")
}

// openPort opens path at baud, waiting up to wait for it to appear (a
// board re-enumerating after a reset, an emulator starting).
func openPort(ctx context.Context, path string, baud int, wait time.Duration) (flasher.Port, error) {
	deadline := time.Now().Add(wait)
	for {
		p, err := flasher.OpenSerial(path, baud)
		if err == nil {
			return p, nil
		}
		if _, serr := os.Stat(path); serr == nil || time.Now().After(deadline) {
			return nil, err
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
	}
}

func newDevicesCmd(io streams) *cobra.Command {
	var probeFlag, jsonFlag bool
	cmd := &cobra.Command{
		Use:   "devices",
		Short: "List serial ports and the boards on them",
		Long: `Devices lists the serial ports with their USB id and product name, marking
those that look like ESP boards (Espressif, CP210x, CH34x and FTDI bridges).

With --probe it resets each likely board into its ROM loader and reports the
chip, flash size, MAC address and the AtomVM version installed (from the
app descriptor at 0x10000), then resets it back into its app.`,
		Example: "  avm devices\n  avm devices --probe --json",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			devs, err := listDevices()
			if err != nil {
				return err
			}
			if probeFlag {
				for i := range devs {
					if devs[i].Likely {
						devs[i].Probe = probeDevice(cmd.Context(), devs[i])
					}
				}
			}
			if jsonFlag {
				enc := json.NewEncoder(io.Out)
				enc.SetIndent("", "  ")
				if devs == nil {
					devs = []serialDevice{}
				}
				return enc.Encode(devs)
			}
			if len(devs) == 0 {
				fmt.Fprintln(io.Err, "no serial ports found")
				return nil
			}
			tw := tabwriter.NewWriter(io.Out, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "PORT\tUSB\tPRODUCT\tBOARD")
			for _, d := range devs {
				board := ""
				if d.Likely {
					board = "ESP?"
				}
				if p := d.Probe; p != nil {
					board = p.summary()
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", d.Port, d.USB, d.Product, board)
			}
			return tw.Flush()
		},
	}
	cmd.Flags().BoolVar(&probeFlag, "probe", false, "reset likely boards and read chip, flash size, MAC and installed AtomVM")
	cmd.Flags().BoolVar(&jsonFlag, "json", false, "print the list as JSON")
	return cmd
}

func (p *probe) summary() string {
	if p.Error != "" {
		return "probe failed: " + p.Error
	}
	s := fmt.Sprintf("%s, %s flash, MAC %s", p.Chip, p.FlashSize, p.MAC)
	switch {
	case p.AtomVM != "":
		s += ", AtomVM " + p.AtomVM
	case p.App != "":
		s += ", app " + p.App
	default:
		s += ", no app installed"
	}
	return s
}

func probeDevice(ctx context.Context, d serialDevice) *probe {
	ctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	port, err := flasher.OpenSerial(d.Port, flasher.ROMBaud)
	if err != nil {
		return &probe{Error: err.Error()}
	}
	defer port.Close()
	l, err := flasher.Connect(ctx, port, flasher.Options{USBJTAG: d.USB == usbJTAGSerial})
	if err != nil {
		return &probe{Error: err.Error()}
	}
	defer l.HardReset(ctx)
	p := &probe{Chip: l.Chip.Long, FlashSize: strconv.Itoa(int(l.FlashSize>>20)) + " MiB"}
	if mac, err := l.MAC(ctx); err == nil {
		p.MAC = fmt.Sprintf("%02x:%02x:%02x:%02x:%02x:%02x", mac[0], mac[1], mac[2], mac[3], mac[4], mac[5])
	}
	desc, err := l.ReadAppDescriptor(ctx, 0)
	switch {
	case err == nil && desc.IsAtomVM():
		p.AtomVM = desc.Version
	case err == nil:
		p.App = desc.Project + " " + desc.Version
	}
	return p
}
