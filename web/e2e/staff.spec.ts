import { DEMO, logIn, pathOf } from './accounts';
import { expect, test } from './fixtures';
import { uniqueEmail, waitForTokenLink } from './mail';

test('an admin creates an institution and invites its coordinator, who joins through the e-mailed link', async ({
  page,
  browser,
}) => {
  const name = `Invite Test Hospital ${Date.now()}`;
  const coordinatorEmail = uniqueEmail('coordinator');

  await logIn(page, DEMO.admin);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Institutions' }).click();
  const form = page.getByRole('form', { name: 'Add an institution' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('City').fill('Denver');
  await form.getByLabel('State or region').fill('CO');
  await form.getByLabel('Country').fill('US');
  await form.getByLabel('Time zone').fill('America/Denver');
  await form.getByRole('button', { name: 'Add institution' }).click();
  await expect(form.getByRole('status')).toContainText(`${name} is now on Clerkship`);

  await page.getByRole('link', { name: `Staff of ${name}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Staff of ${name}` })).toBeVisible();
  await expect(page.getByText('Nobody works here on Clerkship yet.')).toBeVisible();

  const invite = page.getByRole('form', { name: 'Invite someone' });
  await invite.getByLabel('E-mail').fill(coordinatorEmail);
  await invite.getByLabel('Role').selectOption('coordinator');
  await invite.getByRole('button', { name: 'Send invitation' }).click();
  await expect(invite.getByRole('status')).toContainText(`We e-mailed ${coordinatorEmail} an invitation to join as coordinator`);

  // The invitee opens the link in their own browser.
  const link = await waitForTokenLink(coordinatorEmail);
  expect(pathOf(link)).toMatch(/^\/accept-invitation\?token=/);
  const context = await browser.newContext();
  const invitee = await context.newPage();
  await invitee.goto(pathOf(link));
  await expect(invitee.getByRole('heading', { level: 1, name: 'Accept your invitation' })).toBeVisible();
  await expect(invitee.getByRole('main')).toContainText(`You have been invited to ${name} as a coordinator`);
  await expect(invitee.getByLabel('E-mail')).toHaveValue(coordinatorEmail);
  await invitee.getByLabel('Your name').fill('Casey Coordinator');
  await invitee.getByLabel(/^Choose a password/).fill('coordinator passphrase 1');
  await invitee.getByRole('button', { name: 'Accept invitation' }).click();

  await expect(invitee.getByRole('heading', { level: 1, name: `Staff of ${name}` })).toBeVisible();
  const row = invitee.getByRole('row', { name: /Casey Coordinator/ });
  await expect(row).toContainText(coordinatorEmail);
  await expect(row).toContainText('Coordinator');
  // Logged in, as a coordinator: their institution and the audit log are in the navigation.
  const nav = invitee.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Audit log' })).toBeVisible();
  await nav.getByRole('button', { name: 'My institutions' }).click();
  await expect(invitee.getByRole('menuitem', { name, exact: true })).toBeVisible();
  await invitee.keyboard.press('Escape');

  // Their audit log shows the invitation being accepted.
  await nav.getByRole('link', { name: 'Audit log' }).click();
  await expect(invitee.getByRole('table', { name: 'Recorded changes' })).toBeVisible();
  await context.close();
});

test('a coordinator removes a staff member after confirming', async ({ page, browser }) => {
  // Invite a throwaway reviewer to Lakeshore, let them accept, then remove them.
  const reviewerEmail = uniqueEmail('reviewer');
  await logIn(page, DEMO.lakeshoreCoordinator);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('button', { name: 'My institutions' }).click();
  await page.getByRole('menuitem', { name: 'Lakeshore University Medical Center', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Staff of Lakeshore University Medical Center' })).toBeVisible();

  const invite = page.getByRole('form', { name: 'Invite someone' });
  await invite.getByLabel('E-mail').fill(reviewerEmail);
  await invite.getByLabel('Role').selectOption('reviewer');
  await invite.getByRole('button', { name: 'Send invitation' }).click();
  await expect(invite.getByRole('status')).toContainText('Invitation sent');

  const context = await browser.newContext();
  const invitee = await context.newPage();
  await invitee.goto(pathOf(await waitForTokenLink(reviewerEmail)));
  await invitee.getByLabel('Your name').fill('Temporary Reviewer');
  await invitee.getByLabel(/^Choose a password/).fill('reviewer passphrase 12');
  await invitee.getByRole('button', { name: 'Accept invitation' }).click();
  await expect(invitee.getByRole('heading', { level: 1, name: 'Staff of Lakeshore University Medical Center' })).toBeVisible();
  await context.close();

  await page.reload();
  await page.getByRole('button', { name: 'Remove Temporary Reviewer (Reviewer)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove from staff?' });
  await expect(dialog).toContainText(reviewerEmail);
  await dialog.getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByRole('status')).toContainText('Temporary Reviewer (reviewer) no longer has that role');
  await expect(page.getByRole('row', { name: /Temporary Reviewer/ })).toHaveCount(0);
});
