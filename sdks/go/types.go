package narvark

// Otp is an OTP as its owner sees it (POST /v1/otp/send, GET /v1/otp/{id}).
type Otp struct {
	ID                string            `json:"id"`
	Object            string            `json:"object"`
	Status            string            `json:"status"`
	To                string            `json:"to"`
	Channel           string            `json:"channel"`
	Fallback          *string           `json:"fallback"`
	Fallbacks         []string          `json:"fallbacks"`
	ChannelsTried     []string          `json:"channels_tried"`
	CodeLength        int               `json:"code_length"`
	AttemptsUsed      int               `json:"attempts_used"`
	AttemptsRemaining int               `json:"attempts_remaining"`
	Sends             int               `json:"sends"`
	Livemode          bool              `json:"livemode"`
	Metadata          map[string]string `json:"metadata"`
	CreatedAt         string            `json:"created_at"`
	ExpiresAt         string            `json:"expires_at"`
	LastSentAt        *string           `json:"last_sent_at"`
	DispatchedAt      *string           `json:"dispatched_at"`
	DeliveredAt       *string           `json:"delivered_at"`
	UnconfirmedAt     *string           `json:"unconfirmed_at"` // no receipt in time; the code still verifies
	ReadAt            *string           `json:"read_at"`
	VerifiedAt        *string           `json:"verified_at"`
	ExpiredAt         *string           `json:"expired_at"`
	FailedAt          *string           `json:"failed_at"`
	LockedAt          *string           `json:"locked_at"`
	CancelledAt       *string           `json:"cancelled_at"`
	// Brand is the name the message gave; nil for refused sends and OTPs sent before brands.
	Brand *string `json:"brand"`
	// Locale is the language the message was written in (en, es, pt-BR…); nil for refused sends and older OTPs.
	Locale *string `json:"locale"`
	// Transaction is the payment the code approves, or nil.
	Transaction *Transaction `json:"transaction"`
	// FailureReason says why a failed OTP failed (its last failed attempt's reason); nil otherwise.
	FailureReason *string `json:"failure_reason"`
	// CarrierError is the carrier's own code beside FailureReason, "provider:code" (e.g. "smpp:0x0000000B").
	CarrierError *string `json:"carrier_error"`
	// Parts counts the carrier messages of every dispatch: a long SMS is several concatenated parts.
	Parts            int               `json:"parts"`
	DeliveryAttempts []DeliveryAttempt `json:"delivery_attempts"`
}

// Transaction is a payment a code approves (PSD2 dynamic linking): the amount as a decimal string ("42.00"), an
// ISO 4217 currency and the payee.
type Transaction struct {
	Amount   string `json:"amount"`
	Currency string `json:"currency"`
	Payee    string `json:"payee"`
}

// DeliveryAttempt is one delivery attempt of an OTP (0 = the primary channel) and what its carrier reported.
type DeliveryAttempt struct {
	Attempt int    `json:"attempt"`
	Channel string `json:"channel"`
	// Status is dispatched, delivered, read, unconfirmed or failed.
	Status string `json:"status"`
	// Parts is how many carrier messages the attempt went out as (0 if it was never dispatched).
	Parts int `json:"parts"`
	// Encoding is the SMS alphabet, "gsm7" or "ucs2"; nil on other channels.
	Encoding      *string `json:"encoding"`
	FailureReason *string `json:"failure_reason"`
	CarrierError  *string `json:"carrier_error"`
}

// Verification is the outcome of POST /v1/otp/verify; read Valid.
type Verification struct {
	ID                string `json:"id"`
	Object            string `json:"object"`
	Valid             bool   `json:"valid"`
	Consumed          bool   `json:"consumed"`
	Status            string `json:"status"`
	AttemptsRemaining int    `json:"attempts_remaining"`
	// Reason is "transaction_mismatch" when the transaction was not the one the code approves; nil otherwise.
	Reason *string `json:"reason"`
}

// SendParams is the body of POST /v1/otp/send. Zero values are left out (the API's defaults apply).
type SendParams struct {
	To          string            `json:"to"`
	Channel     string            `json:"channel"`
	TTL         int               `json:"ttl,omitempty"`
	Fallback    []string          `json:"fallback,omitempty"`
	CodeLength  int               `json:"code_length,omitempty"`
	Template    string            `json:"template,omitempty"`
	Metadata    map[string]string `json:"metadata,omitempty"`
	MaxAttempts int               `json:"max_attempts,omitempty"`
	// Brand names the message's sender instead of the account's display name (at most 30 characters).
	Brand string `json:"brand,omitempty"`
	// Locale is a BCP 47 tag; the nearest written language is used (fr-CA → fr).
	Locale string `json:"locale,omitempty"`
	// AppHash is an Android SMS Retriever hash (11 characters): the SMS ends with it. SMS only.
	AppHash string `json:"app_hash,omitempty"`
	// WebDomain makes the SMS's last line "@domain #code" (WebOTP, iOS). SMS only.
	WebDomain string `json:"web_domain,omitempty"`
	// Transaction binds the code to a payment; VerifyTransaction must then carry the same.
	Transaction *Transaction `json:"transaction,omitempty"`
	// IdempotencyKey defaults to a new random key per call, reused by that call's retries.
	IdempotencyKey string `json:"-"`
}

// ListParams filters GET /v1/otp. Limit is the page size; the iterator fetches further pages itself.
type ListParams struct {
	Status        string
	Channel       string
	To            string
	CreatedAfter  string
	CreatedBefore string
	Metadata      map[string]string
	Limit         int
	StartingAfter string
}

// ResendParams is the body of POST /v1/otp/{id}/resend. Code is "same" (default) or "new".
type ResendParams struct {
	Code           string `json:"code,omitempty"`
	IdempotencyKey string `json:"-"`
}

// WebhookEndpoint is a registered receiver. Secret is set only in answers to creation and rotation.
type WebhookEndpoint struct {
	ID                      string   `json:"id"`
	Object                  string   `json:"object"`
	URL                     string   `json:"url"`
	Events                  []string `json:"events"`
	Status                  string   `json:"status"`
	DisabledReason          *string  `json:"disabled_reason"`
	Livemode                bool     `json:"livemode"`
	CreatedAt               string   `json:"created_at"`
	Secret                  string   `json:"secret,omitempty"`
	PreviousSecretExpiresAt string   `json:"previous_secret_expires_at,omitempty"`
}

// WebhookEndpointParams is the body of POST /v1/webhook_endpoints. No Events means every type.
type WebhookEndpointParams struct {
	URL            string   `json:"url"`
	Events         []string `json:"events,omitempty"`
	IdempotencyKey string   `json:"-"`
}

// DeletedObject answers a deletion.
type DeletedObject struct {
	ID      string `json:"id"`
	Object  string `json:"object"`
	Deleted bool   `json:"deleted"`
}

// WebhookAttempt is one attempt of a delivery.
type WebhookAttempt struct {
	AttemptedAt string  `json:"attempted_at"`
	HTTPStatus  *int    `json:"http_status"`
	LatencyMs   int     `json:"latency_ms"`
	Error       *string `json:"error"`
}

// WebhookDelivery is one event to one endpoint, with its attempts.
type WebhookDelivery struct {
	ID            string           `json:"id"`
	Object        string           `json:"object"`
	EndpointID    string           `json:"endpoint_id"`
	EventID       string           `json:"event_id"`
	Type          string           `json:"type"`
	OtpID         string           `json:"otp_id"`
	Status        string           `json:"status"`
	NextAttemptAt *string          `json:"next_attempt_at"`
	CreatedAt     string           `json:"created_at"`
	Attempts      []WebhookAttempt `json:"attempts"`
}

// DeliveryListParams filters GET /v1/webhook_deliveries.
type DeliveryListParams struct {
	EndpointID    string
	Type          string
	Status        string
	Limit         int
	StartingAfter string
}

// WebhookEvent is the body Narvark POSTs to an endpoint.
type WebhookEvent struct {
	ID         string `json:"id"`
	Object     string `json:"object"`
	APIVersion string `json:"api_version"`
	Type       string `json:"type"`
	CreatedAt  string `json:"created_at"`
	Livemode   bool   `json:"livemode"`
	Data       struct {
		Object       string            `json:"object"`
		OtpID        string            `json:"otp_id"`
		Status       string            `json:"status"`
		Channel      string            `json:"channel"`
		To           string            `json:"to"`
		Metadata     map[string]string `json:"metadata"`
		Attempt      *int              `json:"attempt,omitempty"`
		AttemptsUsed *int              `json:"attempts_used,omitempty"`
		Reason       string            `json:"reason,omitempty"`
	} `json:"data"`
}
