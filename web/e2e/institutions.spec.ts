import { DEMO, logIn } from './accounts';
import { expect, test } from './fixtures';

// Adding an institution is for platform admins.
test.beforeEach(async ({ page }) => {
  await logIn(page, DEMO.admin);
});

test('visitors who are not admins do not see the form', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/institutions');
  await expect(page.getByRole('heading', { level: 1, name: 'Institutions' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'On Clerkship' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Add an institution' })).toHaveCount(0);
  await context.close();
});

test('submitting the empty form shows the server\'s error message to the user', async ({ page }) => {
  await page.goto('/institutions');
  const form = page.getByRole('form', { name: 'Add an institution' });

  const responsePromise = page.waitForResponse(
    (response) => response.url().endsWith('/api/institutions') && response.request().method() === 'POST',
  );
  await form.getByRole('button', { name: 'Add institution' }).click();
  const response = await responsePromise;

  expect(response.status()).toBe(400);
  const body = (await response.json()) as { error: { code: string; message: string; field?: string } };
  expect(body.error.message).toBeTruthy();

  await expect(form.getByRole('alert')).toContainText(body.error.message);
  if (body.error.field === 'name') {
    const name = form.getByLabel('Name');
    await expect(name).toHaveAttribute('aria-invalid', 'true');
    await expect(name).toBeFocused();
  }
});

test('adding a valid institution shows it in the list', async ({ page }) => {
  const name = `Playwright Teaching Hospital ${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  await page.goto('/institutions');
  const form = page.getByRole('form', { name: 'Add an institution' });

  await form.getByLabel('Name').fill(name);
  await form.getByLabel('City').fill('Boston');
  await form.getByLabel('State or region').fill('MA');
  await form.getByLabel('Country').fill('US');
  await form.getByLabel('Time zone').fill('America/New_York');
  await form.getByLabel('Website').fill('https://hospital.example.org');
  await form.getByRole('button', { name: 'Add institution' }).click();

  await expect(form.getByRole('status')).toContainText(`${name} is now on Clerkship`);
  const table = page.getByRole('table', { name: 'On Clerkship' });
  const row = table.getByRole('row', { name: new RegExp(name) });
  await expect(row).toBeVisible();
  await expect(row).toContainText('Boston, MA, United States');
  await expect(row).toContainText('America/New York');
  await expect(form.getByLabel('Name')).toHaveValue('');

  // It is stored, not just shown: a fresh load lists it too.
  await page.reload();
  await expect(page.getByRole('table', { name: 'On Clerkship' })).toContainText(name);
});

test('a server error names the field and the user can correct it', async ({ page }) => {
  const name = `Field Error Hospital ${Date.now()}`;
  await page.goto('/institutions');
  const form = page.getByRole('form', { name: 'Add an institution' });

  await form.getByLabel('Name').fill(name);
  await form.getByLabel('City').fill('Chicago');
  await form.getByLabel('State or region').fill('IL');
  await form.getByLabel('Country').fill('US');
  await form.getByLabel('Time zone').fill('Not/AZone');
  await form.getByLabel('Website').fill('https://field-error.example.org');
  await form.getByRole('button', { name: 'Add institution' }).click();

  const timeZone = form.getByLabel('Time zone');
  await expect(form.getByRole('alert')).toBeVisible();
  await expect(timeZone).toHaveAttribute('aria-invalid', 'true');
  await expect(timeZone).toBeFocused();

  await timeZone.fill('America/Chicago');
  await form.getByRole('button', { name: 'Add institution' }).click();
  await expect(form.getByRole('status')).toContainText(name);
});
