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

async function csrf(page: Page): Promise<string> {
  const cookie = (await page.context().cookies()).find((c) => c.name === 'clerkship_csrf');
  if (!cookie) throw new Error('no CSRF cookie: log in first');
  return cookie.value;
}

/**
 * Creates and publishes an offering with one block open for applications, through the API, as
 * the coordinator logged in on `page`. For tests whose subject is not the coordinator's form.
 */
export async function publishOfferingViaApi(page: Page, institution: string, title: string): Promise<string> {
  const headers = { 'X-CSRF-Token': await csrf(page) };
  const base = `/api/institutions/${institution}/offerings`;
  const created = await page.request.post(base, {
    headers,
    data: {
      title,
      specialty: 'neurology',
      type: 'elective',
      city: 'Chicago',
      state: 'IL',
      country: 'US',
      description: 'Stroke service and neurology clinic.',
      fees: [{ kind: 'application', category: 'all', amount_cents: 7500, label: '' }],
      eligibility: { students: true, graduates: true, visas_accepted: ['b1_b2'] },
    },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const block = await page.request.post(`${base}/${id}/blocks`, {
    headers,
    data: { start_date: '2027-06-07', end_date: '2027-07-04', seats: 2, opens_on: '2026-11-01', deadline: '2027-04-30' },
  });
  expect(block.status()).toBe(201);
  const published = await page.request.post(`${base}/${id}/status`, { headers, data: { status: 'published' } });
  expect(published.status()).toBe(200);
  return id;
}
