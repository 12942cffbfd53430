<?php

declare(strict_types=1);

namespace Narvark\Exception;

/** A webhook whose signature, timestamp or headers do not check out. */
class WebhookVerificationException extends NarvarkException
{
}
