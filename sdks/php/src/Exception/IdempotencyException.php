<?php

declare(strict_types=1);

namespace Narvark\Exception;

/** 422 idempotency_mismatch: the Idempotency-Key was used with another request. */
class IdempotencyException extends ApiException
{
}
