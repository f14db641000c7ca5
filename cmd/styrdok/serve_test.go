package main

import (
	"context"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// startServe runs runServe on a free loopback port and returns its base URL
// and a function that stops it (as SIGINT does) and returns its error.
func startServe(t *testing.T, g *globalOptions) (string, func() error) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	addrc := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- runServe(ctx, g, serveOptions{Addr: "127.0.0.1:0", ready: func(a string) { addrc <- a }})
	}()
	select {
	case a := <-addrc:
		return "http://" + a, func() error { cancel(); return <-done }
	case err := <-done:
		cancel()
		t.Fatalf("serve: %v", err)
	case <-time.After(2 * time.Minute):
		cancel()
		t.Fatal("serve did not start")
	}
	return "", nil
}

func fetch(t *testing.T, u string) (int, string) {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// TestServeBatchOutput serves a batch output folder, answers a search and
// shuts down cleanly when its context ends.
func TestServeBatchOutput(t *testing.T) {
	useMemIndex(t)
	defaultIndexOpener = realIndexOpener()
	src := t.TempDir()
	for i, s := range seedTexts(t) {
		writeFile(t, filepath.Join(src, string(rune('a'+i))+".txt"), s)
	}
	out := t.TempDir()
	g, _, errb := batchGlobals()
	if err := runBatch(context.Background(), g, batchOptions{Out: out}, src); err != nil {
		t.Fatalf("batch: %v\n%s", err, errb)
	}
	g, _, _ = batchGlobals()
	g.Corpus = out // the batch folder; serve finds corpus/ in it
	g.Stderr = &lockedBuffer{}
	base, stop := startServe(t, g)
	status, body := fetch(t, base+"/?q=samverkan")
	if status != 200 || !strings.Contains(body, "<mark>") {
		t.Errorf("search: %d\n%.500s", status, body)
	}
	status, body = fetch(t, base+"/api/documents")
	if status != 200 || strings.Count(body, `"id"`) != 5 {
		t.Errorf("documents: %d\n%.500s", status, body)
	}
	// A batch run while serving: the new document is found without a
	// restart.
	writeFile(t, filepath.Join(src, "ny.txt"), []byte("Ny plan\n\nKommunen ska pröva kvantsamverkan.\n"))
	g2, _, errb2 := batchGlobals()
	if err := runBatch(context.Background(), g2, batchOptions{Out: out}, src); err != nil {
		t.Fatalf("batch: %v\n%s", err, errb2)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		status, body = fetch(t, base+"/api/search?q=kvantsamverkan")
		if status == 200 && strings.Contains(body, `"total": 1`) {
			break
		}
		if time.Now().After(deadline) {
			t.Errorf("the new document is not found while serving: %d\n%.300s", status, body)
			break
		}
		time.Sleep(200 * time.Millisecond)
	}
	if err := stop(); err != nil {
		t.Errorf("shutdown: %v", err)
	}
	if _, err := http.Get(base + "/"); err == nil {
		t.Error("the server still answers after shutdown")
	}
}

func TestIsLoopback(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1:8080": true, "[::1]:80": true, "localhost:1": true,
		"0.0.0.0:8080": false, ":8080": false, "192.168.1.2:80": false,
	} {
		if got := isLoopback(addr); got != want {
			t.Errorf("isLoopback(%q) = %v", addr, got)
		}
	}
}
