//go:build windows

package store

import (
	"path/filepath"
	"strings"

	"golang.org/x/sys/windows"
)

func isNetworkPath(abs string) bool {
	p := abs
	switch {
	case strings.HasPrefix(p, `\\?\UNC\`), strings.HasPrefix(p, `//?/UNC/`):
		return true
	case strings.HasPrefix(p, `\\?\`), strings.HasPrefix(p, `\\.\`):
		p = p[4:] // a long-path or device prefix before a drive letter
	case strings.HasPrefix(p, `\\`), strings.HasPrefix(p, `//`):
		return true // \\server\share
	}
	vol := filepath.VolumeName(p)
	if len(vol) != 2 || vol[1] != ':' {
		return false
	}
	root, err := windows.UTF16PtrFromString(vol + `\`)
	if err != nil {
		return false
	}
	return windows.GetDriveType(root) == windows.DRIVE_REMOTE
}
