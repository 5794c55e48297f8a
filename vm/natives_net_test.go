package vm

import (
	"io"
	"net"
	"testing"
)

// Networking behaviour outside OTP's oracle (testdata/net/net_checks.erl);
// the conformance programs net_*.erl cover what OTP defines.

func runNetCheck(t *testing.T, function string) string {
	t.Helper()
	m := New(Options{Load: dirLoader(echoFixtures), Stderr: io.Discard, Schedulers: 1})
	out, err := m.Run("net_checks", function)
	if err != nil {
		t.Fatal(err)
	}
	if out.Crashed() {
		t.Fatalf("net_checks:%s crashed: %s %s", function, out.Heap.Format(out.Reason), out.Heap.Format(out.Stacktrace))
	}
	return out.Heap.Format(out.Value)
}

func TestNetworkSimulation(t *testing.T) {
	got := runNetCheck(t, "network")
	want := "[{sta,true},{rssi,{ok,-50}},{again,error},{events,[ap_started,connected,got_ip,synchronized]},{ap,ok},{down,{error,network_down}}]"
	if got != want {
		t.Errorf("network simulation\n got: %s\nwant: %s", got, want)
	}
}

func TestNetWaitingCallsLeaveOthersRunning(t *testing.T) {
	got := runNetCheck(t, "waiting_calls")
	want := "[{accepted,ok},{work,5000050000},{accept_after_close,{error,closed}},{recv_after_close,{error,closed}}," +
		"{busy,{error,eaddrinuse}},{free_after_owner_death,ok},{living,{ok,<<102,111,114,32,116,104,101,32,108,105,118,105,110,103>>}}," +
		"{alive,[false,false,false]}]"
	if got != want {
		t.Errorf("waiting socket calls\n got: %s\nwant: %s", got, want)
	}
}

func TestNetIPv6(t *testing.T) {
	l, err := net.Listen("tcp6", "[::1]:0")
	if err != nil {
		t.Skipf("no IPv6 loopback here: %v", err)
	}
	l.Close()
	got := runNetCheck(t, "ipv6")
	// What OTP 25 returns for net_checks:ipv6().
	want := "[{listen,{0,0,0,0,0,0,0,1}},{got,{ok,<<111,118,101,114,32,105,112,118,54>>}},{peer,{0,0,0,0,0,0,0,1}}," +
		"{active,<<98,97,99,107>>},{udp,{0,0,0,0,0,0,0,1},<<115,101,108,102>>},{ntoa,[58,58,49]}]"
	if got != want {
		t.Errorf("IPv6\n got: %s\nwant: %s", got, want)
	}
}

func TestNetLocalhost(t *testing.T) {
	if _, err := net.LookupHost("localhost"); err != nil {
		t.Skipf("localhost does not resolve here: %v", err)
	}
	got := runNetCheck(t, "localhost")
	// What OTP 25 returns for net_checks:localhost().
	want := "[{ok,{127,0,0,1}},{ok,{127,0,0,1}},{udp,ok,{127,0,0,1},[104,105]}]"
	if got != want {
		t.Errorf("localhost\n got: %s\nwant: %s", got, want)
	}
}

func TestNetSlowPeer(t *testing.T) {
	got := runNetCheck(t, "slow_peer")
	// What OTP 25 returns for net_checks:slow_peer().
	want := "[{sent,[ok]},{whole,true},{timed_out,{error,timeout}},{after_timeout,{error,enotconn}}]"
	if got != want {
		t.Errorf("slow peer\n got: %s\nwant: %s", got, want)
	}
}
