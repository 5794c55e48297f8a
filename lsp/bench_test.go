package lsp

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/avmtool/avm/lsp/analysis"
	"github.com/avmtool/avm/lsp/erlparse"
	"github.com/avmtool/avm/lsp/settings"
)

// bigModule generates an Erlang module of about n lines: functions with
// remote calls, format strings, binaries and case blocks, as application
// code has. Line 3 is a call that the benchmark edits.
func bigModule(n int) string {
	var b strings.Builder
	b.WriteString("-module(big).\n-export([start/0]).\nstart() -> maps:new().\n")
	for i := 0; b.Len() == 0 || strings.Count(b.String(), "\n") < n; i++ {
		fmt.Fprintf(&b, `f%d(X, L) ->
    Y = lists:map(fun(E) -> E + %d end, L),
    io:format("f%d: ~p ~s~n", [Y, "ok"]),
    case maps:get(key, X, undefined) of
        undefined -> <<X:8, %d:16/big>>;
        V -> erlang:element(1, {V, lists:reverse(Y)})
    end,
    Z = string:split("a,b", ","),
    gen_server:call(server, {f%d, Z}).

`, i, i, i, i%65536, i)
	}
	return b.String()
}

// BenchmarkDiagnosticsLatency measures, over the in-memory pipe, the time
// from a didChange of a 3,000-line module to the publication of its new
// diagnostics (the target is 50 ms). Each change toggles a call on line 3
// between one the target has and one it lacks, so every change publishes.
func BenchmarkDiagnosticsLatency(b *testing.B) {
	src := bigModule(3000)
	c := startServer(b, Options{Release: "0.6", Platform: "esp32"})
	c.initialize("", protocol.ClientCapabilities{})
	u := uri.URI("untitled:big.erl")
	c.open(u, src)
	c.waitDiagnostics(u, version(1))
	line := protocol.Range{Start: protocol.Position{Line: 2, Character: 11}, End: protocol.Position{Line: 2, Character: 22}}
	b.ResetTimer()
	start := time.Now()
	for i := 0; i < b.N; i++ {
		text := "ets:new(a, [])"
		if i%2 == 1 {
			text = "maps:new()"
		}
		r := line
		if i > 0 {
			prev := "ets:new(a, [])"
			if i%2 == 0 {
				prev = "maps:new()"
			}
			r.End.Character = r.Start.Character + uint32(len(prev))
		}
		v := int32(i + 2)
		c.change(u, v, r, text)
		c.waitDiagnostics(u, version(v))
	}
	b.ReportMetric(float64(time.Since(start).Microseconds())/1000/float64(b.N), "ms/change")
	b.StopTimer()
	c.shutdown()
}

// BenchmarkCheck measures parsing and checking the 3,000-line module alone.
func BenchmarkCheck(b *testing.B) {
	src := bigModule(3000)
	cfg := settings.Default()
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		m := erlparse.Parse(src)
		if _, err := analysis.Check(context.Background(), m, analysis.Options{Config: cfg}); err != nil {
			b.Fatal(err)
		}
	}
}
