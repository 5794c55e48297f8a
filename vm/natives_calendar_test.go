package vm

import (
	"fmt"
	"testing"
	"time"
	_ "time/tzdata" // Europe/Berlin's rules, whatever the host has
)

// The local-time conversions depend on the host's zone, so the conformance
// corpus checks them only by properties; here they run in a zone with
// daylight saving time.
func TestLocalTimeConversions(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	at := func(y int, m time.Month, d, h, mi int) time.Time { return time.Date(y, m, d, h, mi, 0, 0, time.UTC) }
	for _, c := range []struct {
		local      time.Time
		candidates string
		one        time.Time
	}{
		{at(2024, 1, 15, 8, 0), "[2024-01-15 07:00:00 +0000 UTC]", at(2024, 1, 15, 7, 0)},
		{at(2024, 7, 1, 12, 0), "[2024-07-01 10:00:00 +0000 UTC]", at(2024, 7, 1, 10, 0)},
		// 02:30 on 31 March 2024 does not exist: read with the winter offset.
		{at(2024, 3, 31, 2, 30), "[]", at(2024, 3, 31, 1, 30)},
		// 02:30 on 27 October 2024 happens twice: summer time first.
		{at(2024, 10, 27, 2, 30), "[2024-10-27 00:30:00 +0000 UTC 2024-10-27 01:30:00 +0000 UTC]", at(2024, 10, 27, 0, 30)},
	} {
		cs := localCandidates(c.local, berlin)
		for i := range cs {
			cs[i] = cs[i].UTC()
		}
		if got := fmt.Sprint(cs); got != c.candidates {
			t.Errorf("localCandidates(%v) = %s, want %s", c.local, got, c.candidates)
		}
		if got := localToUniversal(c.local, berlin); !got.Equal(c.one) {
			t.Errorf("localToUniversal(%v) = %v, want %v", c.local, got, c.one)
		}
	}
}

func TestCalendarNativesRejectBadDatetimes(t *testing.T) {
	p := newTestProcess()
	for _, args := range []string{`[{{2024, 2, 30}, {0, 0, 0}}]`, `[{{2024, 1, 1}, {24, 0, 0}}]`, `[{2024, 1, 1}]`,
		`[{{2024, 1, 1}, {0, 0, 1.0}}]`} {
		for _, f := range []string{"universal_time_to_local_time", "local_time_to_universal_time", "local_time_to_universal_time_dst"} {
			if got := callNative(t, p, "calendar", f, args); got != "error:badarg" {
				t.Errorf("calendar:%s(%s) = %s, want error:badarg", f, args, got)
			}
		}
	}
}
