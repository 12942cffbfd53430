package narvark

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

const testKey = "nvk_test_sk_abcdefghjkmnpqrstvwxyz0123456789ab"
const otpID = "otp_jt97kb6cq643dzvmxxqkfbf5kz"

var pendingOtp = map[string]any{"id": otpID, "object": "otp", "status": "pending"}

func asError(t *testing.T, err error) *Error {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("want *narvark.Error, got %T %v", err, err)
	}
	return e
}

func TestShouldPostTheSendBodyWithTheKeyAndAnIdempotencyKeyWhenSending(t *testing.T) {
	f := newFakeServer(t)
	f.answer(200, pendingOtp)
	c, _ := testClient(f)

	otp, err := c.Send(context.Background(), &SendParams{To: "+447911123456", Channel: "sms",
		Metadata: map[string]string{"order": "42"}})

	if err != nil || otp.ID != otpID {
		t.Fatalf("send: %v %v", otp, err)
	}
	r := f.got()[0]
	if r.Method != "POST" || r.Path != "/v1/otp/send" || r.Header.Get("Authorization") != "Bearer "+testKey ||
		r.Header.Get("Content-Type") != "application/json" || r.Header.Get("Idempotency-Key") == "" {
		t.Fatalf("request: %+v", r)
	}
	if r.Body != `{"to":"+447911123456","channel":"sms","metadata":{"order":"42"}}` {
		t.Fatalf("body: %s", r.Body)
	}
}

func TestShouldReuseOneIdempotencyKeyWhenASendIsRetriedAfterADroppedConnectionAndA500(t *testing.T) {
	f := newFakeServer(t)
	f.drop()
	f.answer(500, map[string]any{"error": map[string]any{"code": "internal_error", "message": "oops"}})
	f.answer(200, pendingOtp)
	c, sleeps := testClient(f)

	if _, err := c.Send(context.Background(), &SendParams{To: "+447911123456", Channel: "sms"}); err != nil {
		t.Fatal(err)
	}

	requests := f.got()
	if len(requests) != 3 || len(*sleeps) != 2 {
		t.Fatalf("requests %d, sleeps %v", len(requests), *sleeps)
	}
	for _, r := range requests {
		if r.Header.Get("Idempotency-Key") != requests[0].Header.Get("Idempotency-Key") {
			t.Fatal("the retries changed the Idempotency-Key")
		}
	}
}

func TestShouldUseANewIdempotencyKeyWhenSendingAnotherOtp(t *testing.T) {
	f := newFakeServer(t)
	f.answer(200, pendingOtp)
	f.answer(200, pendingOtp)
	c, _ := testClient(f)

	_, _ = c.Send(context.Background(), &SendParams{To: "+447911123456", Channel: "sms"})
	_, _ = c.Send(context.Background(), &SendParams{To: "+447911123456", Channel: "sms"})

	if r := f.got(); r[0].Header.Get("Idempotency-Key") == r[1].Header.Get("Idempotency-Key") {
		t.Fatal("two sends shared an Idempotency-Key")
	}
}

func TestShouldRetryWithTheSameKeyWhenTheFirstSendIsStillInFlight(t *testing.T) {
	f := newFakeServer(t)
	f.answer(409, map[string]any{"error": map[string]any{"code": "idempotency_in_flight", "message": "running"}},
		"Retry-After", "1")
	f.answer(200, pendingOtp)
	c, sleeps := testClient(f)

	otp, err := c.Send(context.Background(), &SendParams{To: "+447911123456", Channel: "sms"})

	r := f.got()
	if err != nil || otp.ID != otpID || r[0].Header.Get("Idempotency-Key") != r[1].Header.Get("Idempotency-Key") ||
		len(*sleeps) != 1 || (*sleeps)[0] != time.Second {
		t.Fatalf("%v %v sleeps %v", otp, err, *sleeps)
	}
}

func TestShouldHonourRetryAfterWhenRateLimited(t *testing.T) {
	f := newFakeServer(t)
	f.answer(429, map[string]any{"error": map[string]any{"code": "rate_limited", "message": "slow"}}, "Retry-After", "7")
	f.answer(200, pendingOtp)
	c, sleeps := testClient(f)

	if _, err := c.Get(context.Background(), otpID); err != nil {
		t.Fatal(err)
	}

	if len(*sleeps) != 1 || (*sleeps)[0] != 7*time.Second {
		t.Fatalf("sleeps %v", *sleeps)
	}
}

func TestShouldBackOffWithJitterWithinBoundsWhenTheServerKeepsFailing(t *testing.T) {
	f := newFakeServer(t)
	for i := 0; i < 3; i++ {
		f.answer(503, map[string]any{"error": map[string]any{"code": "internal_error", "message": "down"}})
	}
	c, sleeps := testClient(f)

	_, err := c.Get(context.Background(), otpID)

	if e := asError(t, err); !e.IsServer() || e.Status != 503 {
		t.Fatalf("error %v", e)
	}
	s := *sleeps
	if len(f.got()) != 3 || s[0] < 250*time.Millisecond || s[0] > 500*time.Millisecond ||
		s[1] < 500*time.Millisecond || s[1] > time.Second {
		t.Fatalf("requests %d sleeps %v", len(f.got()), s)
	}
}

func TestShouldReturnATypedErrorWithCodeParamStatusAndRequestIDWhenTheAPIRefuses(t *testing.T) {
	f := newFakeServer(t)
	f.answer(400, map[string]any{"error": map[string]any{"code": "invalid_request",
		"message": "ttl must be between 60 and 86400", "param": "ttl"}}, "Request-Id", "req_123")
	c, _ := testClient(f)

	_, err := c.Send(context.Background(), &SendParams{To: "+447911123456", Channel: "sms", TTL: 5})

	e := asError(t, err)
	if e.Code != "invalid_request" || e.Param != "ttl" || e.Status != 400 || e.RequestID != "req_123" ||
		e.Message != "ttl must be between 60 and 86400" || !e.IsInvalid() || len(f.got()) != 1 {
		t.Fatalf("error %+v", e)
	}
}

func TestShouldNeverShowTheKeyWhenAnErrorMessageEchoesIt(t *testing.T) {
	f := newFakeServer(t)
	f.answer(401, map[string]any{"error": map[string]any{"code": "unauthorized", "message": "bad key " + testKey}})
	c, _ := testClient(f)

	_, err := c.Get(context.Background(), otpID)

	if !asError(t, err).IsUnauthorized() || strings.Contains(err.Error(), testKey) ||
		strings.Contains(fmt.Sprintf("%v %+v %#v %s", c, c, c, c), testKey) {
		t.Fatalf("the key leaked: %v", err)
	}
}

func TestShouldNotRetryAVerifyWhenTheConnectionDrops(t *testing.T) {
	f := newFakeServer(t)
	f.drop()
	c, _ := testClient(f)

	_, err := c.Verify(context.Background(), otpID, "492 817")

	if !asError(t, err).IsConnection() || len(f.got()) != 1 || strings.Contains(err.Error(), testKey) {
		t.Fatalf("error %v after %d requests", err, len(f.got()))
	}
}

func TestShouldSendTheCodeAsTypedWhenVerifying(t *testing.T) {
	f := newFakeServer(t)
	f.answer(200, map[string]any{"id": otpID, "valid": true})
	c, _ := testClient(f)

	v, err := c.Verify(context.Background(), otpID, "492 817")

	if err != nil || !v.Valid || f.got()[0].Body != `{"code":"492 817","id":"`+otpID+`"}` {
		t.Fatalf("verify %v %v %s", v, err, f.got()[0].Body)
	}
}

func TestShouldSendTheMessageFieldsWhenSendingWithBrandLocaleAutofillAndTransaction(t *testing.T) {
	f := newFakeServer(t)
	payment := map[string]any{"amount": "42.00", "currency": "EUR", "payee": "ACME Shop"}
	f.answer(200, map[string]any{"id": otpID, "object": "otp", "status": "pending", "brand": "Acme Shop",
		"locale": "pt-BR", "transaction": payment})
	c, _ := testClient(f)

	otp, err := c.Send(context.Background(), &SendParams{To: "+5511987654321", Channel: "sms", Brand: "Acme Shop",
		Locale: "pt", WebDomain: "shop.example.com",
		Transaction: &Transaction{Amount: "42.00", Currency: "EUR", Payee: "ACME Shop"}})

	want := `{"to":"+5511987654321","channel":"sms","brand":"Acme Shop","locale":"pt",` +
		`"web_domain":"shop.example.com","transaction":{"amount":"42.00","currency":"EUR","payee":"ACME Shop"}}`
	if err != nil || *otp.Locale != "pt-BR" || *otp.Brand != "Acme Shop" || otp.Transaction.Payee != "ACME Shop" ||
		f.got()[0].Body != want {
		t.Fatalf("send %v %v %s", otp, err, f.got()[0].Body)
	}
}

func TestShouldSendTheTransactionAndReadTheReasonWhenVerifyingABoundCode(t *testing.T) {
	f := newFakeServer(t)
	f.answer(200, map[string]any{"id": otpID, "valid": false, "reason": "transaction_mismatch"})
	c, _ := testClient(f)

	v, err := c.VerifyTransaction(context.Background(), otpID, "492817",
		Transaction{Amount: "42.01", Currency: "EUR", Payee: "ACME Shop"})

	want := `{"code":"492817","id":"` + otpID + `","transaction":{"amount":"42.01","currency":"EUR","payee":"ACME Shop"}}`
	if err != nil || v.Valid || v.Reason == nil || *v.Reason != "transaction_mismatch" || f.got()[0].Body != want {
		t.Fatalf("verify %v %v %s", v, err, f.got()[0].Body)
	}
}

func TestShouldRetryWhenAnAttemptTimesOut(t *testing.T) {
	f := newFakeServer(t)
	f.hang()
	f.answer(200, pendingOtp)
	c, _ := testClient(f, WithTimeout(200*time.Millisecond), WithMaxRetries(1))

	otp, err := c.Get(context.Background(), otpID)

	if err != nil || otp.ID != otpID || len(f.got()) != 2 {
		t.Fatalf("get %v %v after %d requests", otp, err, len(f.got()))
	}
}

func TestShouldFollowCursorsWhenListing(t *testing.T) {
	f := newFakeServer(t)
	f.answer(200, map[string]any{"object": "list", "has_more": true, "data": []any{map[string]any{"id": "otp_a"},
		map[string]any{"id": "otp_b"}}})
	f.answer(200, map[string]any{"object": "list", "has_more": false, "data": []any{map[string]any{"id": "otp_c"}}})
	c, _ := testClient(f)

	it := c.List(context.Background(), &ListParams{Status: "verified", Metadata: map[string]string{"order": "42"},
		Limit: 2})
	var ids []string
	for it.Next() {
		ids = append(ids, it.Current().ID)
	}

	if it.Err() != nil || strings.Join(ids, ",") != "otp_a,otp_b,otp_c" {
		t.Fatalf("ids %v err %v", ids, it.Err())
	}
	r := f.got()
	if r[0].Path != "/v1/otp?limit=2&metadata%5Border%5D=42&status=verified" ||
		!strings.Contains(r[1].Path, "starting_after=otp_b") {
		t.Fatalf("paths %s %s", r[0].Path, r[1].Path)
	}
}

func TestShouldPostResendAndCancelToTheirRoutes(t *testing.T) {
	f := newFakeServer(t)
	f.answer(200, pendingOtp)
	f.answer(200, map[string]any{"id": otpID, "status": "cancelled"})
	c, _ := testClient(f)

	_, err := c.Resend(context.Background(), otpID, &ResendParams{Code: "new"})
	cancelled, err2 := c.Cancel(context.Background(), otpID)

	r := f.got()
	if err != nil || err2 != nil || cancelled.Status != "cancelled" || r[0].Path != "/v1/otp/"+otpID+"/resend" ||
		r[0].Body != `{"code":"new"}` || r[0].Header.Get("Idempotency-Key") == "" ||
		r[1].Path != "/v1/otp/"+otpID+"/cancel" {
		t.Fatalf("%v %v %+v", err, err2, r)
	}
}

func TestShouldNotRetryWhenAResendComesTooSoon(t *testing.T) {
	f := newFakeServer(t)
	f.answer(429, map[string]any{"error": map[string]any{"code": "resend_too_soon", "message": "wait"}},
		"Retry-After", "30")
	c, _ := testClient(f)

	_, err := c.Resend(context.Background(), otpID, nil)

	if e := asError(t, err); e.Code != "resend_too_soon" || e.RetryAfter != 30*time.Second || len(f.got()) != 1 {
		t.Fatalf("error %+v after %d requests", e, len(f.got()))
	}
}

func TestShouldNotRetryWhenTheDestinationIsRateLimited(t *testing.T) {
	f := newFakeServer(t)
	f.answer(429, map[string]any{"error": map[string]any{"code": "destination_rate_limited", "message": "too many"}},
		"Retry-After", "5")
	c, _ := testClient(f)

	_, err := c.Send(context.Background(), &SendParams{To: "+447911123456", Channel: "sms"})

	if !asError(t, err).IsRateLimited() || len(f.got()) != 1 {
		t.Fatalf("%v after %d requests", err, len(f.got()))
	}
}

func TestShouldNotFollowARedirectWhenTheServerAnswersOne(t *testing.T) {
	f := newFakeServer(t)
	f.answer(302, map[string]any{}, "Location", "http://127.0.0.1:9/steal")
	c, _ := testClient(f)

	_, err := c.Get(context.Background(), otpID)

	if asError(t, err).Status != 302 || len(f.got()) != 1 {
		t.Fatalf("%v after %d requests", err, len(f.got()))
	}
}

func TestShouldCoverTheWebhookRoutes(t *testing.T) {
	f := newFakeServer(t)
	f.answer(201, map[string]any{"id": "we_1", "secret": "whsec_x"})
	f.answer(200, map[string]any{"object": "list", "data": []any{map[string]any{"id": "we_1"}}})
	f.answer(200, map[string]any{"id": "we_1", "secret": "whsec_y"})
	f.answer(200, map[string]any{"object": "list", "has_more": false, "data": []any{map[string]any{"id": "whd_1"}}})
	f.answer(200, map[string]any{"id": "whd_1", "status": "pending"})
	f.answer(200, map[string]any{"id": "we_1", "deleted": true})
	c, _ := testClient(f)
	ctx := context.Background()

	created, _ := c.CreateWebhookEndpoint(ctx, &WebhookEndpointParams{URL: "https://example.com/h",
		Events: []string{"otp.verified"}})
	listed, _ := c.ListWebhookEndpoints(ctx)
	rotated, _ := c.RotateWebhookSecret(ctx, "we_1")
	it := c.ListWebhookDeliveries(ctx, &DeliveryListParams{EndpointID: "we_1"})
	it.Next()
	redelivered, _ := c.RedeliverWebhook(ctx, "whd_1")
	deleted, _ := c.DeleteWebhookEndpoint(ctx, "we_1")

	if created.Secret != "whsec_x" || listed[0].ID != "we_1" || rotated.Secret != "whsec_y" ||
		it.Current().ID != "whd_1" || redelivered.Status != "pending" || !deleted.Deleted {
		t.Fatal("unexpected answers")
	}
	var routes []string
	for _, r := range f.got() {
		routes = append(routes, r.Method+" "+r.Path)
	}
	want := []string{"POST /v1/webhook_endpoints", "GET /v1/webhook_endpoints",
		"POST /v1/webhook_endpoints/we_1/rotate_secret", "GET /v1/webhook_deliveries?endpoint_id=we_1",
		"POST /v1/webhook_deliveries/whd_1/redeliver", "DELETE /v1/webhook_endpoints/we_1"}
	if got, _ := json.Marshal(routes); string(got) != mustJSON(want) {
		t.Fatalf("routes %s", got)
	}
}

func TestShouldEscapeAnIDWhenItHoldsAPathSeparator(t *testing.T) {
	f := newFakeServer(t)
	f.answer(404, map[string]any{"error": map[string]any{"code": "not_found", "message": "no such OTP"}})
	c, _ := testClient(f)

	_, err := c.Get(context.Background(), "../admin")

	if !asError(t, err).IsNotFound() || f.got()[0].Path != "/v1/otp/..%2Fadmin" {
		t.Fatalf("%v %s", err, f.got()[0].Path)
	}
}

func TestShouldStopRetryingWhenTheContextIsCancelled(t *testing.T) {
	f := newFakeServer(t)
	f.hang()
	c := NewClient(testKey, WithBaseURL(f.URL))
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()

	_, err := c.Get(ctx, otpID)

	if !asError(t, err).IsConnection() || !errors.Is(err, context.DeadlineExceeded) || len(f.got()) != 1 {
		t.Fatalf("%v after %d requests", err, len(f.got()))
	}
}

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
