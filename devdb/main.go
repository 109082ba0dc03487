// Command devdb runs an embedded FerretDB (SQLite backend) as a local
// MongoDB-compatible server for Parley development and tests.
//
// Once the server accepts connections, devdb prints exactly one line to
// stdout: the MongoDB URI (e.g. "mongodb://127.0.0.1:40123/"). Logs go to
// stderr. It exits with code 0 on SIGTERM/SIGINT and, with
// -exit-on-stdin-eof, when its stdin is closed (i.e. its parent died).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	_ "net/http/pprof" // served only with -pprof
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
)

// shutdownTimeout bounds how long we wait for FerretDB to close connections
// and the SQLite backend after a stop was requested.
const shutdownTimeout = 8 * time.Second

func main() {
	os.Exit(run())
}

func run() int {
	fs := flag.NewFlagSet("devdb", flag.ContinueOnError)
	fs.SetOutput(os.Stderr)
	listen := fs.String("listen", "127.0.0.1:0", "TCP address to listen on (port 0 picks a free port)")
	dataDir := fs.String("data", "data", "directory holding the SQLite database files (created if missing)")
	logLevel := fs.String("log-level", "warn", "log level: debug, info, warn, error")
	exitOnStdinEOF := fs.Bool("exit-on-stdin-eof", false, "exit when stdin reaches EOF (parent process died or closed the pipe)")
	pprofAddr := fs.String("pprof", "", "serve Go's profiler (net/http/pprof) on this address, e.g. 127.0.0.1:6060")
	serialize := fs.Bool("serialize", true, "run document writes one at a time, reads free (makes single-document updates atomic; see serialize.go)")

	if err := fs.Parse(os.Args[1:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "devdb: unexpected arguments: %s\n", strings.Join(fs.Args(), " "))
		return 2
	}

	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		fmt.Fprintf(os.Stderr, "devdb: invalid -log-level %q: %v\n", *logLevel, err)
		return 2
	}
	logger := slog.New(quietHandler{slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level})})

	if _, _, err := net.SplitHostPort(*listen); err != nil {
		fmt.Fprintf(os.Stderr, "devdb: invalid -listen %q: %v\n", *listen, err)
		return 2
	}

	if *dataDir == "" {
		fmt.Fprintln(os.Stderr, "devdb: -data must not be empty")
		return 2
	}
	absData, err := filepath.Abs(*dataDir)
	if err != nil {
		fmt.Fprintf(os.Stderr, "devdb: %v\n", err)
		return 1
	}
	if err = os.MkdirAll(absData, 0o755); err != nil {
		fmt.Fprintf(os.Stderr, "devdb: cannot create data directory: %v\n", err)
		return 1
	}

	// file:///abs/dir/ — the SQLite backend requires a "file:" URI
	// whose path ends with a slash; url.URL takes care of escaping.
	// synchronous(normal): in WAL mode a commit survives a crash of devdb or of the machine's processes,
	// and only the last commits before a power cut may be lost; FULL would fsync every single write,
	// which for a development database costs more than it protects.
	sqliteURL := (&url.URL{
		Scheme:   "file",
		Path:     filepath.ToSlash(absData) + "/",
		RawQuery: url.Values{"_pragma": {"synchronous(normal)"}}.Encode(),
	}).String()

	ids := newIDIndexes(absData, logger.With("component", "idindex"))
	if err = ids.ensureAll(context.Background()); err != nil {
		fmt.Fprintf(os.Stderr, "devdb: cannot index the existing collections: %v\n", err)
		return 1
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer stop()

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	if *exitOnStdinEOF {
		go func() {
			// Any read error (EOF included) means the parent is gone.
			_, _ = io.Copy(io.Discard, os.Stdin)
			logger.Info("stdin closed, shutting down")
			cancel()
		}()
	}

	if *pprofAddr != "" {
		go func() {
			// The default mux carries net/http/pprof's handlers.
			if err := http.ListenAndServe(*pprofAddr, nil); err != nil {
				logger.Warn("pprof listener failed", "err", err)
			}
		}()
	}

	// With -serialize, clients connect to our proxy on -listen and FerretDB
	// listens on a private loopback port behind it.
	var proxyLn net.Listener
	ferretListen := *listen
	if *serialize {
		if proxyLn, err = net.Listen("tcp", *listen); err != nil {
			fmt.Fprintf(os.Stderr, "devdb: %v\n", err)
			return 1
		}
		defer proxyLn.Close()
		ferretListen = "127.0.0.1:0"
	}

	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: ferretListen},
		Logger:    logger.With("component", "ferretdb"),
		Handler:   "sqlite",
		SQLiteURL: sqliteURL,
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "devdb: %v\n", err)
		return 1
	}

	done := make(chan error, 1)
	go func() { done <- f.Run(ctx) }()

	// The TCP listener is bound by ferretdb.New, and Run has started the accept
	// loop, so the server is ready: MongoDBURI reports the real (resolved) port.
	uri := f.MongoDBURI()
	proxyDone := make(chan struct{})
	if proxyLn == nil {
		close(proxyDone)
	} else {
		backend := strings.TrimSuffix(strings.TrimPrefix(uri, "mongodb://"), "/")
		p := newSerialProxy(proxyLn, backend, ids, logger.With("component", "serialize"))
		go func() { p.Run(ctx); close(proxyDone) }()
		uri = (&url.URL{Scheme: "mongodb", Host: proxyLn.Addr().String(), Path: "/"}).String()
	}
	if _, err = fmt.Fprintln(os.Stdout, uri); err != nil {
		logger.Warn("cannot write URI to stdout", "err", err)
	}
	logger.Info("devdb ready", "uri", uri, "data", absData)

	select {
	case err = <-done:
		// Run returned without a stop request.
		if ctx.Err() == nil {
			fmt.Fprintf(os.Stderr, "devdb: server stopped unexpectedly: %v\n", err)
			return 1
		}
	case <-ctx.Done():
		logger.Info("shutting down")
		timeout := time.After(shutdownTimeout)
		select {
		case err = <-done:
		case <-timeout:
			fmt.Fprintln(os.Stderr, "devdb: shutdown timed out, exiting anyway")
			return 1
		}
		select {
		case <-proxyDone:
		case <-timeout:
			fmt.Fprintln(os.Stderr, "devdb: proxy shutdown timed out, exiting anyway")
			return 1
		}
	}

	if err != nil {
		fmt.Fprintf(os.Stderr, "devdb: %v\n", err)
		return 1
	}
	return 0
}
