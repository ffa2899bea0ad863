import { defineConfig, devices, type ReporterDescription } from '@playwright/test';

// The test script starts the server and passes its URL; nothing here starts one.
const baseURL = process.env.CLERKSHIP_URL ?? 'http://127.0.0.1:8080';

// Playwright's junit reporter writes to PLAYWRIGHT_JUNIT_OUTPUT_NAME; without it, it would
// print XML to stdout, so it is only added when a path is given.
const reporter: ReporterDescription[] = [['list']];
if (process.env.PLAYWRIGHT_JUNIT_OUTPUT_NAME) reporter.push(['junit']);

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results/playwright',
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter,
  use: {
    baseURL,
    screenshot: 'only-on-failure',
    trace: 'off',
    video: 'off',
    ...devices['Desktop Chrome'],
    channel: undefined,
    launchOptions: {
      // Debian's chromium; Playwright never downloads a browser here.
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium' }],
});
