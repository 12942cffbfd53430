<?php

declare(strict_types=1);

namespace Narvark;

/**
 * Why a delivery attempt or an OTP failed, the same on every channel and carrier: the values of an OTP's
 * `failure_reason` and of each `delivery_attempts[]['failure_reason']`. `carrier_error` beside it is the carrier's own
 * code (`provider:code`). More reasons may be added: treat an unknown one like CARRIER_ERROR.
 */
final class FailureReason
{
    public const INVALID_DESTINATION = 'invalid_destination';
    public const UNREACHABLE = 'unreachable';
    public const BLOCKED = 'blocked';
    public const COUNTRY_NOT_SUPPORTED = 'country_not_supported';
    public const CONTENT_REJECTED = 'content_rejected';
    public const RATE_LIMITED = 'rate_limited';
    public const CARRIER_TIMEOUT = 'carrier_timeout';
    public const CARRIER_UNAVAILABLE = 'carrier_unavailable';
    public const CARRIER_ERROR = 'carrier_error';

    public const ALL = [self::INVALID_DESTINATION, self::UNREACHABLE, self::BLOCKED, self::COUNTRY_NOT_SUPPORTED,
        self::CONTENT_REJECTED, self::RATE_LIMITED, self::CARRIER_TIMEOUT, self::CARRIER_UNAVAILABLE,
        self::CARRIER_ERROR];

    /** Where the same destination may well work a little later; the others need the user or another channel. */
    private const RETRYABLE = [self::RATE_LIMITED, self::CARRIER_TIMEOUT, self::CARRIER_UNAVAILABLE];

    private function __construct()
    {
    }

    /** True when a resend to the same destination is worth trying later (unknown reasons are not). */
    public static function isRetryable(?string $reason): bool
    {
        return $reason !== null && in_array($reason, self::RETRYABLE, true);
    }
}
