package main

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"sync"
)

// FerretDB 1.x does not run read-modify-write commands (update, findAndModify)
// in a transaction on the SQLite backend, so concurrent `$inc`s on one
// document from different connections lose updates
// (https://github.com/FerretDB/FerretDB/issues/3040). MongoDB guarantees that
// single-document updates are atomic, and Parley relies on it (per
// conversation sequence numbers), so by default devdb puts a tiny wire-protocol
// proxy in front of FerretDB that lets only one command execute at a time.
// Each client connection still gets its own FerretDB connection (cursors,
// sessions and per-connection state behave as before).

const (
	msgHeaderLen = 16
	maxMsgLen    = 64 << 20 // MongoDB's maxMessageSizeBytes is 48 MB

	opMsg = 2013

	flagMoreToCome = 1 << 1
)

type serialProxy struct {
	ln      net.Listener
	backend string
	l       *slog.Logger

	exec sync.Mutex // held while FerretDB executes a command

	mu     sync.Mutex
	closed bool
	conns  map[net.Conn]struct{}
	wg     sync.WaitGroup
}

func newSerialProxy(ln net.Listener, backend string, l *slog.Logger) *serialProxy {
	return &serialProxy{ln: ln, backend: backend, l: l, conns: map[net.Conn]struct{}{}}
}

// Run accepts connections until ctx is canceled, then closes all of them.
func (p *serialProxy) Run(ctx context.Context) {
	go func() {
		<-ctx.Done()
		_ = p.ln.Close()
		p.mu.Lock()
		p.closed = true
		for c := range p.conns {
			_ = c.Close()
		}
		p.mu.Unlock()
	}()

	for {
		client, err := p.ln.Accept()
		if err != nil {
			if ctx.Err() != nil || errors.Is(err, net.ErrClosed) {
				break
			}
			p.l.Warn("accept failed", "err", err)
			continue
		}
		p.wg.Add(1)
		go func() {
			defer p.wg.Done()
			p.serve(ctx, client)
		}()
	}
	p.wg.Wait()
}

// track registers c so that shutdown closes it; it returns false if shutdown
// already happened.
func (p *serialProxy) track(c net.Conn) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return false
	}
	p.conns[c] = struct{}{}
	return true
}

func (p *serialProxy) untrack(c net.Conn) {
	p.mu.Lock()
	delete(p.conns, c)
	p.mu.Unlock()
	_ = c.Close()
}

func (p *serialProxy) serve(ctx context.Context, client net.Conn) {
	defer p.untrack(client)
	if !p.track(client) {
		return
	}

	var d net.Dialer
	backend, err := d.DialContext(ctx, "tcp", p.backend)
	if err != nil {
		p.l.Warn("cannot connect to FerretDB", "err", err)
		return
	}
	defer p.untrack(backend)
	if !p.track(backend) {
		return
	}

	for {
		req, err := readMessage(client)
		if err != nil {
			if !errors.Is(err, io.EOF) && ctx.Err() == nil {
				p.l.Info("client connection closed", "err", err)
			}
			return
		}
		if err = p.roundTrip(backend, client, req); err != nil {
			if ctx.Err() == nil {
				p.l.Warn("proxying failed", "err", err)
			}
			return
		}
	}
}

// roundTrip sends req to FerretDB and relays its response(s) to the client,
// holding the global execution lock until FerretDB has answered.
func (p *serialProxy) roundTrip(backend, client net.Conn, req []byte) error {
	p.exec.Lock()
	defer p.exec.Unlock()

	if _, err := backend.Write(req); err != nil {
		return fmt.Errorf("write to FerretDB: %w", err)
	}
	if moreToCome(req) {
		return nil // fire-and-forget request (w:0): no response
	}
	for {
		res, err := readMessage(backend)
		if err != nil {
			return fmt.Errorf("read from FerretDB: %w", err)
		}
		if _, err = client.Write(res); err != nil {
			return fmt.Errorf("write to client: %w", err)
		}
		if !moreToCome(res) { // exhaust replies: keep relaying
			return nil
		}
	}
}

// readMessage reads one complete wire protocol message (header included).
func readMessage(r io.Reader) ([]byte, error) {
	var hdr [msgHeaderLen]byte
	if _, err := io.ReadFull(r, hdr[:]); err != nil {
		return nil, err
	}
	n := int32(binary.LittleEndian.Uint32(hdr[0:4]))
	if n < msgHeaderLen || n > maxMsgLen {
		return nil, fmt.Errorf("invalid message length %d", n)
	}
	msg := make([]byte, n)
	copy(msg, hdr[:])
	if _, err := io.ReadFull(r, msg[msgHeaderLen:]); err != nil {
		return nil, err
	}
	return msg, nil
}

func moreToCome(msg []byte) bool {
	if len(msg) < msgHeaderLen+4 || binary.LittleEndian.Uint32(msg[12:16]) != opMsg {
		return false
	}
	return binary.LittleEndian.Uint32(msg[16:20])&flagMoreToCome != 0
}
