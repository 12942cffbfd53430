<?php

declare(strict_types=1);

namespace Narvark\Exception;

/**
 * Every exception the SDK throws. API errors carry the API's code, message and param, the HTTP status and the
 * request id. (PHP's own getCode() stays the integer exception code; the API's code is getErrorCode().)
 */
class NarvarkException extends \RuntimeException
{
    public function __construct(
        string $message,
        private readonly ?string $errorCode = null,
        private readonly ?string $param = null,
        private readonly ?int $httpStatus = null,
        private readonly ?string $requestId = null,
        private readonly ?float $retryAfter = null,
        ?\Throwable $previous = null,
    ) {
        parent::__construct($message, 0, $previous);
    }

    /** The API's machine-readable code, e.g. "invalid_request", "not_found", "rate_limited". */
    public function getErrorCode(): ?string
    {
        return $this->errorCode;
    }

    /** The request field at fault, when there is one. */
    public function getParam(): ?string
    {
        return $this->param;
    }

    /** The HTTP status; null when no answer came. */
    public function getHttpStatus(): ?int
    {
        return $this->httpStatus;
    }

    /** The answer's Request-Id (or X-Request-Id) header, when present. */
    public function getRequestId(): ?string
    {
        return $this->requestId;
    }

    /** Seconds, from the Retry-After header. */
    public function getRetryAfter(): ?float
    {
        return $this->retryAfter;
    }
}
