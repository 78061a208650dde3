package main

import (
	"net"
	"testing"
)

func TestLoopbackAddr(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"127.0.0.1:8080", true},
		{"[::1]:8080", true},
		{"0.0.0.0:8080", false},
		{"[::]:8080", false},
		{"192.0.2.1:8080", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			addr, err := net.ResolveTCPAddr("tcp", tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if got := loopbackAddr(addr); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}
