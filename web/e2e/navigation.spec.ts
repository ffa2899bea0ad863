import { expect, test } from './fixtures';

test('home explains the product and "Find a rotation" leads to the rotations page', async ({ page }) => {
  await page.goto('/');

  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('main')).toContainText(/international medical graduates/i);
  await expect(page.getByTestId('server-status')).toContainText(/Server online · v\S+ · (SQLite|PostgreSQL)/);

  await page.getByRole('main').getByRole('link', { name: 'Find a rotation' }).click();

  await expect(page).toHaveURL(/\/rotations$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Find a rotation' })).toBeVisible();
  await expect(page.getByRole('searchbox', { name: 'Search rotations' })).toBeVisible();
});

test('the main navigation reaches every page', async ({ page }) => {
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Main' });

  await nav.getByRole('link', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Log in' })).toBeVisible();
  await expect(page).toHaveTitle('Log in · Clerkship');
  await expect(nav.getByRole('link', { name: 'Log in' })).toHaveAttribute('aria-current', 'page');

  await nav.getByRole('link', { name: 'Register' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Create an account' })).toBeVisible();

  await nav.getByRole('link', { name: 'Find a rotation' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Find a rotation' })).toBeVisible();

  await nav.getByRole('link', { name: 'Home' }).click();
  await expect(page).toHaveURL(/\/$/);
});

test('the skip link is the first stop for keyboard users and moves focus to the main content', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
});

test('anonymous visitors see Home, Find a rotation, Log in and Register', async ({ page }) => {
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Register' })).toBeVisible();
  await expect(nav.getByRole('link')).toHaveText(['Home', 'Find a rotation', 'Log in', 'Register']);
  await expect(nav.getByRole('button')).toHaveCount(0);
});

test('a direct load of a deep link works (server falls back to the app)', async ({ page }) => {
  await page.goto('/institutions');
  await expect(page.getByRole('heading', { level: 1, name: 'Institutions' })).toBeVisible();
});

test('an unknown route shows the not-found page', async ({ page }) => {
  await page.goto('/this/page/does-not-exist');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Go to the home page' }).click();
  await expect(page).toHaveURL(/\/$/);
});
