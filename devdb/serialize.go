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
// conversation sequence numbers, compare-and-set ownership), so by default
// devdb puts a tiny wire-protocol proxy in front of FerretDB that orders the
// commands that could race:
//
//   - writes (insert, update, delete, findAndModify) run one at a time;
//   - schema changes (create, drop, createIndexes, renames, and any command
//     not known to be a read or a document write) run alone;
//   - reads (find, getMore, count, aggregate, …) are not held at all.
//
// That is what single-document atomicity needs, and a slow read (a report
// scanning history) no longer stalls every chat behind it. Writes are not
// ordered per collection: SQLite commits one writer at a time per database
// file anyway, and two FerretDB writes racing for it make the loser sleep in
// SQLite's busy handler (1, 2, 5, 10, 15, 20, 25 ms…), which showed as chat
// latency spikes whenever a report wrote beside the chats; queueing here costs
// only the other write's own time. Each client connection still gets its
// own FerretDB connection (cursors, sessions and per-connection state behave
// as before).

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
	ids     *idIndexes

	// schema is held exclusively by schema changes and shared by writes.
	schema sync.RWMutex
	// write is held while a document write executes: one at a time, whatever the collection (see above).
	write sync.Mutex

	mu     sync.Mutex
	closed bool
	conns  map[net.Conn]struct{}
	wg     sync.WaitGroup
}

func newSerialProxy(ln net.Listener, backend string, ids *idIndexes, l *slog.Logger) *serialProxy {
	return &serialProxy{
		ln: ln, backend: backend, ids: ids, l: l,
		conns: map[net.Conn]struct{}{},
	}
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
		if err = p.roundTrip(ctx, backend, client, req); err != nil {
			if ctx.Err() == nil {
				p.l.Warn("proxying failed", "err", err)
			}
			return
		}
	}
}

// roundTrip sends req to FerretDB and relays its response(s) to the client,
// holding whatever ordering the command needs until FerretDB has answered.
func (p *serialProxy) roundTrip(ctx context.Context, backend, client net.Conn, req []byte) error {
	cmd, err := parseCommand(req)
	if err != nil {
		cmd = command{kind: kindSchema} // FerretDB will answer it with the error; keep it alone meanwhile
	}
	switch cmd.kind {
	case kindWrite:
		p.schema.RLock()
		p.write.Lock()
		err = relay(backend, client, req)
		p.write.Unlock()
		p.schema.RUnlock()
	case kindSchema:
		p.schema.Lock()
		err = relay(backend, client, req)
		p.schema.Unlock()
	default:
		err = relay(backend, client, req)
	}
	if err != nil {
		return err
	}
	p.afterCommand(ctx, cmd)
	return nil
}

// afterCommand keeps the _id lookup indexes (idindex.go) in step with the collections that exist.
func (p *serialProxy) afterCommand(ctx context.Context, cmd command) {
	switch cmd.name {
	case "drop":
		p.ids.forget(cmd.db)
		return
	case "dropdatabase", "renamecollection":
		p.ids.forget("")
		return
	case "insert", "update", "findandmodify", "create", "createindexes":
	default:
		return
	}
	if cmd.collection == "" || p.ids.known(cmd.db, cmd.collection) {
		return
	}
	// Once per new collection; alone, so no FerretDB write is holding the database file meanwhile.
	p.schema.Lock()
	defer p.schema.Unlock()
	if err := p.ids.ensure(ctx, cmd.db, cmd.collection); err != nil {
		p.l.Warn("cannot add the _id lookup index", "db", cmd.db, "collection", cmd.collection, "err", err)
	}
}

func relay(backend, client net.Conn, req []byte) error {
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
