import { DEMO, logIn } from './accounts';
import { institutionId } from './catalog';
import { expect, test } from './fixtures';

// Bayview's settings: the review journey (review.spec.ts) scores at Lakeshore with the default rubric.
const BAYVIEW = 'Bayview Community Hospital';

test('a coordinator replaces the rubric: the page keeps the weights at 100 and the change survives a reload', async ({ page }) => {
  await logIn(page, DEMO.bayviewCoordinator);
  const id = await institutionId(page, BAYVIEW);
  await page.goto(`/institutions/${id}/offerings`);
  await page.getByRole('link', { name: 'Review settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Review settings' })).toBeVisible();
  const rubric = page.getByRole('table', { name: 'Rubric criteria' });
  await expect(rubric.getByRole('row')).toHaveCount(5); // header + the default four

  await page.getByRole('button', { name: 'Add a criterion' }).click();
  await rubric.getByRole('textbox', { name: 'Criterion 5 label' }).fill('Professionalism');
  await rubric.getByRole('textbox', { name: 'Criterion 5 weight' }).fill('10');
  await expect(page.getByText('The weights add up to 110 — they must add up to 100.')).toBeVisible();
  // The server refuses the sum too, naming what is wrong.
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('alert')).toContainText('the weights must add up to 100 (they add up to 110)');

  await rubric.getByRole('textbox', { name: 'Criterion 4 weight' }).fill('10');
  await expect(page.getByText('The weights add up to 100.')).toBeVisible();
  await page.getByLabel('Response-time target (days)').fill('10');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status')).toContainText('Saved.');

  await page.reload();
  await expect(page.getByRole('table', { name: 'Rubric criteria' }).getByRole('textbox', { name: 'Criterion 5 label' })).toHaveValue('Professionalism');
  await expect(page.getByLabel('Response-time target (days)')).toHaveValue('10');
});
