<?php

declare(strict_types=1);

namespace Narvark\Exception;

/** No answer: connection refused or dropped, or the timeout ran out. */
class ApiConnectionException extends NarvarkException
{
}
