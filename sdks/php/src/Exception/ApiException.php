<?php

declare(strict_types=1);

namespace Narvark\Exception;

/** The API answered with an error status. */
class ApiException extends NarvarkException
{
}
