package packbeam_test

import (
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/avmtool/avm/packbeam"
)

// Pack two modules and a priv file, then read the archive back.
func Example() {
	a := &packbeam.Archive{}
	for _, m := range []string{"pk_app", "pk_lib"} {
		data, err := os.ReadFile(filepath.Join("testdata", "otp25", m+".beam"))
		if err != nil {
			log.Fatal(err)
		}
		e, err := packbeam.NewModule(m+".beam", data, packbeam.StripOptions{})
		if err != nil {
			log.Fatal(err)
		}
		if err := a.Add(e); err != nil {
			log.Fatal(err)
		}
	}
	if err := a.Add(packbeam.NewFile("pk/priv/config.txt", []byte("debug=true"))); err != nil {
		log.Fatal(err)
	}
	data, err := a.Bytes()
	if err != nil {
		log.Fatal(err)
	}

	b, err := packbeam.Read("app.avm", data)
	if err != nil {
		log.Fatal(err)
	}
	for _, e := range b.Entries {
		fmt.Println(e.Name, e.Kind(), e.IsStart())
	}
	fmt.Println("start:", b.Start().Module())
	config, _ := b.ReadPriv("pk", "config.txt")
	fmt.Printf("config: %s\n", config)
	// Output:
	// pk_app.beam beam true
	// pk_lib.beam beam false
	// pk/priv/config.txt file false
	// start: pk_app
	// config: debug=true
}

// Prune drops the modules the start module cannot reach.
func ExampleArchive_Prune() {
	a := &packbeam.Archive{}
	for _, m := range []string{"pk_app", "pk_lib", "pk_cb", "pk_orphan"} {
		data, err := os.ReadFile(filepath.Join("testdata", "otp25", m+".beam"))
		if err != nil {
			log.Fatal(err)
		}
		e, err := packbeam.NewModule(m+".beam", data, packbeam.StripOptions{})
		if err != nil {
			log.Fatal(err)
		}
		a.Add(e)
	}
	dropped, err := a.Prune()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("dropped:", dropped)
	fmt.Println("entries:", len(a.Entries))
	// Output:
	// dropped: [pk_orphan.beam]
	// entries: 3
}

// Read reports where an archive is broken.
func ExampleRead_error() {
	_, err := packbeam.Read("broken.avm", []byte(packbeam.Header+"\x00\x00\x01\x00\x00\x00\x00\x02"))
	fmt.Println(err)
	// Output:
	// broken.avm +0x18: truncated entry header: 8 bytes left, want 12
}
