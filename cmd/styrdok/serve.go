package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"styrdok/corpus"
	"styrdok/index"
	"styrdok/index/web"
)

// serveOptions are the flags of `styrdok serve`.
type serveOptions struct {
	Addr string // listen address; loopback by default
	// ready, if set, is called with the address once the server listens
	// (tests use port 0).
	ready func(addr string)
}

// Server limits: how long a client may take to send a request, how long a
// response may take, and how long shutdown waits for requests in flight.
const (
	serveReadHeaderTimeout = 5 * time.Second
	serveReadTimeout       = 10 * time.Second
	serveWriteTimeout      = 60 * time.Second
	serveIdleTimeout       = 120 * time.Second
	serveRequestTimeout    = 30 * time.Second
	serveShutdownTimeout   = 10 * time.Second
	serveMaxHeaderBytes    = 16 << 10
)

func newServeCmd(g *globalOptions) *cobra.Command {
	opts := serveOptions{Addr: "127.0.0.1:8080"}
	cmd := &cobra.Command{
		Use:   "serve [--addr 127.0.0.1:8080]",
		Short: "Search, read and compare the corpus in a web browser",
		Long: `serve starts a web server for searching the corpus (facets, highlighted
hits), reading each document with its sections, its extracted model (every
fact linked to its evidence line) and the repairs made to its text, and
comparing documents (tables, charts, CSV/XLSX/JSON downloads). A JSON API
answers under /api/ (search, documents, compare).

The comparison (/compare, /api/compare and the downloads /compare.csv,
.xlsx, .json, .md, .html) takes the filters kommun=, typ= and ar= (a year
or 2018-2022); the page and the API show each table a page at a time
(tabell=overview|themes|actors|goals, sida=N, per=N up to 500, default
50) and say how many rows there are; belagg=1 puts every evidence sentence
into the answer (the API gives document and line otherwise). Downloads hold
every row of the filtered set. The document list (/docs, /api/documents)
takes the same filters, sida and per, and ordning=kommun|antagen|tillagd. The corpus is read and compared once when
the server starts and again when a batch or ingest run changes it.

It listens on the loopback interface only unless --addr says otherwise, and
stops cleanly on Ctrl-C or SIGTERM. --corpus may name a corpus directory or
a batch output folder (its corpus/ is used).`,
		Example: `  styrdok serve
  styrdok serve --corpus ./ut --addr 127.0.0.1:9000`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runServe(cmd.Context(), g, opts)
		},
	}
	cmd.Flags().StringVar(&opts.Addr, "addr", opts.Addr, "address to listen on (host:port)")
	return cmd
}

// runServe serves until ctx is done, then shuts down gracefully.
func runServe(ctx context.Context, g *globalOptions, opts serveOptions) error {
	if g.Corpus != "" {
		g.Corpus = batchCorpusOf(g.Corpus)
	}
	h, src, closeIndex, err := newWebHandler(g)
	if err != nil {
		return err
	}
	defer closeIndex()
	ln, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	addr := ln.Addr().String()
	if !isLoopback(addr) && !g.Quiet {
		fmt.Fprintf(g.Stderr, "styrdok: warning: serving on %s, reachable from other machines\n", addr)
	}
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: serveReadHeaderTimeout,
		ReadTimeout:       serveReadTimeout,
		WriteTimeout:      serveWriteTimeout,
		IdleTimeout:       serveIdleTimeout,
		MaxHeaderBytes:    serveMaxHeaderBytes,
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	if !g.Quiet {
		fmt.Fprintf(g.Stderr, "styrdok: serving %s at http://%s/ (Ctrl-C stops)\n", src, addr)
	}
	if opts.ready != nil {
		opts.ready(addr)
	}
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), serveShutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("serve: shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	if !g.Quiet {
		fmt.Fprintln(g.Stderr, "styrdok: server stopped")
	}
	return nil
}

// newWebHandler opens the index and the documents of the corpus g names
// (see openSearchIndex) and returns the web interface over them.
func newWebHandler(g *globalOptions) (*web.Server, corpusSource, func(), error) {
	ix, src, err := openSearchIndex(g)
	if err != nil {
		return nil, src, nil, err
	}
	closeIndex := func() { ix.Close() }
	var reload func() (*index.Index, error)
	var lib web.Library
	if src.Embedded {
		docs, _, err := loadCorpus(g)
		if err != nil {
			closeIndex()
			return nil, src, nil, err
		}
		lib = memLibrary(docs)
	} else {
		st, err := corpus.OpenStore(src.Dir)
		if err != nil {
			closeIndex()
			return nil, src, nil, err
		}
		lib = st
		reload = watchCorpus(src.Dir)
	}
	h, err := web.New(web.Options{Index: ix, Library: lib, Source: src.String(), Timeout: serveRequestTimeout, Reload: reload, Prepare: true})
	if err != nil {
		closeIndex()
		return nil, src, nil, err
	}
	return h, src, func() { h.Close() }, nil
}

// watchCorpus returns a web.Options.Reload for the store in dir: when the
// store's or the index's folder changed since the last call (an ingest or
// batch run wrote to them), it opens the index again.
func watchCorpus(dir string) func() (*index.Index, error) {
	stamp := func() string {
		var s string
		for _, p := range []string{filepath.Join(dir, "docs"), searchIndexDir(dir)} {
			if info, err := os.Stat(p); err == nil {
				s += info.ModTime().String() + ";"
			}
		}
		return s
	}
	last := stamp()
	return func() (*index.Index, error) {
		now := stamp()
		if now == last {
			return nil, nil
		}
		ix, err := index.Open(searchIndexDir(dir))
		if err != nil {
			return nil, err
		}
		last = now
		return ix, nil
	}
}

// batchCorpusOf returns the corpus directory of a batch output folder
// (OUTDIR/corpus) when dir is one, else dir.
func batchCorpusOf(dir string) string {
	if _, err := os.Stat(filepath.Join(dir, "docs")); err == nil {
		return dir
	}
	if inner := filepath.Join(dir, batchCorpusDir); corpus.Exists(inner) {
		return inner
	}
	return dir
}

func isLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// memLibrary is an in-memory set of documents (the embedded seeds).
type memLibrary []*corpus.Document

func (m memLibrary) Get(id string) (*corpus.Document, error) {
	for _, d := range m {
		if d.ID == id {
			return d, nil
		}
	}
	return nil, fmt.Errorf("%s: %w", id, corpus.ErrNotFound)
}

func (m memLibrary) List() ([]*corpus.Document, error) { return m, nil }
