<?php

declare(strict_types=1);

namespace Narvark\Tests;

/** Starts tests/fake_server.php as a process on a free loopback port; queue answers, then read the requests. */
final class FakeServer
{
    public readonly string $url;
    private readonly string $dir;
    /** @var resource */
    private $process;

    public function __construct()
    {
        $this->dir = sys_get_temp_dir() . '/narvark-php-fake-' . bin2hex(random_bytes(6));
        mkdir($this->dir);
        file_put_contents("$this->dir/queue.json", '[]');
        $this->process = proc_open([PHP_BINARY, __DIR__ . '/fake_server.php', $this->dir],
            [1 => ['pipe', 'w']], $pipes);
        $port = trim((string) fgets($pipes[1]));
        $this->url = "http://127.0.0.1:$port";
    }

    public function answer(int $status, array|object $body, array $headers = []): void
    {
        $this->push(['status' => $status, 'headers' => $headers, 'body' => $body]);
    }

    public function drop(): void
    {
        $this->push('drop');
    }

    public function hang(): void
    {
        $this->push('hang');
    }

    /** @return list<array{method: string, path: string, headers: array<string, string>, body: string}> */
    public function requests(): array
    {
        $lines = @file("$this->dir/requests.jsonl", FILE_IGNORE_NEW_LINES) ?: [];
        return array_map(static fn (string $line) => json_decode($line, true), $lines);
    }

    public function close(): void
    {
        proc_terminate($this->process);
        proc_close($this->process);
        array_map('unlink', glob("$this->dir/*") ?: []);
        rmdir($this->dir);
    }

    private function push(array|string $response): void
    {
        // The server pops from the file: append to what it has not consumed yet.
        $queue = json_decode((string) file_get_contents("$this->dir/queue.json"), true) ?: [];
        $queue[] = $response;
        file_put_contents("$this->dir/queue.json", json_encode($queue));
    }
}
