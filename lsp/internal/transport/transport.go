// Package transport connects a protocol.Server to a byte stream with
// go.lsp.dev's jsonrpc2 (LSP Content-Length framing). It is the only place
// that knows the library's wiring, so that replacing it stays a one-file
// change.
//
// It does not use protocol.NewServer, whose asynchronous dispatch runs
// messages concurrently with no ordering (a hover sent after 200 didChange
// notifications sees some of them unapplied), and it detaches the request
// context before the cancellation layer, which otherwise panics on the
// pooled request contexts of jsonrpc2 v1.0.1. Messages are thus handled one
// at a time, in order, on the read loop: handlers must be quick and must
// not call the client and wait for its answer.
//
// It also keeps the connection alive through bad input: a frame that is not
// JSON-RPC is answered with a ParseError or InvalidRequest and skipped, a
// header without a valid Content-Length is skipped, a
// notification whose handler fails is logged instead of ending the
// connection, and a handler that panics answers InternalError.
package transport

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"sync"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
)

// Conn is a running connection.
type Conn struct {
	conn jsonrpc2.Conn
}

// Start serves the server made by newServer over rwc. newServer receives
// the client through which the server sends notifications. logf receives
// problems that have no one to answer to (failed notifications).
func Start(ctx context.Context, rwc io.ReadWriteCloser, logf func(format string, args ...any), newServer func(protocol.Client) protocol.Server) *Conn {
	stream := &tolerantStream{inner: jsonrpc2.NewStream(rwc)}
	conn := jsonrpc2.NewConn(stream, jsonrpc2.WithCodec(Codec{}))
	client := protocol.ClientDispatcher(conn)
	ctx = protocol.WithClient(ctx, client)
	srv := newServer(client)
	inner := protocol.CancelHandler(protocol.ServerHandler(srv, jsonrpc2.MethodNotFoundHandler))
	conn.Go(ctx, func(c context.Context, r *jsonrpc2.Request) (result any, err error) {
		method, isCall := r.Method(), r.IsCall()
		defer func() {
			if p := recover(); p != nil {
				logf("avm lsp: %s: internal error: %v\n%s", method, p, debug.Stack())
				result, err = nil, jsonrpc2.NewError(jsonrpc2.ErrInternal.Code, fmt.Sprintf("%s: internal error: %v", method, p))
				if !isCall {
					err = nil
				}
			}
		}()
		result, err = inner(jsonrpc2.DetachContext(c), r)
		if err != nil && !isCall {
			// A failing notification would end the connection; one the
			// server does not handle is ignored, as LSP prescribes.
			if !errors.Is(err, jsonrpc2.ErrMethodNotFound) {
				logf("avm lsp: %s: %v", method, err)
			}
			return nil, nil
		}
		return result, err
	})
	return &Conn{conn: conn}
}

// Done is closed when the connection ends (the stream closed or failed).
func (c *Conn) Done() <-chan struct{} { return c.conn.Done() }

// Err returns why the connection ended; nil or io.EOF-like errors mean the
// peer closed it.
func (c *Conn) Err() error {
	err := c.conn.Err()
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrClosedPipe) || errors.Is(err, os.ErrClosed) {
		return nil
	}
	return err
}

// Close ends the connection.
func (c *Conn) Close() error { return c.conn.Close() }

// Codec marshals LSP payloads with the protocol package's union-aware
// codec (the one protocol.NewServer installs is unexported).
type Codec struct{}

func (Codec) Marshal(v any) ([]byte, error) {
	switch m := v.(type) {
	case jsonrpc2.RawMessage:
		if m == nil {
			return []byte("null"), nil
		}
		return m, nil
	case *jsonrpc2.RawMessage:
		if m == nil || *m == nil {
			return []byte("null"), nil
		}
		return *m, nil
	}
	return protocol.Marshal(v)
}

func (Codec) Unmarshal(data []byte, v any) error {
	if p, ok := v.(*jsonrpc2.RawMessage); ok {
		*p = append(jsonrpc2.RawMessage(nil), data...)
		return nil
	}
	return protocol.Unmarshal(data, v)
}

// frameReader is the raw-frame side of jsonrpc2's header stream.
type frameReader interface {
	ReadFrame(ctx context.Context) ([]byte, int64, error)
}

// tolerantStream answers and skips frames that do not decode as JSON-RPC
// messages; jsonrpc2 would end the connection on them. It deliberately
// does not expose ReadFrame, so the connection decodes through Read.
type tolerantStream struct {
	inner jsonrpc2.Stream
	// mu serialises writes: the connection's and the error answers written
	// from Read.
	mu sync.Mutex
}

func (s *tolerantStream) Read(ctx context.Context) (jsonrpc2.Message, int64, error) {
	fr, ok := s.inner.(frameReader)
	if !ok {
		return s.inner.Read(ctx)
	}
	for {
		frame, n, err := fr.ReadFrame(ctx)
		if errors.Is(err, jsonrpc2.ErrInvalidHeader) {
			// A header without a usable Content-Length: every failed read
			// consumes at least a line, so reading on finds the next frame.
			continue
		}
		if err != nil {
			return nil, 0, err
		}
		msg, err := jsonrpc2.DecodeMessage(frame)
		if err == nil {
			return msg, n, nil
		}
		// JSON-RPC answers a message it cannot read with a null id.
		if _, werr := s.Write(ctx, jsonrpc2.NewResponse(jsonrpc2.ID{}, nil, err)); werr != nil {
			return nil, 0, werr
		}
	}
}

func (s *tolerantStream) Write(ctx context.Context, msg jsonrpc2.Message) (int64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.inner.Write(ctx, msg)
}

func (s *tolerantStream) Close() error { return s.inner.Close() }
