import { readFile } from 'node:fs/promises';
import type { Download, Locator, Page } from '@playwright/test';
import { DEMO, logIn } from './accounts';
import { expect, test } from './fixtures';
import { expectAccessible } from './vault';

const LAKESHORE = 'Lakeshore University Medical Center';
const PRECEPTOR = 'preceptor@lakeshore.example';
const ROTATION = 'Internal Medicine Core Clerkship';

async function downloadBytes(page: Page, trigger: Locator): Promise<Buffer> {
  const [download]: [Download, void] = await Promise.all([page.waitForEvent('download'), trigger.click()]);
  const path = await download.path();
  if (!path) throw new Error('download failed');
  return readFile(path);
}

// FIXME (issue 8): fails at "My students" — the demo's placements for the preceptor did not show in the e2e run; not yet diagnosed.
test('a preceptor evaluates, the coordinator releases and completes, the applicant downloads certificate and transcript, and the public page verifies the code', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);

  // The preceptor (demo data: Amina's internal medicine clerkship is in progress) evaluates.
  const preceptorContext = await browser.newContext();
  const preceptor = await preceptorContext.newPage();
  await logIn(preceptor, PRECEPTOR);
  await preceptor.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My students' }).click();
  await expect(preceptor.getByRole('heading', { level: 1, name: 'My students' })).toBeVisible();
  const students = preceptor.getByRole('table', { name: 'My students' });
  await students.getByRole('row', { name: new RegExp(ROTATION) }).getByRole('link', { name: 'Amina Khan' }).click();
  await expect(preceptor.getByRole('heading', { level: 1, name: 'Amina Khan' })).toBeVisible();
  const form = preceptor.getByRole('form', { name: 'End-of-rotation evaluation' });
  const fours = form.getByLabel('4 — Exceeds expectations');
  await expect(fours).toHaveCount(6);
  for (let i = 0; i < 6; ++i) await fours.nth(i).check();
  await form.getByLabel(/^Narrative comments/).fill('Thorough histories, clear presentations; ready for more independence.');
  await expectAccessible(preceptor);
  await form.getByRole('button', { name: 'Submit evaluation' }).click();
  await expect(preceptor.getByText('Submitted and locked')).toBeVisible();

  // The coordinator releases it and marks the placement completed.
  const staffContext = await browser.newContext();
  const coordinator = await staffContext.newPage();
  await logIn(coordinator, DEMO.lakeshoreCoordinator);
  await coordinator.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'My institutions' }).click();
  await coordinator.getByRole('menuitem', { name: `Placements of ${LAKESHORE}` }).click();
  await expect(coordinator.getByRole('heading', { level: 1, name: 'Placements' })).toBeVisible();
  await coordinator
    .getByRole('table', { name: 'Placements' })
    .getByRole('row', { name: new RegExp(ROTATION) })
    .getByRole('button', { name: 'Manage placement of Amina Khan' })
    .click();
  await coordinator.getByRole('button', { name: 'Release evaluation to the student' }).click();
  await expect(coordinator.getByText(/Released to the student on/)).toBeVisible();
  const move = coordinator.getByRole('form', { name: "Change the placement's status" });
  await move.getByLabel('New status').selectOption('completed');
  await move.getByRole('button', { name: 'Change status' }).click();
  await expect(
    coordinator.getByRole('table', { name: 'Placements' }).getByRole('row', { name: new RegExp(ROTATION) }),
  ).toContainText('Completed');
  await expectAccessible(coordinator);

  // The applicant sees the released evaluation and downloads the certificate and the transcript.
  await logIn(page, DEMO.applicant);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Rotations', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My rotations' })).toBeVisible();
  await page.getByRole('link', { name: ROTATION }).click();
  await expect(page.getByRole('heading', { level: 1, name: ROTATION })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Evaluation ratings' })).toContainText('Exceeds expectations');
  await expect(page.getByText('Thorough histories, clear presentations; ready for more independence.')).toBeVisible();
  const certificate = await downloadBytes(page, page.getByRole('link', { name: 'Download certificate (PDF)' }));
  expect(certificate.subarray(0, 5).toString()).toBe('%PDF-');
  await page.reload();
  const verifyLink = page.getByRole('link', { name: /Verification page for CLK-/ });
  const code = ((await verifyLink.textContent()) ?? '').replace('Verification page for ', '').trim();
  expect(code).toMatch(/^CLK-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{2}$/);
  await expectAccessible(page);
  await page.getByRole('link', { name: '← My rotations' }).click();
  const transcript = await downloadBytes(page, page.getByRole('link', { name: 'Download transcript (PDF)' }));
  expect(transcript.subarray(0, 5).toString()).toBe('%PDF-');

  // Anyone, without logging in, verifies the code.
  const publicContext = await browser.newContext();
  const visitor = await publicContext.newPage();
  await visitor.goto(`/verify/${code}`);
  await expect(visitor.getByRole('heading', { level: 1, name: 'Verify a certificate' })).toBeVisible();
  await expect(visitor.getByText('Valid certificate')).toBeVisible();
  const facts = visitor.getByRole('table', { name: `Certificate ${code}` });
  await expect(facts).toContainText('Amina Khan');
  await expect(facts).toContainText(ROTATION);
  await expect(facts).toContainText('Dr. Elena Petrova');
  await expectAccessible(visitor);
  // A typo is caught by the check symbol.
  const typo = code.slice(0, -1) + (code.endsWith('7') ? '8' : '7');
  await visitor.goto(`/verify/${typo}`);
  await expect(visitor.getByText('Not a valid code')).toBeVisible();
  await Promise.all([preceptorContext.close(), staffContext.close(), publicContext.close()]);
});
