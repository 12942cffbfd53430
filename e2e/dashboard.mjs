// Drives the dashboard in headless Chromium (Debian's package; Playwright cannot download its own browser here):
// signs in with an API key, waits for the three charts, checks they carry the seeded numbers and that the failures
// table lists the seeded failure, and saves a screenshot. Run by DashboardIT with NARVARK_URL, NARVARK_KEY, EXPECT_SENT, EXPECT_CHANNELS and SCREENSHOT set.
// Exits non-zero with the reason on any failure.
import { statSync } from 'node:fs';
import { check, env, launchBrowser } from './support.mjs';

const baseUrl = env('NARVARK_URL');
const key = env('NARVARK_KEY');
const expectSent = Number(env('EXPECT_SENT'));
const expectChannels = env('EXPECT_CHANNELS').split(',').sort();
const screenshot = env('SCREENSHOT');

let browser;
try {
    browser = await launchBrowser('narvark-e2e-');
    const context = browser.context;
    const page = context.pages()[0] || await context.newPage();
    const urls = [];
    const problems = [];
    page.on('request', (request) => urls.push(request.url()));
    page.on('pageerror', (error) => problems.push(String(error)));
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    page.on('response', (answer) => answer.status() >= 400 && problems.push(`${answer.status()} ${answer.url()}`));

    const response = await page.goto(baseUrl + '/dashboard', { waitUntil: 'load' });
    check(response.status() === 200, `GET /dashboard answered ${response.status()}`);
    check((response.headers()['content-security-policy'] || '').includes("script-src 'self'"),
        'the dashboard must be served with its Content-Security-Policy');

    await page.fill('#key', key);
    await page.click('button[type=submit]');
    await page.waitForSelector('body[data-state=ready]', { timeout: 20000 });

    const charts = await page.evaluate(() => Object.fromEntries(
        ['conversion-chart', 'latency-chart', 'volume-chart'].map((id) => {
            const chart = Chart.getChart(document.getElementById(id));
            return [id, chart && {
                labels: chart.data.labels,
                datasets: chart.data.datasets.map((d) => ({ label: d.label, data: d.data })),
                drawn: chart.canvas.width > 0 && chart.canvas.height > 0,
            }];
        })));
    for (const [id, chart] of Object.entries(charts)) {
        check(chart && chart.drawn, `${id} was not drawn`);
        check(chart.datasets.every((d) => d.data.length === chart.labels.length), `${id} has ragged data`);
    }
    const conversion = charts['conversion-chart'];
    check(JSON.stringify([...conversion.labels].sort()) === JSON.stringify(expectChannels),
        `conversion chart channels ${conversion.labels} instead of ${expectChannels}`);
    check(conversion.datasets[0].data.some((value) => value > 0), 'no channel shows any conversion');
    const latency = charts['latency-chart'];
    check(latency.datasets[0].data.some((value) => value > 0), 'no delivery latency is shown');
    const volume = charts['volume-chart'];
    const sent = volume.datasets.find((d) => d.label === 'sent').data.reduce((a, b) => a + b, 0);
    check(sent === expectSent, `daily volume shows ${sent} sent instead of ${expectSent}`);
    const failures = await page.$$eval('#failures tbody tr', (rows) => rows.map((row) => row.innerText));
    check(failures.length === 1 && /sms\s+US\s+blocked\s+1\s+1/.test(failures[0]),
        `the failures table shows ${JSON.stringify(failures)} instead of one blocked SMS`);
    check(urls.every((url) => !url.includes(key)), 'the API key appeared in a URL');
    check(!page.url().includes(key), 'the API key appeared in the page URL');
    check(problems.length === 0, `the page reported errors: ${problems.join('; ')}`);

    await page.screenshot({ path: screenshot, fullPage: true });
    check(statSync(screenshot).size > 10000, 'the screenshot is suspiciously small');
    console.log(JSON.stringify({ ok: true, screenshot, charts }));
} catch (error) {
    console.error('dashboard e2e failed: ' + (error && error.stack || error));
    process.exitCode = 1;
} finally {
    if (browser) {
        await browser.close();
    }
}
