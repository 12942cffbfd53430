// The Narvark dashboard: reads GET /v1/analytics with the account's key and draws three charts, and lists the
// failed deliveries of GET /v1/analytics/failures.
// The key is kept in sessionStorage (this tab only) and sent only in the Authorization header, never in a URL.
'use strict';

(function () {
    const KEY_ITEM = 'narvark.dashboard.key';
    const COLOURS = ['#2f6fed', '#f0b429', '#1f9d55', '#d64545', '#7c5cff', '#0fa3b1'];
    const charts = {};
    const $ = (id) => document.getElementById(id);

    function isoDay(date) {
        return date.toISOString().slice(0, 10);
    }

    function message(text) {
        $('message').textContent = text || '';
    }

    async function analytics(key, groupBy) {
        return get(key, '/v1/analytics', { group_by: groupBy, from: $('from').value, to: $('to').value });
    }

    async function get(key, path, query) {
        const params = new URLSearchParams(query);
        const response = await fetch(path + '?' + params, {
            headers: { Authorization: 'Bearer ' + key, Accept: 'application/json' },
            cache: 'no-store',
            credentials: 'omit',
        });
        const body = await response.json().catch(() => ({}));
        if (!response.ok) {
            const error = (body && body.error) || {};
            throw new Error(response.status === 401 ? 'That key was not accepted.'
                : (error.message || 'HTTP ' + response.status));
        }
        return body;
    }

    function draw(id, config) {
        if (charts[id]) {
            charts[id].destroy();
        }
        const defaults = { responsive: true, maintainAspectRatio: false, animation: false };
        config.options = Object.assign(defaults, config.options);
        charts[id] = new Chart($(id), config);
    }

    function render(byChannel, byDay) {
        const channels = byChannel.data.map((b) => b.key);
        draw('conversion-chart', {
            type: 'bar',
            data: {
                labels: channels,
                datasets: [{
                    label: 'conversion %',
                    data: byChannel.data.map((b) => Math.round((b.conversion || 0) * 1000) / 10),
                    backgroundColor: COLOURS[0],
                }],
            },
            options: { scales: { y: { beginAtZero: true, max: 100 } } },
        });
        draw('latency-chart', {
            type: 'bar',
            data: {
                labels: channels,
                datasets: [
                    { label: 'p50 ms', data: byChannel.data.map((b) => b.send_to_delivered.p50_ms),
                        backgroundColor: COLOURS[2] },
                    { label: 'p95 ms', data: byChannel.data.map((b) => b.send_to_delivered.p95_ms),
                        backgroundColor: COLOURS[1] },
                ],
            },
            options: { scales: { y: { beginAtZero: true } } },
        });
        // Every day of the window, days without OTPs as zero, so gaps read as quiet days.
        const byKey = Object.fromEntries(byDay.data.map((b) => [b.key, b]));
        const days = [];
        const day = new Date(byDay.from + 'T00:00:00Z');
        while (isoDay(day) <= byDay.to) {
            days.push(isoDay(day));
            day.setUTCDate(day.getUTCDate() + 1);
        }
        draw('volume-chart', {
            type: 'line',
            data: {
                labels: days,
                datasets: ['sent', 'delivered', 'verified', 'failed'].map((field, i) => ({
                    label: field, data: days.map((d) => (byKey[d] ? byKey[d][field] : 0)), borderColor: COLOURS[i],
                    backgroundColor: COLOURS[i], tension: 0.2,
                })),
            },
            options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
        });
    }

    // Text nodes only: channel, country and reason come from the API and are never parsed as HTML.
    function renderFailures(failures) {
        const rows = $('failures').tBodies[0];
        rows.replaceChildren();
        failures.data.forEach((f) => {
            const row = rows.insertRow();
            [f.channel, f.country || '–', f.failure_reason, f.failed_attempts, f.failed_otps].forEach((value) => {
                row.insertCell().textContent = String(value);
            });
        });
        $('no-failures').hidden = failures.data.length > 0;
    }

    async function show(key) {
        message('Loading…');
        document.body.dataset.state = 'loading';
        try {
            const [byChannel, byDay, failures] = await Promise.all([analytics(key, 'channel'),
                analytics(key, 'day'), get(key, '/v1/analytics/failures', { from: $('from').value, to: $('to').value })]);
            sessionStorage.setItem(KEY_ITEM, key);
            $('environment').textContent = byChannel.livemode ? 'live' : 'test';
            $('environment').hidden = false;
            $('sign-out').hidden = false;
            $('charts').hidden = false;
            render(byChannel, byDay);
            renderFailures(failures);
            message(byDay.data.length === 0 ? 'No OTPs were sent in this window.' : '');
            document.body.dataset.state = 'ready';
        } catch (e) {
            document.body.dataset.state = 'error';
            message(e.message);
        }
    }

    document.addEventListener('DOMContentLoaded', () => {
        const today = new Date();
        $('to').value = isoDay(today);
        $('from').value = isoDay(new Date(today.getTime() - 29 * 86400000));
        $('sign-in').addEventListener('submit', (event) => {
            event.preventDefault();
            show($('key').value.trim());
        });
        $('sign-out').addEventListener('click', () => {
            sessionStorage.removeItem(KEY_ITEM);
            window.location.reload();
        });
        const remembered = sessionStorage.getItem(KEY_ITEM);
        if (remembered) {
            $('key').value = remembered;
            show(remembered);
        }
    });

    window.narvarkDashboard = { charts };
})();
