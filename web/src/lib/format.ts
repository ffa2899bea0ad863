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

const moneyFormats = new Map<string, Intl.NumberFormat>();

function moneyFormat(currency: string): Intl.NumberFormat | undefined {
  const code = currency.toUpperCase();
  let format = moneyFormats.get(code);
  if (!format) {
    try {
      format = new Intl.NumberFormat('en-US', { style: 'currency', currency: code });
    } catch {
      return undefined;
    }
    moneyFormats.set(code, format);
  }
  return format;
}

/**
 * An amount in the currency's smallest unit (integer cents for USD) as money text:
 * (123450, "USD") → "$1,234.50"; (5000, "JPY") → "¥5,000". An unknown currency code is shown
 * after the amount ("1,234.50 XYZ"), never as a wrong symbol.
 */
export function formatMoney(minorUnits: number, currency: string): string {
  const format = moneyFormat(currency);
  if (!format) return `${(minorUnits / 100).toFixed(2)} ${currency}`;
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minorUnits / 10 ** digits);
}

/** Cents as the plain "dollars.cents" text a money input shows: 120050 → "1200.50", 0 → "0.00". */
export function centsToText(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(cents));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * "1,200.5" → 120050, "$80" → 8000, "-5" → -500 (the server then says fees cannot be negative).
 * Text that is not an amount with at most two decimals is returned trimmed, so the server's
 * message about that field is the one the user sees.
 */
export function textToCents(text: string): number | string {
  const cleaned = text.trim().replace(/^\$/, '').replace(/,/g, '');
  const match = /^(-?)(\d*)(?:\.(\d{0,2}))?$/.exec(cleaned);
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) return text.trim();
  const whole = Number(match[2] || '0');
  const fraction = Number((match[3] ?? '').padEnd(2, '0') || '0');
  const cents = whole * 100 + fraction;
  return match[1] === '-' ? -cents : cents;
}

/** "12" → 12; anything that is not a whole number is returned trimmed for the server to refuse by name. */
export function textToInteger(text: string): number | string {
  const trimmed = text.trim();
  return /^-?\d{1,9}$/.test(trimmed) ? Number(trimmed) : trimmed;
}

const dayFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' });
const monthFormat = new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** A calendar day "2027-03-01" → "Mar 1, 2027" (the same day whatever the reader's time zone). */
export function formatDay(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(isoDate) && !Number.isNaN(date.getTime()) ? dayFormat.format(date) : isoDate;
}

/** "2027-03" → "March 2027". */
export function formatMonth(isoMonth: string): string {
  const date = new Date(`${isoMonth}-01T00:00:00Z`);
  return /^\d{4}-\d{2}$/.test(isoMonth) && !Number.isNaN(date.getTime()) ? monthFormat.format(date) : isoMonth;
}

const dayNoYearFormat = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', timeZone: 'UTC' });

/** "2027-03-01", "2027-03-28" → "Mar 1 – Mar 28, 2027" (the year once when both days share it). */
export function formatDayRange(start: string, end: string): string {
  if (start.slice(0, 4) === end.slice(0, 4) && /^\d{4}-\d{2}-\d{2}$/.test(start)) {
    const from = new Date(`${start}T00:00:00Z`);
    if (!Number.isNaN(from.getTime())) return `${dayNoYearFormat.format(from)} – ${formatDay(end)}`;
  }
  return `${formatDay(start)} – ${formatDay(end)}`;
}
