import { logIn, pathOf } from './accounts';
import { expect, test } from './fixtures';
import { uniqueEmail, waitForMail, waitForTokenLink } from './mail';

test('register, confirm the address from the e-mailed link, log in and log out', async ({ page }) => {
  const email = uniqueEmail('register');
  const password = 'a long and unusual passphrase';

  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Register' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Create an account' })).toBeVisible();

  const form = page.getByRole('form', { name: 'Your details' });
  await form.getByLabel('E-mail').fill(email);
  await form.getByLabel('Your name').fill('Playwright Applicant');
  await expect(form.getByLabel(/^Password/)).toHaveAccessibleDescription(/At least 12 characters/);
  await form.getByLabel(/^Password/).fill(password);
  await form.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('status')).toContainText('Check your e-mail');
  await expect(page.getByRole('status')).toContainText(email);

  const link = await waitForTokenLink(email);
  expect(pathOf(link)).toMatch(/^\/verify-email\?token=/);
  await page.goto(pathOf(link));
  await expect(page.getByRole('heading', { level: 1, name: 'Confirm your e-mail address' })).toBeVisible();
  await page.getByRole('button', { name: 'Confirm my e-mail address' }).click();
  await expect(page.getByRole('status')).toContainText('E-mail address confirmed');
  await page.getByRole('main').getByRole('link', { name: 'Log in' }).click();

  await expect(page).toHaveURL(/\/login$/);
  await logIn(page, email, password);
  await expect(nav.getByRole('link', { name: 'Account' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Log in' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: 'Audit log' })).toHaveCount(0);

  await nav.getByRole('link', { name: 'Account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText(email);

  await nav.getByRole('button', { name: 'Log out' }).click();
  await expect(nav.getByRole('link', { name: 'Log in' })).toBeVisible();
  await expect(page).toHaveURL(/\/$/);
  // The session is really gone on the server, not just in the page.
  await page.goto('/account');
  await expect(page.getByRole('heading', { level: 1, name: 'Please log in' })).toBeVisible();
});

test('forgot password: the e-mailed link sets a new password; the old one stops working', async ({ page, browser }) => {
  // A fresh verified account, so this test does not change a demo account's password.
  const email = uniqueEmail('reset');
  const oldPassword = 'the original passphrase';
  const newPassword = 'a brand new passphrase';
  await page.goto('/register');
  const register = page.getByRole('form', { name: 'Your details' });
  await register.getByLabel('E-mail').fill(email);
  await register.getByLabel('Your name').fill('Reset Tester');
  await register.getByLabel(/^Password/).fill(oldPassword);
  await register.getByRole('button', { name: 'Create account' }).click();
  const verifyMail = await waitForMail(email);
  await page.goto(pathOf(await waitForTokenLink(email)));
  await page.getByRole('button', { name: 'Confirm my e-mail address' }).click();
  await expect(page.getByRole('status')).toContainText('E-mail address confirmed');

  // Another browser stays logged in with the old password; the reset must end that session.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await logIn(otherPage, email, oldPassword);

  await page.goto('/login');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reset your password' })).toBeVisible();
  await page.getByLabel('E-mail').fill(email);
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByRole('status')).toContainText(`If an account exists for ${email}, we sent a link`);

  const link = await waitForTokenLink(email, { after: verifyMail, matching: (mail) => /reset-password/.test(mail.text) });
  await page.goto(pathOf(link));
  await expect(page.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible();
  await page.getByLabel(/^New password/).fill(newPassword);
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByRole('status')).toContainText('Password changed');

  // The old password is rejected (one failed attempt, well under the throttle).
  await page.goto('/login');
  const form = page.getByRole('form', { name: 'Log in with your e-mail address' });
  await form.getByLabel('E-mail').fill(email);
  await form.getByLabel(/^Password/).fill(oldPassword);
  await form.getByRole('button', { name: 'Log in' }).click();
  await expect(form.getByRole('alert')).toContainText('e-mail or password is incorrect');

  await logIn(page, email, newPassword);

  // The reset revoked the other browser's session.
  await otherPage.goto('/account');
  await expect(otherPage.getByRole('heading', { level: 1, name: 'Please log in' })).toBeVisible();
  await other.close();

  // The link works once.
  await page.goto(pathOf(link));
  await page.getByLabel(/^New password/).fill('yet another passphrase');
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
});
