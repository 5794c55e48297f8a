//go:build !linux

package vm

import (
	"os"
	"time"
)

// fileStat is what #file_info{} takes from stat(2) beyond os.FileInfo;
// outside Linux, only what os.FileInfo tells.
type fileStat struct {
	mode, nlink, uid, gid uint32
	dev, rdev, ino        uint64
	atime, ctime          time.Time
}

func statOf(fi os.FileInfo) fileStat {
	mode := uint32(fi.Mode().Perm())
	switch {
	case fi.IsDir():
		mode |= 0o040000
	case fi.Mode().IsRegular():
		mode |= 0o100000
	}
	return fileStat{mode: mode, nlink: 1, atime: fi.ModTime(), ctime: fi.ModTime()}
}

// accessOf is the access field of a named file, from its mode bits.
func accessOf(path string) string {
	fi, err := os.Stat(path)
	if err != nil {
		return "none"
	}
	return accessOfMode(uint32(fi.Mode().Perm()), 0, 0)
}

// accessOfMode is the access field of a file from its owner's mode bits.
func accessOfMode(mode, _, _ uint32) string {
	return accessName(mode&0o400 != 0, mode&0o200 != 0)
}
