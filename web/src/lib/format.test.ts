import { centsToText, formatDay, formatDayRange, formatMoney, formatMonth, textToCents, textToInteger } from './format';

describe('money', () => {
  it('formats integer cents in the currency', () => {
    expect(formatMoney(0, 'USD')).toBe('$0.00');
    expect(formatMoney(60000, 'USD')).toBe('$600.00');
    expect(formatMoney(123456789, 'USD')).toBe('$1,234,567.89');
    expect(formatMoney(5, 'usd')).toBe('$0.05');
    expect(formatMoney(250000, 'EUR')).toBe('€2,500.00');
    // Currencies without minor units: the integer is already whole yen.
    expect(formatMoney(5000, 'JPY')).toBe('¥5,000');
  });

  it('never shows a wrong symbol for an unknown currency', () => {
    expect(formatMoney(1050, 'X1')).toBe('10.50 X1');
  });

  it('turns typed dollars into integer cents without floating-point drift', () => {
    expect(textToCents('1200.50')).toBe(120050);
    expect(textToCents(' 1,200.5 ')).toBe(120050);
    expect(textToCents('$80')).toBe(8000);
    expect(textToCents('0.29')).toBe(29);
    expect(textToCents('19.99')).toBe(1999);
    expect(textToCents('.5')).toBe(50);
    expect(textToCents('-5')).toBe(-500);
    // Not an amount: sent as typed, so the server names the field.
    expect(textToCents('12.345')).toBe('12.345');
    expect(textToCents('twelve')).toBe('twelve');
    expect(textToCents('')).toBe('');
  });

  it('shows cents as dollars.cents for editing', () => {
    expect(centsToText(120050)).toBe('1200.50');
    expect(centsToText(5)).toBe('0.05');
    expect(centsToText(0)).toBe('0.00');
  });

  it('reads whole numbers and leaves anything else for the server', () => {
    expect(textToInteger(' 4 ')).toBe(4);
    expect(textToInteger('4.5')).toBe('4.5');
    expect(textToInteger('')).toBe('');
  });
});

describe('calendar days', () => {
  it('formats a day the same whatever the reader zone is', () => {
    expect(formatDay('2027-03-01')).toBe('Mar 1, 2027');
    expect(formatDay('not a date')).toBe('not a date');
    expect(formatMonth('2027-09')).toBe('September 2027');
    expect(formatDayRange('2027-03-01', '2027-03-28')).toBe('Mar 1 – Mar 28, 2027');
    expect(formatDayRange('2027-12-20', '2028-01-14')).toBe('Dec 20, 2027 – Jan 14, 2028');
  });
});
