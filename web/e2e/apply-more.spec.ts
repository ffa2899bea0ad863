import { DEMO, logIn } from './accounts';
import { institutionId, uniqueWord } from './catalog';
import { expect, test } from './fixtures';
import { expectAccessible, publishOfferingRequiring, registerApplicant } from './vault';

const LAKESHORE = 'Lakeshore University Medical Center';
const PASSWORD = 'a long apply-more passphrase 2027';

test('an applicant sees an eligibility failure, fixes her profile, writes a cover letter and submits; the program sees flags, letter and CV', async ({ browser, page }) => {
  test.setTimeout(90_000);
  const word = uniqueWord('Eligible');
  const title = `${word} Cardiology`;

  // The coordinator publishes a rotation that takes J-1 visitors only and asks for a cover letter.
  const coordinatorContext = await browser.newContext();
  const coordinator = await coordinatorContext.newPage();
  await logIn(coordinator, DEMO.lakeshoreCoordinator);
  const lake = await institutionId(coordinator, LAKESHORE);
  const offeringId = await publishOfferingRequiring(coordinator, lake, title, ['cover_letter'], {
    students: true,
    graduates: true,
    visas_accepted: ['j1'],
  });

  // A new applicant on an F-1 visa.
  const name = `Linh ${word}`;
  const email = await registerApplicant(page, name, PASSWORD);
  await logIn(page, email, PASSWORD);
  await page.goto('/profile');
  const form = page.getByRole('form', { name: 'Profile details' });
  await form.getByLabel(/^Legal name/).fill(name);
  await form.getByLabel('I am a').selectOption('graduate');
  await form.getByLabel('Current visa').selectOption('f1');
  await form.getByRole('button', { name: 'Save profile' }).click();
  await expect(form.getByRole('status')).toHaveText('Profile saved.');

  // She applies; the page tells her what fails and why before she submits.
  await page.goto(`/rotations/${offeringId}`);
  const apply = page.getByRole('region', { name: 'Apply for this rotation' });
  await apply.getByRole('checkbox', { name: /Jun 7 – Jul 4, 2027/ }).check();
  await apply.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const before = page.getByRole('region', { name: 'Before you submit' });
  await expect(before.getByText('2 things to fix before you submit')).toBeVisible();
  await expect(before).toContainText('This offering asks for a cover letter');
  const visa = before.getByRole('list', { name: 'Eligibility' }).getByRole('listitem').filter({ hasText: 'Visa accepted' });
  await expect(visa).toContainText('Not met');
  await expect(visa).toContainText('Your visa (F-1) is not one this offering accepts.');
  await expectAccessible(page);

  // Submitting anyway is refused with the reason; nothing changes.
  await page.getByRole('button', { name: 'Submit application' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Not submitted' })).toContainText('Your visa (F-1)');
  await expect(page.getByRole('region', { name: 'Status' })).toContainText('Draft');

  // She fixes her profile and comes back: ready, and it goes out.
  const applicationPath = new URL(page.url()).pathname;
  await visa.getByRole('link', { name: 'Update your profile' }).click();
  await expect(page).toHaveURL(/\/profile$/);
  await form.getByLabel('Current visa').selectOption('j1');
  await form.getByRole('button', { name: 'Save profile' }).click();
  await expect(form.getByRole('status')).toHaveText('Profile saved.');
  await page.goto(applicationPath);
  await expect(before.getByText('1 thing to fix before you submit')).toBeVisible();
  await expect(visa).toContainText('Met');

  // She writes the cover letter for this rotation and sends the CV generated from her profile.
  const materials = page.getByRole('region', { name: 'Cover letter and CV' });
  const letter = 'Dear Dr. Alvarez, I would be glad to join the cardiology consult service in June.';
  await materials.getByLabel(/^Cover letter$/).fill(letter);
  await materials.getByRole('button', { name: 'Save cover letter' }).click();
  await expect(materials.getByText('Cover letter saved.')).toBeVisible();
  await materials.getByRole('radio', { name: /Generated from my profile/ }).check();
  await materials.getByRole('button', { name: 'Save CV choice' }).click();
  await expect(materials.getByText('CV choice saved.')).toBeVisible();
  await expect(before.getByText('Ready to submit')).toBeVisible();
  await expect(visa).toContainText('Met');
  await page.getByRole('button', { name: 'Submit application' }).click();
  await expect(page.getByRole('region', { name: 'Status' })).toContainText('Submitted');

  // The program sees the eligibility flags of what was sent.
  const applicationId = applicationPath.split('/').at(-1) ?? '';
  await coordinator.goto(`/institutions/${lake}/applications/${applicationId}`);
  const flags = coordinator.getByRole('list', { name: 'Eligibility flags' });
  await expect(flags.getByRole('listitem').filter({ hasText: 'Visa accepted: J-1.' })).toContainText('Met');
  await expect(flags).toContainText('Your visa: J-1.');
  await expect(coordinator.getByLabel('Cover letter')).toHaveText(letter);
  const cv = await coordinator.request.get(`/api/institutions/${lake}/applications/${applicationId}/cv.pdf`);
  expect(cv.status()).toBe(200);
  expect((await cv.body()).subarray(0, 5).toString()).toBe('%PDF-');
  await coordinatorContext.close();
});
