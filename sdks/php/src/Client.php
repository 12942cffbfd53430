<?php

declare(strict_types=1);

namespace Narvark;

use Narvark\Exception\ApiConnectionException;
use Narvark\Exception\ApiException;
use Narvark\Exception\AuthenticationException;
use Narvark\Exception\ConflictException;
use Narvark\Exception\IdempotencyException;
use Narvark\Exception\InvalidRequestException;
use Narvark\Exception\NarvarkException;
use Narvark\Exception\NotFoundException;
use Narvark\Exception\PermissionDeniedException;
use Narvark\Exception\RateLimitException;
use Narvark\Exception\ServerException;

/**
 * A client of the Narvark OTP API.
 *
 *     $narvark = new \Narvark\Client('nvk_test_sk_…');
 *     $otp = $narvark->send(['to' => '+447911123456', 'channel' => 'sms']);
 *     $check = $narvark->verify($otp['id'], '123 456');   // $check['valid']
 */
final class Client
{
    public const VERSION = '0.1.0';
    public const DEFAULT_BASE_URL = 'http://localhost:8080';
    /** A Retry-After longer than this (seconds) is not waited for: the exception is thrown instead. */
    private const MAX_RETRY_AFTER = 60.0;
    /** 429s that are the API's answer to this request, not load: waiting would only delay the user's error. */
    private const NOT_RETRIED = ['resend_too_soon', 'destination_rate_limited'];
    private const BY_STATUS = [
        400 => InvalidRequestException::class, 401 => AuthenticationException::class,
        403 => PermissionDeniedException::class, 404 => NotFoundException::class,
        405 => InvalidRequestException::class, 409 => ConflictException::class,
        413 => InvalidRequestException::class, 415 => InvalidRequestException::class,
        422 => IdempotencyException::class, 429 => RateLimitException::class,
    ];

    private readonly string $apiKey;
    private readonly string $baseUrl;
    private readonly float $timeout;
    private readonly int $maxRetries;
    /** @var callable(float): void */
    private $sleep;

    /**
     * @param array{base_url?: string, timeout?: float|int, max_retries?: int, sleep?: callable(float): void} $options
     *        timeout is in seconds per attempt (default 30), max_retries the retries after the first attempt (2)
     */
    public function __construct(#[\SensitiveParameter] string $apiKey, array $options = [])
    {
        if ($apiKey === '') {
            throw new \InvalidArgumentException('an API key is required');
        }
        $this->apiKey = $apiKey;
        $this->baseUrl = rtrim($options['base_url'] ?? self::DEFAULT_BASE_URL, '/');
        $this->timeout = (float) ($options['timeout'] ?? 30);
        $this->maxRetries = max(0, (int) ($options['max_retries'] ?? 2));
        $this->sleep = $options['sleep'] ?? static function (float $seconds): void {
            usleep((int) round($seconds * 1_000_000));
        };
    }

    /** Never shows the key in var_dump() or print_r(). */
    public function __debugInfo(): array
    {
        return ['baseUrl' => $this->baseUrl, 'timeout' => $this->timeout, 'maxRetries' => $this->maxRetries];
    }

    /**
     * Sends an OTP. Retries reuse one Idempotency-Key, so a retry never creates a second OTP. 'brand' names the
     * message's sender instead of the account's display name, 'locale' is a BCP 47 tag (the nearest written language
     * is used), 'app_hash' and 'web_domain' add the SMS autofill line, and 'transaction' binds the code to a payment
     * (verify must then carry the same).
     *
     * @param array{to: string, channel: string, ttl?: int, fallback?: string|list<string>, code_length?: int,
     *              template?: string, metadata?: array<string, string>, max_attempts?: int, brand?: string,
     *              locale?: string, app_hash?: string, web_domain?: string,
     *              transaction?: array{amount: string, currency: string, payee: string}} $params
     * @return array<string, mixed> the OTP
     */
    public function send(array $params, ?string $idempotencyKey = null): array
    {
        return $this->request('POST', '/v1/otp/send', body: $params, idempotencyKey: $idempotencyKey ?? self::newKey());
    }

    /**
     * Checks a code as the user typed it ("492 817" is fine); read ['valid']. Not retried after a lost answer. An
     * OTP sent for a transaction needs the same $transaction, or the answer's ['reason'] is 'transaction_mismatch'.
     *
     * @param array{amount: string, currency: string, payee: string}|null $transaction
     * @return array<string, mixed>
     */
    public function verify(string $id, string $code, ?array $transaction = null): array
    {
        $body = ['id' => $id, 'code' => $code];
        if ($transaction !== null) {
            $body['transaction'] = $transaction;
        }
        return $this->request('POST', '/v1/otp/verify', body: $body, safe: false);
    }

    /** @return array<string, mixed> the OTP */
    public function get(string $id): array
    {
        return $this->request('GET', '/v1/otp/' . self::segment($id));
    }

    /**
     * Every matching OTP, newest first, fetching the next page as you iterate.
     *
     * @param array{status?: string, channel?: string, to?: string, created_after?: string,
     *              created_before?: string, metadata?: array<string, string>, limit?: int,
     *              starting_after?: string} $params
     * @return \Generator<int, array<string, mixed>>
     */
    public function list(array $params = []): \Generator
    {
        $metadata = $params['metadata'] ?? [];
        $startingAfter = $params['starting_after'] ?? null;
        unset($params['metadata'], $params['starting_after']);
        foreach ($metadata as $key => $value) {
            $params["metadata[$key]"] = $value;
        }
        return $this->pages('/v1/otp', $params, $startingAfter);
    }

    /**
     * Sends the OTP again; ['code' => 'new'] issues a new code (default 'same').
     *
     * @param array{code?: string} $params
     * @return array<string, mixed> the OTP
     */
    public function resend(string $id, array $params = [], ?string $idempotencyKey = null): array
    {
        return $this->request('POST', '/v1/otp/' . self::segment($id) . '/resend', body: (object) $params,
            idempotencyKey: $idempotencyKey ?? self::newKey());
    }

    /** @return array<string, mixed> the OTP, status "cancelled" */
    public function cancel(string $id, ?string $idempotencyKey = null): array
    {
        return $this->request('POST', '/v1/otp/' . self::segment($id) . '/cancel', body: new \stdClass(),
            idempotencyKey: $idempotencyKey ?? self::newKey());
    }

    /**
     * Registers an endpoint. The answer's 'secret' (whsec_…) is shown only here and on rotation.
     *
     * @param array{url: string, events?: list<string>} $params
     * @return array<string, mixed>
     */
    public function createWebhookEndpoint(array $params, ?string $idempotencyKey = null): array
    {
        return $this->request('POST', '/v1/webhook_endpoints', body: $params,
            idempotencyKey: $idempotencyKey ?? self::newKey());
    }

    /** @return list<array<string, mixed>> */
    public function listWebhookEndpoints(): array
    {
        return $this->request('GET', '/v1/webhook_endpoints')['data'];
    }

    /** @return array<string, mixed> */
    public function getWebhookEndpoint(string $id): array
    {
        return $this->request('GET', '/v1/webhook_endpoints/' . self::segment($id));
    }

    /** @return array<string, mixed> */
    public function deleteWebhookEndpoint(string $id): array
    {
        return $this->request('DELETE', '/v1/webhook_endpoints/' . self::segment($id));
    }

    /**
     * A new secret; the previous one keeps signing for 24 hours. Not retried: a retry would rotate twice.
     *
     * @return array<string, mixed>
     */
    public function rotateWebhookSecret(string $id): array
    {
        return $this->request('POST', '/v1/webhook_endpoints/' . self::segment($id) . '/rotate_secret', safe: false);
    }

    /**
     * @param array{endpoint_id?: string, type?: string, status?: string, limit?: int, starting_after?: string} $params
     * @return \Generator<int, array<string, mixed>>
     */
    public function listWebhookDeliveries(array $params = []): \Generator
    {
        $startingAfter = $params['starting_after'] ?? null;
        unset($params['starting_after']);
        return $this->pages('/v1/webhook_deliveries', $params, $startingAfter);
    }

    /** @return array<string, mixed> */
    public function redeliverWebhook(string $id): array
    {
        return $this->request('POST', '/v1/webhook_deliveries/' . self::segment($id) . '/redeliver');
    }

    /** @param array<string, scalar> $query */
    private function pages(string $path, array $query, ?string $cursor): \Generator
    {
        while (true) {
            $page = $this->request('GET', $path, query: $cursor === null ? $query
                : $query + ['starting_after' => $cursor]);
            foreach ($page['data'] as $item) {
                yield $item;
            }
            if (empty($page['has_more']) || $page['data'] === []) {
                return;
            }
            $cursor = $page['data'][count($page['data']) - 1]['id'];
        }
    }

    /**
     * @param bool $safe whether a retry after an unknown outcome (5xx, lost connection) cannot do the work twice:
     *                   GETs, DELETEs and POSTs with an Idempotency-Key are; verify and rotate are not
     * @return array<string, mixed>
     */
    private function request(string $method, string $path, mixed $body = null, array $query = [],
                             ?string $idempotencyKey = null, bool $safe = true): array
    {
        $url = $this->baseUrl . $path;
        if ($query !== []) {
            $url .= '?' . http_build_query(array_map(
                static fn ($v) => is_bool($v) ? ($v ? 'true' : 'false') : $v, $query), '', '&', PHP_QUERY_RFC3986);
        }
        $headers = ['Authorization: Bearer ' . $this->apiKey, 'Accept: application/json',
            'User-Agent: narvark-php/' . self::VERSION];
        $payload = null;
        if ($body !== null) {
            $payload = json_encode($body, JSON_THROW_ON_ERROR | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE);
            $headers[] = 'Content-Type: application/json';
        }
        if ($idempotencyKey !== null) {
            $headers[] = 'Idempotency-Key: ' . $idempotencyKey;
        }
        for ($attempt = 0; ; $attempt++) {
            [$status, $responseHeaders, $raw, $failure] = $this->attempt($method, $url, $headers, $payload);
            if ($failure !== null) {
                if (!$safe || $attempt >= $this->maxRetries) {
                    throw new ApiConnectionException($this->redact(
                        "could not reach Narvark at {$this->baseUrl}: $failure"));
                }
                $wait = self::backoff($attempt);
            } elseif ($status >= 200 && $status < 300) {
                return $raw === '' ? [] : json_decode($raw, true, 512, JSON_THROW_ON_ERROR);
            } else {
                $error = $this->apiError($status, $responseHeaders, $raw);
                $wait = $this->retryWait($attempt, $error, $safe);
                if ($wait === null) {
                    throw $error;
                }
            }
            ($this->sleep)($wait);
        }
    }

    /** @return array{0: int, 1: array<string, string>, 2: string, 3: ?string} */
    private function attempt(string $method, string $url, array $headers, ?string $payload): array
    {
        $responseHeaders = [];
        $curl = curl_init($url);
        curl_setopt_array($curl, [
            CURLOPT_CUSTOMREQUEST => $method,
            CURLOPT_HTTPHEADER => $headers,
            CURLOPT_RETURNTRANSFER => true,
            CURLOPT_TIMEOUT_MS => (int) round($this->timeout * 1000),
            CURLOPT_CONNECTTIMEOUT_MS => (int) round($this->timeout * 1000),
            CURLOPT_FOLLOWLOCATION => false,
            CURLOPT_PROTOCOLS => CURLPROTO_HTTP | CURLPROTO_HTTPS,
            CURLOPT_HEADERFUNCTION => static function ($curl, string $line) use (&$responseHeaders): int {
                $parts = explode(':', $line, 2);
                if (count($parts) === 2) {
                    $responseHeaders[strtolower(trim($parts[0]))] = trim($parts[1]);
                }
                return strlen($line);
            },
        ]);
        if ($payload !== null) {
            curl_setopt($curl, CURLOPT_POSTFIELDS, $payload);
        }
        $raw = curl_exec($curl);
        if ($raw === false) {
            $failure = curl_error($curl) ?: 'connection failed';
            curl_close($curl);
            return [0, [], '', $failure];
        }
        $status = (int) curl_getinfo($curl, CURLINFO_RESPONSE_CODE);
        curl_close($curl);
        return [$status, $responseHeaders, (string) $raw, null];
    }

    private function retryWait(int $attempt, NarvarkException $error, bool $safe): ?float
    {
        if ($attempt >= $this->maxRetries) {
            return null;
        }
        $status = $error->getHttpStatus() ?? 0;
        if (($status === 429 && !in_array($error->getErrorCode(), self::NOT_RETRIED, true))
            || ($error->getErrorCode() === 'idempotency_in_flight' && $safe)) {
            $retryAfter = $error->getRetryAfter();
            if ($retryAfter !== null) {
                return $retryAfter <= self::MAX_RETRY_AFTER ? $retryAfter : null;
            }
            return self::backoff($attempt);
        }
        return $status >= 500 && $safe ? self::backoff($attempt) : null;
    }

    /** @param array<string, string> $headers */
    private function apiError(int $status, array $headers, string $raw): NarvarkException
    {
        $decoded = json_decode($raw, true);
        $error = is_array($decoded) && is_array($decoded['error'] ?? null) ? $decoded['error'] : [];
        $class = $status >= 500 ? ServerException::class : (self::BY_STATUS[$status] ?? ApiException::class);
        return new $class(
            $this->redact((string) ($error['message'] ?? "HTTP $status")),
            isset($error['code']) ? (string) $error['code'] : null,
            isset($error['param']) ? (string) $error['param'] : null,
            $status,
            $headers['request-id'] ?? $headers['x-request-id'] ?? null,
            self::retryAfter($headers['retry-after'] ?? null),
        );
    }

    /** The key must never appear in an exception message or a log line, even if some layer echoed it. */
    private function redact(string $text): string
    {
        return str_replace($this->apiKey, '[redacted]', $text);
    }

    private static function segment(string $id): string
    {
        if ($id === '') {
            throw new \InvalidArgumentException('an id is required');
        }
        return rawurlencode($id);
    }

    private static function newKey(): string
    {
        $bytes = random_bytes(16);
        $bytes[6] = chr((ord($bytes[6]) & 0x0f) | 0x40);
        $bytes[8] = chr((ord($bytes[8]) & 0x3f) | 0x80);
        return vsprintf('%s%s-%s-%s-%s-%s%s%s', str_split(bin2hex($bytes), 4));
    }

    /** Exponential from 0.5 s, capped at 8 s, with jitter so many clients do not retry in step. */
    private static function backoff(int $attempt): float
    {
        $ceiling = min(8.0, 0.5 * (2 ** $attempt));
        return $ceiling / 2 + $ceiling / 2 * (random_int(0, 1_000_000) / 1_000_000);
    }

    private static function retryAfter(?string $value): ?float
    {
        if ($value === null || trim($value) === '') {
            return null;
        }
        if (ctype_digit(trim($value))) {
            return (float) trim($value);
        }
        $when = strtotime($value);
        return $when === false ? null : max(0.0, (float) ($when - time()));
    }
}
