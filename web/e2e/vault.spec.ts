import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { DEMO, logIn } from './accounts';
import { institutionId, uniqueWord } from './catalog';
import { expect, test } from './fixtures';
import { expectAccessible, onePagePdf, publishOfferingRequiring, registerApplicant } from './vault';

const LAKESHORE = 'Lakeshore University Medical Center';
const PASSWORD = 'a long vault passphrase 2027';

async function fillProfile(page: Page) {
  const form = page.getByRole('form', { name: 'Profile details' });
  await form.getByLabel(/^Legal name/).fill('Trần Thị Linh');
  await form.getByLabel('Preferred name').fill('Linh');
  await form.getByLabel('Date of birth').fill('1997-02-14');
  await form.getByLabel(/^Citizenship/).fill('VN');
  await form.getByLabel(/^Country of residence/).fill('VN');
  await form.getByLabel('School name').fill('Hanoi Medical University');
  await form.getByLabel(/^School country/).fill('VN');
  await form.getByLabel(/^Graduation date/).fill('2025-06-30');
  await form.getByLabel('Degree').selectOption('MD');
  await form.getByLabel('I am a').selectOption('graduate');

  await form.getByRole('button', { name: 'Add an exam' }).click();
  const exam = page.getByRole('group', { name: 'Exam 1' });
  await exam.getByLabel('Exam', { exact: true }).selectOption('usmle_step1');
  await exam.getByLabel('Result').selectOption('pass');
  await exam.getByLabel('Date').fill('2024-05-01');

  await form.getByLabel('ECFMG certification').selectOption('in_progress');
  await form.getByLabel('Current visa').selectOption('b1_b2');
  await form.getByLabel('I will need a visa for the rotation').check();

  await form.getByRole('button', { name: 'Add a language' }).click();
  await page.getByRole('group', { name: 'Language 1' }).getByLabel('Language', { exact: true }).fill('Vietnamese');
  await page.getByRole('group', { name: 'Language 1' }).getByLabel('Level').selectOption('native');

  await form.getByRole('button', { name: 'Add an experience' }).click();
  const experience = page.getByRole('group', { name: 'Experience 1' });
  await experience.getByLabel('Kind').selectOption('clinical');
  await experience.getByLabel('Title').fill('Internal medicine clerkship');
  await experience.getByLabel(/^Organization/).fill('Bach Mai Hospital');
  await experience.getByLabel(/^Specialty/).selectOption('internal_medicine');
  await experience.getByLabel('City').fill('Hanoi');
  await experience.getByLabel('Country').fill('VN');
  await experience.getByLabel('Start').fill('2024-09-02');
  await experience.getByLabel('End').fill('2024-12-20');
  await experience.getByLabel('Hands-on (not an observership)').check();

  await form.getByRole('group', { name: 'Specialties you are interested in' }).getByRole('checkbox', { name: /^Internal medicine$/i }).check();
  await form.getByLabel(/^Personal statement/).fill('I want to train in internal medicine and bring it home to provincial hospitals.');
  await form.getByRole('button', { name: 'Save profile' }).click();
  await expect(form.getByRole('status')).toHaveText('Profile saved.');
}

async function uploadDocument(
  page: Page,
  document: { type: string; file: string; issued: string; expires?: string; vaccines?: { vaccine: string; date: string }[] },
) {
  await page.getByRole('button', { name: 'Upload document' }).click();
  const form = page.getByRole('form', { name: 'Upload a document' });
  await form.getByLabel(/^Document type/).selectOption(document.type);
  await form.getByLabel(/^File/).setInputFiles({ name: document.file, mimeType: 'application/pdf', buffer: onePagePdf(document.file) });
  await form.getByLabel('Issued on').fill(document.issued);
  if (document.expires) await form.getByLabel(/^Expires on/).fill(document.expires);
  for (const [i, vaccine] of (document.vaccines ?? []).entries()) {
    await form.getByRole('button', { name: 'Add a vaccine' }).click();
    const row = form.getByRole('group', { name: `Vaccine ${i + 1}` });
    await row.getByLabel('Vaccine', { exact: true }).selectOption(vaccine.vaccine);
    await row.getByLabel('Kind').selectOption('dose');
    await row.getByLabel('Date').fill(vaccine.date);
  }
  await form.getByRole('button', { name: 'Upload', exact: true }).click();
  await expect(form).toHaveCount(0);
}

test('an applicant fills the profile, downloads the CV, uploads two documents and applies; after a coordinator verifies them the checklist goes green', async ({
  page,
  browser,
}) => {
  // Two users, two uploads, a PDF rendering and a dozen requests on a debug server.
  test.setTimeout(120_000);
  const title = `${uniqueWord('Wren')} Internal Medicine Elective`;

  // A coordinator publishes an offering that requires both documents (through the API).
  const staff = await browser.newContext();
  const coordinator = await staff.newPage();
  await logIn(coordinator, DEMO.lakeshoreCoordinator);
  const lakeshore = await institutionId(coordinator, LAKESHORE);
  const offeringId = await publishOfferingRequiring(coordinator, lakeshore, title, ['immunization_record', 'background_check']);

  // A new applicant.
  const email = await registerApplicant(page, 'Linh Tran', PASSWORD);
  await logIn(page, email, PASSWORD);
  const nav = page.getByRole('navigation', { name: 'Main' });

  // Profile: every section, saved; the meter reaches 100 %.
  await nav.getByRole('link', { name: 'Profile' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your profile' })).toBeVisible();
  await fillProfile(page);
  const meter = page.getByRole('region', { name: 'Completeness' });
  await expect(meter).toContainText('100% complete');

  // The CV: a real PDF over 1 kB, from the link and from the API.
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download CV (PDF)' }).click();
  const download = await downloading;
  const cv = await readFile(await download.path());
  expect(cv.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(cv.length).toBeGreaterThan(1024);
  const cvResponse = await page.request.get('/api/me/profile/cv.pdf');
  expect(cvResponse.status()).toBe(200);
  expect(cvResponse.headers()['content-type']).toMatch(/^application\/pdf/);
  expect((await cvResponse.body()).length).toBeGreaterThan(1024);

  // The vault: an immunization record with two vaccines and a background check.
  await nav.getByRole('link', { name: 'Documents' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your documents' })).toBeVisible();
  await uploadDocument(page, {
    type: 'immunization_record',
    file: 'immunizations.pdf',
    issued: '2026-01-15',
    vaccines: [
      { vaccine: 'mmr', date: '2005-04-01' },
      { vaccine: 'hepatitis_b', date: '2015-09-10' },
    ],
  });
  await uploadDocument(page, { type: 'background_check', file: 'background.pdf', issued: '2026-10-01', expires: '2028-10-01' });
  const record = page.getByRole('article', { name: 'Immunization record' });
  await expect(record).toContainText('Pending verification');
  await expect(record).toContainText('Hepatitis B dose');
  const check = page.getByRole('article', { name: 'Background check' });
  await expect(check).toContainText('Pending verification');
  await expect(check).toContainText('Expires Oct 1, 2028');

  // Apply from the offering page, then submit; both items wait for verification.
  await page.goto(`/rotations/${offeringId}`);
  const apply = page.getByRole('region', { name: 'Apply for this rotation' });
  await apply.getByRole('checkbox', { name: /Jun 7 – Jul 4, 2027/ }).check();
  await apply.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const block = page.getByRole('region', { name: 'Choice 1: Jun 7 – Jul 4, 2027' });
  const item = (name: string) => block.getByRole('listitem').filter({ hasText: name });
  await expect(item('Immunization record')).toContainText('Pending verification');
  await expect(item('Background check')).toContainText('Pending verification');
  await expect(block).toContainText('Documents needed');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Submit application' }).click();
  await expect(page.getByRole('region', { name: 'Status' })).toContainText('Submitted');

  // The coordinator opens the compliance view from the catalog and verifies both.
  await coordinator.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'My institutions' }).click();
  await coordinator.getByRole('menuitem', { name: `Catalog of ${LAKESHORE}` }).click();
  await coordinator.getByRole('link', { name: `Compliance of ${title}` }).click();
  await expect(coordinator.getByRole('heading', { level: 1, name: `Cleared to start: ${title}` })).toBeVisible();
  const row = coordinator.getByRole('table', { name: 'Applicants' }).getByRole('row').filter({ hasText: email });
  await expect(row).toContainText('Not cleared');
  await row.getByRole('button', { name: /^Documents of / }).click();
  const documents = coordinator.getByRole('table', { name: /^Documents of / });
  await expect(documents).toBeVisible();
  await expectAccessible(coordinator);
  for (const name of ['Immunization record', 'Background check']) {
    await documents.getByRole('button', { name: `Verify ${name}` }).click();
    const dialog = coordinator.getByRole('dialog', { name: `Verify ${name}` });
    await dialog.getByRole('button', { name: 'Verify' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(documents.getByRole('row').filter({ hasText: name })).toContainText('Verified');
  }
  await expect(row).toContainText('Cleared');
  await expect(row).not.toContainText('Not cleared');
  await staff.close();

  // The applicant's checklist is green.
  await page.reload();
  await expect(item('Immunization record')).toContainText('Satisfied');
  await expect(item('Background check')).toContainText('Satisfied');
  await expect(block).toContainText('Ready to start');
});

test('the profile, documents (with the upload dialog) and applications pages have no serious axe violations', async ({ page }) => {
  test.setTimeout(60_000);
  await logIn(page, DEMO.applicant);
  await page.goto('/profile');
  await expect(page.getByRole('form', { name: 'Profile details' })).toBeVisible();
  await expectAccessible(page);

  await page.goto('/documents');
  await expect(page.getByRole('heading', { level: 2, name: 'Documents' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Upload document' }).click();
  const form = page.getByRole('form', { name: 'Upload a document' });
  await form.getByRole('button', { name: 'Add a vaccine' }).click();
  await form.getByRole('button', { name: 'Upload', exact: true }).click();
  await expect(form.getByLabel(/^File/)).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);

  await page.goto('/applications');
  await expect(page.getByRole('heading', { level: 1, name: 'My applications' })).toBeVisible();
  await expectAccessible(page);
});
