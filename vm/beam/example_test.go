package beam_test

import (
	"fmt"
	"log"
	"os"

	"github.com/avmtool/avm/vm/beam"
)

func ExampleParse() {
	data, err := os.ReadFile("testdata/otp25/hello.beam")
	if err != nil {
		log.Fatal(err)
	}
	f, err := beam.Parse("hello.beam", data)
	if err != nil {
		log.Fatal(err) // e.g. hello.beam: Code chunk +0x1c: unknown opcode 200
	}
	fmt.Println("module", f.Module)
	for _, e := range f.Exports {
		fmt.Printf("export %s/%d at label %d\n", f.Atoms[e.Function-1], e.Arity, e.Label)
	}
	for _, in := range f.Code.Instrs[:4] {
		fmt.Printf("+%#x %s %v\n", in.Offset, in.Op, in.Args)
	}
	// Output:
	// module hello
	// export module_info/1 at label 10
	// export module_info/0 at label 8
	// export add/2 at label 4
	// export start/0 at label 2
	// +0x14 label [1]
	// +0x16 line [1]
	// +0x18 func_info [{atom,1} {atom,2} 0]
	// +0x1c label [2]
}
