package narvark

import (
	"context"
	"testing"
)

var failedOtp = map[string]any{"id": otpID, "object": "otp", "status": "failed",
	"failure_reason": "invalid_destination", "carrier_error": "smpp:0x0000000B", "parts": 0,
	"delivery_attempts": []any{
		map[string]any{"attempt": 0, "channel": "whatsapp", "status": "failed", "parts": 0, "encoding": nil,
			"failure_reason": "unreachable", "carrier_error": "whatsapp:131026"},
		map[string]any{"attempt": 1, "channel": "sms", "status": "failed", "parts": 0, "encoding": nil,
			"failure_reason": "invalid_destination", "carrier_error": "smpp:0x0000000B"}}}

func TestShouldExposeTheFailureReasonCarrierErrorAndAttemptsWhenAnOtpFailed(t *testing.T) {
	f := newFakeServer(t)
	f.answer(200, failedOtp)
	c, _ := testClient(f)

	otp, err := c.Get(context.Background(), otpID)

	if err != nil {
		t.Fatal(err)
	}
	if otp.FailureReason == nil || *otp.FailureReason != FailureInvalidDestination ||
		otp.CarrierError == nil || *otp.CarrierError != "smpp:0x0000000B" || otp.Parts != 0 {
		t.Fatalf("otp: %+v", otp)
	}
	if len(otp.DeliveryAttempts) != 2 || *otp.DeliveryAttempts[0].FailureReason != FailureUnreachable ||
		*otp.DeliveryAttempts[0].CarrierError != "whatsapp:131026" || otp.DeliveryAttempts[1].Channel != "sms" {
		t.Fatalf("attempts: %+v", otp.DeliveryAttempts)
	}
}

func TestShouldExposeThePartsAndTheAlphabetWhenALongSmsWasDelivered(t *testing.T) {
	f := newFakeServer(t)
	f.answer(200, map[string]any{"id": otpID, "object": "otp", "status": "delivered", "failure_reason": nil,
		"carrier_error": nil, "parts": 2, "delivery_attempts": []any{map[string]any{"attempt": 0, "channel": "sms",
			"status": "delivered", "parts": 2, "encoding": "ucs2", "failure_reason": nil, "carrier_error": nil}}})
	c, _ := testClient(f)

	otp, err := c.Get(context.Background(), otpID)

	if err != nil || otp.FailureReason != nil || otp.Parts != 2 || *otp.DeliveryAttempts[0].Encoding != "ucs2" {
		t.Fatalf("otp: %+v %v", otp, err)
	}
}

func TestShouldListTheDocumentedReasonsAndTellTheRetryableOnesWhenAsked(t *testing.T) {
	if len(FailureReasons) != 9 || FailureReasons[3] != "country_not_supported" {
		t.Fatalf("reasons: %v", FailureReasons)
	}
	if !IsRetryableFailure(FailureRateLimited) || IsRetryableFailure(FailureInvalidDestination) ||
		IsRetryableFailure("a_reason_from_the_future") {
		t.Fatal("retryable reasons")
	}
}
