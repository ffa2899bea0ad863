import { readFileSync } from 'node:fs';
import { DEMO, logIn } from './accounts';
import { startApplication, submitOpenApplication } from './apply';
import { csrf, institutionId, publishOffering, uniqueWord } from './catalog';
import { expect, test } from './fixtures';
import { registerApplicant } from './vault';

const LAKESHORE = 'Lakeshore University Medical Center';
const PASSWORD = 'a long onboarding passphrase 2027';

test('an accepted applicant acknowledges and signs, downloads the visa letter, and the coordinator sees "Cleared"', async ({
  browser,
  page,
}) => {
  test.setTimeout(150_000);
  const word = uniqueWord('Onb');
  const title = `${word} Medicine Observership`;
  const name = `Minh ${word}`;
  await logIn(page, DEMO.lakeshoreCoordinator);
  const lake = await institutionId(page, LAKESHORE);
  const offering = await publishOffering(page, lake, {
    title,
    type: 'observership',
    hands_on: false,
    visa_letter: true,
    description: 'Observe the general medicine wards.',
    fees: [{ kind: 'application', category: 'all', amount_cents: 9500, label: '' }],
    eligibility: { students: true, graduates: true, visas_accepted: [] },
  });

  // The coordinator sets the onboarding items from the catalog.
  await page.goto(`/institutions/${lake}/offerings`);
  await page.getByRole('link', { name: `Onboarding of ${title}` }).click();
  const form = page.getByRole('form', { name: 'Onboarding items' });
  await form.getByRole('button', { name: 'Add information' }).click();
  await form.getByRole('group', { name: 'Information to acknowledge 1' }).getByLabel(/^Title/).fill('Parking');
  await form.getByRole('group', { name: 'Information to acknowledge 1' }).getByLabel(/^Text/).fill('Garage C, level 3.');
  await form.getByRole('button', { name: 'Add policy' }).click();
  const policy = form.getByRole('group', { name: 'Policy to sign 2' });
  await policy.getByLabel(/^Title/).fill('Code of conduct');
  await policy.getByLabel(/^Policy text/).fill('I follow my supervising physician and respect every patient.');
  await form.getByRole('button', { name: 'Save onboarding items' }).click();
  await expect(form.getByRole('status')).toContainText('Onboarding items saved');

  // A new applicant applies; the coordinator offers a seat; she accepts.
  const context = await browser.newContext({ acceptDownloads: true });
  const me = await context.newPage();
  const email = await registerApplicant(me, name, PASSWORD);
  await logIn(me, email, PASSWORD);
  await startApplication(me, offering, title);
  // The offering charges an application fee: she records her payment first.
  const fee = me.getByRole('region', { name: 'Application fee' });
  await fee.getByLabel('Payment method').selectOption('card');
  await fee.getByLabel(/Receipt or transaction number/).fill('TX-95');
  await fee.getByRole('button', { name: 'Record payment' }).click();
  await expect(fee).toContainText('Payment recorded');
  await submitOpenApplication(me);
  const applicationUrl = me.url();

  await page.goto(`/institutions/${lake}/offerings/${offering}/review`);
  await page.getByRole('table', { name: /Applications/ }).getByRole('link', { name }).click();
  await page.getByRole('form', { name: 'Offer a seat' }).getByRole('button', { name: 'Offer a seat' }).click();
  await expect(page.getByRole('table', { name: 'Offers to this applicant' })).toContainText('Waiting for the applicant');

  await me.goto(applicationUrl);
  await me.getByRole('region', { name: 'Offer' }).getByRole('button', { name: 'Accept the offer' }).click();
  await expect(me.getByRole('region', { name: 'Offer' })).toContainText('is confirmed');

  // The coordinator's board: not cleared yet, with what is missing.
  await page.goto(`/institutions/${lake}/onboarding?offering_id=${offering}`);
  const board = page.getByRole('table', { name: 'Cleared to start' });
  const row = board.getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText('Not cleared');
  await expect(row).toContainText('Sign: Code of conduct');

  // Her checklist: acknowledge, then tick and sign.
  await me.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Onboarding' }).click();
  const checklist = me.getByRole('region', { name: title });
  await expect(checklist).toContainText('2 items left');
  await checklist.getByRole('button', { name: 'Acknowledge Parking' }).click();
  await expect(checklist).toContainText('1 item left');
  const sign = checklist.getByRole('button', { name: 'Sign Code of conduct' });
  await expect(sign).toBeDisabled();
  await checklist.getByRole('checkbox', { name: 'I have read and agree to Code of conduct' }).check();
  await sign.click();
  await expect(checklist).toContainText('Cleared to start');

  // The letter needs her passport name first (the refusal says so), then downloads.
  await checklist.getByRole('button', { name: 'Download invitation letter (PDF)' }).click();
  await expect(checklist.getByRole('alert')).toContainText('passport');
  const headers = { 'X-CSRF-Token': await csrf(me) };
  const profile = await me.request.put('/api/me/profile', {
    headers,
    data: { profile: { legal_name: name, passport_name: `NGUYỄN ${word.toUpperCase()}` }, version: 0 },
  });
  expect(profile.status()).toBe(200);
  const [download] = await Promise.all([
    me.waitForEvent('download'),
    checklist.getByRole('button', { name: 'Download invitation letter (PDF)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('invitation-letter-2027-06-07.pdf');
  const path = await download.path();
  expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-');

  // The board flips to "Cleared".
  await page.reload();
  await expect(row).toContainText('Cleared');
  await expect(row).not.toContainText('Not cleared');
  await expect(row).toContainText('Nothing');
  await context.close();
});
