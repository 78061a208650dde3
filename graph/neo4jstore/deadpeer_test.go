package neo4jstore

import (
	"context"
	"errors"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rawabit/rawabit/graph"
	"github.com/rawabit/rawabit/graph/neo4jstore/neo4jtest"
)

// deadPeer listens on a loopback port, accepts every connection and never
// answers nor closes it, as a hung server does. It is not a fake Neo4j: it
// says nothing at all. It stops when t ends.
func deadPeer(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var conns []net.Conn
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			conns = append(conns, c)
			mu.Unlock()
		}
	}()
	t.Cleanup(func() {
		ln.Close()
		mu.Lock()
		defer mu.Unlock()
		for _, c := range conns {
			c.Close()
		}
	})
	return ln.Addr().String()
}

// openResult runs Open in the background; the test fails, rather than
// hanging for ever, if Open has not returned after a minute.
func openResult(t *testing.T, ctx context.Context, cfg Config) error {
	t.Helper()
	done := make(chan error, 1)
	go func() {
		s, err := Open(ctx, cfg)
		if s != nil {
			s.Close(context.Background())
		}
		done <- err
	}()
	select {
	case err := <-done:
		return err
	case <-time.After(time.Minute):
		t.Fatal("Open has not returned after a minute")
		return nil
	}
}

// TestOpenDeadPeer checks that a server accepting connections but never
// answering fails Open with graph.ErrUnavailable after the open time-out,
// and that cancelling the context (a signal) ends Open even when the
// time-out is far away.
func TestOpenDeadPeer(t *testing.T) {
	for _, scheme := range []string{"bolt", "neo4j"} {
		t.Run(scheme+"/timeout", func(t *testing.T) {
			cfg := Config{URI: scheme + "://" + deadPeer(t), Username: "neo4j", Password: "x", OpenTimeout: 500 * time.Millisecond}
			err := openResult(t, context.Background(), cfg)
			if !errors.Is(err, graph.ErrUnavailable) {
				t.Errorf("got error %v, want graph.ErrUnavailable", err)
			}
		})
		t.Run(scheme+"/cancel", func(t *testing.T) {
			cfg := Config{URI: scheme + "://" + deadPeer(t), Username: "neo4j", Password: "x", OpenTimeout: time.Hour}
			ctx, cancel := context.WithCancel(context.Background())
			time.AfterFunc(200*time.Millisecond, cancel)
			err := openResult(t, ctx, cfg)
			if !errors.Is(err, context.Canceled) {
				t.Errorf("got error %v, want context.Canceled", err)
			}
		})
	}
}

// TestTransactionTimeout checks, against a real Neo4j, that a transaction
// running past Config.TransactionTimeout fails with graph.ErrUnavailable
// naming the time-out, while the same store with the default time-out
// answers.
func TestTransactionTimeout(t *testing.T) {
	cfg := configOf(neo4jtest.Require(t))
	openEmpty(t, cfg)
	cfg.TransactionTimeout = time.Microsecond
	s, err := Open(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close(context.Background())
	_, err = s.Counts(context.Background())
	if !errors.Is(err, graph.ErrUnavailable) || !strings.Contains(err.Error(), "transaction time-out") {
		t.Errorf("got error %v, want graph.ErrUnavailable naming the transaction time-out", err)
	}
}
