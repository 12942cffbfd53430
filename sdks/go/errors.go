package narvark

import (
	"fmt"
	"time"
)

// Error is what every failed call returns: an API error (Status > 0) or a connection error (Status == 0).
// Use errors.As(err, &narvarkErr) to read it.
type Error struct {
	// Code is the API's machine-readable code, e.g. "invalid_request", "not_found", "rate_limited";
	// "connection_error" when no answer came.
	Code string
	// Message is human-readable; do not parse it.
	Message string
	// Param names the request field at fault, when there is one.
	Param string
	// Status is the HTTP status, 0 when no answer came.
	Status int
	// RequestID is the answer's Request-Id (or X-Request-Id) header, when present.
	RequestID string
	// RetryAfter is the answer's Retry-After, 0 when absent.
	RetryAfter time.Duration
	cause      error
}

func (e *Error) Error() string {
	text := e.Message
	if e.Code != "" {
		text += " code=" + e.Code
	}
	if e.Param != "" {
		text += " param=" + e.Param
	}
	if e.Status != 0 {
		text += fmt.Sprintf(" status=%d", e.Status)
	}
	if e.RequestID != "" {
		text += " request_id=" + e.RequestID
	}
	return text
}

// Unwrap gives the underlying network error of a connection error.
func (e *Error) Unwrap() error { return e.cause }

// IsConnection reports whether no answer came (connection refused or dropped, timeout).
func (e *Error) IsConnection() bool { return e.Status == 0 }

// IsNotFound, IsRateLimited and friends classify the error by HTTP status.
func (e *Error) IsNotFound() bool     { return e.Status == 404 }
func (e *Error) IsRateLimited() bool  { return e.Status == 429 }
func (e *Error) IsUnauthorized() bool { return e.Status == 401 }
func (e *Error) IsConflict() bool     { return e.Status == 409 }
func (e *Error) IsInvalid() bool {
	return e.Status == 400 || e.Status == 405 || e.Status == 413 || e.Status == 415
}
func (e *Error) IsServer() bool { return e.Status >= 500 }

// ErrWebhookVerification wraps every reason a webhook is refused.
type WebhookVerificationError struct{ Reason string }

func (e *WebhookVerificationError) Error() string { return "webhook verification failed: " + e.Reason }
