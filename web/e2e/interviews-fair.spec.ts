import type { Browser, Page } from '@playwright/test';
import { DEMO, logIn } from './accounts';
import { institutionId, uniqueWord } from './catalog';
import { expect, test } from './fixtures';
import { waitForMail } from './mail';
import { publishOfferingRequiring, registerApplicant } from './vault';

const LAKESHORE = 'Lakeshore University Medical Center'; // America/Chicago
const PASSWORD = 'a long interview passphrase 2027';

async function applicantApplies(browser: Browser, name: string, offeringId: string, title: string) {
  const context = await browser.newContext({ timezoneId: 'America/Chicago' });
  const page = await context.newPage();
  const email = await registerApplicant(page, name, PASSWORD);
  await logIn(page, email, PASSWORD);
  await page.goto(`/rotations/${offeringId}`);
  const apply = page.getByRole('region', { name: 'Apply for this rotation' });
  await apply.getByRole('checkbox', { name: /Jun 7 – Jul 4, 2027/ }).check();
  await apply.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await page.getByRole('button', { name: 'Submit application' }).click();
  await expect(page.getByRole('region', { name: 'Status' })).toContainText('Submitted');
  return { page, email, applicationId: page.url().split('/').pop() ?? '' };
}

async function invite(page: Page, institution: string, offeringId: string, name: string) {
  await page.goto(`/institutions/${institution}/offerings/${offeringId}/review`);
  await page.getByRole('table', { name: /Applications/ }).getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await page.getByRole('region', { name: 'Decision' }).getByRole('button', { name: 'Invite to interview' }).click();
  const dialog = page.getByRole('dialog', { name: 'Invite to interview' });
  await dialog.getByRole('button', { name: /Confirm/ }).click();
  await expect(dialog).toBeHidden();
}

test('preferences mode: the applicant ranks, the coordinator assigns, the applicant is booked; a scorecard reaches the reviewer', async ({
  browser,
  page,
}) => {
  test.setTimeout(180_000);
  const word = uniqueWord('Fair');
  const title = `${word} Cardiology`;
  await logIn(page, DEMO.lakeshoreCoordinator);
  const lake = await institutionId(page, LAKESHORE);
  const offeringId = await publishOfferingRequiring(page, lake, title, []);
  const ana = await applicantApplies(browser, `Ana ${word}`, offeringId, title);
  await invite(page, lake, offeringId, `Ana ${word}`);

  // The coordinator publishes a slot and chooses preferences mode.
  await page.goto(`/institutions/${lake}/offerings/${offeringId}/interviews`);
  const publish = page.getByRole('form', { name: 'Publish interview slots' });
  await publish.getByLabel(/^Date/).fill('2027-02-01');
  await publish.getByLabel(/^Start time/).fill('09:00');
  await publish.getByLabel(/^Video link/).fill('https://meet.example.org/cardiology');
  await publish.getByLabel(/^Interviewers/).fill('Dr. Okafor');
  await publish.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByRole('status')).toHaveText('Published 1 slot.');
  const fair = page.getByRole('form', { name: 'Fair release' });
  await fair.getByRole('combobox', { name: 'How invited applicants get a slot' }).selectOption('preferences');
  await fair.getByLabel(/^Preference deadline date/).fill('2030-01-15');
  await fair.getByLabel(/^Deadline time/).fill('17:00');
  await fair.getByRole('button', { name: 'Save fair release' }).click();
  const release = page.getByRole('region', { name: 'Fair release' });
  await expect(release).toContainText('Now: Preferences, assigned in one batch');

  // The applicant cannot book directly; she ranks the slot.
  await ana.page.goto(`/applications/${ana.applicationId}/interview`);
  const rank = ana.page.getByRole('form', { name: 'Rank the times you can make' });
  await rank.getByRole('combobox', { name: 'Rank for slot 2027-02-01 09:00' }).selectOption('1');
  await rank.getByRole('button', { name: 'Save my ranking' }).click();
  await expect(rank.getByRole('status')).toHaveText('Your ranking is saved.');

  // The coordinator sees she ranked, then runs the assignment.
  await page.reload();
  await expect(page.getByRole('list', { name: 'Invited applicants without a booking' })).toContainText('ranked 1 slot');
  await page.getByRole('button', { name: 'Run the assignment' }).click();
  await expect(page.getByRole('region', { name: 'Fair release' })).toContainText('Slots were assigned from preferences');
  await expect(page.getByRole('region', { name: /Invited, not booked yet \(0\)/ })).toBeVisible();

  // The applicant is booked and e-mailed the invitation.
  await ana.page.reload();
  await expect(ana.page.getByRole('heading', { name: 'Your interview' })).toBeVisible();
  const mail = await waitForMail(ana.email, { matching: (m) => m.subject.startsWith('Interview booked') });
  expect(mail.text).toContain('2027-02-01 09:00 (America/Chicago)');

  // The coordinator, as interviewer, submits a scorecard.
  await page.goto(`/institutions/${lake}/applications/${ana.applicationId}`);
  const card = page.getByRole('form', { name: 'Your interview scorecard' });
  for (const name of [/^Interview: Academics/, /^Interview: Clinical experience/, /^Interview: Letters/, /^Interview: Fit/]) {
    await card.getByRole('combobox', { name }).selectOption('4');
  }
  await card.getByRole('combobox', { name: 'Recommendation' }).selectOption('yes');
  await card.getByLabel('Interview notes (staff only)').fill(`Calm and precise ${word}`);
  await card.getByRole('button', { name: 'Submit scorecard' }).click();
  await expect(card.getByText('Submitted')).toBeVisible();

  // The reviewer sees it in the application view.
  const reviewerContext = await browser.newContext();
  const reviewer = await reviewerContext.newPage();
  await logIn(reviewer, DEMO.lakeshoreReviewer);
  await reviewer.goto(`/institutions/${lake}/applications/${ana.applicationId}`);
  const interview = reviewer.getByRole('region', { name: 'Interview' });
  await expect(interview).toContainText('Interview average 80.0 · 1 interviewer');
  const table = interview.getByRole('table', { name: 'Interview scorecards' });
  await expect(table).toContainText(`Calm and precise ${word}`);
  await expect(table).toContainText('Yes');

  // The applicant's own pages never show it.
  await ana.page.goto(`/applications/${ana.applicationId}`);
  await expect(ana.page.getByText(`Calm and precise ${word}`)).toHaveCount(0);
});

test('the coordinator picks the demo reviewer as interviewer; he finds it under My interviews and fills the scorecard', async ({
  browser,
  page,
}) => {
  test.setTimeout(180_000);
  const word = uniqueWord('Panel');
  const title = `${word} Cardiology`;
  const applicant = `Bo ${word}`;
  await logIn(page, DEMO.lakeshoreCoordinator);
  const lake = await institutionId(page, LAKESHORE);
  const offeringId = await publishOfferingRequiring(page, lake, title, []);
  const bo = await applicantApplies(browser, applicant, offeringId, title);
  await invite(page, lake, offeringId, applicant);

  // One slot, interviewed by the demo reviewer (a staff account) and an outside name.
  await page.goto(`/institutions/${lake}/offerings/${offeringId}/interviews`);
  const publish = page.getByRole('form', { name: 'Publish interview slots' });
  await publish.getByLabel(/^Date/).fill('2027-02-03');
  await publish.getByLabel(/^Start time/).fill('10:00');
  await publish.getByLabel(/^Video link/).fill('https://meet.example.org/panel');
  await publish.getByRole('checkbox', { name: /^Dr\. Rahul Mehta \(reviewer/ }).check();
  await publish.getByLabel(/^Interviewers/).fill(`Dr. Guest ${word}`);
  await publish.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByRole('status')).toHaveText('Published 1 slot.');
  await expect(page.getByRole('table', { name: /Interview slots/ })).toContainText(`Dr. Rahul Mehta, Dr. Guest ${word}`);

  // The applicant books it; the invitation lists the reviewer as attendee.
  await bo.page.goto(`/applications/${bo.applicationId}/interview`);
  const form = bo.page.getByRole('form', { name: 'Choose a time' });
  await form.getByRole('radio').first().check();
  await form.getByRole('button', { name: 'Book this time' }).click();
  await expect(bo.page.getByRole('heading', { name: 'Your interview' })).toBeVisible();
  const response = await bo.page.request.get(`/api/applications/${bo.applicationId}/interview.ics`);
  const ics = (await response.text()).replace(/\r\n /g, '');
  expect(ics).toMatch(/ATTENDEE;[^\r\n]*:mailto:reviewer@lakeshore\.example/);

  // The reviewer finds it under My institutions → My interviews and fills the scorecard.
  const reviewerContext = await browser.newContext({ timezoneId: 'Europe/Berlin' });
  const reviewer = await reviewerContext.newPage();
  await logIn(reviewer, DEMO.lakeshoreReviewer);
  await reviewer.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'My institutions' }).click();
  await reviewer.getByRole('menuitem', { name: 'My interviews' }).click();
  const row = reviewer.getByRole('table', { name: /My interviews/ }).getByRole('row').filter({ hasText: applicant });
  await expect(row).toContainText(title);
  await expect(row).toContainText('in Chicago'); // his zone (Berlin) and the institution's
  await row.getByRole('link', { name: `Scorecard for ${applicant}` }).click();
  await expect(reviewer.getByRole('heading', { level: 1, name: applicant })).toBeVisible();
  const interview = reviewer.getByRole('region', { name: 'Interview' });
  await expect(interview).toContainText('You are an interviewer of this interview.');
  const card = interview.getByRole('form', { name: 'Your interview scorecard' });
  for (const name of [/^Interview: Academics/, /^Interview: Clinical experience/, /^Interview: Letters/, /^Interview: Fit/]) {
    await card.getByRole('combobox', { name }).selectOption('5');
  }
  await card.getByRole('combobox', { name: 'Recommendation' }).selectOption('strong_yes');
  await card.getByLabel('Interview notes (staff only)').fill(`Clear reasoning ${word}`);
  await card.getByRole('button', { name: 'Submit scorecard' }).click();
  await expect(card.getByText('Submitted')).toBeVisible();
  await expect(interview.getByRole('table', { name: 'Interview scorecards' })).toContainText(`Clear reasoning ${word}`);

  // Back on My interviews the card shows as submitted.
  await reviewer.goto('/my-interviews');
  await expect(
    reviewer.getByRole('table', { name: /My interviews/ }).getByRole('row').filter({ hasText: applicant }),
  ).toContainText('Submitted');

  // The coordinator is not a named interviewer: the form sits behind a button.
  await page.goto(`/institutions/${lake}/applications/${bo.applicationId}`);
  const coordView = page.getByRole('region', { name: 'Interview' });
  await expect(coordView.getByRole('button', { name: 'Score this interview anyway' })).toBeVisible();
  await expect(coordView.getByRole('form', { name: 'Your interview scorecard' })).toHaveCount(0);
});
