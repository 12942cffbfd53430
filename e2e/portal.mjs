// Drives the developer portal end to end in headless Chromium (Debian's package, driven by playwright-core): the
// access form, the operator's approval, the one-time key link (shown once), the key against the API, console
// sign-in by emailed code, creating and revoking a key and adding a webhook endpoint. Saves a screenshot of each
// page in SCREENSHOTS. Run by PortalBrowserIT with NARVARK_URL, PORTAL_BASE_URL (narvark.portal.base-url, the public
// URL the emailed links point to), MAILBOX_URL (the test's view of the sandbox outbox and the sandbox carrier),
// ADMIN_TOKEN, EMAIL and SCREENSHOTS set. Exits non-zero with the reason on failure.
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { check, env, launchBrowser } from './support.mjs';

const baseUrl = env('NARVARK_URL');
const portalBaseUrl = env('PORTAL_BASE_URL');
const mailbox = env('MAILBOX_URL');
const adminToken = env('ADMIN_TOKEN');
const email = env('EMAIL');
const screenshots = env('SCREENSHOTS');
const company = 'Acme ' + email.split('@')[0];
mkdirSync(screenshots, { recursive: true });

/** Polls the test mailbox until it has the newest message (or code) for the address. */
async function poll(path) {
    for (let i = 0; i < 200; i++) {
        const answer = await fetch(mailbox + path);
        if (answer.status === 200) {
            return answer.text();
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`nothing at ${path}`);
}

async function api(method, path, key, body) {
    const answer = await fetch(baseUrl + path, {
        method,
        headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
        body: body && JSON.stringify(body),
    });
    return { status: answer.status, json: await answer.json().catch(() => null) };
}

const shots = [];
let browser;
try {
    browser = await launchBrowser('narvark-portal-e2e-');
    const context = browser.context;
    const page = context.pages()[0] || await context.newPage();
    const urls = [];
    const problems = [];
    page.on('request', (request) => urls.push(request.url()));
    page.on('pageerror', (error) => problems.push(String(error)));
    // Refusals (400 form errors, 401 wrong code, 410 used link) are expected answers; a missing resource is not.
    page.on('console', (message) => message.type() === 'error'
        && !message.text().startsWith('Failed to load resource') && problems.push(message.text()));
    page.on('response', (answer) => answer.status() === 404 && !answer.url().endsWith('/favicon.ico')
        && problems.push(`404 ${answer.url()}`));
    const shot = async (name) => {
        const path = join(screenshots, name + '.png');
        await page.screenshot({ path, fullPage: true });
        shots.push(path);
    };

    // 1. The access form: errors are visible and tied to their fields; then a valid submission.
    let response = await page.goto(baseUrl + '/portal/access');
    check(response.status() === 200, `GET /portal/access answered ${response.status()}`);
    check((response.headers()['content-security-policy'] || '').includes("form-action 'self'"), 'no CSP');
    check(await page.$eval('#website', (field) => field.getBoundingClientRect().right <= 0
        && field.tabIndex === -1), 'the honeypot field is on screen or in the tab order');
    await shot('01-access-form');
    await page.click('button[type=submit]');
    check(await page.locator('.error-summary[role=alert]').count() === 1, 'no error summary on an empty form');
    check(await page.getAttribute('#email', 'aria-describedby') === 'email-error', 'email error not tied to field');
    await shot('02-access-form-errors');
    await page.fill('#name', 'Jane Doe');
    await page.fill('#company', company);
    await page.fill('#email', email);
    await page.selectOption('#volume', '10k_100k');
    await page.check('#channel-sms');
    await page.check('#channel-email');
    await page.fill('#use_case', 'Sign-in codes for our banking app, SMS first with email as the fallback.');
    await page.click('button[type=submit]');
    check((await page.textContent('h1')).includes('we will be in touch'), 'no thank-you page');
    await shot('03-access-thanks');
    const confirmation = await poll(`/mail?to=${encodeURIComponent(email)}&subject=received`);
    check(confirmation.includes('will be in touch'), 'no confirmation email');

    // 2. The operator approves.
    await page.goto(baseUrl + '/portal/operator');
    await page.fill('#operator', 'Olga Operator');
    await page.fill('#token', adminToken);
    await page.click('button[type=submit]');
    check(await page.locator(`button:has-text("Approve ${company}")`).count() === 1, 'request not listed');
    await shot('04-operator-pending');
    await page.click(`button:has-text("Approve ${company}")`);
    check((await page.textContent('h1')) === 'Approved', 'approval page missing');
    await shot('05-operator-approved');

    // 3. The one-time link shows the keys once.
    const keyMail = await poll(`/mail?to=${encodeURIComponent(email)}&subject=API%20keys`);
    const emailed = keyMail.match(/https?:\/\/\S+\/portal\/welcome\/[0-9a-z]+/)[0];
    check(!/nvk_(test|live)_sk_/.test(keyMail), 'the email holds a key');
    check(emailed.startsWith(portalBaseUrl + '/portal/welcome/'), `the link is not on the public URL: ${emailed}`);
    // The public URL stands for a proxy in front of the gateway, which the test has not: open it on the gateway.
    const link = baseUrl + emailed.substring(portalBaseUrl.length);
    // A fresh browser page, as if opened from the email client.
    response = await page.goto(link);
    check(response.status() === 200, `the link answered ${response.status()}`);
    await shot('06-welcome');
    await page.click('button[type=submit]');
    const testKey = (await page.textContent('code.secret[data-environment=test]')).trim();
    const liveKey = (await page.textContent('code.secret[data-environment=live]')).trim();
    check(/^nvk_test_sk_[0-9a-z]{32}$/.test(testKey), `no test key shown: ${testKey}`);
    check(/^nvk_live_sk_[0-9a-z]{32}$/.test(liveKey), 'no live key shown');
    await shot('07-keys-shown-once');
    response = await page.goto(link);
    check(response.status() === 410, `a second visit answered ${response.status()}`);
    check(!(await page.content()).includes(testKey), 'the second visit shows the key');
    await shot('08-link-used');

    // 4. The key works against the API; the live key waits for the operator's review.
    const sent = await api('POST', '/v1/otp/send', testKey, { to: '+15005550001', channel: 'sms' });
    check(sent.status === 200 && sent.json.id.startsWith('otp_'), `send answered ${sent.status}`);
    check((await api('POST', '/v1/otp/send', liveKey, { to: '+15005550001', channel: 'sms' })).status === 401,
        'the live key works before the review');

    // 5. Console sign-in by an emailed code (a Narvark OTP), with the keyboard only.
    await page.goto(baseUrl + '/portal/console');
    check(page.url().endsWith('/portal/sign-in'), 'the console did not ask to sign in');
    await shot('09-sign-in');
    await page.focus('#email');
    await page.keyboard.type(email);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/portal/sign-in/code');
    await shot('10-sign-in-code');
    const code = await poll(`/code?to=${encodeURIComponent(email)}`);
    await page.fill('#code', '000000');
    await page.click('button[type=submit]');
    check(await page.locator('#code-error').count() === 1, 'a wrong code was not refused visibly');
    await page.fill('#code', code);
    await page.click('button[type=submit]');
    await page.waitForURL('**/portal/console');
    check((await page.textContent('h1')) === company, 'the console shows another account');
    await shot('11-console');

    // 6. Create a key (shown once), check it works, revoke it.
    await page.selectOption('#key-environment', 'test');
    await page.click('button:has-text("Create key")');
    const created = (await page.textContent('code.secret')).trim();
    const createdId = await page.getAttribute('code.secret', 'data-key-id');
    check(/^nvk_test_sk_/.test(created), 'no new key shown');
    await shot('12-key-created');
    check((await api('GET', '/v1/usage', created)).status === 200, 'the new key does not work');
    await page.goto(baseUrl + '/portal/console');
    check(!(await page.content()).includes(created), 'the console shows the secret again');
    await page.click(`tr[data-key-id="${createdId}"] button:has-text("Revoke")`);
    await page.waitForURL('**/portal/console');
    check((await page.textContent(`tr[data-key-id="${createdId}"] td.state`)).startsWith('revoked'),
        'the key is not shown revoked');
    check((await api('GET', '/v1/usage', created)).status === 401, 'the revoked key still works');
    await shot('13-key-revoked');

    // 7. Add a webhook endpoint (its signing secret shows once).
    await page.fill('#webhook-url', 'http://127.0.0.1:9/narvark/webhooks');
    await page.selectOption('#webhook-environment', 'test');
    await page.click('button:has-text("Add endpoint")');
    check((await page.textContent('h1')) === 'Endpoint added', 'endpoint not added: ' + await page.textContent('main'));
    check(/^whsec_/.test((await page.textContent('code.secret')).trim()), 'no signing secret shown');
    await shot('14-webhook-added');
    await page.goto(baseUrl + '/portal/console');
    check(await page.locator('tr[data-endpoint-id]').count() === 1, 'the endpoint is not listed');
    await shot('15-console-with-webhook');

    for (const key of [testKey, liveKey, created]) {
        check(urls.every((url) => !url.includes(key)), 'an API key appeared in a URL');
    }
    check(problems.length === 0, `the pages reported errors: ${problems.join('; ')}`);
    console.log(JSON.stringify({ ok: true, screenshots: shots, otp: sent.json.id }));
} catch (error) {
    console.error('portal e2e failed: ' + (error && error.stack || error));
    process.exitCode = 1;
} finally {
    if (browser) {
        await browser.close();
    }
}
