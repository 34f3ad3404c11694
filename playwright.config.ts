import { defineConfig } from '@playwright/test';

/*
 * Browser tests: Debian's Chromium (never a downloaded browser) against `lotsen serve` on a temporary data folder.
 * Two workers: each test starts its own server, data folder and port, and spends much of its time waiting on them
 * (a passphrase's scrypt, a session's shell), so two at once fill the two cores these machines have rather than
 * doubling the load; the whole set passed so with five other test runs on the same two cores. Every step's
 * screenshot is kept under test-results/ as an artifact.
 */
export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results',
  globalSetup: './test/e2e/support/globalSetup.ts',
  workers: 2,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    headless: true,
    screenshot: 'on',
    trace: 'retain-on-failure',
    viewport: { width: 1280, height: 860 },
    // English unless a spec chooses otherwise: the specs read English labels; Swedish and the pseudo-locale have their own.
    locale: 'en-GB',
    timezoneId: 'Europe/Stockholm',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
});
