// The conformance scenario with the Go SDK (run by run.py, which sets the environment).
package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"

	narvark "github.com/narvark/narvark/sdks/go"
)

var sdk = os.Getenv("NARVARK_SDK")

func check(condition bool, step string, detail ...any) {
	if !condition {
		fmt.Printf("[%s] FAIL %s %v\n", sdk, step, detail)
		os.Exit(1)
	}
	fmt.Printf("[%s] ok   %s\n", sdk, step)
}

func must[T any](value T, err error) T {
	if err != nil {
		fmt.Printf("[%s] FAIL %v\n", sdk, err)
		os.Exit(1)
	}
	return value
}

type received struct {
	Path       string            `json:"path"`
	Headers    map[string]string `json:"headers"`
	BodyBase64 []byte            `json:"body_base64"`
}

func main() {
	ctx := context.Background()
	receiver := os.Getenv("NARVARK_RECEIVER_URL")
	client := narvark.NewClient(os.Getenv("NARVARK_API_KEY"), narvark.WithBaseURL(os.Getenv("NARVARK_BASE_URL")),
		narvark.WithMaxRetries(3))
	var b [16]byte
	_, _ = rand.Read(b[:])
	run := hex.EncodeToString(b[:])
	hookPath := "/hooks/" + sdk + "-" + run

	endpoint := must(client.CreateWebhookEndpoint(ctx, &narvark.WebhookEndpointParams{URL: receiver + hookPath,
		Events: []string{"otp.verified"}}))
	check(len(endpoint.Secret) > 6 && endpoint.Secret[:6] == "whsec_", "create webhook endpoint")

	otp := must(client.Send(ctx, &narvark.SendParams{To: "+15005550001", Channel: "sms",
		Metadata: map[string]string{"conformance": sdk, "run": run}}))
	check(otp.Status == "pending" && otp.ID[:4] == "otp_", "send (retried after the dropped connection)")

	wrong := must(client.Verify(ctx, otp.ID, "000 000"))
	check(!wrong.Valid && wrong.AttemptsRemaining == 4, "verify with a wrong code", *wrong)

	right := must(client.Verify(ctx, otp.ID, "123 456"))
	check(right.Valid && right.Status == "verified", "verify with the right code", *right)

	status := must(client.Get(ctx, otp.ID))
	for i := 0; i < 100 && status.Status != "verified"; i++ { // the status read model follows within moments
		time.Sleep(100 * time.Millisecond)
		status = must(client.Get(ctx, otp.ID))
	}
	check(status.Status == "verified" && status.AttemptsUsed == 2, "status", *status)
	check(status.Parts == 1 && len(status.DeliveryAttempts) == 1 && status.DeliveryAttempts[0].Encoding != nil &&
		*status.DeliveryAttempts[0].Encoding == "gsm7" && status.FailureReason == nil, "status: one GSM-7 part",
		*status)

	blocked := must(client.Send(ctx, &narvark.SendParams{To: "+15005550012", Channel: "sms"}))
	for i := 0; i < 100 && blocked.Status != "failed"; i++ {
		time.Sleep(100 * time.Millisecond)
		blocked = must(client.Get(ctx, blocked.ID))
	}
	check(blocked.FailureReason != nil && *blocked.FailureReason == narvark.FailureBlocked &&
		blocked.CarrierError != nil && *blocked.CarrierError == "simulator:blocked" &&
		len(blocked.DeliveryAttempts) == 1 && *blocked.DeliveryAttempts[0].FailureReason == "blocked" &&
		!narvark.IsRetryableFailure(*blocked.FailureReason), "status: failure reason and carrier error", *blocked)

	other := must(client.Send(ctx, &narvark.SendParams{To: "+15005550001", Channel: "sms",
		Metadata: map[string]string{"conformance": sdk}}))
	_, err := client.Resend(ctx, other.ID, nil)
	var refusal *narvark.Error
	check(errors.As(err, &refusal) && refusal.Code == "resend_too_soon" && refusal.Status == 429,
		"a resend within the cooldown is refused (not retried)", err)
	cancelled := must(client.Cancel(ctx, other.ID))
	check(cancelled.Status == "cancelled" && cancelled.CancelledAt != nil, "cancel", *cancelled)
	_, err = client.Resend(ctx, other.ID, &narvark.ResendParams{Code: "new"})
	check(errors.As(err, &refusal) && refusal.Code == "otp_not_active" && refusal.Status == 409,
		"a resend of a cancelled OTP is refused", err)

	_, err = client.Get(ctx, "otp_"+strings.Repeat("0", 26))
	var apiErr *narvark.Error
	check(errors.As(err, &apiErr) && apiErr.IsNotFound() && apiErr.Code == "not_found" &&
		strings.HasPrefix(apiErr.RequestID, "req_") && !strings.Contains(err.Error(), os.Getenv("NARVARK_API_KEY")),
		"a typed error for an unknown OTP", err)

	var listed []narvark.Otp
	for i := 0; i < 100; i++ { // the search read model follows the event store within moments
		listed = nil
		it := client.List(ctx, &narvark.ListParams{Metadata: map[string]string{"run": run}, Limit: 1})
		allVerified := true
		for it.Next() {
			listed = append(listed, it.Current())
			allVerified = allVerified && it.Current().Status == "verified"
		}
		must(0, it.Err())
		if len(listed) > 0 && allVerified {
			break
		}
		time.Sleep(300 * time.Millisecond)
	}
	check(len(listed) == 1 && listed[0].ID == otp.ID, "list: exactly one OTP for this run", listed)

	var delivery *received
	for i := 0; i < 300 && delivery == nil; i++ {
		res := must(http.Get(receiver + "/received?path=" + url.QueryEscape(hookPath)))
		var all []received
		must(0, json.NewDecoder(res.Body).Decode(&all))
		res.Body.Close()
		for i := range all {
			var event struct{ Type string }
			if json.Unmarshal(all[i].BodyBase64, &event) == nil && event.Type == "otp.verified" {
				delivery = &all[i]
			}
		}
		if delivery == nil {
			time.Sleep(300 * time.Millisecond)
		}
	}
	check(delivery != nil, "webhook otp.verified received")
	header := http.Header{}
	for k, v := range delivery.Headers {
		header.Set(k, v)
	}
	verifier := must(narvark.NewWebhookVerifier(endpoint.Secret))
	event := must(verifier.ConstructEvent(delivery.BodyBase64, header))
	check(event.Data.OtpID == otp.ID, "webhook verified with the SDK's helper")
	tampered := bytes.Replace(delivery.BodyBase64, []byte(`"verified"`), []byte(`"expired"`), 1)
	var refused *narvark.WebhookVerificationError
	check(errors.As(verifier.Verify(tampered, header), &refused), "tampered webhook body refused")

	var deliveries []narvark.WebhookDelivery
	it := client.ListWebhookDeliveries(ctx, &narvark.DeliveryListParams{EndpointID: endpoint.ID, Limit: 1})
	found := false
	for it.Next() {
		deliveries = append(deliveries, it.Current())
		found = found || it.Current().EventID == event.ID
	}
	must(0, it.Err())
	check(found, "webhook deliveries listed", deliveries)
	check(must(client.RedeliverWebhook(ctx, deliveries[0].ID)).ID == deliveries[0].ID, "webhook redelivered")
	rotated := must(client.RotateWebhookSecret(ctx, endpoint.ID))
	check(rotated.Secret != "" && rotated.Secret != endpoint.Secret, "webhook secret rotated")
	endpoints := must(client.ListWebhookEndpoints(ctx))
	check(len(endpoints) == 1 && endpoints[0].ID == endpoint.ID, "webhook endpoints listed")
	check(must(client.DeleteWebhookEndpoint(ctx, endpoint.ID)).Deleted, "webhook endpoint deleted")

	bound := must(client.Send(ctx, &narvark.SendParams{To: "+15005550001", Channel: "sms", Brand: "Acme Pay",
		Locale: "pt", Transaction: &narvark.Transaction{Amount: "42", Currency: "EUR", Payee: "ACME Shop"}}))
	check(bound.Locale != nil && *bound.Locale == "pt-BR" && bound.Brand != nil && *bound.Brand == "Acme Pay" &&
		bound.Transaction != nil && bound.Transaction.Amount == "42.00", "send with brand, locale and transaction",
		*bound)
	mismatch := must(client.Verify(ctx, bound.ID, "123456"))
	check(!mismatch.Valid && mismatch.Reason != nil && *mismatch.Reason == "transaction_mismatch",
		"verify without the transaction", *mismatch)
	boundOK := must(client.VerifyTransaction(ctx, bound.ID, "123456",
		narvark.Transaction{Amount: "42.00", Currency: "EUR", Payee: "ACME Shop"}))
	check(boundOK.Valid && boundOK.Reason == nil, "verify with the same transaction", *boundOK)
}
