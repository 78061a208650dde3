// Package neo4jtest gives tests the Neo4j to run against: the one named by
// the environment (NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD,
// NEO4J_DATABASE), or one a test starts itself with the launcher named by
// NEO4J_TEST_LAUNCHER (.ci/neo4j/launch). `.ci/neo4j/test` sets all of them
// and NEO4J_REQUIRED=1, which turns a missing Neo4j into a failure instead of
// a skip.
package neo4jtest

import (
	"bufio"
	"fmt"
	"net"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Environment variables read by this package.
const (
	EnvURI      = "NEO4J_URI"
	EnvUsername = "NEO4J_USERNAME"
	EnvPassword = "NEO4J_PASSWORD"
	EnvDatabase = "NEO4J_DATABASE"
	// EnvRequired set to 1 makes a test that finds no Neo4j fail.
	EnvRequired = "NEO4J_REQUIRED"
	// EnvLauncher is the command that runs a Neo4j in the foreground:
	// LAUNCHER PORT [DATA_DIR], printing a line starting with READY.
	EnvLauncher = "NEO4J_TEST_LAUNCHER"
)

// Target says how to reach a Neo4j (the fields of neo4jstore.Config that a
// test sets; this package does not import the store, so that the store's own
// tests can use it).
type Target struct {
	URI, Username, Password, Database string
}

// FromEnv returns the Neo4j the environment names; ok is false when
// NEO4J_URI is not set. The username defaults to neo4j.
func FromEnv() (cfg Target, ok bool) {
	cfg = Target{
		URI:      os.Getenv(EnvURI),
		Username: os.Getenv(EnvUsername),
		Password: os.Getenv(EnvPassword),
		Database: os.Getenv(EnvDatabase),
	}
	if cfg.Username == "" {
		cfg.Username = "neo4j"
	}
	return cfg, cfg.URI != ""
}

// missing skips t, or fails it when NEO4J_REQUIRED=1.
func missing(t testing.TB, what string) {
	t.Helper()
	if os.Getenv(EnvRequired) == "1" {
		t.Fatalf("%s is not set, and %s=1 requires this Neo4j test to run", what, EnvRequired)
	}
	t.Skipf("%s is not set, so this test does not run against Neo4j. Run .ci/neo4j/test, "+
		"or set NEO4J_URI (e.g. bolt://localhost:7687), NEO4J_USERNAME and NEO4J_PASSWORD "+
		"to a throw-away Neo4j (every Actor and Article in it is deleted).", what)
}

// Require returns the Neo4j of the environment, or skips t (fails it under
// NEO4J_REQUIRED=1) when NEO4J_URI is not set.
func Require(t testing.TB) Target {
	t.Helper()
	cfg, ok := FromEnv()
	if !ok {
		missing(t, EnvURI)
	}
	return cfg
}

// Server is a Neo4j a test started with the launcher.
type Server struct {
	// Target reaches it.
	Target Target
	// Port is its Bolt port on 127.0.0.1.
	Port int
	// Dir is its data folder.
	Dir string
	cmd *exec.Cmd
	t   testing.TB
}

// Launch starts a Neo4j with the launcher of NEO4J_TEST_LAUNCHER on a free
// port with its data in dir (kept between launches), waits until it is ready
// and stops it when t ends. Without the launcher it skips t (fails it under
// NEO4J_REQUIRED=1). port 0 picks a free port.
func Launch(t testing.TB, dir string, port int) *Server {
	t.Helper()
	launcher := os.Getenv(EnvLauncher)
	if launcher == "" {
		missing(t, EnvLauncher)
	}
	if port == 0 {
		port = FreePort(t)
	}
	cmd := exec.Command(launcher, fmt.Sprint(port), dir)
	cmd.Stderr = nil
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatalf("launch neo4j: %v", err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("launch neo4j: %v", err)
	}
	s := &Server{
		Target: Target{URI: fmt.Sprintf("bolt://127.0.0.1:%d", port), Username: "neo4j", Password: "unused"},
		Port:   port, Dir: dir, cmd: cmd, t: t,
	}
	t.Cleanup(func() { s.Stop() })
	ready := make(chan bool, 1)
	go func() {
		sc := bufio.NewScanner(out)
		ok := false
		for sc.Scan() {
			if strings.HasPrefix(sc.Text(), "READY") && !ok {
				ok = true
				ready <- true
			}
		}
		if !ok {
			ready <- false
		}
	}()
	select {
	case ok := <-ready:
		if !ok {
			t.Fatalf("launch neo4j: %s exited before it was ready", launcher)
		}
	case <-time.After(5 * time.Minute):
		t.Fatalf("launch neo4j: not ready after 5 minutes")
	}
	return s
}

// Stop shuts the server down cleanly (SIGTERM) and waits for it; stopping a
// stopped server is a no-op.
func (s *Server) Stop() { s.signal(syscall.SIGTERM) }

// Kill kills the server (SIGKILL), as a crash would, and waits for it.
func (s *Server) Kill() { s.signal(syscall.SIGKILL) }

func (s *Server) signal(sig syscall.Signal) {
	if s.cmd == nil {
		return
	}
	s.cmd.Process.Signal(sig)
	done := make(chan struct{})
	go func() { s.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(time.Minute):
		s.cmd.Process.Kill()
		<-done
	}
	s.cmd = nil
}

// FreePort returns a TCP port on 127.0.0.1 that nothing listens on now.
func FreePort(t testing.TB) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("free port: %v", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}
