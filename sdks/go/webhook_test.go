package narvark

import (
	"encoding/json"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

type validVector struct {
	Name              string `json:"name"`
	ID                string `json:"id"`
	Body              string `json:"body"`
	VerifySecret      string `json:"verify_secret"`
	XNarvarkSignature string `json:"x_narvark_signature"`
	WebhookSignature  string `json:"webhook_signature"`
	Timestamp         int64  `json:"timestamp"`
	Now               int64  `json:"now"`
}

type invalidVector struct {
	Name    string            `json:"name"`
	Secret  string            `json:"secret"`
	Body    string            `json:"body"`
	Now     int64             `json:"now"`
	Headers map[string]string `json:"headers"`
}

type vectors struct {
	Valid   []validVector   `json:"valid"`
	Invalid []invalidVector `json:"invalid"`
}

// loadVectors reads the signing cases shared by every SDK and the gateway's signer test.
func loadVectors(t *testing.T) vectors {
	raw, err := os.ReadFile(filepath.Join("..", "test-vectors", "webhook-signatures.json"))
	if err != nil {
		t.Fatal(err)
	}
	var v vectors
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatal(err)
	}
	return v
}

func verifierAt(t *testing.T, now int64, secrets ...string) *WebhookVerifier {
	v, err := NewWebhookVerifier(secrets...)
	if err != nil {
		t.Fatal(err)
	}
	v.Now = func() time.Time { return time.Unix(now, 0) }
	return v
}

func TestShouldAcceptEveryValidVector(t *testing.T) {
	for _, c := range loadVectors(t).Valid {
		header := http.Header{}
		header.Set("webhook-id", c.ID)
		header.Set("webhook-timestamp", itoa(c.Timestamp))
		header.Set("webhook-signature", c.WebhookSignature)
		header.Set("X-Narvark-Signature", c.XNarvarkSignature)
		if err := verifierAt(t, c.Now, c.VerifySecret).Verify([]byte(c.Body), header); err != nil {
			t.Errorf("%s: %v", c.Name, err)
		}
	}
}

func TestShouldRefuseEveryTamperedVector(t *testing.T) {
	cases := loadVectors(t).Invalid
	if len(cases) < 10 {
		t.Fatal("too few tampered vectors")
	}
	for _, c := range cases {
		header := http.Header{}
		for k, v := range c.Headers {
			header.Set(k, v)
		}
		err := verifierAt(t, c.Now, c.Secret).Verify([]byte(c.Body), header)
		var refused *WebhookVerificationError
		if !errors.As(err, &refused) {
			t.Errorf("%s: accepted (%v)", c.Name, err)
		}
	}
}

func TestShouldAcceptWhenOneOfSeveralReceiverSecretsMatches(t *testing.T) {
	v := loadVectors(t)
	c := v.Valid[2]
	header := http.Header{}
	header.Set("webhook-id", c.ID)
	header.Set("webhook-timestamp", itoa(c.Timestamp))
	header.Set("webhook-signature", c.WebhookSignature)

	event, err := verifierAt(t, c.Now, v.Invalid[3].Secret, c.VerifySecret).ConstructEvent([]byte(c.Body), header)

	if err != nil || event.Type != "otp.delivered" || event.Data.Metadata["order"] != "42" {
		t.Fatalf("%v %v", event, err)
	}
}

func TestShouldRefuseASecretWithoutThePrefix(t *testing.T) {
	if _, err := NewWebhookVerifier("Jefe"); err == nil {
		t.Fatal("accepted a secret without whsec_")
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
