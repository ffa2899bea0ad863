import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { DEMO, logIn } from './accounts';
import { newApplicantWhoApplied } from './apply';
import { institutionId, uniqueWord } from './catalog';
import { expect, test } from './fixtures';
import { publishOfferingRequiring } from './vault';

const LAKESHORE = 'Lakeshore University Medical Center';  // America/Chicago
const PASSWORD = 'a long interview passphrase 2027';

async function invite(page: Page, institution: string, offeringId: string, name: string) {
  await page.goto(`/institutions/${institution}/offerings/${offeringId}/review`);
  await page.getByRole('table', { name: /Applications/ }).getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await page.getByRole('region', { name: 'Decision' }).getByRole('button', { name: 'Invite to interview' }).click();
  const dialog = page.getByRole('dialog', { name: 'Invite to interview' });
  await dialog.getByRole('button', { name: /Confirm/ }).click();
  await expect(dialog).toBeHidden();
}

async function book(page: Page, applicationId: string) {
  await page.goto(`/applications/${applicationId}`);
  await page.getByRole('link', { name: 'Book or manage your interview' }).click();
  const form = page.getByRole('form', { name: 'Choose a time' });
  await form.getByRole('radio').first().check();
  await form.getByRole('button', { name: 'Book this time' }).click();
  await expect(page.getByRole('heading', { name: 'Your interview' })).toBeVisible();
}

test('coordinator publishes slots; two invited applicants in different zones book and get the right .ics', async ({ browser, page }) => {
  test.setTimeout(150_000);
  const word = uniqueWord('Interview');
  const title = `${word} Cardiology`;
  await logIn(page, DEMO.lakeshoreCoordinator);
  const lake = await institutionId(page, LAKESHORE);
  const offeringId = await publishOfferingRequiring(page, lake, title, []);

  const chicago = await newApplicantWhoApplied(browser, `Ana ${word}`, PASSWORD, offeringId, { title, context: { timezoneId: 'America/Chicago' } });
  const tokyo = await newApplicantWhoApplied(browser, `Yuki ${word}`, PASSWORD, offeringId, { title, context: { timezoneId: 'Asia/Tokyo' } });
  await invite(page, lake, offeringId, `Ana ${word}`);
  await invite(page, lake, offeringId, `Yuki ${word}`);

  // The coordinator publishes one slot for two applicants at 09:00 Chicago time.
  await page.goto(`/institutions/${lake}/offerings/${offeringId}/interviews`);
  const form = page.getByRole('form', { name: 'Publish interview slots' });
  await form.getByLabel(/^Date/).fill('2027-02-01');
  await form.getByLabel(/^Start time/).fill('09:00');
  await form.getByLabel(/^Applicants per slot/).fill('2');
  await form.getByLabel(/^Video link/).fill('https://meet.example.org/cardiology');
  await form.getByLabel(/^Interviewers/).fill('Dr. Okafor');
  await form.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByRole('status')).toHaveText('Published 1 slot.');
  await expect(page.getByRole('region', { name: /Invited, not booked yet \(2\)/ })).toBeVisible();

  // Each applicant sees the time in her own zone.
  await book(chicago.page, chicago.applicationId);
  await expect(chicago.page.getByRole('region', { name: 'Your interview' })).toContainText('Feb 1, 2027, 9:00 AM CST');
  await book(tokyo.page, tokyo.applicationId);
  const tokyoBooking = tokyo.page.getByRole('region', { name: 'Your interview' });
  await expect(tokyoBooking).toContainText('Feb 2, 2027, 12:00 AM GMT+9');
  await expect(tokyoBooking).toContainText('Feb 1, 2027, 9:00 AM CST in Chicago');

  // The .ics carries the institution's zone and a UID for the booking.
  const [download] = await Promise.all([
    tokyo.page.waitForEvent('download'),
    tokyo.page.getByRole('link', { name: 'Add to calendar (.ics)' }).click(),
  ]);
  const ics = await readFile((await download.path()) ?? '', 'utf8');
  expect(ics).toContain('METHOD:REQUEST');
  expect(ics).toContain('TZID:America/Chicago');
  expect(ics).toContain('DTSTART;TZID=America/Chicago:20270201T090000');
  expect(ics).toMatch(/UID:\S+@127\.0\.0\.1/);

  // The coordinator sees the slot full and nobody waiting.
  await page.reload();
  await expect(page.getByRole('table', { name: 'Interview slots (1)' })).toContainText('2/2');
  await expect(page.getByRole('region', { name: /Invited, not booked yet \(0\)/ })).toBeVisible();
});
