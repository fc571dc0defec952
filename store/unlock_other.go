//go:build !unix

package store

import "os"

// releaseLock is a no-op where closing the handle releases the lock
// (Windows: LockFileEx locks go with the handle).
func releaseLock(*os.File) {}
