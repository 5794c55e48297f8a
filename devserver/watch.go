package devserver

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// watcher turns file system events under a project's watched paths into
// batches of changed paths, one batch per burst: editors write a file in
// several steps (a temporary file renamed over the original, a backup, a
// chmod), and "save all" touches many files at once.
type watcher struct {
	fs *fsnotify.Watcher
	// files are watched files (configuration), by their directory: a
	// file replaced by rename loses its own watch, so the directory is
	// watched and events filtered.
	files map[string]map[string]bool
	trees map[string]bool // directories watched for all they hold
	// quiet is how long no event must arrive before a batch is sent;
	// longest bounds a batch that keeps growing.
	quiet, longest time.Duration
	batches        chan []string
	errs           chan error
}

func newWatcher(paths []string, quiet time.Duration) (*watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &watcher{fs: fw, files: map[string]map[string]bool{}, trees: map[string]bool{}, quiet: quiet, longest: 20 * quiet,
		batches: make(chan []string), errs: make(chan error, 1)}
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			continue
		}
		if info.IsDir() {
			if _, err := w.addTree(p); err != nil {
				fw.Close()
				return nil, err
			}
			continue
		}
		dir := filepath.Dir(p)
		if w.files[dir] == nil {
			w.files[dir] = map[string]bool{}
			if err := fw.Add(dir); err != nil {
				fw.Close()
				return nil, err
			}
		}
		w.files[dir][filepath.Base(p)] = true
	}
	return w, nil
}

// addTree watches dir and the directories below it, and returns the files
// found in them (created before their directory was watched).
func (w *watcher) addTree(root string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if path == root {
				return err
			}
			return nil // vanished meanwhile
		}
		if !d.IsDir() {
			files = append(files, path)
			return nil
		}
		if path != root && ignored(d.Name()) {
			return filepath.SkipDir
		}
		if err := w.fs.Add(path); err != nil {
			return err
		}
		w.trees[path] = true
		return nil
	})
	return files, err
}

// ignored tells editor droppings and build output apart from sources:
// vim's swap files and 4913 probe, emacs's #autosave# and .#locks,
// backup~ files, hidden files, and _build.
func ignored(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") || name == "4913" ||
		(strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#")) || name == "_build" ||
		strings.HasSuffix(name, ".swp") || strings.HasSuffix(name, ".swx") || strings.HasSuffix(name, ".tmp")
}

// relevant tells whether an event's path is one the build reads.
func (w *watcher) relevant(path string) bool {
	if ignored(filepath.Base(path)) {
		return false
	}
	dir := filepath.Dir(path)
	if w.trees[dir] {
		return true
	}
	return w.files[dir][filepath.Base(path)]
}

// run sends batches until ctx ends.
func (w *watcher) run(ctx context.Context) {
	defer w.fs.Close()
	var (
		pending map[string]bool
		timer   *time.Timer
		fire    <-chan time.Time
		first   time.Time
	)
	for {
		select {
		case <-ctx.Done():
			return
		case err, ok := <-w.fs.Errors:
			if !ok {
				return
			}
			select {
			case w.errs <- err:
			default:
			}
		case ev, ok := <-w.fs.Events:
			if !ok {
				return
			}
			if ev.Op == fsnotify.Chmod || !w.relevant(ev.Name) {
				continue
			}
			if ev.Op.Has(fsnotify.Create) {
				if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
					// A new directory (or one moved in): watch it, and
					// count what it already holds.
					files, _ := w.addTree(ev.Name)
					if pending == nil {
						pending = map[string]bool{}
					}
					for _, f := range files {
						if w.relevant(f) {
							pending[f] = true
						}
					}
				}
			}
			if pending == nil {
				pending = map[string]bool{}
			}
			if len(pending) == 0 || timer == nil {
				first = time.Now()
			}
			pending[ev.Name] = true
			wait := w.quiet
			if rest := w.longest - time.Since(first); rest < wait {
				wait = max(rest, 0)
			}
			if timer == nil {
				timer = time.NewTimer(wait)
			} else {
				timer.Reset(wait)
			}
			fire = timer.C
		case <-fire:
			batch := make([]string, 0, len(pending))
			for p := range pending {
				batch = append(batch, p)
			}
			pending, fire, timer = nil, nil, nil
			select {
			case w.batches <- batch:
			case <-ctx.Done():
				return
			}
		}
	}
}
