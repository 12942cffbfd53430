<?php

declare(strict_types=1);

namespace Narvark\Exception;

/** 403, e.g. country_not_allowed. */
class PermissionDeniedException extends ApiException
{
}
