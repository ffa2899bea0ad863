import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { csrf, publishOffering } from './catalog';
import { expect } from './fixtures';
import { uniqueEmail, waitForTokenLink } from './mail';

/**
 * Helpers for the vault journey (web/e2e/vault.spec.ts): a fresh applicant, an offering that
 * requires documents, and small valid PDFs built in the test.
 */

/** Registers and verifies a new applicant through the API; returns the e-mail address. */
export async function registerApplicant(page: Page, displayName: string, password: string): Promise<string> {
  const email = uniqueEmail('vault');
  const headers = { 'X-CSRF-Token': await csrf(page) };
  const registered = await page.request.post('/api/auth/register', {
    headers,
    data: { email, password, display_name: displayName },
  });
  expect(registered.status()).toBe(202);
  const token = new URL(await waitForTokenLink(email)).searchParams.get('token');
  const verified = await page.request.post('/api/auth/verify-email', { headers, data: { token } });
  expect(verified.status()).toBe(200);
  return email;
}

/**
 * Creates and publishes an offering with one block (June 7 – July 4, 2027) that requires the
 * given documents (and states the given eligibility rules), as the coordinator logged in on
 * `page`; returns its id.
 */
export async function publishOfferingRequiring(
  page: Page,
  institution: string,
  title: string,
  documents: string[],
  // Open to everybody unless told: a fresh profile meets no visa or exam rule.
  eligibility: Record<string, unknown> = { students: true, graduates: true },
): Promise<string> {
  return publishOffering(page, institution, {
    title,
    required_documents: documents.map((type) => ({ type, count: 1 })),
    eligibility,
  });
}

/** A valid one-page PDF (correct cross-reference table, so qpdf accepts it) showing `text`. */
export function onePagePdf(text: string): Buffer {
  const safe = text.replace(/[\\()]/g, '');
  const content = `BT /F1 24 Tf 72 700 Td (${safe}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** Fails on serious or critical axe violations (WCAG 2.2 AA and best practice). */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help} — ${violation.nodes.map((node) => `${node.target.join(' ')} (${node.failureSummary ?? ''})`).join('; ')}`);
  expect(serious).toEqual([]);
}
