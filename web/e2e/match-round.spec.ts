import type { Page } from '@playwright/test';
import { DEMO, logIn } from './accounts';
import { newApplicantWhoApplied } from './apply';
import { institutionId, uniqueWord } from './catalog';
import { expect, test } from './fixtures';
import { waitForMail } from './mail';
import { publishOfferingRequiring } from './vault';

const LAKESHORE = 'Lakeshore University Medical Center';
const PASSWORD = 'a long match passphrase 2027';

async function rankAndCertify(page: Page, roundId: string, blockLabel: string) {
  await page.goto(`/match-rounds/${roundId}`);
  await page.getByRole('button', { name: `Add ${blockLabel}` }).click();
  await expect(page.getByRole('list', { name: 'Your rank order' })).toContainText(blockLabel);
  await page.getByRole('button', { name: 'Save rank order' }).click();
  await page.getByRole('button', { name: 'Certify' }).click();
  await expect(page.getByText(/^Certified /)).toBeVisible();
}

test('a small match round: admin creates, applicants and a coordinator rank and certify, admin runs and publishes, applicants see results', async ({ browser, page }) => {
  test.setTimeout(180_000);
  const word = uniqueWord('Match');
  const title = `${word} Cardiology`;

  // A Lakeshore rotation with one block of 2 seats; two applicants apply.
  await logIn(page, DEMO.lakeshoreCoordinator);
  const lake = await institutionId(page, LAKESHORE);
  const offering = await publishOfferingRequiring(page, lake, title, []);
  const ana = await newApplicantWhoApplied(browser, `Ana ${word}`, PASSWORD, offering);
  const raj = await newApplicantWhoApplied(browser, `Raj ${word}`, PASSWORD, offering);

  // The admin creates the round with one of the block's seats.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await logIn(admin, DEMO.admin);
  await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Match rounds' }).click();
  const form = admin.getByRole('form', { name: 'New match round' });
  await form.getByLabel('Name').fill(`${word} round`);
  await form.getByLabel('Applications close').fill('2027-04-30T17:00');
  await form.getByLabel('Rank lists due').fill('2027-05-10T17:00');
  await form.getByLabel('Match day').fill('2027-05-15T12:00');
  await form.getByLabel('Find rotations').fill(word);
  await form.getByRole('button', { name: `Show blocks of ${title}` }).click();
  await form.getByRole('checkbox', { name: new RegExp(`${title} 2027-06-07`) }).check();
  await form.getByRole('textbox', { name: /^Quota for/ }).fill('1');
  await form.getByRole('button', { name: 'Create round' }).click();
  await expect(admin.getByRole('heading', { level: 1, name: `${word} round` })).toBeVisible();
  await admin.getByRole('button', { name: 'Open the round' }).click();
  await expect(admin.getByRole('button', { name: 'Close ranking' })).toBeVisible();
  const roundId = admin.url().split('/').pop() ?? '';

  // Both applicants rank the block and certify.
  const blockLabel = `${title} · ${LAKESHORE} · 2027-06-07 – 2027-07-04`;
  await rankAndCertify(ana.page, roundId, blockLabel);
  await rankAndCertify(raj.page, roundId, blockLabel);

  // The coordinator ranks Ana first and Raj second, and certifies.
  await page.goto(`/institutions/${lake}/match-rounds/${roundId}`);
  await page.getByRole('button', { name: `Rank Ana ${word}`, exact: true }).click();
  await page.getByRole('button', { name: `Rank Raj ${word}`, exact: true }).click();
  await page.getByRole('button', { name: `Move Raj ${word} up` }).click();
  await page.getByRole('button', { name: `Move Ana ${word} up` }).click();
  await expect(page.getByRole('list', { name: /^Rank order for/ }).getByRole('listitem').first()).toContainText(`Ana ${word}`);
  await page.getByRole('button', { name: 'Save rank order' }).click();
  await page.getByRole('button', { name: 'Certify', exact: true }).click();
  await expect(page.getByText('Certified', { exact: true })).toBeVisible();

  // The admin sees everyone certified, runs (results hidden) and publishes.
  await admin.reload();
  await expect(admin.getByText(/Applicants: 2 of 2 certified/)).toBeVisible();
  await admin.getByRole('button', { name: 'Close ranking' }).click();
  await admin.getByRole('button', { name: 'Run the match' }).click();
  await expect(admin.getByText(/1 of 2 applicants matched/)).toBeVisible();
  await expect(admin.getByText('Stable', { exact: true })).toBeVisible();
  await ana.page.goto(`/match-rounds/${roundId}`);
  await expect(ana.page.getByRole('heading', { name: 'Your result' })).toHaveCount(0);
  await admin.getByRole('button', { name: 'Publish results' }).click();
  await expect(admin.getByText(/^Published /)).toBeVisible();

  // Ana holds the seat; Raj is told he did not match.
  await ana.page.reload();
  await expect(ana.page.getByRole('heading', { name: 'Your result' })).toBeVisible();
  await expect(ana.page.getByText('You matched', { exact: true })).toBeVisible();
  await expect(ana.page.getByText(blockLabel)).toBeVisible();
  await raj.page.goto(`/match-rounds/${roundId}`);
  await expect(raj.page.getByText('Not matched', { exact: true })).toBeVisible();
  const mail = await waitForMail(ana.email, { matching: (m) => m.subject.startsWith('You matched') });
  expect(mail.text).toContain(title);
});
