import { DEMO, logIn, pathOf } from './accounts';
import { institutionId, uniqueWord } from './catalog';
import { expect, test } from './fixtures';
import { uniqueEmail, waitForMail, waitForTokenLink } from './mail';
import { expectAccessible, onePagePdf, publishOfferingRequiring, registerApplicant } from './vault';

const LAKESHORE = 'Lakeshore University Medical Center';
const PASSWORD = 'a long letters passphrase 2027';

test('an applicant requests a waived letter, the referee uploads it through the e-mailed link, and the applicant assigns it', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const title = `${uniqueWord('Lark')} Cardiology Elective`;

  // A coordinator publishes an offering that asks for a letter of recommendation.
  const staffContext = await browser.newContext();
  const coordinator = await staffContext.newPage();
  await logIn(coordinator, DEMO.lakeshoreCoordinator);
  const lakeshore = await institutionId(coordinator, LAKESHORE);
  const offeringId = await publishOfferingRequiring(coordinator, lakeshore, title, ['letter_of_recommendation']);

  // A new applicant with a draft application.
  const email = await registerApplicant(page, 'Linh Tran', PASSWORD);
  await logIn(page, email, PASSWORD);
  await page.goto(`/rotations/${offeringId}`);
  const apply = page.getByRole('region', { name: 'Apply for this rotation' });
  await apply.getByRole('checkbox', { name: /Jun 7 – Jul 4, 2027/ }).check();
  await apply.getByRole('button', { name: 'Apply' }).click();
  await page.waitForURL(/\/applications\/[^/]+$/);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const applicationPath = new URL(page.url()).pathname;

  // The request, with the waiver explained and chosen.
  const referee = uniqueEmail('referee');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Letters' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Letters of recommendation' })).toBeVisible();
  await page.getByRole('button', { name: 'Request a letter' }).click();
  const form = page.getByRole('form', { name: 'Request a letter' });
  await form.getByLabel(/^Referee's name/).fill('Dr. Lê Văn Hùng');
  await form.getByLabel(/^Referee's e-mail/).fill(referee);
  await form.getByLabel(/^Referee's title/).fill('Professor of Medicine');
  await form.getByLabel(/^Referee's institution/).fill('Hanoi Medical University');
  await form.getByLabel(/^How the referee knows you/).fill('Attending on my internal medicine clerkship');
  await expect(form.getByText(/cannot be changed once the letter arrives/)).toBeVisible();
  await expect(form.getByLabel('I waive my right to read this letter')).toBeChecked();
  await expectAccessible(page);
  await form.getByRole('button', { name: 'Send request' }).click();
  await expect(form).toHaveCount(0);
  const table = page.getByRole('table', { name: 'Your letters of recommendation' });
  await expect(table.getByText('Requested')).toBeVisible();

  // The referee opens the e-mailed link (no account) and uploads a PDF.
  const link = await waitForTokenLink(referee);
  const refereeContext = await browser.newContext();
  const refereePage = await refereeContext.newPage();
  await refereePage.goto(pathOf(link));
  await expect(refereePage.getByRole('heading', { level: 1, name: 'Letter of recommendation' })).toBeVisible();
  await expect(refereePage.getByText('Linh Tran asks you for a letter of recommendation.')).toBeVisible();
  await expect(refereePage.getByText(/has waived the right to read your letter/)).toBeVisible();
  await expectAccessible(refereePage);
  await refereePage
    .getByLabel(/^Letter/)
    .setInputFiles({ name: 'letter.pdf', mimeType: 'application/pdf', buffer: onePagePdf('Linh is excellent') });
  await refereePage.getByRole('button', { name: 'Upload the letter' }).click();
  await expect(refereePage.getByText(/Your letter was received/)).toBeVisible();
  await expect(refereePage.getByRole('button', { name: 'Replace the letter' })).toBeVisible();
  await waitForMail(email, { matching: (mail) => /uploaded your letter/.test(mail.text) });

  // The applicant sees it arrived, cannot read it, and assigns it to the application.
  await page.reload();
  await expect(table.getByText('Received')).toBeVisible();
  await expect(table.getByRole('link', { name: /Download letter/ })).toHaveCount(0);
  const mine = (await (await page.request.get('/api/me/letters')).json()) as { items: { id: string }[] };
  expect((await page.request.get(`/api/me/letters/${mine.items[0]?.id ?? 'none'}/file`)).status()).toBe(403);
  await page.goto(applicationPath);
  const letters = page.getByRole('region', { name: 'Letters of recommendation' });
  await expect(letters.getByText('0 of 1 letters assigned.')).toBeVisible();
  await letters.getByRole('checkbox', { name: 'Letter from Dr. Lê Văn Hùng (waived)' }).check();
  await expect(letters.getByText('1 of 1 letters assigned.')).toBeVisible();
  await page.getByRole('button', { name: 'Submit application' }).click();
  await expect(letters.getByRole('checkbox', { name: 'Letter from Dr. Lê Văn Hùng (waived)' })).toBeDisabled();

  // The program sees the letter with the waiver flag; the referee can no longer replace it.
  const applicationId = applicationPath.split('/').at(-1) ?? '';
  const staffView = await coordinator.request.get(`/api/institutions/${lakeshore}/applications/${applicationId}/letters`);
  expect(staffView.status()).toBe(200);
  const items = ((await staffView.json()) as { items: { waived: boolean }[] }).items;
  expect(items).toHaveLength(1);
  expect(items[0]?.waived).toBe(true);
  await refereePage.reload();
  await expect(refereePage.getByText(/can no longer be replaced/)).toBeVisible();

  await staffContext.close();
  await refereeContext.close();
});
