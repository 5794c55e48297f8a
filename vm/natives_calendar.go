package vm

import (
	"slices"
	"time"

	"github.com/avmtool/avm/vm/term"
)

// The calendar functions that need the host's time zone, as Go natives;
// the rest of calendar is Erlang (vm/stdlib/calendar.erl).

func init() {
	register("calendar",
		Native{Function: "universal_time_to_local_time", Arity: 1, Fn: calUniversalToLocal,
			Doc: "universal_time_to_local_time({Date, Time}): the host's local time at that universal time"},
		Native{Function: "local_time_to_universal_time", Arity: 1, Fn: calLocalToUniversal,
			Doc: "local_time_to_universal_time({Date, Time}): the universal time of a local time (deprecated in OTP)"},
		Native{Function: "local_time_to_universal_time_dst", Arity: 1, Fn: calLocalToUniversalDST,
			Doc: "local_time_to_universal_time_dst({Date, Time}): the universal times a local time can be: none in a DST gap, two when clocks go back"},
	)
}

// datetimeArg reads {{Y, M, D}, {H, Mi, S}} as a wall-clock time in UTC;
// the date must be valid and the time within the day.
func datetimeArg(h *term.Heap, t term.Term) (time.Time, bool) {
	if !h.IsTuple(t) || h.TupleSize(t) != 2 {
		return time.Time{}, false
	}
	dt := h.TupleElems(t)
	date, ok1 := intTriple(h, dt[0])
	clock, ok2 := intTriple(h, dt[1])
	if !ok1 || !ok2 {
		return time.Time{}, false
	}
	y, m, d := date[0], date[1], date[2]
	if y < 0 || m < 1 || m > 12 || d < 1 || clock[0] < 0 || clock[0] > 23 || clock[1] < 0 || clock[1] > 59 ||
		clock[2] < 0 || clock[2] > 59 {
		return time.Time{}, false
	}
	tm := time.Date(int(y), time.Month(m), int(d), int(clock[0]), int(clock[1]), int(clock[2]), 0, time.UTC)
	if tm.Day() != int(d) {
		return time.Time{}, false // no such day in that month
	}
	return tm, true
}

func intTriple(h *term.Heap, t term.Term) ([3]int64, bool) {
	var v [3]int64
	if !h.IsTuple(t) || h.TupleSize(t) != 3 {
		return v, false
	}
	for i, e := range h.TupleElems(t) {
		if !e.IsSmall() {
			return v, false
		}
		v[i] = e.Small()
	}
	return v, true
}

// datetimeTerm makes {{Y, M, D}, {H, Mi, S}} of t's wall clock.
func datetimeTerm(h *term.Heap, t time.Time) term.Term {
	y, m, d := t.Date()
	return h.Tuple(
		h.Tuple(term.MakeSmall(int64(y)), term.MakeSmall(int64(m)), term.MakeSmall(int64(d))),
		h.Tuple(term.MakeSmall(int64(t.Hour())), term.MakeSmall(int64(t.Minute())), term.MakeSmall(int64(t.Second()))))
}

func calUniversalToLocal(p *Process, args []term.Term) term.Term {
	utc, ok := datetimeArg(p.heap, args[0])
	if !ok {
		return p.Badarg()
	}
	return datetimeTerm(p.heap, utc.In(time.Local))
}

// localCandidates returns the universal times whose time in zone loc is
// the wall clock of naive (a UTC time standing for a local one), earliest
// first: none in a gap where clocks go forward, two where they go back.
// (The zone is a parameter so that tests can use one with daylight saving
// time.)
func localCandidates(naive time.Time, loc *time.Location) []time.Time {
	var out []time.Time
	seen := map[int]bool{}
	for _, probe := range []time.Duration{-36 * time.Hour, 0, 36 * time.Hour} {
		_, off := naive.Add(probe).In(loc).Zone()
		if seen[off] {
			continue
		}
		seen[off] = true
		u := naive.Add(-time.Duration(off) * time.Second)
		l := u.In(loc)
		if l.Year() == naive.Year() && l.YearDay() == naive.YearDay() && l.Hour() == naive.Hour() &&
			l.Minute() == naive.Minute() && l.Second() == naive.Second() {
			out = append(out, u)
		}
	}
	slices.SortFunc(out, time.Time.Compare)
	return out
}

func calLocalToUniversal(p *Process, args []term.Term) term.Term {
	naive, ok := datetimeArg(p.heap, args[0])
	if !ok {
		return p.Badarg()
	}
	return datetimeTerm(p.heap, localToUniversal(naive, time.Local))
}

// localToUniversal picks one universal time for a local one: the earliest,
// and for a local time in a gap, the one read with the offset before it.
func localToUniversal(naive time.Time, loc *time.Location) time.Time {
	if cs := localCandidates(naive, loc); len(cs) > 0 {
		return cs[0].UTC()
	}
	_, off := naive.Add(-36 * time.Hour).In(loc).Zone()
	return naive.Add(-time.Duration(off) * time.Second).UTC()
}

func calLocalToUniversalDST(p *Process, args []term.Term) term.Term {
	h := p.heap
	naive, ok := datetimeArg(h, args[0])
	if !ok {
		return p.Badarg()
	}
	cs := localCandidates(naive, time.Local)
	elems := make([]term.Term, len(cs))
	for i, u := range cs {
		elems[i] = datetimeTerm(h, u.UTC())
	}
	return h.List(elems...)
}
