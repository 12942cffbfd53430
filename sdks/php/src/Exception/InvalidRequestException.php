<?php

declare(strict_types=1);

namespace Narvark\Exception;

/** 400, 405, 413, 415: a malformed request; getParam() names the field at fault. */
class InvalidRequestException extends ApiException
{
}
