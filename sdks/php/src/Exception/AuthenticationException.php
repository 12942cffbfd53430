<?php

declare(strict_types=1);

namespace Narvark\Exception;

/** 401: no valid API key. */
class AuthenticationException extends ApiException
{
}
