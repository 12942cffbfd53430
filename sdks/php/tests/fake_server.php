<?php

// A scripted HTTP server on loopback, run as its own process by FakeServer: it answers the responses queued in
// <dir>/queue.json in order, records every request in <dir>/requests.jsonl, and prints its port when ready.
declare(strict_types=1);

$dir = $argv[1];
$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $error);
if ($server === false) {
    fwrite(STDERR, "cannot listen: $error\n");
    exit(1);
}
$name = stream_socket_get_name($server, false);
echo substr($name, strrpos($name, ':') + 1), "\n";
fflush(STDOUT);

while ($connection = @stream_socket_accept($server, -1)) {
    $head = '';
    while (!str_contains($head, "\r\n\r\n") && ($line = fgets($connection)) !== false) {
        $head .= $line;
    }
    [$requestLine] = explode("\r\n", $head, 2);
    [$method, $path] = explode(' ', $requestLine) + [1 => ''];
    $headers = [];
    foreach (array_slice(explode("\r\n", trim($head)), 1) as $line) {
        [$k, $v] = array_map('trim', explode(':', $line, 2)) + [1 => ''];
        $headers[strtolower($k)] = $v;
    }
    $length = (int) ($headers['content-length'] ?? 0);
    $body = '';
    while (strlen($body) < $length && !feof($connection)) {
        $body .= fread($connection, $length - strlen($body));
    }
    file_put_contents("$dir/requests.jsonl", json_encode(['method' => $method, 'path' => $path,
        'headers' => $headers, 'body' => $body]) . "\n", FILE_APPEND);
    $queue = json_decode((string) @file_get_contents("$dir/queue.json"), true) ?: [];
    $next = array_shift($queue) ?? ['status' => 500, 'headers' => [], 'body' => ['error' => new stdClass()]];
    file_put_contents("$dir/queue.json", json_encode($queue));
    if ($next === 'drop') {
        fclose($connection);
        continue;
    }
    if ($next === 'hang') {
        usleep(400_000); // past the test client's 300 ms timeout; the retry is answered after it
        fclose($connection);
        continue;
    }
    $payload = json_encode($next['body']);
    $out = "HTTP/1.1 {$next['status']} X\r\nContent-Type: application/json\r\nConnection: close\r\n"
        . 'Content-Length: ' . strlen($payload) . "\r\n";
    foreach ($next['headers'] as $k => $v) {
        $out .= "$k: $v\r\n";
    }
    fwrite($connection, "$out\r\n$payload");
    fclose($connection);
}
