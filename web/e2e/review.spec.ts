import type { Page } from '@playwright/test';
import { DEMO, logIn } from './accounts';
import { applyAndSubmit } from './apply';
import { institutionId, uniqueWord } from './catalog';
import { expect, test } from './fixtures';
import { publishOfferingRequiring, registerApplicant } from './vault';

const LAKESHORE = 'Lakeshore University Medical Center';
const PASSWORD = 'a long review passphrase 2027';

async function openApplicant(page: Page, institution: string, offeringId: string, name: string) {
  await page.goto(`/institutions/${institution}/offerings/${offeringId}/review`);
  await page.getByRole('table', { name: /Applications/ }).getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

async function decide(page: Page, button: string, reason = '') {
  await page.getByRole('region', { name: 'Decision' }).getByRole('button', { name: button }).click();
  const dialog = page.getByRole('dialog', { name: button });
  if (reason) await dialog.getByLabel(/^Reason/).fill(reason);
  await dialog.getByRole('button', { name: /Confirm/ }).click();
  await expect(dialog).toBeHidden();
}

test('applicant submits three applications; reviewer scores; coordinator rejects, waitlists and invites; applicant sees outcomes and a message', async ({ browser, page }) => {
  test.setTimeout(120_000);  // three applications, two staff sessions
  const word = uniqueWord('Review');
  const titles = [`${word} Cardiology`, `${word} Nephrology`, `${word} Neurology`];

  // The coordinator publishes three rotations with nothing required.
  await logIn(page, DEMO.lakeshoreCoordinator);
  const lake = await institutionId(page, LAKESHORE);
  const offerings: string[] = [];
  for (const title of titles) offerings.push(await publishOfferingRequiring(page, lake, title, []));

  // A new applicant applies to all three.
  const applicantContext = await browser.newContext();
  const applicant = await applicantContext.newPage();
  const name = `Linh ${word}`;
  const email = await registerApplicant(applicant, name, PASSWORD);
  await logIn(applicant, email, PASSWORD);
  for (let i = 0; i < 3; i++) await applyAndSubmit(applicant, offerings[i], titles[i]);

  // The reviewer scores the first application.
  const reviewerContext = await browser.newContext();
  const reviewer = await reviewerContext.newPage();
  await logIn(reviewer, DEMO.lakeshoreReviewer);
  await openApplicant(reviewer, lake, offerings[0], name);
  for (const label of [/^Academics/, /^Clinical experience/, /^Letters/, /^Fit/]) {
    await reviewer.getByRole('combobox', { name: label }).selectOption('4');
  }
  await reviewer.getByLabel('Private note (staff only)').fill('Solid clinical background.');
  await reviewer.getByRole('button', { name: 'Save score' }).click();
  await expect(reviewer.getByText(/Average 80\.0/)).toBeVisible();
  await expect(reviewer.getByRole('region', { name: 'Decision' }).getByRole('button', { name: 'Reject' })).toHaveCount(0);

  // The coordinator decides on each and writes to the applicant about the interview.
  await openApplicant(page, lake, offerings[0], name);
  await expect(page.getByText('Solid clinical background.')).toBeVisible();
  await decide(page, 'Reject', 'All seats are taken.');
  await expect(page.getByRole('list', { name: 'Timeline' })).toContainText('Not offered a place');
  await openApplicant(page, lake, offerings[1], name);
  await decide(page, 'Waitlist');
  await openApplicant(page, lake, offerings[2], name);
  await decide(page, 'Invite to interview');
  const messages = page.getByRole('region', { name: 'Messages' });
  await messages.getByLabel('New message').fill('Please pick an interview slot next week.');
  await messages.getByRole('button', { name: 'Send message' }).click();
  await expect(messages.getByRole('list', { name: 'Messages with the applicant' })).toContainText('Please pick an interview slot');

  // The applicant sees the three outcomes and the message.
  await applicant.goto('/applications');
  for (const [title, status] of [
    [titles[0], /rejected/i],
    [titles[1], /waitlisted/i],
    [titles[2], /interview/i],
  ] as const) {
    await expect(applicant.getByRole('row', { name: new RegExp(title) })).toContainText(status);
  }
  await expect(applicant.getByRole('row', { name: new RegExp(titles[2]) })).toContainText('1 new message');
  await applicant.getByRole('link', { name: titles[2] }).click();
  await expect(applicant.getByRole('list', { name: 'Timeline' })).toContainText('Invited to interview');
  await expect(applicant.getByRole('list', { name: 'Messages with the program' })).toContainText('Please pick an interview slot next week.');
  await applicant.getByRole('link', { name: '← My applications' }).click();
  await applicant.getByRole('link', { name: titles[0] }).click();
  await expect(applicant.getByRole('region', { name: 'Status' })).toContainText('All seats are taken.');
  await applicantContext.close();
  await reviewerContext.close();
});
