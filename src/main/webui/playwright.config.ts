import { defineConfig } from '@playwright/test';

// Run by StorefrontE2EIT (./mvnw verify) against the packaged service; by hand:
//   BASE_URL=http://localhost:8080 ADMIN_EMAIL=... ADMIN_PASSWORD=... npx playwright test
// Browser downloads do not work on our machines: Debian's chromium is driven instead.
const output = process.env.E2E_OUTPUT ?? '../../../target/e2e';

export default defineConfig({
  testDir: 'e2e',
  outputDir: `${output}/results`,
  fullyParallel: false,
  workers: 1,
  // Playwright's own default for CI: one retry, and the report names the test "flaky" (a signal, not a pass).
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { outputFolder: `${output}/report`, open: 'never' }]],
  use: {
    baseURL: process.env.BASE_URL ?? 'http://localhost:8080',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
});
