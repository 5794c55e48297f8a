package device

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"sync"
)

// NVS is the ESP32's non-volatile storage: binaries under keys in
// namespaces. With a file it persists across runs, as flash does: every
// change rewrites the file (atomically, through a temporary file).
type NVS struct {
	mu   sync.Mutex
	path string
	data map[string]map[string][]byte
}

// NewNVS returns storage kept in path ("" keeps it in memory only).
func NewNVS(path string) *NVS {
	return &NVS{path: path, data: map[string]map[string][]byte{}}
}

// OpenNVS loads storage persisted in path, or starts empty when the file
// does not exist yet.
func OpenNVS(path string) (*NVS, error) {
	n := NewNVS(path)
	raw, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return n, nil
	}
	if err != nil {
		return nil, fmt.Errorf("nvs: %w", err)
	}
	if err := json.Unmarshal(raw, &n.data); err != nil {
		return nil, fmt.Errorf("nvs: %s is not an avm NVS file (%v); delete it to start with empty storage", path, err)
	}
	if n.data == nil {
		n.data = map[string]map[string][]byte{}
	}
	return n, nil
}

// Get returns a key's value.
func (n *NVS) Get(ns, key string) ([]byte, bool) {
	n.mu.Lock()
	defer n.mu.Unlock()
	v, ok := n.data[ns][key]
	return append([]byte(nil), v...), ok
}

// HasNamespace reports whether anything was ever stored in ns.
func (n *NVS) HasNamespace(ns string) bool {
	n.mu.Lock()
	defer n.mu.Unlock()
	_, ok := n.data[ns]
	return ok
}

// Put stores a value.
func (n *NVS) Put(ns, key string, v []byte) error {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.data[ns] == nil {
		n.data[ns] = map[string][]byte{}
	}
	n.data[ns][key] = append([]byte(nil), v...)
	return n.saveLocked()
}

// Erase removes a key.
func (n *NVS) Erase(ns, key string) error {
	n.mu.Lock()
	defer n.mu.Unlock()
	delete(n.data[ns], key)
	return n.saveLocked()
}

// EraseAll removes a namespace's keys.
func (n *NVS) EraseAll(ns string) error {
	n.mu.Lock()
	defer n.mu.Unlock()
	delete(n.data, ns)
	return n.saveLocked()
}

// Reformat erases everything.
func (n *NVS) Reformat() error {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.data = map[string]map[string][]byte{}
	return n.saveLocked()
}

// Keys lists a namespace's keys, sorted.
func (n *NVS) Keys(ns string) []string {
	n.mu.Lock()
	defer n.mu.Unlock()
	var out []string
	for k := range n.data[ns] {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func (n *NVS) saveLocked() error {
	if n.path == "" {
		return nil
	}
	raw, err := json.MarshalIndent(n.data, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(n.path), 0o755); err != nil {
		return fmt.Errorf("nvs: %w", err)
	}
	tmp := n.path + ".tmp"
	if err := os.WriteFile(tmp, raw, 0o644); err != nil {
		return fmt.Errorf("nvs: %w", err)
	}
	if err := os.Rename(tmp, n.path); err != nil {
		return fmt.Errorf("nvs: %w", err)
	}
	return nil
}
