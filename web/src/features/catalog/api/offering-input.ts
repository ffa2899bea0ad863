import { z } from 'zod';
import { centsToText, textToCents, textToInteger } from '@/lib/format';
import type { Offering } from './offering-schema';

/**
 * What the offering form edits: text as typed, money as "dollars.cents". The schema below
 * turns it into the body of POST/PUT …/offerings: trims text, upper-cases codes, sends money as
 * integer cents and counts as integers. The rules (required fields, ranges, codes) are the
 * server's, so anything that is not a number is sent as typed and the server names the field.
 */
export type FeeRow = { key: string; kind: string; category: string; amount: string; label: string };
export type DocumentRow = { key: string; type: string; count: string };

export type OfferingFormValues = {
  title: string;
  specialty: string;
  type: string;
  hands_on: boolean;
  description: string;
  site: string;
  city: string;
  state: string;
  country: string;
  duration_weeks: string;
  eligibility: {
    students: boolean;
    graduates: boolean;
    max_years_since_graduation: string;
    required_exams: string[];
    ecfmg_required: boolean;
    visas_accepted: string[];
    english: string;
  };
  required_documents: DocumentRow[];
  fees: FeeRow[];
  currency: string;
  refund_policy: string;
  emr_access: boolean;
  setting: string;
  letter_usually: boolean;
  teaching_affiliation: string;
  housing_help: boolean;
  visa_letter: boolean;
  contact_name: string;
  contact_email: string;
};

const text = z.string().trim();
const integer = z.string().transform(textToInteger);

export const offeringInputSchema = z.object({
  title: text,
  specialty: z.string(),
  type: z.string(),
  hands_on: z.boolean(),
  description: text,
  site: text,
  city: text,
  state: text,
  country: text.toUpperCase(),
  duration_weeks: integer,
  eligibility: z.object({
    students: z.boolean(),
    graduates: z.boolean(),
    max_years_since_graduation: integer,
    required_exams: z.array(z.string()),
    ecfmg_required: z.boolean(),
    visas_accepted: z.array(z.string()),
    english: text,
  }),
  required_documents: z.array(
    z.object({ key: z.string(), type: z.string(), count: integer }).transform(({ key: _key, ...row }) => row),
  ),
  fees: z.array(
    z
      .object({ key: z.string(), kind: z.string(), category: z.string(), amount: z.string(), label: text })
      .transform(({ kind, category, amount, label }) => ({
        kind,
        category,
        amount_cents: textToCents(amount),
        label,
      })),
  ),
  currency: text.toUpperCase(),
  refund_policy: text,
  emr_access: z.boolean(),
  setting: z.string(),
  letter_usually: z.boolean(),
  teaching_affiliation: text,
  housing_help: z.boolean(),
  visa_letter: z.boolean(),
  contact_name: text,
  contact_email: text,
});
export type OfferingInput = z.output<typeof offeringInputSchema>;

let rowCounter = 0;
/** A React key for a new repeatable row. */
export function rowKey(): string {
  rowCounter += 1;
  return `row-${rowCounter}`;
}

/** A new offering: sensible defaults the coordinator changes. */
export function emptyOfferingValues(defaults: { city?: string; state?: string; country?: string } = {}): OfferingFormValues {
  return {
    title: '',
    specialty: '',
    type: 'elective',
    hands_on: true,
    description: '',
    site: '',
    city: defaults.city ?? '',
    state: defaults.state ?? '',
    country: defaults.country || 'US',
    duration_weeks: '4',
    eligibility: {
      students: true,
      graduates: true,
      max_years_since_graduation: '0',
      required_exams: [],
      ecfmg_required: false,
      visas_accepted: [],
      english: '',
    },
    required_documents: [],
    fees: [],
    currency: 'USD',
    refund_policy: '',
    emr_access: false,
    setting: 'inpatient',
    letter_usually: false,
    teaching_affiliation: '',
    housing_help: false,
    visa_letter: false,
    contact_name: '',
    contact_email: '',
  };
}

/** The form's values for an existing offering. */
export function offeringFormValues(offering: Offering): OfferingFormValues {
  return {
    title: offering.title,
    specialty: offering.specialty,
    type: offering.type,
    hands_on: offering.hands_on,
    description: offering.description,
    site: offering.site,
    city: offering.city,
    state: offering.state,
    country: offering.country,
    duration_weeks: String(offering.duration_weeks),
    eligibility: {
      ...offering.eligibility,
      max_years_since_graduation: String(offering.eligibility.max_years_since_graduation),
    },
    required_documents: offering.required_documents.map((row) => ({
      key: rowKey(),
      type: row.type,
      count: String(row.count),
    })),
    fees: offering.fees.map((fee) => ({
      key: rowKey(),
      kind: fee.kind,
      category: fee.category,
      amount: centsToText(fee.amount_cents),
      label: fee.label,
    })),
    currency: offering.currency,
    refund_policy: offering.refund_policy,
    emr_access: offering.emr_access,
    setting: offering.setting,
    letter_usually: offering.letter_usually,
    teaching_affiliation: offering.teaching_affiliation,
    housing_help: offering.housing_help,
    visa_letter: offering.visa_letter,
    contact_name: offering.contact_name,
    contact_email: offering.contact_email,
  };
}

const SIMPLE_FIELDS = [
  'title',
  'specialty',
  'type',
  'hands_on',
  'description',
  'site',
  'city',
  'state',
  'country',
  'duration_weeks',
  'eligibility.students',
  'eligibility.graduates',
  'eligibility.max_years_since_graduation',
  'eligibility.required_exams',
  'eligibility.ecfmg_required',
  'eligibility.visas_accepted',
  'eligibility.english',
  'required_documents',
  'fees',
  'currency',
  'refund_policy',
  'emr_access',
  'setting',
  'letter_usually',
  'teaching_affiliation',
  'housing_help',
  'visa_letter',
  'contact_name',
  'contact_email',
] as const;

/** The names the server uses for the form's inputs, e.g. `fees[1].amount_cents`. */
export function offeringFieldNames(values: Pick<OfferingFormValues, 'fees' | 'required_documents'>): string[] {
  const names: string[] = [...SIMPLE_FIELDS];
  values.required_documents.forEach((_, i) => names.push(`required_documents[${i}].type`, `required_documents[${i}].count`));
  values.fees.forEach((_, i) =>
    names.push(`fees[${i}].kind`, `fees[${i}].category`, `fees[${i}].amount_cents`, `fees[${i}].label`),
  );
  return names;
}
