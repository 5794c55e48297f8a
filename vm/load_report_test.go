package vm

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/avmtool/avm/packbeam"
)

// A module an archive holds but that does not load makes calls to it fail
// with undef, as on OTP, and says once why it did not load.
func TestLoadErrorIsReported(t *testing.T) {
	data, err := os.ReadFile("testdata/conformance/otp25/bif_phash2.beam")
	if err != nil {
		t.Fatal(err)
	}
	a := &packbeam.Archive{}
	prog, err := packbeam.NewModule("bif_phash2.beam", data, packbeam.StripOptions{})
	if err != nil {
		t.Fatal(err)
	}
	broken := &packbeam.Entry{Name: "lists.beam", Flags: packbeam.FlagBEAM, Data: []byte("FOR1\x00\x00\x00\x04BEAM")}
	if err := a.Add(prog, broken); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	m := New(Options{Stdout: &out, Stderr: &out, Schedulers: 1})
	m.AddArchive("app.avm", a)
	o, err := m.Run("bif_phash2", "start")
	if err != nil {
		t.Fatal(err)
	}
	if !o.Crashed() || o.Heap.Format(o.Reason) != "undef" {
		t.Errorf("calling into a module that does not load: crashed %v, reason %s", o.Crashed(), o.Heap.Format(o.Reason))
	}
	if got := out.String(); strings.Count(got, "loading module lists failed") != 1 || !strings.Contains(got, "app.avm:lists.beam") {
		t.Errorf("stderr says:\n%s\nwant one report naming lists and where it came from", got)
	}
}
