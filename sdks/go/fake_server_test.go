package narvark

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"
)

type recorded struct {
	Method, Path string
	Header       http.Header
	Body         string
}

type scripted struct {
	status int
	header map[string]string
	body   any
	drop   bool
	hang   bool
}

// fakeServer answers queued responses in order and records every request.
type fakeServer struct {
	*httptest.Server
	mu        sync.Mutex
	responses []scripted
	requests  []recorded
}

func newFakeServer(t *testing.T) *fakeServer {
	f := &fakeServer{}
	f.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		f.mu.Lock()
		f.requests = append(f.requests, recorded{r.Method, r.URL.RequestURI(), r.Header.Clone(), string(body)})
		next := scripted{status: 500, body: map[string]any{"error": map[string]any{}}}
		if len(f.responses) > 0 {
			next, f.responses = f.responses[0], f.responses[1:]
		}
		f.mu.Unlock()
		if next.hang {
			<-r.Context().Done()
			return
		}
		if next.drop {
			conn, _, _ := w.(http.Hijacker).Hijack()
			conn.Close()
			return
		}
		for k, v := range next.header {
			w.Header().Set(k, v)
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(next.status)
		_ = json.NewEncoder(w).Encode(next.body)
	}))
	t.Cleanup(f.Close)
	return f
}

func (f *fakeServer) answer(status int, body any, header ...string) {
	h := map[string]string{}
	for i := 0; i+1 < len(header); i += 2 {
		h[header[i]] = header[i+1]
	}
	f.responses = append(f.responses, scripted{status: status, body: body, header: h})
}

func (f *fakeServer) drop() { f.responses = append(f.responses, scripted{drop: true}) }
func (f *fakeServer) hang() { f.responses = append(f.responses, scripted{hang: true}) }

func (f *fakeServer) got() []recorded {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]recorded(nil), f.requests...)
}

// testClient records the waits between retries instead of sleeping.
func testClient(f *fakeServer, options ...Option) (*Client, *[]time.Duration) {
	var sleeps []time.Duration
	c := NewClient(testKey, append([]Option{WithBaseURL(f.URL), WithTimeout(5 * time.Second)}, options...)...)
	c.sleep = func(_ context.Context, d time.Duration) error {
		sleeps = append(sleeps, d)
		return nil
	}
	return c, &sleeps
}
