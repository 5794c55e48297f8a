package devserver

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/avmtool/avm/packbeam"
	"github.com/avmtool/avm/vm/beam"
)

// Reload modes (Options.Reload) of a local app.
const (
	// ReloadHot loads the new versions of the changed modules into the
	// running app, as OTP's code server does: processes keep their state
	// and enter the new code at their next fully-qualified call
	// (?MODULE:loop(State)). It restarts the app instead when that would
	// not run the change: modules added or removed, a changed start
	// module (its start/0 has run already), changed priv files, or
	// processes still running the code of two builds ago (loading would
	// kill them); and an app that has ended starts again.
	ReloadHot = "hot"
	// ReloadRestart restarts the app on every build.
	ReloadRestart = "restart"
)

// hot loads the modules that differ between the running app's archive
// and a (named file, with start module start) into the app, and says what
// it did. When it cannot, it says why not and the caller restarts the
// app; an app that has ended is restarted without a reason.
func (app *appRun) hot(file string, a *packbeam.Archive, start string) (ran, reason string) {
	app.mu.Lock()
	defer app.mu.Unlock()
	select {
	case <-app.done:
		return "", ""
	default:
	}
	if app.m == nil {
		return "", "the app was between runs (deep sleep or restart)"
	}
	if start != app.start {
		return "", "the start module is now " + start
	}
	changed, reason := changedModules(app.archive, a)
	switch {
	case reason != "":
		return "", reason
	case len(changed) == 0:
		return "", "no module changed"
	case slices.Contains(changed, start):
		return "", "the start module changed"
	}
	m := app.m
	for _, name := range changed {
		ok, err := m.SoftPurge(name)
		if err != nil {
			return "", err.Error()
		}
		if !ok {
			return "", fmt.Sprintf("processes still run %s as it was two builds ago", name)
		}
	}
	// Modules the app has not loaded yet load from the new archive.
	if !m.ReplaceArchive(app.file, a) {
		return "", "the running app has no archive " + app.file
	}
	for _, name := range changed {
		if _, loaded := m.Module(name); !loaded {
			continue
		}
		e := a.Module(name)
		where := file + ":" + e.Name
		f, err := beam.Parse(where, e.Data)
		if err == nil {
			err = m.Reload(where, f)
		}
		if err != nil {
			return "", "hot loading failed: " + err.Error()
		}
	}
	app.archive = a
	return fmt.Sprintf("reloaded %s (hot)", strings.Join(changed, ", ")), ""
}

// changedModules lists the modules whose code differs between archives
// old and new, or says why the new one cannot replace the old in a
// running app: modules added or removed, or plain files changed.
func changedModules(old, new *packbeam.Archive) (changed []string, reason string) {
	oldMods, oldFiles := split(old)
	newMods, newFiles := split(new)
	var added, removed []string
	for name, data := range newMods {
		switch was, ok := oldMods[name]; {
		case !ok:
			added = append(added, name)
		case !bytes.Equal(was, data):
			changed = append(changed, name)
		}
	}
	for name := range oldMods {
		if _, ok := newMods[name]; !ok {
			removed = append(removed, name)
		}
	}
	slices.Sort(added)
	slices.Sort(removed)
	slices.Sort(changed)
	var why []string
	if len(added) > 0 {
		why = append(why, "modules added: "+strings.Join(added, ", "))
	}
	if len(removed) > 0 {
		why = append(why, "modules removed: "+strings.Join(removed, ", "))
	}
	if len(oldFiles) != len(newFiles) {
		why = append(why, "priv files changed")
	} else {
		for name, data := range newFiles {
			if was, ok := oldFiles[name]; !ok || !bytes.Equal(was, data) {
				why = append(why, "priv files changed")
				break
			}
		}
	}
	if len(why) > 0 {
		return nil, strings.Join(why, "; ")
	}
	return changed, ""
}

// split indexes an archive's modules by module name and its plain files by
// path; as in AtomVM, the first of entries with one name counts.
func split(a *packbeam.Archive) (mods, files map[string][]byte) {
	mods, files = map[string][]byte{}, map[string][]byte{}
	for _, e := range a.Entries {
		index, key := files, e.Name
		if e.IsBEAM() {
			index, key = mods, e.Module()
		}
		if _, dup := index[key]; !dup {
			index[key] = e.Data
		}
	}
	return mods, files
}
