import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Reads the e-mail the server sent through the test SMTP listener (scripts/smtp_sink.py): one
 * `*.eml` file per message in CLERKSHIP_TEST_MAILDIR, first line `X-Envelope-To: addr`, then a
 * multipart/alternative message whose parts are base64-encoded UTF-8.
 */

const MAILDIR = process.env.CLERKSHIP_TEST_MAILDIR;

export type Mail = { file: string; to: string[]; subject: string; text: string; html: string };

function unfoldHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  const unfolded = block.replace(/\r?\n[ \t]+/g, ' ');
  for (const line of unfolded.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

function decodeBody(body: string, encoding: string | undefined): string {
  const kind = (encoding ?? '').toLowerCase();
  if (kind === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (kind === 'quoted-printable') {
    const bytes = body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

/** Splits a message into headers and body at the first empty line. */
function split(raw: string): { headers: Map<string, string>; body: string } {
  const match = /\r?\n\r?\n/.exec(raw);
  if (!match) return { headers: unfoldHeaders(raw), body: '' };
  return { headers: unfoldHeaders(raw.slice(0, match.index)), body: raw.slice(match.index + match[0].length) };
}

/** The decoded text/plain and text/html parts of a (possibly nested) multipart message. */
function parts(raw: string): { text: string; html: string } {
  const { headers, body } = split(raw);
  const type = headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (type.toLowerCase().startsWith('multipart/') && boundary) {
    const result = { text: '', html: '' };
    for (const chunk of body.split(`--${boundary}`).slice(1)) {
      if (chunk.startsWith('--')) break;
      const inner = parts(chunk.replace(/^\r?\n/, ''));
      result.text ||= inner.text;
      result.html ||= inner.html;
    }
    return result;
  }
  const decoded = decodeBody(body, headers.get('content-transfer-encoding'));
  return type.toLowerCase().startsWith('text/html') ? { text: '', html: decoded } : { text: decoded, html: '' };
}

export function parseMail(file: string, raw: string): Mail {
  const firstLineEnd = raw.indexOf('\n');
  const envelope = raw.slice(0, firstLineEnd).replace(/^X-Envelope-To:\s*/i, '').trim();
  const message = raw.slice(firstLineEnd + 1);
  const { headers } = split(message);
  return {
    file,
    to: envelope.split(',').map((address) => address.trim().toLowerCase()),
    subject: headers.get('subject') ?? '',
    ...parts(message),
  };
}

async function mailsTo(address: string): Promise<Mail[]> {
  if (!MAILDIR) throw new Error('CLERKSHIP_TEST_MAILDIR is not set: the test script must start the SMTP listener');
  const names = (await readdir(MAILDIR)).filter((name) => name.endsWith('.eml') && !name.startsWith('.')).sort();
  const mails: Mail[] = [];
  for (const name of names) {
    const mail = parseMail(name, await readFile(path.join(MAILDIR, name), 'utf8'));
    if (mail.to.includes(address.toLowerCase())) mails.push(mail);
  }
  return mails;
}

/**
 * Waits (up to `timeoutMs`) for a message to `address` that is newer than the ones in `seen`
 * (file names from an earlier call), and returns the newest.
 */
export async function waitForMail(
  address: string,
  options: { timeoutMs?: number; after?: Mail; matching?: (mail: Mail) => boolean } = {},
): Promise<Mail> {
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  for (;;) {
    const candidates = (await mailsTo(address)).filter(
      (mail) => (!options.after || mail.file > options.after.file) && (!options.matching || options.matching(mail)),
    );
    const newest = candidates.at(-1);
    if (newest) return newest;
    if (Date.now() > deadline) throw new Error(`no e-mail to ${address} within ${options.timeoutMs ?? 15_000} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The first http(s) link with a token in the message's text part. */
export function tokenLink(mail: Mail): string {
  const link = /https?:\/\/[^\s<>"')\]]*token=[^\s<>"')\]]+/.exec(mail.text)?.[0];
  if (!link) throw new Error(`no token link in the e-mail "${mail.subject}":\n${mail.text}`);
  return link;
}

/** Waits for the newest message to `address` and returns its token link. */
export async function waitForTokenLink(address: string, options: Parameters<typeof waitForMail>[1] = {}): Promise<string> {
  return tokenLink(await waitForMail(address, options));
}

/** An address nobody else uses in this run. */
export function uniqueEmail(label: string): string {
  return `${label}.${Date.now()}.${Math.floor(Math.random() * 1e6)}@e2e.example.org`;
}
