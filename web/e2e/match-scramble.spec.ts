import type { Browser, Page } from '@playwright/test';
import { DEMO, logIn } from './accounts';
import { newApplicantWhoApplied } from './apply';
import { institutionId, uniqueWord } from './catalog';
import { expect, test } from './fixtures';
import { publishOfferingRequiring } from './vault';

const LAKESHORE = 'Lakeshore University Medical Center';
const PASSWORD = 'a long scramble passphrase 2027';

async function applicantWhoApplied(browser: Browser, name: string, offeringId: string): Promise<{ page: Page; id: string }> {
  const { page } = await newApplicantWhoApplied(browser, name, PASSWORD, offeringId);
  const session = (await (await page.request.get('/api/session')).json()) as { user: { id: string } };
  return { page, id: session.user.id };
}

async function call(page: Page, method: 'POST' | 'PUT' | 'GET', path: string, data?: unknown) {
  const token = (await page.context().cookies()).find((c) => c.name === 'clerkship_csrf')?.value ?? '';
  const response = await page.request.fetch(path, { method, headers: { 'X-CSRF-Token': token }, data });
  expect(response.status(), `${method} ${path}: ${await response.text()}`).toBeLessThan(300);
  return response.status() === 204 ? null : ((await response.json()) as Record<string, unknown>);
}

/** A datetime-local value `minutes` from now in the browser's own time zone. */
async function localInput(page: Page, minutes: number): Promise<string> {
  return page.evaluate((m) => {
    const d = new Date(Date.now() + m * 60_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
  }, minutes);
}

test('scramble: an unmatched applicant applies in an open scramble round, the coordinator offers, the applicant accepts', async ({ browser, page }) => {
  test.setTimeout(180_000);
  const word = uniqueWord('Scramble');
  const title = `${word} Neurology`;

  // A Lakeshore rotation with one block of 2 seats; Ana and Raj apply.
  await logIn(page, DEMO.lakeshoreCoordinator);
  const lake = await institutionId(page, LAKESHORE);
  const offering = await publishOfferingRequiring(page, lake, title, []);
  const ana = await applicantWhoApplied(browser, `Ana ${word}`, offering);
  const raj = await applicantWhoApplied(browser, `Raj ${word}`, offering);
  const blockId = ((await call(page, 'GET', `/api/offerings/${offering}`)) as { blocks: { id: string }[] }).blocks[0].id;

  // A round with one of the two seats, run through the API: the block ranks Ana only, so Raj does not match.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await logIn(admin, DEMO.admin);
  const round = (await call(admin, 'POST', '/api/match-rounds', {
    name: `${word} round`,
    applications_close: '2027-04-30T17:00:00Z',
    rank_lists_due: '2027-05-10T17:00:00Z',
    match_day: '2027-05-15T12:00:00Z',
    blocks: [{ block_id: blockId, quota: 1 }],
  })) as { id: string };
  await call(admin, 'POST', `/api/match-rounds/${round.id}/status`, { action: 'open' });
  for (const who of [ana, raj]) {
    await call(who.page, 'PUT', `/api/match-rounds/${round.id}/me/rank-list`, { block_ids: [blockId] });
    await call(who.page, 'POST', `/api/match-rounds/${round.id}/me/certify`, {});
  }
  const list = `/api/institutions/${lake}/match-rounds/${round.id}/blocks/${blockId}`;
  await call(page, 'PUT', `${list}/rank-list`, { applicant_ids: [ana.id], do_not_rank: [raj.id] });
  await call(page, 'POST', `${list}/certify`, {});
  await call(admin, 'POST', `/api/match-rounds/${round.id}/status`, { action: 'close_ranking' });
  await call(admin, 'POST', `/api/match-rounds/${round.id}/run`, {});
  await call(admin, 'POST', `/api/match-rounds/${round.id}/publish`, {});

  // The admin schedules a scramble round that is open now, with 10 applications per applicant.
  await admin.goto(`/match-rounds/${round.id}`);
  const schedule = admin.getByRole('region', { name: 'Scramble rounds' });
  await schedule.getByLabel('Round 1 starts').fill(await localInput(admin, -5));
  await schedule.getByLabel('Round 1 ends').fill(await localInput(admin, 120));
  await schedule.getByRole('button', { name: 'Save scramble schedule' }).click();
  await expect(schedule.getByText('Scramble round 1 is open')).toBeVisible();

  // Ana matched: no scramble for her. Raj sees the open round with a countdown and applies.
  await ana.page.goto(`/match-rounds/${round.id}`);
  await expect(ana.page.getByText('You matched', { exact: true })).toBeVisible();
  await expect(ana.page.getByRole('heading', { name: 'Scramble', exact: true })).toHaveCount(0);
  await raj.page.goto(`/match-rounds/${round.id}`);
  const scramble = raj.page.getByRole('region', { name: 'Scramble', exact: true });
  await expect(scramble.getByText('Scramble round 1 is open')).toBeVisible();
  await expect(scramble.getByLabel('time left')).toContainText(/h|min/);
  await expect(scramble.getByText('Applications used: 0 of 10')).toBeVisible();
  await scramble.getByRole('button', { name: `Apply to ${title} 2027-06-07` }).click();
  await expect(scramble.getByText('Applications used: 1 of 10')).toBeVisible();
  await expect(scramble.getByRole('table', { name: 'Your scramble applications' })).toContainText('No offer yet');

  // The coordinator sees the unfilled block with Raj and offers him the seat.
  await page.goto(`/institutions/${lake}/match-rounds/${round.id}`);
  const block = page.getByRole('region', { name: `Scramble for ${title} 2027-06-07` });
  await expect(block).toContainText(`Raj ${word}`);
  await expect(block).toContainText('1 seat(s) left');
  await block.getByRole('button', { name: `Offer Raj ${word} a seat` }).click();
  await expect(block.getByText('Offer pending')).toBeVisible();

  // Raj accepts: he holds the seat.
  await raj.page.reload();
  await scramble.getByRole('button', { name: `Accept the offer for ${title}` }).click();
  await expect(scramble.getByText('Offer accepted')).toBeVisible();
  await expect(scramble.getByText(/you accepted a scramble offer/)).toBeVisible();
});
