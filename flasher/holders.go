package flasher

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// portHolders names the processes that have path open, by scanning
// /proc/*/fd (Linux; elsewhere, and for other users' processes we cannot
// inspect, it finds nothing).
func portHolders(path string) string {
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return ""
	}
	fds, _ := filepath.Glob("/proc/[0-9]*/fd/*")
	seen := map[string]bool{}
	var who []string
	self := fmt.Sprint(os.Getpid())
	for _, fd := range fds {
		link, err := os.Readlink(fd)
		if err != nil || link != target {
			continue
		}
		pid := strings.Split(fd, "/")[2]
		if pid == self || seen[pid] {
			continue
		}
		seen[pid] = true
		comm, _ := os.ReadFile(filepath.Join("/proc", pid, "comm"))
		who = append(who, fmt.Sprintf("%s, pid %s", strings.TrimSpace(string(comm)), pid))
	}
	if len(who) == 0 {
		return ""
	}
	return "held by " + strings.Join(who, "; ")
}
