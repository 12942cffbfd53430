<?php

declare(strict_types=1);

namespace Narvark\Tests;

use Narvark\Exception\WebhookVerificationException;
use Narvark\Webhook;
use PHPUnit\Framework\TestCase;

final class WebhookTest extends TestCase
{
    private static function vectors(): array
    {
        return json_decode((string) file_get_contents(__DIR__ . '/../../test-vectors/webhook-signatures.json'), true,
            512, JSON_THROW_ON_ERROR);
    }

    private static function headersOf(array $v): array
    {
        return ['webhook-id' => $v['id'], 'Webhook-Timestamp' => (string) $v['timestamp'],
            'webhook-signature' => $v['webhook_signature'], 'X-Narvark-Signature' => $v['x_narvark_signature']];
    }

    public function validVectors(): iterable
    {
        foreach (self::vectors()['valid'] as $v) {
            yield $v['name'] => [$v];
        }
    }

    public function invalidVectors(): iterable
    {
        foreach (self::vectors()['invalid'] as $v) {
            yield $v['name'] => [$v];
        }
    }

    /** @dataProvider validVectors */
    public function testShouldAcceptAValidVector(array $v): void
    {
        Webhook::verify($v['body'], self::headersOf($v), $v['verify_secret'], now: $v['now']);
        $this->addToAssertionCount(1);
    }

    /** @dataProvider invalidVectors */
    public function testShouldRefuseATamperedVector(array $v): void
    {
        $this->expectException(WebhookVerificationException::class);

        Webhook::verify($v['body'], $v['headers'], $v['secret'], now: $v['now']);
    }

    public function testShouldAcceptWhenOneOfSeveralReceiverSecretsMatchesAndParseTheEvent(): void
    {
        $vectors = self::vectors();
        $v = $vectors['valid'][2];

        $event = Webhook::constructEvent($v['body'], self::headersOf($v),
            [$vectors['invalid'][3]['secret'], $v['verify_secret']], now: $v['now']);

        $this->assertSame('otp.delivered', $event['type']);
    }

    public function testShouldRefuseASecretWithoutThePrefix(): void
    {
        $this->expectException(\InvalidArgumentException::class);

        Webhook::verify('{}', [], 'Jefe');
    }
}
