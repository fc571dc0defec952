//go:build !windows

package store

import (
	"bufio"
	"os"
	"path/filepath"
	"runtime"
)

func isNetworkPath(abs string) bool {
	if runtime.GOOS != "linux" {
		return false
	}
	f, err := os.Open("/proc/mounts")
	if err != nil {
		return false
	}
	defer f.Close()
	return onNetworkMount(resolveExisting(abs), bufio.NewScanner(f))
}

// resolveExisting resolves symbolic links in the longest existing prefix of
// path (the data file may not exist yet) and appends the rest.
func resolveExisting(path string) string {
	rest := ""
	p := path
	for {
		if r, err := filepath.EvalSymlinks(p); err == nil {
			return filepath.Join(r, rest)
		}
		parent := filepath.Dir(p)
		if parent == p {
			return path
		}
		rest = filepath.Join(filepath.Base(p), rest)
		p = parent
	}
}
