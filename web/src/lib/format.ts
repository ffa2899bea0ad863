const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** "US" → "United States"; an unknown or malformed code is returned as given. */
export function countryName(code: string): string {
  try {
    return regionNames.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** Returns the URL if it is a web address safe to put in an href (http or https), else undefined. */
export function safeWebUrl(value: string): string | undefined {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** "https://www.mgh.org/path" → "mgh.org/path", for link text. */
export function displayHost(href: string): string {
  const url = new URL(href);
  const path = url.pathname === '/' ? '' : url.pathname;
  return url.host.replace(/^www\./, '') + path;
}

const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium' });
const dateTimeFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

/** "2026-11-27T16:00:00Z" → "Nov 27, 2026"; an unparseable value is returned as given. */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
}

/** "2026-11-27T16:00:00Z" → "Nov 27, 2026, 4:00 PM" in the reader's time zone. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTimeFormat.format(date);
}
