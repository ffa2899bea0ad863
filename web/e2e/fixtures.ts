import { test as base, expect } from '@playwright/test';

/**
 * Every test fails if the page throws an uncaught error or the browser blocks something under
 * the server's Content-Security-Policy, so those problems surface in the test that caused them.
 */
export const test = base.extend<{ pageProblems: string[] }>({
  pageProblems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
          problems.push(`CSP: ${message.text()}`);
        }
      });
      await use(problems);
      expect(problems, 'uncaught errors or CSP violations on the page').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
