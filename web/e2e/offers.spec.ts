import type { Page } from '@playwright/test';
import { DEMO, logIn } from './accounts';
import { applyAndSubmit } from './apply';
import { institutionId, publishOffering, uniqueWord } from './catalog';
import { expect, test } from './fixtures';
import { waitForMail } from './mail';
import { registerApplicant } from './vault';

const LAKESHORE = 'Lakeshore University Medical Center';
const PASSWORD = 'a long offers passphrase 2027';

async function offerSeat(page: Page, institution: string, offeringId: string, name: string, warning: boolean) {
  await page.goto(`/institutions/${institution}/offerings/${offeringId}/review`);
  await page.getByRole('table', { name: /Applications/ }).getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const form = page.getByRole('form', { name: 'Offer a seat' });
  await expect(form.getByRole('combobox', { name: 'Block' })).toContainText('1 of 1 seats left');
  await expect(form.getByText('Pending offers already cover the free seats')).toHaveCount(warning ? 1 : 0);
  await form.getByRole('button', { name: 'Offer a seat' }).click();
  await expect(page.getByRole('table', { name: 'Offers to this applicant' })).toContainText('Waiting for the applicant');
}

test('coordinator offers the last seat to two applicants; one accepts, the other is waitlisted and promoted when the seat returns', async ({ browser, page }) => {
  test.setTimeout(120_000);
  const word = uniqueWord('Offers');
  const title = `${word} Internal Medicine`;
  await logIn(page, DEMO.lakeshoreCoordinator);
  const lake = await institutionId(page, LAKESHORE);
  const offering = await publishOffering(page, lake, { title, eligibility: { students: true, graduates: true, visas_accepted: [] } }, { seats: 1 });

  // Two new applicants apply for the one-seat block.
  const people = [`Aiko ${word}`, `Bela ${word}`];
  const pages: Page[] = [];
  const emails: string[] = [];
  const apps: string[] = [];
  for (const name of people) {
    const context = await browser.newContext();
    const p = await context.newPage();
    const email = await registerApplicant(p, name, PASSWORD);
    await logIn(p, email, PASSWORD);
    apps.push(await applyAndSubmit(p, offering, title));
    pages.push(p);
    emails.push(email);
  }
  const [aiko, bela] = pages as [Page, Page];

  // The coordinator offers the last seat to both in turn (the second time with a warning).
  await offerSeat(page, lake, offering, people[0]!, false);
  await offerSeat(page, lake, offering, people[1]!, true);
  const offerMail = await waitForMail(emails[0]!, { matching: (m) => m.subject.startsWith('Offer:') });
  expect(offerMail.text).toMatch(/by 2\d{3}-\d\d-\d\d \d\d:\d\d C[SD]T/);

  // Aiko accepts first and gets the seat.
  await aiko.goto(`/applications/${apps[0]}`);
  const aikoOffer = aiko.getByRole('region', { name: 'Offer' });
  await expect(aikoOffer).toContainText('(your time)');
  await aikoOffer.getByRole('button', { name: 'Accept the offer' }).click();
  await expect(aikoOffer).toContainText('is confirmed');
  await expect(aiko.getByRole('region', { name: 'Status' })).toContainText('Accepted');

  // Bela's acceptance fails cleanly: no seat left, and she is on the waitlist.
  await bela.goto(`/applications/${apps[1]}`);
  const belaOffer = bela.getByRole('region', { name: 'Offer' });
  await belaOffer.getByRole('button', { name: 'Accept the offer' }).click();
  await expect(belaOffer).toContainText(/no seat left/i);
  await expect(bela.getByRole('region', { name: 'Status' })).toContainText('Waitlisted');

  // Aiko gives her seat up later; Bela is promoted and gets the offer automatically.
  await aikoOffer.getByRole('button', { name: 'Decline my seat' }).click();
  await aikoOffer.getByRole('button', { name: 'Yes, give up my seat' }).click();
  await expect(aiko.getByRole('region', { name: 'Status' })).toContainText('Withdrawn');
  const promoted = await waitForMail(emails[1]!, { matching: (m) => m.text.includes('next on the waitlist') });
  expect(promoted.subject).toContain(title);
  await bela.reload();
  await expect(belaOffer).toContainText('you were next on the waitlist');
  await belaOffer.getByRole('button', { name: 'Accept the offer' }).click();
  await expect(belaOffer).toContainText('is confirmed');

  // The coordinator's board shows one seat taken, by Bela.
  await page.goto(`/institutions/${lake}/offerings/${offering}/offers`);
  const placements = page.getByRole('table', { name: 'Placements' });
  await expect(placements.getByRole('row', { name: new RegExp(people[1]!) })).toContainText('scheduled');
  await expect(placements.getByRole('row', { name: new RegExp(people[0]!) })).toContainText('cancelled');
});
