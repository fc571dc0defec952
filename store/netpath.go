package store

import (
	"bufio"
	"path/filepath"
	"strings"
)

// IsNetworkPath reports whether path (a data file or its folder, existing
// or not) lies on a network share, as far as the operating system can
// tell: a UNC path or a mapped network drive on Windows, an NFS, SMB/CIFS,
// 9p, sshfs or VirtualBox shared folder mount on Linux. Elsewhere, or when
// it cannot tell, it reports false. bbolt's file lock and mmap are
// unreliable on such file systems, so the UI warns before using one for
// the live database (backups may go anywhere).
func IsNetworkPath(path string) bool {
	if path == "" {
		return false
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = filepath.Clean(path)
	}
	return isNetworkPath(abs)
}

// networkFS are the Linux file system types of network and host-shared
// mounts.
var networkFS = map[string]bool{
	"nfs": true, "nfs4": true, "cifs": true, "smb3": true, "smbfs": true, "9p": true,
	"fuse.sshfs": true, "vboxsf": true, "fuse.rclone": true, "davfs": true, "afs": true,
	"ncpfs": true, "ceph": true, "glusterfs": true, "fuse.glusterfs": true,
}

// onNetworkMount finds the mount point that holds path (the longest one
// that is a prefix of it) in /proc/mounts lines and reports whether its
// file system type is a network one.
func onNetworkMount(path string, sc *bufio.Scanner) bool {
	best, bestFS := "", ""
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 3 {
			continue
		}
		mnt := unescapeMount(fields[1])
		if !within(path, mnt) || len(mnt) < len(best) {
			continue
		}
		best, bestFS = mnt, fields[2]
	}
	return networkFS[bestFS]
}

func within(path, mnt string) bool {
	if mnt == "/" {
		return strings.HasPrefix(path, "/")
	}
	return path == mnt || strings.HasPrefix(path, mnt+"/")
}

// unescapeMount undoes the octal escapes of /proc/mounts (\040 for a space).
func unescapeMount(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+4 <= len(s) {
			if v, ok := octal3(s[i+1 : i+4]); ok {
				b.WriteByte(v)
				i += 3
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func octal3(s string) (byte, bool) {
	if len(s) != 3 {
		return 0, false
	}
	v := 0
	for _, c := range s {
		if c < '0' || c > '7' {
			return 0, false
		}
		v = v*8 + int(c-'0')
	}
	if v > 255 {
		return 0, false
	}
	return byte(v), true
}
