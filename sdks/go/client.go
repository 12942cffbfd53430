// Package narvark is a client of the Narvark OTP API: send and verify one-time passwords, and verify webhooks.
//
//	client := narvark.NewClient("nvk_test_sk_…")
//	otp, err := client.Send(ctx, &narvark.SendParams{To: "+447911123456", Channel: "sms"})
//	check, err := client.Verify(ctx, otp.ID, "123 456")
package narvark

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	mathrand "math/rand"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

const (
	// DefaultBaseURL is a local gateway; pass WithBaseURL for yours.
	DefaultBaseURL = "http://localhost:8080"
	// Version of this SDK.
	Version = "0.1.0"
	// maxRetryAfter: a longer Retry-After is not waited for; the error is returned instead.
	maxRetryAfter = 60 * time.Second
)

// Client calls the API. It is safe for concurrent use.
type Client struct {
	apiKey     string
	baseURL    string
	timeout    time.Duration
	maxRetries int
	http       *http.Client
	sleep      func(context.Context, time.Duration) error
}

// Option configures a Client.
type Option func(*Client)

// WithBaseURL sets the gateway's address.
func WithBaseURL(baseURL string) Option {
	return func(c *Client) { c.baseURL = strings.TrimRight(baseURL, "/") }
}

// WithTimeout bounds each attempt (default 30 s). The context bounds the whole call, retries included.
func WithTimeout(timeout time.Duration) Option { return func(c *Client) { c.timeout = timeout } }

// WithMaxRetries sets how many times a failed attempt is retried (default 2).
func WithMaxRetries(n int) Option { return func(c *Client) { c.maxRetries = n } }

// WithHTTPClient replaces the underlying http.Client (its Timeout is left alone; WithTimeout applies per attempt).
func WithHTTPClient(h *http.Client) Option { return func(c *Client) { c.http = h } }

// NewClient returns a client for the API key (nvk_test_sk_… or nvk_live_sk_…).
func NewClient(apiKey string, options ...Option) *Client {
	c := &Client{apiKey: apiKey, baseURL: DefaultBaseURL, timeout: 30 * time.Second, maxRetries: 2,
		http: &http.Client{CheckRedirect: noRedirect}, sleep: sleepContext}
	for _, option := range options {
		option(c)
	}
	if c.maxRetries < 0 {
		c.maxRetries = 0
	}
	return c
}

// String never shows the key.
func (c *Client) String() string { return "narvark.Client{baseURL: " + c.baseURL + "}" }

// GoString never shows the key, even with %#v.
func (c *Client) GoString() string { return c.String() }

// Send creates an OTP. Retries reuse one Idempotency-Key, so a retry never creates a second OTP.
func (c *Client) Send(ctx context.Context, params *SendParams) (*Otp, error) {
	var otp Otp
	err := c.do(ctx, call{method: "POST", path: "/v1/otp/send", body: params,
		idempotencyKey: keyOr(params.IdempotencyKey), safe: true}, &otp)
	return result(&otp, err)
}

// Verify checks a code as the user typed it ("492 817" is fine); read Valid. Not retried after a lost answer:
// the first attempt may have used up the code.
func (c *Client) Verify(ctx context.Context, id, code string) (*Verification, error) {
	var v Verification
	err := c.do(ctx, call{method: "POST", path: "/v1/otp/verify",
		body: map[string]string{"id": id, "code": code}}, &v)
	return result(&v, err)
}

// VerifyTransaction checks a code sent for a transaction: the same transaction must come with it, or the answer is
// Valid false with Reason "transaction_mismatch". Not retried after a lost answer, like Verify.
func (c *Client) VerifyTransaction(ctx context.Context, id, code string, transaction Transaction) (*Verification,
	error) {
	var v Verification
	body := map[string]any{"id": id, "code": code, "transaction": transaction}
	err := c.do(ctx, call{method: "POST", path: "/v1/otp/verify", body: body}, &v)
	return result(&v, err)
}

// Get reads an OTP's status.
func (c *Client) Get(ctx context.Context, id string) (*Otp, error) {
	var otp Otp
	err := c.do(ctx, call{method: "GET", path: "/v1/otp/" + url.PathEscape(id), safe: true}, &otp)
	return result(&otp, err)
}

// Resend sends the OTP again.
func (c *Client) Resend(ctx context.Context, id string, params *ResendParams) (*Otp, error) {
	if params == nil {
		params = &ResendParams{}
	}
	var otp Otp
	err := c.do(ctx, call{method: "POST", path: "/v1/otp/" + url.PathEscape(id) + "/resend", body: params,
		idempotencyKey: keyOr(params.IdempotencyKey), safe: true}, &otp)
	return result(&otp, err)
}

// Cancel ends the OTP (status "cancelled"); cancelling again is fine.
func (c *Client) Cancel(ctx context.Context, id string) (*Otp, error) {
	var otp Otp
	err := c.do(ctx, call{method: "POST", path: "/v1/otp/" + url.PathEscape(id) + "/cancel",
		body: struct{}{}, idempotencyKey: keyOr(""), safe: true}, &otp)
	return result(&otp, err)
}

// List iterates over every matching OTP, newest first, fetching pages as it goes:
//
//	it := client.List(ctx, &narvark.ListParams{Status: "verified"})
//	for it.Next() { otp := it.Current() }
//	if err := it.Err(); err != nil { … }
func (c *Client) List(ctx context.Context, params *ListParams) *Iterator[Otp] {
	if params == nil {
		params = &ListParams{}
	}
	query := url.Values{}
	set(query, "status", params.Status)
	set(query, "channel", params.Channel)
	set(query, "to", params.To)
	set(query, "created_after", params.CreatedAfter)
	set(query, "created_before", params.CreatedBefore)
	for k, v := range params.Metadata {
		query.Set("metadata["+k+"]", v)
	}
	if params.Limit > 0 {
		query.Set("limit", strconv.Itoa(params.Limit))
	}
	return newIterator[Otp](ctx, c, "/v1/otp", query, params.StartingAfter, func(o Otp) string { return o.ID })
}

// CreateWebhookEndpoint registers an endpoint. The answer's Secret is shown only here and on rotation.
func (c *Client) CreateWebhookEndpoint(ctx context.Context, params *WebhookEndpointParams) (*WebhookEndpoint, error) {
	var e WebhookEndpoint
	err := c.do(ctx, call{method: "POST", path: "/v1/webhook_endpoints", body: params,
		idempotencyKey: keyOr(params.IdempotencyKey), safe: true}, &e)
	return result(&e, err)
}

// ListWebhookEndpoints returns every endpoint of the key's account and environment.
func (c *Client) ListWebhookEndpoints(ctx context.Context) ([]WebhookEndpoint, error) {
	var page struct {
		Data []WebhookEndpoint `json:"data"`
	}
	if err := c.do(ctx, call{method: "GET", path: "/v1/webhook_endpoints", safe: true}, &page); err != nil {
		return nil, err
	}
	return page.Data, nil
}

// GetWebhookEndpoint reads one endpoint (without its secret).
func (c *Client) GetWebhookEndpoint(ctx context.Context, id string) (*WebhookEndpoint, error) {
	var e WebhookEndpoint
	err := c.do(ctx, call{method: "GET", path: "/v1/webhook_endpoints/" + url.PathEscape(id), safe: true}, &e)
	return result(&e, err)
}

// DeleteWebhookEndpoint removes an endpoint with its deliveries.
func (c *Client) DeleteWebhookEndpoint(ctx context.Context, id string) (*DeletedObject, error) {
	var d DeletedObject
	err := c.do(ctx, call{method: "DELETE", path: "/v1/webhook_endpoints/" + url.PathEscape(id), safe: true}, &d)
	return result(&d, err)
}

// RotateWebhookSecret issues a new secret; the previous one keeps signing for 24 hours. Not retried after a lost
// answer: a retry would rotate twice and lose the secret of the first.
func (c *Client) RotateWebhookSecret(ctx context.Context, id string) (*WebhookEndpoint, error) {
	var e WebhookEndpoint
	err := c.do(ctx, call{method: "POST", path: "/v1/webhook_endpoints/" + url.PathEscape(id) + "/rotate_secret"}, &e)
	return result(&e, err)
}

// ListWebhookDeliveries iterates over the webhook event log, newest first.
func (c *Client) ListWebhookDeliveries(ctx context.Context, params *DeliveryListParams) *Iterator[WebhookDelivery] {
	if params == nil {
		params = &DeliveryListParams{}
	}
	query := url.Values{}
	set(query, "endpoint_id", params.EndpointID)
	set(query, "type", params.Type)
	set(query, "status", params.Status)
	if params.Limit > 0 {
		query.Set("limit", strconv.Itoa(params.Limit))
	}
	return newIterator[WebhookDelivery](ctx, c, "/v1/webhook_deliveries", query, params.StartingAfter,
		func(d WebhookDelivery) string { return d.ID })
}

// RedeliverWebhook queues a delivery for an immediate attempt (the same event id).
func (c *Client) RedeliverWebhook(ctx context.Context, id string) (*WebhookDelivery, error) {
	var d WebhookDelivery
	err := c.do(ctx, call{method: "POST", path: "/v1/webhook_deliveries/" + url.PathEscape(id) + "/redeliver",
		safe: true}, &d)
	return result(&d, err)
}

type call struct {
	method         string
	path           string
	query          url.Values
	body           any
	idempotencyKey string
	// safe: a retry after an unknown outcome (5xx, lost connection) cannot do the work twice.
	safe bool
}

func (c *Client) do(ctx context.Context, call call, out any) error {
	target := c.baseURL + call.path
	if len(call.query) > 0 {
		target += "?" + call.query.Encode()
	}
	var payload []byte
	if call.body != nil {
		var err error
		if payload, err = json.Marshal(call.body); err != nil {
			return err
		}
	}
	for attempt := 0; ; attempt++ {
		status, header, raw, err := c.attempt(ctx, call, target, payload)
		var wait time.Duration
		if err != nil {
			if ctx.Err() != nil || !call.safe || attempt >= c.maxRetries {
				return &Error{Code: "connection_error", Message: c.redact("could not reach Narvark at " +
					c.baseURL + ": " + err.Error()), cause: err}
			}
			wait = backoff(attempt)
		} else if status >= 200 && status < 300 {
			if out == nil || len(raw) == 0 {
				return nil
			}
			return json.Unmarshal(raw, out)
		} else {
			apiErr := c.apiError(status, header, raw)
			var retry bool
			if wait, retry = c.retryWait(attempt, apiErr, call.safe); !retry {
				return apiErr
			}
		}
		if err := c.sleep(ctx, wait); err != nil {
			return &Error{Code: "connection_error", Message: err.Error(), cause: err}
		}
	}
}

func (c *Client) attempt(ctx context.Context, call call, target string, payload []byte) (int, http.Header, []byte,
	error) {
	ctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	var body io.Reader
	if payload != nil {
		body = bytes.NewReader(payload)
	}
	req, err := http.NewRequestWithContext(ctx, call.method, target, body)
	if err != nil {
		return 0, nil, nil, err
	}
	req.Header.Set("Authorization", "Bearer "+c.apiKey)
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", "narvark-go/"+Version)
	if payload != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if call.idempotencyKey != "" {
		req.Header.Set("Idempotency-Key", call.idempotencyKey)
	}
	res, err := c.http.Do(req)
	if err != nil {
		return 0, nil, nil, err
	}
	defer res.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(res.Body, 16<<20))
	if err != nil {
		return 0, nil, nil, err
	}
	return res.StatusCode, res.Header, raw, nil
}

// retryWait: 429s that answer this very request (resend_too_soon, destination_rate_limited) are not load, so they
// are returned at once; waiting would only delay the user's error.
func (c *Client) retryWait(attempt int, e *Error, safe bool) (time.Duration, bool) {
	if attempt >= c.maxRetries {
		return 0, false
	}
	notRetried := e.Code == "resend_too_soon" || e.Code == "destination_rate_limited"
	if (e.Status == 429 && !notRetried) || (e.Code == "idempotency_in_flight" && safe) {
		if e.RetryAfter > 0 {
			return e.RetryAfter, e.RetryAfter <= maxRetryAfter
		}
		return backoff(attempt), true
	}
	if e.Status >= 500 && safe {
		return backoff(attempt), true
	}
	return 0, false
}

func (c *Client) apiError(status int, header http.Header, raw []byte) *Error {
	var body struct {
		Error struct {
			Code    string `json:"code"`
			Message string `json:"message"`
			Param   string `json:"param"`
		} `json:"error"`
	}
	_ = json.Unmarshal(raw, &body) // not JSON (a proxy's page): the status says enough
	message := body.Error.Message
	if message == "" {
		message = fmt.Sprintf("HTTP %d", status)
	}
	requestID := header.Get("Request-Id")
	if requestID == "" {
		requestID = header.Get("X-Request-Id")
	}
	return &Error{Code: body.Error.Code, Message: c.redact(message), Param: body.Error.Param, Status: status,
		RequestID: requestID, RetryAfter: retryAfter(header.Get("Retry-After"))}
}

// redact keeps the key out of every error message, even if some layer echoed it.
func (c *Client) redact(text string) string {
	if c.apiKey == "" {
		return text
	}
	return strings.ReplaceAll(text, c.apiKey, "[redacted]")
}

func result[T any](value *T, err error) (*T, error) {
	if err != nil {
		return nil, err
	}
	return value, nil
}

func keyOr(given string) string {
	if given != "" {
		return given
	}
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic("narvark: no randomness for an idempotency key: " + err.Error())
	}
	return hex.EncodeToString(b[:])
}

func set(query url.Values, name, value string) {
	if value != "" {
		query.Set(name, value)
	}
}

// backoff is exponential from 500 ms, capped at 8 s, with jitter so many clients do not retry in step.
func backoff(attempt int) time.Duration {
	ceiling := 500 * time.Millisecond << attempt
	if ceiling > 8*time.Second || ceiling <= 0 {
		ceiling = 8 * time.Second
	}
	return ceiling/2 + time.Duration(mathrand.Int63n(int64(ceiling/2)+1))
}

func retryAfter(value string) time.Duration {
	value = strings.TrimSpace(value)
	if value == "" {
		return 0
	}
	if seconds, err := strconv.Atoi(value); err == nil && seconds >= 0 {
		return time.Duration(seconds) * time.Second
	}
	if when, err := http.ParseTime(value); err == nil {
		if d := time.Until(when); d > 0 {
			return d
		}
	}
	return 0
}

// noRedirect: the API never redirects; a 3xx is an error, and the key is never sent on to another host.
func noRedirect(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }

func sleepContext(ctx context.Context, d time.Duration) error {
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-timer.C:
		return nil
	}
}
