<?php

declare(strict_types=1);

namespace Narvark;

use Narvark\Exception\WebhookVerificationException;

/**
 * Verifies webhooks from Narvark: the Standard Webhooks headers and X-Narvark-Signature, over the raw body.
 *
 *     $event = \Narvark\Webhook::constructEvent(file_get_contents('php://input'), getallheaders(), $secret);
 */
final class Webhook
{
    /** How far webhook-timestamp may be from now, in seconds; older (or later) messages may be replays. */
    public const DEFAULT_TOLERANCE = 300;

    /**
     * Throws WebhookVerificationException unless the raw body is signed by the secret (or one of several, while
     * you rotate) within the tolerance. X-Narvark-Signature, when present, must match too.
     *
     * @param array<string, string|list<string>> $headers any case
     * @param string|list<string> $secret whsec_…
     */
    public static function verify(string $payload, array $headers, string|array $secret,
                                  int $tolerance = self::DEFAULT_TOLERANCE, ?int $now = null): void
    {
        $keys = array_map([self::class, 'key'], is_array($secret) ? array_values($secret) : [$secret]);
        if ($keys === []) {
            throw new \InvalidArgumentException('at least one webhook secret is needed');
        }
        $headers = array_change_key_case(array_map(
            static fn ($v) => is_array($v) ? (string) ($v[0] ?? '') : (string) $v, $headers), CASE_LOWER);
        $id = $headers['webhook-id'] ?? '';
        $timestamp = $headers['webhook-timestamp'] ?? '';
        $signature = $headers['webhook-signature'] ?? '';
        if ($id === '' || $timestamp === '' || $signature === '') {
            throw new WebhookVerificationException('missing webhook-id, webhook-timestamp or webhook-signature header');
        }
        if (!ctype_digit($timestamp)) {
            throw new WebhookVerificationException('webhook-timestamp is not a Unix time in seconds');
        }
        if (abs(($now ?? time()) - (int) $timestamp) > $tolerance) {
            throw new WebhookVerificationException('webhook-timestamp is outside the tolerance');
        }
        $signed = "$id.$timestamp.$payload";
        $candidates = explode(' ', $signature);
        $matched = false;
        foreach ($keys as $key) {
            $expected = 'v1,' . base64_encode(hash_hmac('sha256', $signed, $key, true));
            $matched = self::anyMatches($expected, $candidates) || $matched;
        }
        if (!$matched) {
            throw new WebhookVerificationException('no matching webhook-signature');
        }
        if (array_key_exists('x-narvark-signature', $headers)) {
            $parts = explode(',', $headers['x-narvark-signature']);
            $matched = false;
            foreach ($keys as $key) {
                $matched = self::anyMatches(hash_hmac('sha256', $payload, $key), $parts) || $matched;
            }
            if (!$matched) {
                throw new WebhookVerificationException('no matching X-Narvark-Signature');
            }
        }
    }

    /**
     * Verifies like verify(), then decodes the event. Deduplicate on its 'id': delivery is at least once.
     *
     * @return array<string, mixed>
     */
    public static function constructEvent(string $payload, array $headers, string|array $secret,
                                          int $tolerance = self::DEFAULT_TOLERANCE, ?int $now = null): array
    {
        self::verify($payload, $headers, $secret, $tolerance, $now);
        return json_decode($payload, true, 512, JSON_THROW_ON_ERROR);
    }

    private static function key(string $secret): string
    {
        if (!str_starts_with($secret, 'whsec_')) {
            throw new \InvalidArgumentException('a webhook secret starts with whsec_');
        }
        $key = base64_decode(substr($secret, 6), true);
        if ($key === false) {
            throw new \InvalidArgumentException('a webhook secret is whsec_ followed by base64');
        }
        return $key;
    }

    /** @param list<string> $candidates compared in constant time, every one */
    private static function anyMatches(string $expected, array $candidates): bool
    {
        $matched = false;
        foreach ($candidates as $candidate) {
            $matched = hash_equals($expected, trim($candidate)) || $matched;
        }
        return $matched;
    }
}
