<?php

declare(strict_types=1);

namespace Narvark\Tests;

use Narvark\Client;
use Narvark\FailureReason;
use PHPUnit\Framework\TestCase;

final class FailureReasonTest extends TestCase
{
    private const KEY = 'nvk_test_sk_abcdefghjkmnpqrstvwxyz0123456789ab';
    private const FAILED = ['id' => 'otp_9zq4kb6cq643dzvmxxqkfbf5kz', 'object' => 'otp', 'status' => 'failed',
        'failure_reason' => 'invalid_destination', 'carrier_error' => 'smpp:0x0000000B', 'parts' => 0,
        'delivery_attempts' => [
            ['attempt' => 0, 'channel' => 'whatsapp', 'status' => 'failed', 'parts' => 0, 'encoding' => null,
                'failure_reason' => 'unreachable', 'carrier_error' => 'whatsapp:131026'],
            ['attempt' => 1, 'channel' => 'sms', 'status' => 'failed', 'parts' => 0, 'encoding' => null,
                'failure_reason' => 'invalid_destination', 'carrier_error' => 'smpp:0x0000000B'],
        ]];

    private FakeServer $server;
    private Client $client;

    protected function setUp(): void
    {
        $this->server = new FakeServer();
        $this->client = new Client(self::KEY, ['base_url' => $this->server->url, 'timeout' => 5, 'max_retries' => 0]);
    }

    protected function tearDown(): void
    {
        $this->server->close();
    }

    public function testShouldExposeTheFailureReasonCarrierErrorAndAttemptsWhenAnOtpFailed(): void
    {
        $this->server->answer(200, self::FAILED);

        $otp = $this->client->get(self::FAILED['id']);

        self::assertSame(FailureReason::INVALID_DESTINATION, $otp['failure_reason']);
        self::assertSame('smpp:0x0000000B', $otp['carrier_error']);
        self::assertSame([FailureReason::UNREACHABLE, FailureReason::INVALID_DESTINATION],
            array_column($otp['delivery_attempts'], 'failure_reason'));
    }

    public function testShouldExposeThePartsAndTheAlphabetWhenALongSmsWasDelivered(): void
    {
        $this->server->answer(200, ['id' => self::FAILED['id'], 'object' => 'otp', 'status' => 'delivered',
            'failure_reason' => null, 'carrier_error' => null, 'parts' => 2, 'delivery_attempts' => [
                ['attempt' => 0, 'channel' => 'sms', 'status' => 'delivered', 'parts' => 2, 'encoding' => 'ucs2',
                    'failure_reason' => null, 'carrier_error' => null]]]);

        $otp = $this->client->get(self::FAILED['id']);

        self::assertSame(2, $otp['parts']);
        self::assertSame('ucs2', $otp['delivery_attempts'][0]['encoding']);
    }

    public function testShouldListTheDocumentedReasonsAndTellTheRetryableOnesWhenAsked(): void
    {
        self::assertCount(9, FailureReason::ALL);
        self::assertContains('country_not_supported', FailureReason::ALL);
        self::assertTrue(FailureReason::isRetryable(FailureReason::RATE_LIMITED));
        self::assertFalse(FailureReason::isRetryable(FailureReason::INVALID_DESTINATION));
        self::assertFalse(FailureReason::isRetryable('a_reason_from_the_future'));
        self::assertFalse(FailureReason::isRetryable(null));
    }
}
