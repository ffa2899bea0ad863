import { DEMO, logIn } from './accounts';
import { expect, test } from './fixtures';

async function institutionId(page: import('@playwright/test').Page, name: string): Promise<string> {
  const response = await page.request.get('/api/institutions');
  const body = (await response.json()) as { items: { id: string; name: string }[] };
  const found = body.items.find((item) => item.name === name);
  if (!found) throw new Error(`no institution named ${name}`);
  return found.id;
}

test('an applicant sees "Not allowed" on the audit log and on an institution\'s staff page', async ({ page }) => {
  await logIn(page, DEMO.applicant);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Audit log' })).toHaveCount(0);
  await expect(nav.getByRole('button', { name: 'My institutions' })).toHaveCount(0);

  await page.goto('/audit');
  await expect(page.getByRole('heading', { level: 1, name: 'Not allowed' })).toBeVisible();

  const lakeshore = await institutionId(page, 'Lakeshore University Medical Center');
  await page.goto(`/institutions/${lakeshore}/staff`);
  await expect(page.getByRole('heading', { level: 1, name: 'Not allowed' })).toBeVisible();
  // The server refuses too (404: it does not confirm another institution's records exist).
  expect([403, 404]).toContain((await page.request.get(`/api/institutions/${lakeshore}/staff`)).status());
});

test('a coordinator sees "Not allowed" on another institution\'s staff page', async ({ page }) => {
  await logIn(page, DEMO.bayviewCoordinator);
  const lakeshore = await institutionId(page, 'Lakeshore University Medical Center');
  await page.goto(`/institutions/${lakeshore}/staff`);
  await expect(page.getByRole('heading', { level: 1, name: 'Not allowed' })).toBeVisible();
  await expect(page.getByRole('form', { name: 'Invite someone' })).toHaveCount(0);
});

test('an anonymous visitor is asked to log in and comes back after logging in', async ({ page }) => {
  await page.goto('/audit');
  await expect(page.getByRole('heading', { level: 1, name: 'Please log in' })).toBeVisible();
  await page.getByRole('main').getByRole('link', { name: 'Log in' }).click();
  await expect(page).toHaveURL(/\/login\?next=%2Faudit$/);
  const form = page.getByRole('form', { name: 'Log in with your e-mail address' });
  await form.getByLabel('E-mail').fill(DEMO.lakeshoreCoordinator);
  await form.getByLabel(/^Password/).fill('clerkship-demo-2027');
  await form.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Recorded changes' })).toBeVisible();
});
