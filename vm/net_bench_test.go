package vm

import (
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/avmtool/avm/vm/term"
)

// The networking benchmark: the echo server of testdata/net/net_echo.erl,
// on avm and on erl (when installed), serving echoClients concurrent
// loopback clients driven from Go. Each client sends a 64-byte request and
// waits for its echo; b.N is the total number of round trips. Reported:
// requests per second and the 50th and 99th percentile round-trip times.
//
//	go test ./vm -run '^$' -bench NetEcho -benchtime 20000x

const (
	echoClients  = 100
	echoMsgBytes = 64
	echoFixtures = "testdata/net/otp25"
)

func BenchmarkNetEcho(b *testing.B) {
	// Both servers run in processes of their own, so that the clients'
	// goroutines do not share the Go runtime with avm's schedulers.
	b.Run("avm", func(b *testing.B) {
		port := freePort(b)
		cmd := exec.Command(os.Args[0], "-test.run=^TestNetEchoServer$")
		cmd.Env = append(os.Environ(), fmt.Sprintf("%s=%d", echoPortEnv, port))
		serveEcho(b, cmd, port)
	})
	b.Run("erl", func(b *testing.B) {
		erl, err := exec.LookPath("erl")
		if err != nil {
			b.Skip("erl is not installed")
		}
		port := freePort(b)
		serveEcho(b, exec.Command(erl, "-noshell", "-pa", echoFixtures,
			"-eval", fmt.Sprintf("net_echo:serve(%d), halt().", port)), port)
	})
}

// echoPortEnv tells the test binary to serve as BenchmarkNetEcho's avm server.
const echoPortEnv = "AVM_NET_ECHO_PORT"

// TestNetEchoServer is BenchmarkNetEcho's avm server when the test binary
// runs with AVM_NET_ECHO_PORT set; otherwise it is skipped.
func TestNetEchoServer(t *testing.T) {
	env := os.Getenv(echoPortEnv)
	if env == "" {
		t.Skip("runs only as BenchmarkNetEcho's server")
	}
	port, err := strconv.Atoi(env)
	if err != nil {
		t.Fatalf("%s=%q: %v", echoPortEnv, env, err)
	}
	m := New(Options{Load: dirLoader(echoFixtures), Stderr: io.Discard})
	out, err := m.Run("net_echo", "serve", term.MakeSmall(int64(port)))
	if err != nil {
		t.Fatal(err)
	}
	if out.Crashed() {
		t.Fatalf("net_echo:serve crashed: %s", out.Heap.Format(out.Reason))
	}
}

// serveEcho starts the server command, runs the clients and waits for the
// server to stop.
func serveEcho(b *testing.B, cmd *exec.Cmd, port int) {
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	defer cmd.Process.Kill()
	runEchoClients(b, port)
	if err := cmd.Wait(); err != nil {
		b.Fatalf("echo server %s: %v\n%s", cmd.Path, err, stderr.String())
	}
}

// freePort finds a loopback port nobody listens on.
func freePort(b *testing.B) int {
	l, err := net.Listen("tcp4", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// dialEcho connects to the server, waiting for it to start listening.
func dialEcho(b *testing.B, port int) net.Conn {
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	deadline := time.Now().Add(20 * time.Second)
	for {
		c, err := net.Dial("tcp4", addr)
		if err == nil {
			return c
		}
		if time.Now().After(deadline) {
			b.Fatalf("echo server on %s: %v", addr, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// runEchoClients runs the round trips, reports the figures and stops the
// server.
func runEchoClients(b *testing.B, port int) {
	conns := make([]net.Conn, echoClients)
	for i := range conns {
		conns[i] = dialEcho(b, port)
		conns[i].(*net.TCPConn).SetNoDelay(true)
	}
	lat := make([][]time.Duration, echoClients)
	errs := make(chan error, echoClients)
	var wg sync.WaitGroup
	b.ResetTimer()
	start := time.Now()
	for i, c := range conns {
		n := b.N / echoClients
		if i < b.N%echoClients {
			n++
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			req := make([]byte, echoMsgBytes)
			resp := make([]byte, echoMsgBytes)
			for k := range req {
				req[k] = byte(i + k)
			}
			times := make([]time.Duration, 0, n)
			for range n {
				t0 := time.Now()
				if _, err := c.Write(req); err != nil {
					errs <- err
					return
				}
				if _, err := io.ReadFull(c, resp); err != nil {
					errs <- err
					return
				}
				times = append(times, time.Since(t0))
			}
			lat[i] = times
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	b.StopTimer()
	close(errs)
	for err := range errs {
		b.Fatal(err)
	}
	for _, c := range conns {
		c.Close()
	}
	all := slices.Concat(lat...)
	slices.Sort(all)
	if len(all) > 0 {
		b.ReportMetric(float64(len(all))/elapsed.Seconds(), "req/s")
		b.ReportMetric(float64(all[len(all)/2].Microseconds()), "p50-µs")
		b.ReportMetric(float64(all[len(all)*99/100].Microseconds()), "p99-µs")
	}
	q := dialEcho(b, port)
	q.Write([]byte("quit"))
	q.Close()
}
