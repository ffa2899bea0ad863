import AxeBuilder from '@axe-core/playwright';
import type { Result } from 'axe-core';
import type { Page } from '@playwright/test';
import { DEMO, logIn } from './accounts';
import { institutionId, publishOfferingViaApi, uniqueWord } from './catalog';
import { expect, test } from './fixtures';

const LAKESHORE = 'Lakeshore University Medical Center';

function seriousViolations(violations: Result[]): string[] {
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} — ` +
        violation.nodes.map((node) => `${node.target.join(' ')} ${node.failureSummary ?? ''}`).join('; '),
    );
}

async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  expect(seriousViolations(results.violations)).toEqual([]);
}

/** Fills one repeatable fee row (the form's "Fee n" group). */
async function fillFee(page: Page, n: number, fee: { kind: string; who: string; amount: string; note?: string }) {
  const row = page.getByRole('group', { name: `Fee ${n}` });
  await row.getByLabel('Kind').selectOption({ label: fee.kind });
  await row.getByLabel('Who pays').selectOption({ label: fee.who });
  await row.getByLabel('Amount (USD)').fill(fee.amount);
  if (fee.note) await row.getByLabel('Note').fill(fee.note);
}

async function addBlock(page: Page, block: { starts: string; ends: string; seats: string; opens: string; deadline: string }) {
  const form = page.getByRole('form', { name: 'Add a block' });
  await form.getByLabel('Starts').fill(block.starts);
  await form.getByLabel('Ends').fill(block.ends);
  await form.getByLabel('Seats').fill(block.seats);
  await form.getByLabel('Applications open').fill(block.opens);
  await form.getByLabel('Deadline').fill(block.deadline);
  await form.getByRole('button', { name: 'Add block' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Block added.' })).toBeVisible();
}

test('a coordinator publishes an offering with two blocks; a visitor finds it by text and by facets and sees its blocks and all-in cost', async ({
  page,
  browser,
}) => {
  // The longest journey in the suite (two users, eleven requests) on a debug server.
  test.setTimeout(60_000);
  const word = uniqueWord('Kestrel');
  const title = `${word} Nephrology Elective`;

  // The coordinator reaches the catalog from "My institutions".
  await logIn(page, DEMO.lakeshoreCoordinator);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'My institutions' }).click();
  await page.getByRole('menuitem', { name: `Catalog of ${LAKESHORE}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Catalog of ${LAKESHORE}` })).toBeVisible();
  await page.getByRole('link', { name: 'New offering' }).click();

  const form = page.getByRole('form', { name: 'Offering details' });
  await form.getByLabel('Title').fill(title);
  await form.getByLabel('Specialty').selectOption('nephrology');
  await form.getByLabel('Type').selectOption('elective');
  await form.getByLabel('Description').fill('Dialysis unit, transplant clinic and inpatient consults.');
  await form.getByRole('group', { name: 'Visas accepted' }).getByLabel('H-1B').check();
  await form.getByRole('group', { name: 'Visas accepted' }).getByLabel('J-1').check();
  await form.getByRole('button', { name: 'Add a document' }).click();
  await page.getByRole('group', { name: 'Document 1' }).getByLabel('Document', { exact: true }).selectOption('letter_of_recommendation');
  await page.getByRole('group', { name: 'Document 1' }).getByLabel('How many').fill('2');
  for (let i = 0; i < 4; i++) await form.getByRole('button', { name: 'Add a fee' }).click();
  await fillFee(page, 1, { kind: 'Application fee', who: 'Everyone', amount: '100' });
  await fillFee(page, 2, { kind: 'Tuition / rotation fee', who: 'Students', amount: '1,500' });
  await fillFee(page, 3, { kind: 'Tuition / rotation fee', who: 'Graduates', amount: '2500.50' });
  await fillFee(page, 4, { kind: 'Deposit', who: 'Everyone', amount: '300', note: 'refundable' });
  await form.getByLabel('Refund and cancellation policy').fill('Deposit refunded up to 30 days before the start.');
  await form.getByRole('button', { name: 'Create draft' }).click();

  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const publishing = page.getByRole('region', { name: 'Publishing' });
  await expect(publishing).toContainText('Draft');

  // Publishing a draft without blocks: the server says what is missing.
  await publishing.getByRole('button', { name: 'Publish' }).click();
  await expect(publishing.getByRole('alert')).toContainText('add at least one block');

  await addBlock(page, { starts: '2027-04-05', ends: '2027-05-02', seats: '3', opens: '2026-11-01', deadline: '2027-02-15' });
  await addBlock(page, { starts: '2028-02-07', ends: '2028-03-05', seats: '2', opens: '2027-06-01', deadline: '2027-12-15' });
  const blocks = page.getByRole('table', { name: 'Blocks' });
  await expect(blocks.getByRole('row')).toHaveCount(3);
  await expect(blocks.getByRole('row', { name: /Apr 5 – May 2, 2027/ })).toContainText('0 of 3');

  await publishing.getByRole('button', { name: 'Publish' }).click();
  await expect(publishing.getByRole('status')).toContainText('Published');
  await expect(publishing.getByRole('button', { name: 'Unpublish' })).toBeVisible();

  // An anonymous visitor, in a browser of their own.
  const context = await browser.newContext();
  const visitor = await context.newPage();
  await visitor.goto('/rotations');
  await visitor.getByRole('searchbox', { name: 'Search rotations' }).fill(word);
  await visitor.getByRole('button', { name: 'Search' }).click();
  await expect(visitor).toHaveURL(new RegExp(`\\?q=${word}$`));
  await expect(visitor.getByText('1 rotation found')).toBeVisible();
  const card = visitor.getByRole('article', { name: title });
  await expect(card).toContainText(LAKESHORE);
  await expect(card).toContainText('All-in from$1,900.00');

  // By facets alone: specialty, visa and the month a block starts.
  await visitor.goto('/rotations');
  await visitor.getByLabel('Specialty').selectOption('nephrology');
  await visitor.getByLabel('Visa accepted').selectOption('h1b');
  await visitor.getByLabel('Block starts in').selectOption('2028-02');
  await expect(visitor).toHaveURL(/specialty=nephrology/);
  await expect(visitor).toHaveURL(/visa=h1b/);
  await expect(visitor).toHaveURL(/start_month=2028-02/);
  await visitor.getByRole('article', { name: title }).getByRole('link', { name: title }).click();

  await expect(visitor.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const dates = visitor.getByRole('table', { name: 'Dates and seats' });
  await expect(dates.getByRole('row', { name: /Apr 5 – May 2, 2027/ })).toContainText('3 of 3');
  await expect(dates.getByRole('row', { name: /Apr 5 – May 2, 2027/ })).toContainText('Feb 15, 2027, 11:59 PM CST (Chicago time)');
  await expect(dates.getByRole('row', { name: /Feb 7 – Mar 5, 2028/ })).toContainText('2 of 2');
  await expect(dates.getByRole('row', { name: /Feb 7 – Mar 5, 2028/ })).toContainText('Dec 15, 2027, 11:59 PM CST (Chicago time)');
  const cost = visitor.getByRole('region', { name: 'All-in cost' });
  await expect(cost).toContainText('Medical students$1,900.00');
  await expect(cost).toContainText('Graduates$2,900.50');
  await expect(visitor.getByRole('table', { name: 'Fees' })).toContainText('$2,500.50');
  await expect(visitor.getByRole('region', { name: 'Documents to send' })).toContainText('Letter of recommendation (2)');

  // Back to the search the visitor came from.
  await visitor.getByRole('link', { name: '← Back to your search' }).click();
  await expect(visitor).toHaveURL(/specialty=nephrology&start_month=2028-02&visa=h1b$/);
  await context.close();
});

test("a visitor's search URL reloads to the same results, and the back button steps through it", async ({ page }) => {
  const word = uniqueWord('Osprey');
  await logIn(page, DEMO.lakeshoreCoordinator);
  await publishOfferingViaApi(page, await institutionId(page, LAKESHORE), `${word} Neurology Elective`);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Log out' }).click();

  await page.goto('/rotations');
  await page.getByRole('searchbox', { name: 'Search rotations' }).fill(`${word} neurology`);
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByLabel('Patient contact').selectOption('true');
  await page.getByLabel('Open for applications now', { exact: false }).check();
  await page.getByLabel('Sort by').selectOption('fee');
  await expect(page).toHaveURL(new RegExp(`q=${word}\\+neurology&hands_on=true&open_now=true&sort=fee$`));
  await expect(page.getByText('1 rotation found')).toBeVisible();
  const url = page.url();

  await page.reload();
  expect(page.url()).toBe(url);
  await expect(page.getByText('1 rotation found')).toBeVisible();
  await expect(page.getByRole('article', { name: `${word} Neurology Elective` })).toBeVisible();
  await expect(page.getByRole('searchbox', { name: 'Search rotations' })).toHaveValue(`${word} neurology`);
  await expect(page.getByLabel('Patient contact')).toHaveValue('true');
  await expect(page.getByLabel('Open for applications now', { exact: false })).toBeChecked();
  await expect(page.getByLabel('Sort by')).toHaveValue('fee');

  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`q=${word}\\+neurology&hands_on=true&open_now=true$`));
  await expect(page.getByLabel('Sort by')).toHaveValue('relevance');
});

test('the search page and an offering page have no serious axe violations', async ({ page }) => {
  const word = uniqueWord('Heron');
  await logIn(page, DEMO.lakeshoreCoordinator);
  const id = await publishOfferingViaApi(page, await institutionId(page, LAKESHORE), `${word} Neurology Elective`);
  await page.context().clearCookies();

  await page.goto(`/rotations?q=${word}`);
  await expect(page.getByRole('article', { name: `${word} Neurology Elective` })).toBeVisible();
  await expectAccessible(page);

  await page.goto(`/rotations/${id}`);
  await expect(page.getByRole('table', { name: 'Dates and seats' })).toBeVisible();
  await expectAccessible(page);
});

test('the coordinator form (showing a nested field error) and the edit page have no serious axe violations', async ({
  page,
}) => {
  // axe over two long forms takes a while on a busy two-core machine.
  test.setTimeout(60_000);
  await logIn(page, DEMO.lakeshoreCoordinator);
  const lakeshore = await institutionId(page, LAKESHORE);

  await page.goto(`/institutions/${lakeshore}/offerings/new`);
  const form = page.getByRole('form', { name: 'Offering details' });
  await form.getByRole('button', { name: 'Add a fee' }).click();
  await form.getByRole('button', { name: 'Create draft' }).click();
  // An empty fee amount: the server names fees[0].amount_cents, and that input gets the message.
  await expect(form.getByRole('alert')).toContainText('fees[0].amount_cents must be a whole number');
  const amount = form.getByRole('group', { name: 'Fee 1' }).getByLabel('Amount (USD)');
  await expect(amount).toBeFocused();
  await expect(amount).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);

  const id = await publishOfferingViaApi(page, lakeshore, `${uniqueWord('Egret')} Neurology Elective`);
  await page.goto(`/institutions/${lakeshore}/offerings/${id}`);
  await expect(page.getByRole('table', { name: 'Blocks' })).toBeVisible();
  await expectAccessible(page);
});

test('staff who are not coordinators see the catalog without editing controls', async ({ page }) => {
  await logIn(page, DEMO.lakeshoreReviewer);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'My institutions' }).click();
  await page.getByRole('menuitem', { name: `Catalog of ${LAKESHORE}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Catalog of ${LAKESHORE}` })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Offerings' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'New offering' })).toHaveCount(0);
  await page.goto(`/institutions/${await institutionId(page, LAKESHORE)}/offerings/new`);
  await expect(page.getByRole('heading', { level: 1, name: 'Not allowed' })).toBeVisible();
});
