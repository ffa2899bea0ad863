import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** Every demo account (`clerkship demo`) has this password. */
export const DEMO_PASSWORD = 'clerkship-demo-2027';

export const DEMO = {
  admin: 'admin@clerkship.example',
  lakeshoreCoordinator: 'coordinator@lakeshore.example',
  lakeshoreReviewer: 'reviewer@lakeshore.example',
  bayviewCoordinator: 'coordinator@bayview.example',
  applicant: 'amina.khan@example.org',
} as const;

/** Logs in through the login page and waits until the header shows the logged-in navigation. */
export async function logIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  const form = page.getByRole('form', { name: 'Log in with your e-mail address' });
  await form.getByLabel('E-mail').fill(email);
  await form.getByLabel(/^Password/).fill(password);
  await form.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Log out' })).toBeVisible();
}

/** The link from an e-mail as a path on the server under test (the server's public URL is the same). */
export function pathOf(link: string): string {
  const url = new URL(link);
  return url.pathname + url.search;
}
