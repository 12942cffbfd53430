<?php

declare(strict_types=1);

namespace Narvark\Tests;

use Narvark\Client;
use Narvark\Exception\ApiConnectionException;
use Narvark\Exception\ApiException;
use Narvark\Exception\AuthenticationException;
use Narvark\Exception\ConflictException;
use Narvark\Exception\IdempotencyException;
use Narvark\Exception\InvalidRequestException;
use Narvark\Exception\NotFoundException;
use Narvark\Exception\PermissionDeniedException;
use Narvark\Exception\RateLimitException;
use Narvark\Exception\ServerException;
use PHPUnit\Framework\TestCase;

final class ClientTest extends TestCase
{
    private const KEY = 'nvk_test_sk_abcdefghjkmnpqrstvwxyz0123456789ab';
    private const OTP = ['id' => 'otp_jt97kb6cq643dzvmxxqkfbf5kz', 'object' => 'otp', 'status' => 'pending'];

    private FakeServer $server;
    private array $sleeps = [];
    private Client $client;

    protected function setUp(): void
    {
        $this->server = new FakeServer();
        $this->client = $this->client();
    }

    protected function tearDown(): void
    {
        $this->server->close();
    }

    private function client(array $options = []): Client
    {
        return new Client(self::KEY, $options + ['base_url' => $this->server->url, 'timeout' => 5, 'max_retries' => 2,
            'sleep' => function (float $seconds): void {
                $this->sleeps[] = $seconds;
            }]);
    }

    public function testShouldPostTheSendBodyWithTheKeyAndAnIdempotencyKeyWhenSending(): void
    {
        $this->server->answer(200, self::OTP);

        $otp = $this->client->send(['to' => '+447911123456', 'channel' => 'sms', 'metadata' => ['order' => '42']]);

        $this->assertSame(self::OTP['id'], $otp['id']);
        $request = $this->server->requests()[0];
        $this->assertSame(['POST', '/v1/otp/send'], [$request['method'], $request['path']]);
        $this->assertSame('Bearer ' . self::KEY, $request['headers']['authorization']);
        $this->assertSame('application/json', $request['headers']['content-type']);
        $this->assertNotEmpty($request['headers']['idempotency-key']);
        $this->assertSame('{"to":"+447911123456","channel":"sms","metadata":{"order":"42"}}', $request['body']);
    }

    public function testShouldReuseOneIdempotencyKeyWhenASendIsRetriedAfterADroppedConnectionAndA500(): void
    {
        $this->server->drop();
        $this->server->answer(500, ['error' => ['code' => 'internal_error', 'message' => 'oops']]);
        $this->server->answer(200, self::OTP);

        $this->client->send(['to' => '+447911123456', 'channel' => 'sms']);

        $requests = $this->server->requests();
        $this->assertCount(3, $requests);
        $this->assertCount(1, array_unique(array_map(fn ($r) => $r['headers']['idempotency-key'], $requests)));
        $this->assertCount(2, $this->sleeps);
    }

    public function testShouldUseANewIdempotencyKeyWhenSendingAnotherOtp(): void
    {
        $this->server->answer(200, self::OTP);
        $this->server->answer(200, self::OTP);

        $this->client->send(['to' => '+447911123456', 'channel' => 'sms']);
        $this->client->send(['to' => '+447911123456', 'channel' => 'sms']);

        [$first, $second] = $this->server->requests();
        $this->assertNotSame($first['headers']['idempotency-key'], $second['headers']['idempotency-key']);
    }

    public function testShouldRetryWithTheSameKeyWhenTheFirstSendIsStillInFlight(): void
    {
        $this->server->answer(409, ['error' => ['code' => 'idempotency_in_flight', 'message' => 'running']],
            ['Retry-After' => '1']);
        $this->server->answer(200, self::OTP);

        $this->assertSame(self::OTP['id'], $this->client->send(['to' => '+447911123456', 'channel' => 'sms'])['id']);

        [$first, $second] = $this->server->requests();
        $this->assertSame($first['headers']['idempotency-key'], $second['headers']['idempotency-key']);
        $this->assertSame([1.0], $this->sleeps);
    }

    public function testShouldHonourRetryAfterWhenRateLimited(): void
    {
        $this->server->answer(429, ['error' => ['code' => 'rate_limited', 'message' => 'slow']],
            ['Retry-After' => '7']);
        $this->server->answer(200, self::OTP);

        $this->client->get(self::OTP['id']);

        $this->assertSame([7.0], $this->sleeps);
    }

    public function testShouldBackOffWithJitterWithinBoundsWhenTheServerKeepsFailing(): void
    {
        for ($i = 0; $i < 3; $i++) {
            $this->server->answer(503, ['error' => ['code' => 'internal_error', 'message' => 'down']]);
        }

        try {
            $this->client->get(self::OTP['id']);
            $this->fail('no exception');
        } catch (ServerException $e) {
            $this->assertSame(503, $e->getHttpStatus());
        }

        $this->assertCount(3, $this->server->requests());
        $this->assertTrue($this->sleeps[0] >= 0.25 && $this->sleeps[0] <= 0.5, (string) $this->sleeps[0]);
        $this->assertTrue($this->sleeps[1] >= 0.5 && $this->sleeps[1] <= 1.0, (string) $this->sleeps[1]);
    }

    public function testShouldThrowATypedExceptionWithCodeParamStatusAndRequestIdWhenTheApiRefuses(): void
    {
        $this->server->answer(400, ['error' => ['code' => 'invalid_request',
            'message' => 'ttl must be between 60 and 86400', 'param' => 'ttl']], ['Request-Id' => 'req_123']);

        try {
            $this->client->send(['to' => '+447911123456', 'channel' => 'sms', 'ttl' => 5]);
            $this->fail('no exception');
        } catch (InvalidRequestException $e) {
            $this->assertSame(['invalid_request', 'ttl', 400, 'req_123', 'ttl must be between 60 and 86400'],
                [$e->getErrorCode(), $e->getParam(), $e->getHttpStatus(), $e->getRequestId(), $e->getMessage()]);
        }
        $this->assertCount(1, $this->server->requests());
    }

    public function testShouldMapStatusesToExceptionClassesWhenTheApiRefuses(): void
    {
        $cases = [401 => AuthenticationException::class, 403 => PermissionDeniedException::class,
            404 => NotFoundException::class, 409 => ConflictException::class, 422 => IdempotencyException::class];
        foreach ($cases as $status => $class) {
            $this->server->answer($status, ['error' => ['code' => 'x', 'message' => 'm']]);
            try {
                $this->client->cancel(self::OTP['id']);
                $this->fail("no exception for $status");
            } catch (\Throwable $e) {
                $this->assertInstanceOf($class, $e);
            }
        }
    }

    public function testShouldNeverShowTheKeyWhenAnErrorMessageEchoesIt(): void
    {
        $this->server->answer(401, ['error' => ['code' => 'unauthorized', 'message' => 'bad key ' . self::KEY]]);

        try {
            $this->client->get(self::OTP['id']);
            $this->fail('no exception');
        } catch (AuthenticationException $e) {
            $this->assertStringNotContainsString(self::KEY, (string) $e);
        }
        $this->assertStringNotContainsString(self::KEY, print_r($this->client, true));
        ob_start();
        var_dump($this->client);
        $this->assertStringNotContainsString(self::KEY, (string) ob_get_clean());
    }

    public function testShouldNotRetryAVerifyWhenTheConnectionDrops(): void
    {
        $this->server->drop();

        try {
            $this->client->verify(self::OTP['id'], '492 817');
            $this->fail('no exception');
        } catch (ApiConnectionException $e) {
            $this->assertStringNotContainsString(self::KEY, (string) $e);
        }
        $this->assertCount(1, $this->server->requests());
    }

    public function testShouldSendTheCodeAsTypedWhenVerifying(): void
    {
        $this->server->answer(200, ['id' => self::OTP['id'], 'valid' => true]);

        $this->assertTrue($this->client->verify(self::OTP['id'], '492 817')['valid']);

        $this->assertSame('{"id":"' . self::OTP['id'] . '","code":"492 817"}', $this->server->requests()[0]['body']);
    }

    public function testShouldSendTheMessageFieldsWhenSendingWithBrandLocaleAutofillAndTransaction(): void
    {
        $payment = ['amount' => '42.00', 'currency' => 'EUR', 'payee' => 'ACME Shop'];
        $this->server->answer(200, self::OTP + ['brand' => 'Acme Shop', 'locale' => 'pt-BR', 'transaction' => $payment]);

        $otp = $this->client->send(['to' => '+5511987654321', 'channel' => 'sms', 'brand' => 'Acme Shop',
            'locale' => 'pt', 'app_hash' => 'FA+9qCX9VSu', 'transaction' => $payment]);

        $this->assertSame('pt-BR', $otp['locale']);
        $this->assertSame($payment, $otp['transaction']);
        $this->assertSame(['to' => '+5511987654321', 'channel' => 'sms', 'brand' => 'Acme Shop', 'locale' => 'pt',
            'app_hash' => 'FA+9qCX9VSu', 'transaction' => $payment],
            json_decode($this->server->requests()[0]['body'], true));
    }

    public function testShouldSendTheTransactionAndReadTheReasonWhenVerifyingABoundCode(): void
    {
        $payment = ['amount' => '42.01', 'currency' => 'EUR', 'payee' => 'ACME Shop'];
        $this->server->answer(200, ['id' => self::OTP['id'], 'valid' => false, 'reason' => 'transaction_mismatch']);

        $answer = $this->client->verify(self::OTP['id'], '492817', $payment);

        $this->assertSame('transaction_mismatch', $answer['reason']);
        $this->assertSame(['id' => self::OTP['id'], 'code' => '492817', 'transaction' => $payment],
            json_decode($this->server->requests()[0]['body'], true));
    }

    public function testShouldRetryWhenAnAttemptTimesOut(): void
    {
        $this->server->hang();
        $this->server->answer(200, self::OTP);
        $client = $this->client(['timeout' => 0.3, 'max_retries' => 1]);

        $this->assertSame(self::OTP['id'], $client->get(self::OTP['id'])['id']);

        $this->assertCount(2, $this->server->requests());
    }

    public function testShouldFollowCursorsWhenListing(): void
    {
        $this->server->answer(200, ['object' => 'list', 'has_more' => true,
            'data' => [['id' => 'otp_a'], ['id' => 'otp_b']]]);
        $this->server->answer(200, ['object' => 'list', 'has_more' => false, 'data' => [['id' => 'otp_c']]]);

        $ids = [];
        foreach ($this->client->list(['status' => 'verified', 'metadata' => ['order' => '42'], 'limit' => 2]) as $otp) {
            $ids[] = $otp['id'];
        }

        $this->assertSame(['otp_a', 'otp_b', 'otp_c'], $ids);
        [$first, $second] = $this->server->requests();
        $this->assertSame('/v1/otp?status=verified&limit=2&metadata%5Border%5D=42', $first['path']);
        $this->assertStringEndsWith('&starting_after=otp_b', $second['path']);
    }

    public function testShouldPostResendAndCancelToTheirRoutes(): void
    {
        $this->server->answer(200, self::OTP);
        $this->server->answer(200, ['status' => 'cancelled'] + self::OTP);

        $this->client->resend(self::OTP['id'], ['code' => 'new']);
        $this->assertSame('cancelled', $this->client->cancel(self::OTP['id'])['status']);

        [$resend, $cancel] = $this->server->requests();
        $this->assertSame('/v1/otp/' . self::OTP['id'] . '/resend', $resend['path']);
        $this->assertSame('{"code":"new"}', $resend['body']);
        $this->assertNotEmpty($resend['headers']['idempotency-key']);
        $this->assertSame('/v1/otp/' . self::OTP['id'] . '/cancel', $cancel['path']);
        $this->assertSame('{}', $cancel['body']);
    }

    public function testShouldNotRetryWhenAResendComesTooSoon(): void
    {
        $this->server->answer(429, ['error' => ['code' => 'resend_too_soon', 'message' => 'wait']],
            ['Retry-After' => '30']);

        try {
            $this->client->resend(self::OTP['id']);
            $this->fail('no exception');
        } catch (RateLimitException $e) {
            $this->assertSame(['resend_too_soon', 30.0], [$e->getErrorCode(), $e->getRetryAfter()]);
        }
        $this->assertCount(1, $this->server->requests());
    }

    public function testShouldNotRetryWhenTheDestinationIsRateLimited(): void
    {
        $this->server->answer(429, ['error' => ['code' => 'destination_rate_limited', 'message' => 'too many']],
            ['Retry-After' => '5']);

        $this->expectException(RateLimitException::class);
        try {
            $this->client->send(['to' => '+447911123456', 'channel' => 'sms']);
        } finally {
            $this->assertCount(1, $this->server->requests());
        }
    }

    public function testShouldNotFollowARedirectWhenTheServerAnswersOne(): void
    {
        $this->server->answer(302, new \stdClass(), ['Location' => 'http://127.0.0.1:9/steal']);

        try {
            $this->client->get(self::OTP['id']);
            $this->fail('no exception');
        } catch (ApiException $e) {
            $this->assertSame(302, $e->getHttpStatus());
        }
        $this->assertCount(1, $this->server->requests());
    }

    public function testShouldCoverTheWebhookRoutes(): void
    {
        $this->server->answer(201, ['id' => 'we_1', 'secret' => 'whsec_x']);
        $this->server->answer(200, ['object' => 'list', 'data' => [['id' => 'we_1']]]);
        $this->server->answer(200, ['id' => 'we_1', 'secret' => 'whsec_y']);
        $this->server->answer(200, ['object' => 'list', 'has_more' => false, 'data' => [['id' => 'whd_1']]]);
        $this->server->answer(200, ['id' => 'whd_1', 'status' => 'pending']);
        $this->server->answer(200, ['id' => 'we_1', 'deleted' => true]);

        $this->assertSame('we_1', $this->client->createWebhookEndpoint(['url' => 'https://example.com/h',
            'events' => ['otp.verified']])['id']);
        $this->assertSame('we_1', $this->client->listWebhookEndpoints()[0]['id']);
        $this->assertSame('whsec_y', $this->client->rotateWebhookSecret('we_1')['secret']);
        $this->assertSame(['whd_1'], array_column(iterator_to_array(
            $this->client->listWebhookDeliveries(['endpoint_id' => 'we_1']), false), 'id'));
        $this->client->redeliverWebhook('whd_1');
        $this->assertTrue($this->client->deleteWebhookEndpoint('we_1')['deleted']);

        $this->assertSame(['POST /v1/webhook_endpoints', 'GET /v1/webhook_endpoints',
            'POST /v1/webhook_endpoints/we_1/rotate_secret', 'GET /v1/webhook_deliveries?endpoint_id=we_1',
            'POST /v1/webhook_deliveries/whd_1/redeliver', 'DELETE /v1/webhook_endpoints/we_1'],
            array_map(fn ($r) => $r['method'] . ' ' . $r['path'], $this->server->requests()));
    }

    public function testShouldEscapeAnIdWhenItHoldsAPathSeparator(): void
    {
        $this->server->answer(404, ['error' => ['code' => 'not_found', 'message' => 'no such OTP']]);

        try {
            $this->client->get('../admin');
            $this->fail('no exception');
        } catch (NotFoundException) {
            $this->assertSame('/v1/otp/..%2Fadmin', $this->server->requests()[0]['path']);
        }
    }
}
