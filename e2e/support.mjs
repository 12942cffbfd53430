// What the browser tests share: required settings, assertions, and Debian's Chromium started the way this network
// needs (no background networking: its connections would be refused) in a throw-away profile.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const env = (name) => {
    const value = process.env[name];
    if (!value) {
        throw new Error(`${name} is not set`);
    }
    return value;
};

export function check(condition, message) {
    if (!condition) {
        throw new Error(message);
    }
}

/** Starts headless Chromium; close() ends it and deletes its profile. */
export async function launchBrowser(profilePrefix) {
    const profile = mkdtempSync(join(tmpdir(), profilePrefix));
    let context;
    try {
        context = await chromium.launchPersistentContext(profile, {
            executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
            headless: true,
            viewport: { width: 1280, height: 900 },
            args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
                '--disable-background-networking', '--disable-component-update', '--disable-sync'],
        });
    } catch (error) {
        rmSync(profile, { recursive: true, force: true });
        throw error;
    }
    return {
        context,
        async close() {
            await context.close();
            rmSync(profile, { recursive: true, force: true });
        },
    };
}
