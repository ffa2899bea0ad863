import type { Browser, BrowserContextOptions, Page } from '@playwright/test';
import { logIn } from './accounts';
import { expect } from './fixtures';
import { registerApplicant } from './vault';

/**
 * Helpers for specs whose subject comes after applying: a fresh applicant starts (and submits) an
 * application for the June 7 – July 4, 2027 block that the publish helpers in catalog.ts create.
 */

/** On the offering page: choose the June block and apply; lands on the draft; returns its id. */
export async function startApplication(page: Page, offeringId: string, title?: string): Promise<string> {
  await page.goto(`/rotations/${offeringId}`);
  const apply = page.getByRole('region', { name: 'Apply for this rotation' });
  await apply.getByRole('checkbox', { name: /Jun 7 – Jul 4, 2027/ }).check();
  await apply.getByRole('button', { name: 'Apply' }).click();
  await page.waitForURL(/\/applications\/[^/]+$/);
  if (title) await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  return page.url().split('/').pop() ?? '';
}

/** Submits the application open on `page` and waits for the status to say so. */
export async function submitOpenApplication(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Submit application' }).click();
  await expect(page.getByRole('region', { name: 'Status' })).toContainText('Submitted');
}

/** Applies for the June block and submits; returns the application id. */
export async function applyAndSubmit(page: Page, offeringId: string, title?: string): Promise<string> {
  const id = await startApplication(page, offeringId, title);
  await submitOpenApplication(page);
  return id;
}

/** A new applicant (own browser context) registers, logs in, applies and submits. */
export async function newApplicantWhoApplied(
  browser: Browser,
  name: string,
  password: string,
  offeringId: string,
  options: { title?: string; context?: BrowserContextOptions } = {},
): Promise<{ page: Page; email: string; applicationId: string }> {
  const context = await browser.newContext(options.context);
  const page = await context.newPage();
  const email = await registerApplicant(page, name, password);
  await logIn(page, email, password);
  const applicationId = await applyAndSubmit(page, offeringId, options.title);
  return { page, email, applicationId };
}
