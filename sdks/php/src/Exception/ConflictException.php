<?php

declare(strict_types=1);

namespace Narvark\Exception;

/** 409, e.g. otp_not_active, resend_limit_reached, idempotency_in_flight. */
class ConflictException extends ApiException
{
}
