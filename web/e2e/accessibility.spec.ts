import AxeBuilder from '@axe-core/playwright';
import type { Result } from 'axe-core';
import { DEMO, logIn } from './accounts';
import { expect, test } from './fixtures';

/** One readable line per serious or critical violation, naming the elements involved. */
function seriousViolations(violations: Result[]): string[] {
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} — ` +
        violation.nodes.map((node) => `${node.target.join(' ')} ${node.failureSummary ?? ''}`).join('; '),
    );
}

const pages = [
  { path: '/', heading: /rotations/i },
  { path: '/rotations', heading: 'Find a rotation' },
  { path: '/institutions', heading: 'Institutions' },
  { path: '/no-such-page', heading: 'Page not found' },
  { path: '/login', heading: 'Log in' },
  { path: '/register', heading: 'Create an account' },
  { path: '/forgot-password', heading: 'Reset your password' },
  { path: '/account', heading: 'Please log in' },
];

for (const { path, heading } of pages) {
  test(`no serious or critical axe violations on ${path}`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    // Wait for the data the page loads so the scan sees the settled page.
    await expect(page.getByTestId('server-status')).not.toContainText('Checking');
    await expect(page.getByText('Loading institutions…')).toHaveCount(0);

    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
      .analyze();
    expect(seriousViolations(results.violations)).toEqual([]);
  });
}

async function expectNoSeriousViolations(page: import('@playwright/test').Page, include?: string) {
  const builder = new AxeBuilder({ page }).withTags([
    'wcag2a',
    'wcag2aa',
    'wcag21a',
    'wcag21aa',
    'wcag22aa',
    'best-practice',
  ]);
  if (include) builder.include(include);
  const results = await builder.analyze();
  expect(seriousViolations(results.violations)).toEqual([]);
}

test('the account page is accessible for a logged-in user, with a server error showing', async ({ page }) => {
  await logIn(page, DEMO.lakeshoreReviewer);
  await page.goto('/account');
  await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
  await expectNoSeriousViolations(page);

  // Submitting the empty password form shows the server's error next to a field.
  const form = page.getByRole('form', { name: 'Change password' });
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(form.getByRole('alert')).toBeVisible();
  await expectNoSeriousViolations(page, 'form');
});

test('the register form stays accessible while showing a server error', async ({ page }) => {
  await page.goto('/register');
  const form = page.getByRole('form', { name: 'Your details' });
  await form.getByRole('button', { name: 'Create account' }).click();
  await expect(form.getByRole('alert')).toBeVisible();
  await expectNoSeriousViolations(page, 'form');
});

test('the staff page is accessible for a coordinator', async ({ page }) => {
  await logIn(page, DEMO.bayviewCoordinator);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('button', { name: 'My institutions' }).click();
  await page.getByRole('menuitem', { name: 'Bayview Community Hospital', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Staff of Bayview Community Hospital' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Staff' })).toBeVisible();
  await expectNoSeriousViolations(page);
});

test('the institutions form stays accessible while showing a server error', async ({ page }) => {
  await logIn(page, DEMO.admin);
  await page.goto('/institutions');
  const form = page.getByRole('form', { name: 'Add an institution' });
  await form.getByRole('button', { name: 'Add institution' }).click();
  await expect(form.getByRole('alert')).toBeVisible();

  const results = await new AxeBuilder({ page }).include('form').analyze();
  expect(seriousViolations(results.violations)).toEqual([]);
});
