import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { DEMO, logIn, pathOf } from './accounts';
import { institutionId, publishOfferingViaApi, uniqueWord } from './catalog';
import { expect, test } from './fixtures';
import { waitForMail } from './mail';

const LAKESHORE = 'Lakeshore University Medical Center';

async function expectNoSeriousAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`);
  expect(serious).toEqual([]);
}
const HEADER =
  'offering_ref,status,title,specialty,type,description,city,state,country,visas_accepted,required_documents,fees,' +
  'start_date,end_date,seats,opens_on,deadline';

test('a coordinator imports offerings from CSV: problems by line first, then a preview, then the import', async ({ page }) => {
  test.setTimeout(60_000);
  const word = uniqueWord('Osprey');
  const title = `${word} Endocrinology Elective`;
  const good = [
    HEADER,
    `e1,published,${title},endocrinology,elective,"Thyroid clinic, diabetes service",Chicago,IL,US,b1_b2; j1,cv; letter_of_recommendation:2,application:all:75.00; tuition:graduate:1500,2027-08-02,2027-08-29,2,2027-01-01,2027-06-01`,
    `e1,published,${title},endocrinology,elective,"Thyroid clinic, diabetes service",Chicago,IL,US,b1_b2; j1,cv; letter_of_recommendation:2,application:all:75.00; tuition:graduate:1500,2027-09-06,2027-10-03,2,2027-01-01,2027-07-01`,
  ];
  const bad = [...good.slice(0, 2), good[1]!.replace('2027-08-02', '2027-02-30').replace(',2027-08-29,', ',2027-03-28,')];

  await logIn(page, DEMO.lakeshoreCoordinator);
  const lakeshore = await institutionId(page, LAKESHORE);
  await page.goto(`/institutions/${lakeshore}/offerings`);
  await expect(page.getByRole('heading', { level: 1, name: `Catalog of ${LAKESHORE}` })).toBeVisible();

  // Export is a download of the catalog as CSV.
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export CSV' }).click();
  const exported = await readFile((await (await download).path())!, 'utf8');
  expect(exported).toMatch(/^\uFEFFoffering_ref,status,title,/);

  await page.getByRole('button', { name: 'Import CSV' }).click();
  const file = page.getByLabel('CSV file');
  await file.setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad.join('\r\n')) });
  await expect(page.getByRole('alert').filter({ hasText: 'nothing will be imported' })).toBeVisible();
  const problems = page.getByRole('table', { name: 'Problems' });
  await expect(problems.getByRole('row', { name: /^3 start_date/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import 2 rows' })).toBeDisabled();
  await expectNoSeriousAxeViolations(page);

  await file.setInputFiles({ name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from(good.join('\r\n') + '\r\n') });
  const preview = page.getByRole('table', { name: 'Preview' });
  await expect(preview.getByRole('row', { name: new RegExp(`^3 ${title}`) })).toContainText('2027-09-06 to 2027-10-03');
  await expect(page.getByText('2 rows. Offerings: 1 new. Blocks: 2 new.')).toBeVisible();
  // Nothing is written by the preview.
  expect((await (await page.request.get(`/api/search/offerings?q=${word}`)).json()).total).toBe(0);

  await page.getByRole('button', { name: 'Import 2 rows' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Offerings' }).getByRole('link', { name: title, exact: true })).toBeVisible();
  const found = await (await page.request.get(`/api/search/offerings?q=${word}`)).json();
  expect(found.total).toBe(1);
  expect(found.items[0].next_start).toBe('2027-08-02');
});

test('an applicant saves a search and is e-mailed once when a matching offering is published', async ({ page, browser }) => {
  test.setTimeout(60_000);
  const word = uniqueWord('Heron');
  const searchName = `${word} alerts`;

  await logIn(page, DEMO.applicant);
  await page.goto(`/rotations?q=${word}`);
  await expect(page.getByText(/No rotations match/i)).toBeVisible();
  await page.getByRole('button', { name: 'Save this search' }).click();
  const form = page.getByRole('form', { name: 'Save this search' });
  await form.getByLabel(/Name of the saved search/).fill(searchName);
  await form.getByRole('button', { name: 'Save search' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Search saved as “${searchName}”` })).toBeVisible();

  // A coordinator publishes a matching offering (in another browser context).
  const coordinator = await browser.newContext();
  const coordinatorPage = await coordinator.newPage();
  await logIn(coordinatorPage, DEMO.lakeshoreCoordinator);
  const offeringId = await publishOfferingViaApi(coordinatorPage, await institutionId(coordinatorPage, LAKESHORE), `${word} Neurology Elective`);
  await coordinator.close();

  const mail = await waitForMail(DEMO.applicant, { timeoutMs: 20_000, matching: (m) => m.subject.includes(searchName) });
  expect(mail.subject).toBe(`1 new rotation block for your saved search "${searchName}"`);
  expect(mail.text).toContain(`${word} Neurology Elective`);
  expect(mail.text).toContain('2027-06-07 to 2027-07-04');
  const link = /https?:\/\/\S+\/rotations\/[a-z0-9]+/.exec(mail.text)?.[0];
  expect(link).toBeDefined();
  expect(link!.endsWith(offeringId)).toBe(true);
  await page.goto(pathOf(link!));
  await expect(page.getByRole('heading', { level: 1, name: `${word} Neurology Elective` })).toBeVisible();

  // The saved search is listed, opens the search, and can be deleted; no second e-mail came.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Saved searches' }).click();
  const row = page.getByRole('table', { name: 'Your searches' }).getByRole('row', { name: new RegExp(searchName) });
  await expect(row).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await row.getByRole('link', { name: searchName }).click();
  // (The results themselves may come from the browser's 30-second cache of the earlier empty search.)
  await expect(page.getByRole('searchbox', { name: /Search rotations/ })).toHaveValue(word);
  await page.goBack();
  await row.getByRole('button', { name: `Delete ${searchName}` }).click();
  await expect(row).toHaveCount(0);
  await expect
    .poll(async () => {
      try {
        await waitForMail(DEMO.applicant, { timeoutMs: 1_500, after: mail, matching: (m) => m.subject.includes(searchName) });
        return 'second e-mail';
      } catch {
        return 'none';
      }
    })
    .toBe('none');
});
