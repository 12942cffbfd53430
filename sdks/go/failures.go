package narvark

// The failure reasons: why a delivery attempt or an OTP failed, the same on every channel and carrier. More may be
// added: treat an unknown one like FailureCarrierError.
const (
	FailureInvalidDestination  = "invalid_destination"
	FailureUnreachable         = "unreachable"
	FailureBlocked             = "blocked"
	FailureCountryNotSupported = "country_not_supported"
	FailureContentRejected     = "content_rejected"
	FailureRateLimited         = "rate_limited"
	FailureCarrierTimeout      = "carrier_timeout"
	FailureCarrierUnavailable  = "carrier_unavailable"
	FailureCarrierError        = "carrier_error"
)

// FailureReasons lists every documented failure reason, in the README's order.
var FailureReasons = []string{FailureInvalidDestination, FailureUnreachable, FailureBlocked,
	FailureCountryNotSupported, FailureContentRejected, FailureRateLimited, FailureCarrierTimeout,
	FailureCarrierUnavailable, FailureCarrierError}

// IsRetryableFailure tells whether a resend to the same destination is worth trying later: the carrier throttled,
// never answered or could not be reached. The other reasons need the user or another channel; unknown ones too.
func IsRetryableFailure(reason string) bool {
	switch reason {
	case FailureRateLimited, FailureCarrierTimeout, FailureCarrierUnavailable:
		return true
	}
	return false
}
