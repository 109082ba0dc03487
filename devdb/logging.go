package main

import (
	"context"
	"log/slog"
	"strings"
)

// quietHandler downgrades FerretDB's per-request warnings to debug level.
//
// FerretDB logs every non-ok command response at WARN ("Response header: …",
// "Response message: …"), e.g. for the driver's endSessions on every
// disconnect or an expected NamespaceExists; the client receives those errors
// anyway. It also warns when a client drops its connection. Those would drown
// real problems in a dev server's output, so they become DEBUG/INFO.
type quietHandler struct {
	slog.Handler
}

func (h quietHandler) Enabled(ctx context.Context, level slog.Level) bool {
	// Let WARN through to Handle, which may downgrade and then re-check.
	if level == slog.LevelWarn {
		return true
	}
	return h.Handler.Enabled(ctx, level)
}

func (h quietHandler) Handle(ctx context.Context, r slog.Record) error {
	if r.Level == slog.LevelWarn {
		switch {
		case strings.HasPrefix(r.Message, "Response header:"),
			strings.HasPrefix(r.Message, "Response message:"):
			r.Level = slog.LevelDebug
		case r.Message == "Connection stopped":
			r.Level = slog.LevelInfo
		}
	}
	if !h.Handler.Enabled(ctx, r.Level) {
		return nil
	}
	return h.Handler.Handle(ctx, r)
}

func (h quietHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	return quietHandler{h.Handler.WithAttrs(attrs)}
}

func (h quietHandler) WithGroup(name string) slog.Handler {
	return quietHandler{h.Handler.WithGroup(name)}
}
