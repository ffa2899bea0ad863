import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** A word no other offering has, so free-text search finds exactly this run's offering. */
export function uniqueWord(prefix = 'Zephyr'): string {
  return `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
}

/** The id of an institution by name (public list). */
export async function institutionId(page: Page, name: string): Promise<string> {
  const response = await page.request.get('/api/institutions');
  const body = (await response.json()) as { items: { id: string; name: string }[] };
  const found = body.items.find((item) => item.name === name);
  if (!found) throw new Error(`no institution named ${name}`);
  return found.id;
}

/** The CSRF token of the session on `page` (asks the server for one when there is none yet). */
export async function csrf(page: Page): Promise<string> {
  let cookie = (await page.context().cookies()).find((c) => c.name === 'clerkship_csrf');
  if (!cookie) {
    await page.request.get('/api/session');
    cookie = (await page.context().cookies()).find((c) => c.name === 'clerkship_csrf');
  }
  if (!cookie) throw new Error('the server set no CSRF cookie');
  return cookie.value;
}

export interface BlockFields {
  start_date: string;
  end_date: string;
  seats: number;
  opens_on: string;
  deadline: string;
}

/** The block every publish helper opens unless told otherwise: June 7 – July 4, 2027, two seats. */
export const JUNE_BLOCK: BlockFields = {
  start_date: '2027-06-07',
  end_date: '2027-07-04',
  seats: 2,
  opens_on: '2026-11-01',
  deadline: '2027-04-30',
};

/**
 * Creates and publishes an offering with one block, through the API, as the coordinator logged in
 * on `page`; returns its id. `fields` override the defaults (an internal medicine elective in
 * Chicago, open to students and graduates, no fee, no required documents).
 */
export async function publishOffering(
  page: Page,
  institution: string,
  fields: Record<string, unknown> & { title: string },
  block: Partial<BlockFields> = {},
): Promise<string> {
  const headers = { 'X-CSRF-Token': await csrf(page) };
  const base = `/api/institutions/${institution}/offerings`;
  const created = await page.request.post(base, {
    headers,
    data: {
      specialty: 'internal_medicine',
      type: 'elective',
      city: 'Chicago',
      state: 'IL',
      country: 'US',
      description: 'Inpatient medicine wards.',
      eligibility: { students: true, graduates: true },
      ...fields,
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const opened = await page.request.post(`${base}/${id}/blocks`, { headers, data: { ...JUNE_BLOCK, ...block } });
  expect(opened.status(), await opened.text()).toBe(201);
  const published = await page.request.post(`${base}/${id}/status`, { headers, data: { status: 'published' } });
  expect(published.status()).toBe(200);
  return id;
}

/**
 * Creates and publishes a neurology elective (USD 75 application fee) with one block open for
 * applications. For tests whose subject is not the coordinator's form.
 */
export async function publishOfferingViaApi(page: Page, institution: string, title: string): Promise<string> {
  return publishOffering(page, institution, {
    title,
    specialty: 'neurology',
    description: 'Stroke service and neurology clinic.',
    fees: [{ kind: 'application', category: 'all', amount_cents: 7500, label: '' }],
    eligibility: { students: true, graduates: true, visas_accepted: ['b1_b2'] },
  });
}
