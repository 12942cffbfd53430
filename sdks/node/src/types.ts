export type Channel = "whatsapp" | "sms" | "email" | "voice";
export type OtpStatus = "pending" | "dispatched" | "delivered" | "read" | "verified" | "expired" | "failed"
    | "locked" | "cancelled" | "refused";

/** The payment a code approves (PSD2 dynamic linking): amount as a decimal string, ISO 4217 currency, payee. */
export interface Transaction {
    amount: string;
    currency: string;
    payee: string;
}

/**
 * Why a delivery attempt or an OTP failed, the same on every channel and carrier. More values may be added: treat
 * an unknown one like "carrier_error".
 */
export type FailureReason = "invalid_destination" | "unreachable" | "blocked" | "country_not_supported"
    | "content_rejected" | "rate_limited" | "carrier_timeout" | "carrier_unavailable" | "carrier_error";

/** One delivery attempt of an OTP (0 = the primary channel) and what its carrier reported. */
export interface DeliveryAttempt {
    attempt: number;
    channel: Channel;
    status: "dispatched" | "delivered" | "read" | "unconfirmed" | "failed";
    /** Carrier messages the attempt went out as: a long SMS is several concatenated parts; 0 if never dispatched. */
    parts: number;
    /** The SMS alphabet; null on other channels. */
    encoding: "gsm7" | "ucs2" | null;
    failure_reason: FailureReason | null;
    /** The carrier's own code, "provider:code" (e.g. "smpp:0x0000000B", "twilio:21211"). */
    carrier_error: string | null;
}

export interface Otp {
    id: string;
    object: "otp";
    status: OtpStatus;
    to: string;
    channel: Channel;
    fallback: Channel | null;
    fallbacks: Channel[];
    channels_tried: Channel[];
    code_length: number;
    attempts_used: number;
    attempts_remaining: number;
    sends: number;
    livemode: boolean;
    metadata: Record<string, string>;
    created_at: string;
    expires_at: string;
    last_sent_at: string | null;
    dispatched_at: string | null;
    delivered_at: string | null;
    /** When an accepted message first went without a delivery receipt in time; the code still verifies. */
    unconfirmed_at: string | null;
    read_at: string | null;
    verified_at: string | null;
    expired_at: string | null;
    failed_at: string | null;
    locked_at: string | null;
    cancelled_at: string | null;
    /** The brand the message gave; null for refused sends and OTPs sent before brands. */
    brand: string | null;
    /** The language the message was written in (en, es, pt-BR…); null for refused sends and older OTPs. */
    locale: string | null;
    /** The payment the code approves, or null. */
    transaction: Transaction | null;
    /** Why the OTP failed (status "failed"): its last failed attempt's reason; null otherwise. */
    failure_reason: FailureReason | null;
    carrier_error: string | null;
    /** Carrier messages of every dispatch together (what carriers bill: a long SMS counts each part). */
    parts: number;
    delivery_attempts: DeliveryAttempt[];
    [field: string]: unknown;
}

export interface Verification {
    id: string;
    object: "otp_verification";
    valid: boolean;
    consumed: boolean;
    status: OtpStatus;
    attempts_remaining: number;
    /** "transaction_mismatch" when the transaction was not the one the code approves; null otherwise. */
    reason: "transaction_mismatch" | null;
}

export interface SendParams {
    to: string;
    channel: Channel;
    ttl?: number;
    fallback?: Channel | Channel[];
    code_length?: 4 | 6 | 8;
    template?: string;
    metadata?: Record<string, string>;
    max_attempts?: number;
    /** The name the message gives instead of the account's display name (≤ 30 characters). */
    brand?: string;
    /** A BCP 47 tag; the nearest written language is used (fr-CA → fr). */
    locale?: string;
    /** Android SMS Retriever hash (11 characters): the SMS ends with it. SMS only. */
    app_hash?: string;
    /** WebOTP / iOS domain: the SMS's last line becomes "@domain #code". SMS only. */
    web_domain?: string;
    /** The payment the code approves; verify must then carry the same. */
    transaction?: Transaction;
}

export interface VerifyParams {
    /** Required, and equal to the send's, when the OTP was sent for a transaction. */
    transaction?: Transaction;
}

export interface ListParams {
    status?: OtpStatus;
    channel?: Channel;
    to?: string;
    created_after?: string;
    created_before?: string;
    metadata?: Record<string, string>;
    /** Page size (1 to 100); the iterator fetches further pages itself. */
    limit?: number;
    starting_after?: string;
}

export interface WebhookEndpoint {
    id: string;
    object: "webhook_endpoint";
    url: string;
    events: string[];
    status: "enabled" | "disabled";
    disabled_reason: string | null;
    livemode: boolean;
    created_at: string;
    /** Only in the answers to creation and rotation. */
    secret?: string;
    previous_secret_expires_at?: string;
}

export interface WebhookAttempt {
    attempted_at: string;
    http_status: number | null;
    latency_ms: number;
    error: string | null;
}

export interface WebhookDelivery {
    id: string;
    object: "webhook_delivery";
    endpoint_id: string;
    event_id: string;
    type: string;
    otp_id: string;
    status: "pending" | "succeeded" | "failed";
    next_attempt_at: string | null;
    created_at: string;
    attempts: WebhookAttempt[];
}

export interface ListDeliveriesParams {
    endpoint_id?: string;
    type?: string;
    status?: "pending" | "succeeded" | "failed";
    limit?: number;
    starting_after?: string;
}

export interface RequestOptions {
    /** Defaults to a new UUID per call, reused by that call's retries. */
    idempotencyKey?: string;
}
