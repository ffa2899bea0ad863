import { DEMO, logIn, pathOf } from './accounts';
import { startApplication } from './apply';
import { csrf, institutionId, publishOffering, uniqueWord } from './catalog';
import { expect, test } from './fixtures';
import { uniqueEmail, waitForMail, waitForTokenLink } from './mail';
import { expectAccessible, registerApplicant } from './vault';

const LAKESHORE = 'Lakeshore University Medical Center';
const PASSWORD = 'a long apply rest passphrase 2027';

test('an applicant records the fee, submits, has her school verify her through the link, and applies to a similar rotation', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const word = uniqueWord('Heron');
  const title = `${word} Dermatology Elective`;
  const similarTitle = `${word} Dermatology Clinic Elective`;

  const staffContext = await browser.newContext();
  const coordinator = await staffContext.newPage();
  await logIn(coordinator, DEMO.lakeshoreCoordinator);
  const lakeshore = await institutionId(coordinator, LAKESHORE);
  const dermatology = {
    specialty: 'dermatology',
    description: 'Dermatology clinic and consults.',
    fees: [{ kind: 'application', category: 'all', amount_cents: 5000, label: '' }],
  };
  const offeringId = await publishOffering(coordinator, lakeshore, { ...dermatology, title });
  await publishOffering(coordinator, lakeshore, { ...dermatology, title: similarTitle });

  // A new applicant whose profile names her school.
  const email = await registerApplicant(page, 'Linh Tran', PASSWORD);
  await logIn(page, email, PASSWORD);
  const saved = await page.request.put('/api/me/profile', {
    headers: { 'X-CSRF-Token': await csrf(page) },
    data: {
      version: 0,
      profile: {
        legal_name: 'Trần Thị Linh',
        status: 'graduate',
        school: { name: 'Hanoi Medical University', country: 'VN', graduation_date: '2022-06-30', degree: 'MD' },
      },
    },
  });
  expect(saved.status()).toBe(200);

  // She applies: the fee is due, and submitting is refused until she records it.
  // (startApplication waits for the draft's URL: the offering page has the same heading.)
  await startApplication(page, offeringId, title);
  const applicationPath = new URL(page.url()).pathname;
  const fee = page.getByRole('region', { name: 'Application fee' });
  await expect(fee).toContainText('$50.00');
  await expect(fee).toContainText('Due');
  await expect(page.getByRole('region', { name: 'Before you submit' })).toContainText('application fee of USD 50.00');
  await page.getByRole('button', { name: 'Submit application' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Not submitted' })).toContainText('application fee');
  await expectAccessible(page);
  await fee.getByLabel('Payment method').selectOption('card');
  await fee.getByLabel(/Receipt or transaction number/).fill('TX-2027-0042');
  await fee.getByRole('button', { name: 'Record payment' }).click();
  await expect(fee).toContainText('Payment recorded');
  await page.getByRole('button', { name: 'Submit application' }).click();
  await expect(page.getByRole('region', { name: 'Status' })).toContainText('Submitted');

  // She asks her dean's office to verify her.
  const office = uniqueEmail('dean');
  await page.goto('/applications');
  const school = page.getByRole('region', { name: 'School verification' });
  await school.getByLabel(/Office name/).fill("Dean's office");
  await school.getByLabel(/Office e-mail/).fill(office);
  await school.getByRole('button', { name: 'Send verification request' }).click();
  await expect(school.getByText('Requested')).toBeVisible();

  // The office attests through the e-mailed link, without an account.
  const link = await waitForTokenLink(office);
  const officeContext = await browser.newContext();
  const officePage = await officeContext.newPage();
  await officePage.goto(pathOf(link));
  await expect(officePage.getByRole('heading', { level: 1, name: 'School verification' })).toBeVisible();
  await expect(officePage.getByText(/Trần Thị Linh asks Hanoi Medical University/)).toBeVisible();
  await expectAccessible(officePage);
  await officePage.getByLabel(/Year of graduation/).fill('2022');
  await officePage.getByLabel('The applicant is in good standing').check();
  await officePage.getByLabel(/Your name/).fill('Dr. Nguyễn Văn An');
  await officePage.getByLabel(/Your title/).fill('Associate Dean for Student Affairs');
  await officePage.getByLabel(/I attest/).check();
  await officePage.getByRole('button', { name: 'Verify' }).click();
  await expect(officePage.getByText(/Your answer was recorded/)).toBeVisible();
  // The link works once.
  await officePage.goto(pathOf(link));
  await expect(officePage.getByText('This link does not work')).toBeVisible();
  await waitForMail(email, { matching: (mail) => /verified your enrollment/.test(mail.subject) });
  await page.reload();
  await expect(school.getByText('Verified', { exact: true })).toBeVisible();

  // The coordinator sees "school verified" and the fee, and filters the queue by it.
  const applicationId = applicationPath.split('/').at(-1) ?? '';
  await coordinator.goto(`/institutions/${lakeshore}/offerings/${offeringId}/review`);
  await coordinator.getByLabel('School verification').selectOption('true');
  const queue = coordinator.getByRole('table', { name: /Applications/ });
  await expect(queue.getByText('School verified')).toBeVisible();
  await coordinator.goto(`/institutions/${lakeshore}/applications/${applicationId}`);
  await expect(coordinator.getByText('School verified')).toBeVisible();
  await expect(coordinator.getByText(/Attested by Dr. Nguyễn Văn An, Associate Dean for Student Affairs/)).toBeVisible();
  const staffFee = coordinator.getByRole('region', { name: 'Application fee' });
  await expect(staffFee).toContainText('Payment recorded');
  await staffFee.getByRole('button', { name: 'Confirm payment' }).click();
  await expect(staffFee).toContainText('Confirmed by the program');

  // Apply to similar: a new draft for the other dermatology elective, pre-filled.
  await page.goto(applicationPath);
  const similar = page.getByRole('region', { name: 'Apply to similar rotations' });
  const item = similar.getByRole('region', { name: similarTitle });
  await item.getByRole('checkbox', { name: /Jun 7 – Jul 4, 2027/ }).check();
  await item.getByRole('button', { name: `Start an application to ${similarTitle}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: similarTitle })).toBeVisible();
  expect(new URL(page.url()).pathname).not.toBe(applicationPath);
  await expect(page.getByRole('region', { name: 'Application fee' })).toContainText('Due');
  await page.goto('/applications');
  await expect(page.getByRole('link', { name: similarTitle })).toBeVisible();

  await staffContext.close();
  await officeContext.close();
});
