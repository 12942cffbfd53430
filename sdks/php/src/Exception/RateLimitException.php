<?php

declare(strict_types=1);

namespace Narvark\Exception;

/** 429: rate_limited, destination_rate_limited or resend_too_soon; see getRetryAfter(). */
class RateLimitException extends ApiException
{
}
