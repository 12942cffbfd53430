// A scripted HTTP server on loopback: answers queued responses in order and records every request.
import { createServer } from "node:http";

export async function fakeServer() {
    const responses = [];
    const requests = [];
    const server = createServer((req, res) => {
        const chunks = [];
        req.on("data", chunk => chunks.push(chunk));
        req.on("end", () => {
            requests.push({ method: req.method, path: req.url, headers: req.headers,
                body: Buffer.concat(chunks).toString("utf8") });
            const next = responses.shift() ?? { status: 500, headers: {}, body: { error: {} } };
            if (next === "hang") {
                return;
            }
            if (next === "drop") {
                req.socket.destroy();
                return;
            }
            res.writeHead(next.status, { "Content-Type": "application/json", ...next.headers });
            res.end(JSON.stringify(next.body));
        });
    });
    await new Promise(resolve => server.listen(0, "127.0.0.1", resolve));
    return {
        url: `http://127.0.0.1:${server.address().port}`,
        requests,
        answer(status, body, headers = {}) {
            responses.push({ status, body, headers });
        },
        hang() {
            responses.push("hang");
        },
        drop() {
            responses.push("drop");
        },
        close() {
            server.closeAllConnections();
            return new Promise(resolve => server.close(resolve));
        },
    };
}
