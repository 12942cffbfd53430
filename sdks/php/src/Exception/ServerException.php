<?php

declare(strict_types=1);

namespace Narvark\Exception;

/** 5xx: a failure on Narvark's side. */
class ServerException extends ApiException
{
}
