package store

import (
	"bufio"
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The crash test runs this test binary again as a child process
// (TestCrashChild) that saves employees, or saves and makes backups, and
// reports each completed step on stdout. The parent kills it with SIGKILL
// at a random moment and then checks the files as the next start of the
// application would find them.

const (
	crashRounds     = 20
	crashSeed       = 20250131
	crashChildLimit = 60 * time.Second // a child that is not killed stops by itself
	crashStride     = 100_000          // employee numbers of one round: round*stride + n
)

var (
	committedRe = regexp.MustCompile(`^committed (\d+) (\d+)$`)
	reportRe    = regexp.MustCompile(`^backup (.+)$`)
	tmpRe       = regexp.MustCompile(`^\.asndesk-.*\.tmp$`)
)

// TestCrashChild is the child's body; it does nothing in a normal run.
func TestCrashChild(t *testing.T) {
	if os.Getenv("ASNDESK_CRASH_CHILD") != "1" {
		t.Skip("child process of TestCrashSafety")
	}
	db, dir, mode := os.Getenv("ASNDESK_CRASH_DB"), os.Getenv("ASNDESK_CRASH_DIR"), os.Getenv("ASNDESK_CRASH_MODE")
	start, _ := strconv.Atoi(os.Getenv("ASNDESK_CRASH_START"))
	die := func(format string, a ...any) {
		fmt.Fprintf(os.Stderr, format+"\n", a...)
		os.Exit(3)
	}
	s, err := Open(db, Options{Timeout: 5 * time.Second})
	if err != nil {
		die("open: %v", err)
	}
	deadline := time.Now().Add(crashChildLimit)
	// One write per line: a line on stdout means the step had returned.
	save := func() {
		for i := start; time.Now().Before(deadline); i++ {
			id, err := s.CreateEmployee(bkCtx, testEmployee(i))
			if err != nil {
				die("save %d: %v", i, err)
			}
			fmt.Fprintf(os.Stdout, "committed %d %d\n", i, id)
		}
	}
	switch mode {
	case "save":
		save()
	case "backup":
		go save()
		for time.Now().Before(deadline) {
			p, err := s.Backup(bkCtx, dir, "")
			if err != nil {
				die("backup: %v", err)
			}
			fmt.Fprintf(os.Stdout, "backup %s\n", p)
		}
	default:
		die("unknown mode %q", mode)
	}
	_ = s.Close()
	os.Exit(0)
}

// childRun is what one child reported before it was killed.
type childRun struct {
	committed map[int]uint64 // employee number → id
	backups   []string
	killedAt  time.Duration // after its first report
}

// runChild starts a child, waits for its first report, lets it work for
// delay, kills it with SIGKILL and collects what it reported.
func runChild(t *testing.T, mode, db, dir string, start int, delay time.Duration) childRun {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1", "-test.timeout=2m")
	cmd.Env = append(os.Environ(), "ASNDESK_CRASH_CHILD=1", "ASNDESK_CRASH_DB="+db, "ASNDESK_CRASH_DIR="+dir,
		"ASNDESK_CRASH_MODE="+mode, "ASNDESK_CRASH_START="+strconv.Itoa(start))
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := make(chan string, 4096)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	run := childRun{committed: map[int]uint64{}}
	take := func(l string) {
		if m := committedRe.FindStringSubmatch(l); m != nil {
			i, _ := strconv.Atoi(m[1])
			id, _ := strconv.ParseUint(m[2], 10, 64)
			run.committed[i] = id
		} else if m := reportRe.FindStringSubmatch(l); m != nil {
			run.backups = append(run.backups, m[1])
		}
	}
	select {
	case l, ok := <-lines:
		if !ok {
			_ = cmd.Wait()
			t.Fatalf("child ended before its first report: %s", stderr.String())
		}
		take(l)
	case <-time.After(20 * time.Second):
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		t.Fatalf("child reported nothing: %s", stderr.String())
	}
	began := time.Now()
	timer := time.NewTimer(delay)
loop:
	for {
		select {
		case l, ok := <-lines:
			if !ok {
				break loop
			}
			take(l)
		case <-timer.C:
			break loop
		}
	}
	run.killedAt = time.Since(began)
	_ = cmd.Process.Kill() // SIGKILL on Unix: no deferred function, no Close
	for l := range lines {
		take(l)
	}
	err = cmd.Wait()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != -1 {
		t.Fatalf("child was not killed (%v): %s", err, stderr.String())
	}
	return run
}

// checkAfterCrash opens the database as the next start would, runs Check
// and looks up every employee the child reported as committed.
func checkAfterCrash(t *testing.T, db string, run childRun) int {
	t.Helper()
	s, err := Open(db, Options{Timeout: 5 * time.Second})
	if err != nil {
		t.Fatalf("database does not open after the kill: %v", err)
	}
	defer s.Close()
	probs, err := s.Check(bkCtx)
	if err != nil || len(probs) > 0 {
		t.Fatalf("Check after the kill: %v\n%s", err, strings.Join(probs, "\n"))
	}
	for i, id := range run.committed {
		e, err := s.Employee(bkCtx, id)
		if err != nil {
			t.Fatalf("employee %d (#%d) was reported committed but is missing: %v", i, id, err)
		}
		if want := testEmployee(i); e.Nama != want.Nama || e.NIP != want.NIP {
			t.Fatalf("employee #%d is %s %s, want %s %s", id, e.Nama, e.NIP, want.Nama, want.NIP)
		}
	}
	rows, err := s.ListRows(bkCtx)
	if err != nil {
		t.Fatal(err)
	}
	return len(rows)
}

func TestCrashSafety(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("SIGKILL semantics: the crash test runs on Unix")
	}
	if os.Getenv("ASNDESK_CRASH_CHILD") != "" {
		t.Skip("inside a child")
	}
	seed := uint64(crashSeed)
	if v, err := strconv.ParseUint(os.Getenv("ASNDESK_CRASH_SEED"), 10, 64); err == nil {
		seed = v
	}
	rng := rand.New(rand.NewPCG(seed, seed^0x5eed))
	t.Logf("seed %d, %d rounds per phase", seed, crashRounds)

	dir := t.TempDir()
	db := filepath.Join(dir, "data.db")
	// The file is created before the first child: the one known window of
	// bbolt (power loss while a new file is initialised) is not this test's
	// subject.
	s, err := Open(db, Options{})
	if err != nil {
		t.Fatal(err)
	}
	bkSeed(t, s, 0, 1)
	s.Close()

	t.Run("saves", func(t *testing.T) {
		var counts []int
		total := 0
		for round := 1; round <= crashRounds; round++ {
			delay := time.Duration(rng.IntN(200)) * time.Millisecond
			run := runChild(t, "save", db, "", round*crashStride, delay)
			if len(run.committed) >= crashStride {
				t.Fatalf("round %d: %d saves overflow the stride", round, len(run.committed))
			}
			rows := checkAfterCrash(t, db, run)
			total += len(run.committed)
			counts = append(counts, len(run.committed))
			t.Logf("round %2d: killed %3dms after the first save; %4d saves reported committed, all present; %5d employees, check clean",
				round, run.killedAt.Milliseconds(), len(run.committed), rows)
		}
		slices.Sort(counts)
		t.Logf("saves: %d rounds, %d saves reported committed in all; per round min %d, median %d, max %d",
			crashRounds, total, counts[0], counts[len(counts)/2], counts[len(counts)-1])
	})

	t.Run("backups", func(t *testing.T) {
		bdir := filepath.Join(dir, "cadangan")
		totalBackups, partial := 0, 0
		for round := 1; round <= crashRounds; round++ {
			delay := time.Duration(rng.IntN(150)) * time.Millisecond
			run := runChild(t, "backup", db, bdir, (crashRounds+round)*crashStride, delay)
			rows := checkAfterCrash(t, db, run)
			for _, p := range run.backups {
				probs, err := VerifyFile(bkCtx, p, "")
				if err != nil || len(probs) > 0 {
					t.Fatalf("round %d: reported backup %s does not verify: %v %q", round, p, err, probs)
				}
			}
			// Every file under a backup's name, including the one the
			// previous round left and one renamed just before the kill,
			// verifies; anything else is a temporary file.
			list, err := ListBackups(bkCtx, bdir, "")
			if err != nil {
				t.Fatal(err)
			}
			for _, b := range list {
				if !b.OK {
					t.Fatalf("round %d: %s is named like a backup but is not whole: %s", round, b.Path, b.Problem)
				}
			}
			left := 0
			for _, n := range dirNames(t, bdir) {
				switch {
				case backupRe.MatchString(n):
				case tmpRe.MatchString(n):
					left++
					os.Remove(filepath.Join(bdir, n))
				default:
					t.Fatalf("round %d: unexpected file %s", round, n)
				}
			}
			partial += left
			totalBackups += len(run.backups)
			t.Logf("round %2d: killed %3dms after the first report; %2d backups and %4d saves reported, %d listed and whole, "+
				"%d partial temp file(s); %5d employees, check clean",
				round, run.killedAt.Milliseconds(), len(run.backups), len(run.committed), len(list), left, rows)
			// Keep only the newest backup for the next round.
			for _, b := range list[min(1, len(list)):] {
				os.Remove(b.Path)
			}
		}
		t.Logf("backups: %d rounds, %d backups reported and verified, %d rounds killed mid-backup (temp file left)",
			crashRounds, totalBackups, partial)
	})
}
