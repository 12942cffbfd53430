<?php

// The conformance scenario with the PHP SDK (run by run.py, which sets the environment).
declare(strict_types=1);

spl_autoload_register(static function (string $class): void {
    $file = __DIR__ . '/../php/src/' . str_replace('\\', '/', substr($class, strlen('Narvark\\'))) . '.php';
    if (str_starts_with($class, 'Narvark\\') && is_file($file)) {
        require $file;
    }
});

use Narvark\Client;
use Narvark\Exception\ApiException;
use Narvark\FailureReason;
use Narvark\Exception\NotFoundException;
use Narvark\Exception\WebhookVerificationException;
use Narvark\Webhook;

$sdk = getenv('NARVARK_SDK');
$receiver = getenv('NARVARK_RECEIVER_URL');

function check(bool $condition, string $step, mixed $detail = ''): void
{
    global $sdk;
    if (!$condition) {
        echo "[$sdk] FAIL $step " . json_encode($detail) . "\n";
        exit(1);
    }
    echo "[$sdk] ok   $step\n";
}

$client = new Client(getenv('NARVARK_API_KEY'), ['base_url' => getenv('NARVARK_BASE_URL'), 'max_retries' => 3]);
$run = bin2hex(random_bytes(16));
$hookPath = "/hooks/$sdk-$run";

$endpoint = $client->createWebhookEndpoint(['url' => $receiver . $hookPath, 'events' => ['otp.verified']]);
check(str_starts_with($endpoint['secret'], 'whsec_'), 'create webhook endpoint');

$otp = $client->send(['to' => '+15005550001', 'channel' => 'sms',
    'metadata' => ['conformance' => $sdk, 'run' => $run]]);
check($otp['status'] === 'pending' && str_starts_with($otp['id'], 'otp_'),
    'send (retried after the dropped connection)');

$wrong = $client->verify($otp['id'], '000 000');
check(!$wrong['valid'] && $wrong['attempts_remaining'] === 4, 'verify with a wrong code', $wrong);

$right = $client->verify($otp['id'], '123 456');
check($right['valid'] && $right['status'] === 'verified', 'verify with the right code', $right);

$status = $client->get($otp['id']);
for ($i = 0; $i < 100 && $status['status'] !== 'verified'; $i++) { // the status read model follows within moments
    usleep(100_000);
    $status = $client->get($otp['id']);
}
check($status['status'] === 'verified' && $status['attempts_used'] === 2, 'status', $status);
check($status['parts'] === 1 && ($status['delivery_attempts'][0]['encoding'] ?? null) === 'gsm7'
    && $status['failure_reason'] === null, 'status: one GSM-7 part', $status);

$blocked = $client->send(['to' => '+15005550012', 'channel' => 'sms']);
for ($i = 0; $i < 100 && $blocked['status'] !== 'failed'; $i++) {
    usleep(100_000);
    $blocked = $client->get($blocked['id']);
}
check($blocked['failure_reason'] === FailureReason::BLOCKED && $blocked['carrier_error'] === 'simulator:blocked'
    && $blocked['delivery_attempts'][0]['failure_reason'] === 'blocked'
    && !FailureReason::isRetryable($blocked['failure_reason']), 'status: failure reason and carrier error', $blocked);

$other = $client->send(['to' => '+15005550001', 'channel' => 'sms', 'metadata' => ['conformance' => $sdk]]);
try {
    $client->resend($other['id']);
    check(false, 'a resend within the cooldown is refused');
} catch (ApiException $e) {
    check($e->getErrorCode() === 'resend_too_soon' && $e->getHttpStatus() === 429,
        'a resend within the cooldown is refused (not retried)', $e->getMessage());
}
$cancelled = $client->cancel($other['id']);
check($cancelled['status'] === 'cancelled' && $cancelled['cancelled_at'] !== null, 'cancel', $cancelled);
try {
    $client->resend($other['id'], ['code' => 'new']);
    check(false, 'a resend of a cancelled OTP is refused');
} catch (ApiException $e) {
    check($e->getErrorCode() === 'otp_not_active' && $e->getHttpStatus() === 409,
        'a resend of a cancelled OTP is refused', $e->getMessage());
}

try {
    $client->get('otp_' . str_repeat('0', 26));
    check(false, 'a typed error for an unknown OTP');
} catch (NotFoundException $e) {
    check($e->getErrorCode() === 'not_found' && $e->getHttpStatus() === 404
        && str_starts_with((string) $e->getRequestId(), 'req_')
        && !str_contains((string) $e, getenv('NARVARK_API_KEY')), 'a typed error for an unknown OTP', (string) $e);
}

$listed = [];
for ($i = 0; $i < 100; $i++) { // the search read model follows the event store within moments
    $listed = iterator_to_array($client->list(['metadata' => ['run' => $run], 'limit' => 1]), false);
    if ($listed !== [] && count(array_filter($listed, fn ($o) => $o['status'] !== 'verified')) === 0) {
        break;
    }
    usleep(300_000);
}
check(count($listed) === 1 && $listed[0]['id'] === $otp['id'], 'list: exactly one OTP for this run', $listed);

$delivery = null;
for ($i = 0; $i < 300 && $delivery === null; $i++) {
    $received = json_decode(file_get_contents("$receiver/received?path=" . rawurlencode($hookPath)), true);
    foreach ($received as $r) {
        if (json_decode(base64_decode($r['body_base64']), true)['type'] === 'otp.verified') {
            $delivery = $r;
        }
    }
    if ($delivery === null) {
        usleep(300_000);
    }
}
check($delivery !== null, 'webhook otp.verified received');
$body = base64_decode($delivery['body_base64']);
$event = Webhook::constructEvent($body, $delivery['headers'], $endpoint['secret']);
check($event['data']['otp_id'] === $otp['id'], "webhook verified with the SDK's helper");
try {
    Webhook::verify(preg_replace('/"verified"/', '"expired"', $body, 1), $delivery['headers'], $endpoint['secret']);
    check(false, 'tampered webhook body refused');
} catch (WebhookVerificationException) {
    check(true, 'tampered webhook body refused');
}

$deliveries = iterator_to_array(
    $client->listWebhookDeliveries(['endpoint_id' => $endpoint['id'], 'limit' => 1]), false);
check(in_array($event['id'], array_column($deliveries, 'event_id'), true), 'webhook deliveries listed', $deliveries);
check($client->redeliverWebhook($deliveries[0]['id'])['id'] === $deliveries[0]['id'], 'webhook redelivered');
$rotated = $client->rotateWebhookSecret($endpoint['id']);
check(str_starts_with($rotated['secret'], 'whsec_') && $rotated['secret'] !== $endpoint['secret'],
    'webhook secret rotated');
check(array_column($client->listWebhookEndpoints(), 'id') === [$endpoint['id']], 'webhook endpoints listed');
check($client->deleteWebhookEndpoint($endpoint['id'])['deleted'] === true, 'webhook endpoint deleted');

$payment = ['amount' => '42', 'currency' => 'EUR', 'payee' => 'ACME Shop'];
$bound = $client->send(['to' => '+15005550001', 'channel' => 'sms', 'brand' => 'Acme Pay', 'locale' => 'pt',
    'transaction' => $payment]);
check($bound['locale'] === 'pt-BR' && $bound['brand'] === 'Acme Pay' && $bound['transaction']['amount'] === '42.00',
    'send with brand, locale and transaction', $bound);
$mismatch = $client->verify($bound['id'], '123456');
check(!$mismatch['valid'] && $mismatch['reason'] === 'transaction_mismatch', 'verify without the transaction',
    $mismatch);
$boundOk = $client->verify($bound['id'], '123456', ['amount' => '42.00'] + $payment);
check($boundOk['valid'] && $boundOk['reason'] === null, 'verify with the same transaction', $boundOk);
