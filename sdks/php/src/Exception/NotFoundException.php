<?php

declare(strict_types=1);

namespace Narvark\Exception;

/** 404: unknown, foreign or other-environment object. */
class NotFoundException extends ApiException
{
}
