package narvark

import (
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// DefaultWebhookTolerance is how far webhook-timestamp may be from now; older (or later) messages may be replays.
const DefaultWebhookTolerance = 5 * time.Minute

// WebhookVerifier checks webhooks from Narvark over the raw body.
type WebhookVerifier struct {
	keys      [][]byte
	Tolerance time.Duration
	// Now is the clock (time.Now by default).
	Now func() time.Time
}

// NewWebhookVerifier takes the endpoint's secret (whsec_…), or several while you rotate.
func NewWebhookVerifier(secrets ...string) (*WebhookVerifier, error) {
	if len(secrets) == 0 {
		return nil, errors.New("narvark: at least one webhook secret is needed")
	}
	v := &WebhookVerifier{Tolerance: DefaultWebhookTolerance, Now: time.Now}
	for _, secret := range secrets {
		if !strings.HasPrefix(secret, "whsec_") {
			return nil, errors.New("narvark: a webhook secret starts with whsec_")
		}
		key, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(secret, "whsec_"))
		if err != nil {
			return nil, errors.New("narvark: a webhook secret is whsec_ followed by base64")
		}
		v.keys = append(v.keys, key)
	}
	return v, nil
}

// Verify returns a *WebhookVerificationError unless the raw body is signed by one of the secrets within the
// tolerance. X-Narvark-Signature, when present, must match too. Pass the body exactly as received.
func (v *WebhookVerifier) Verify(body []byte, header http.Header) error {
	id, timestamp, signature := header.Get("webhook-id"), header.Get("webhook-timestamp"),
		header.Get("webhook-signature")
	if id == "" || timestamp == "" || signature == "" {
		return &WebhookVerificationError{"missing webhook-id, webhook-timestamp or webhook-signature header"}
	}
	seconds, err := strconv.ParseInt(timestamp, 10, 64)
	if err != nil || strings.TrimLeft(timestamp, "0123456789") != "" {
		return &WebhookVerificationError{"webhook-timestamp is not a Unix time in seconds"}
	}
	age := v.Now().Unix() - seconds
	if age < 0 {
		age = -age
	}
	if age > int64(v.Tolerance/time.Second) {
		return &WebhookVerificationError{"webhook-timestamp is outside the tolerance"}
	}
	signed := append([]byte(id+"."+timestamp+"."), body...)
	candidates := strings.Split(signature, " ")
	matched := false
	for _, key := range v.keys {
		expected := "v1," + base64.StdEncoding.EncodeToString(sum(key, signed))
		matched = anyMatches(expected, candidates) || matched
	}
	if !matched {
		return &WebhookVerificationError{"no matching webhook-signature"}
	}
	if values, present := header[http.CanonicalHeaderKey("X-Narvark-Signature")]; present && len(values) > 0 {
		parts := strings.Split(values[0], ",")
		matched = false
		for _, key := range v.keys {
			matched = anyMatches(hex.EncodeToString(sum(key, body)), parts) || matched
		}
		if !matched {
			return &WebhookVerificationError{"no matching X-Narvark-Signature"}
		}
	}
	return nil
}

// ConstructEvent verifies, then parses the event. Deduplicate on its ID: delivery is at least once.
func (v *WebhookVerifier) ConstructEvent(body []byte, header http.Header) (*WebhookEvent, error) {
	if err := v.Verify(body, header); err != nil {
		return nil, err
	}
	var event WebhookEvent
	if err := json.Unmarshal(body, &event); err != nil {
		return nil, err
	}
	return &event, nil
}

func sum(key, data []byte) []byte {
	mac := hmac.New(sha256.New, key)
	mac.Write(data)
	return mac.Sum(nil)
}

// anyMatches compares in constant time, every candidate: timing reveals neither which nor how much matched.
func anyMatches(expected string, candidates []string) bool {
	matched := 0
	for _, candidate := range candidates {
		matched |= subtle.ConstantTimeCompare([]byte(expected), []byte(strings.TrimSpace(candidate)))
	}
	return matched == 1
}
