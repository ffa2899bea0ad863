import AxeBuilder from '@axe-core/playwright';
import type { Result } from 'axe-core';
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

test('the institutions form stays accessible while showing a server error', async ({ page }) => {
  await page.goto('/institutions');
  const form = page.getByRole('form', { name: 'Add an institution' });
  await form.getByRole('button', { name: 'Add institution' }).click();
  await expect(form.getByRole('alert')).toBeVisible();

  const results = await new AxeBuilder({ page }).include('form').analyze();
  expect(seriousViolations(results.violations)).toEqual([]);
});
