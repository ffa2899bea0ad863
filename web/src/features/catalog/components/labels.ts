import type { Vocabulary } from '../api/get-vocabulary';

/** Words for the catalog's codes. A code the server adds later is shown readably, not hidden. */
function humanise(code: string): string {
  const words = code.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function lookup(table: Record<string, string>) {
  return (code: string) => table[code] ?? humanise(code);
}

export const typeLabel = lookup({
  core: 'Core clerkship',
  elective: 'Elective',
  sub_internship: 'Sub-internship',
  observership: 'Observership',
});

export const examLabel = lookup({
  usmle_step1: 'USMLE Step 1',
  usmle_step2ck: 'USMLE Step 2 CK',
  usmle_step3: 'USMLE Step 3',
  oet: 'OET',
  toefl: 'TOEFL',
  ielts: 'IELTS',
});

export const visaLabel = lookup({
  b1_b2: 'B-1/B-2 visitor visa',
  j1: 'J-1',
  f1: 'F-1',
  h1b: 'H-1B',
  esta: 'ESTA (Visa Waiver Program)',
  us_citizen_or_resident: 'US citizen or permanent resident',
  other: 'Other',
});

export const documentLabel = lookup({
  immunization_record: 'Immunization record',
  tb_test: 'TB test',
  background_check: 'Background check',
  health_record: 'Medical / health record',
  bls: 'BLS certification',
  malpractice_insurance: 'Malpractice insurance',
  hipaa_training: 'HIPAA training',
  cv: 'CV',
  cover_letter: 'Cover letter',
  letter_of_recommendation: 'Letter of recommendation',
  photo_id: 'Photo ID',
  passport: 'Passport',
  mspe: "Dean's letter / MSPE",
  transcript: 'Transcript',
  diploma: 'Diploma',
});

export const feeKindLabel = lookup({
  application: 'Application fee',
  tuition: 'Tuition / rotation fee',
  deposit: 'Deposit',
  other: 'Other fee',
});

export const feeCategoryLabel = lookup({
  all: 'Everyone',
  student: 'Students',
  graduate: 'Graduates',
});

export const settingLabel = lookup({
  inpatient: 'Inpatient',
  outpatient: 'Outpatient',
  both: 'Inpatient and outpatient',
});

export const statusLabel = lookup({
  draft: 'Draft',
  published: 'Published',
  archived: 'Archived',
});

/** Status badges are filled, in shades dark enough for white text at WCAG AA. */
export const STATUS_COLORS: Record<string, string> = { draft: 'gray.8', published: 'teal.9', archived: 'dark.6' };

/** The hands-on badge (filled teal.9 keeps white text above 4.5:1; teal on its light tint does not). */
export const HANDS_ON_COLOR = 'teal.9';
export const OBSERVATION_COLOR = 'grape.9';

/** The specialty's name from the vocabulary, or the code made readable while it loads. */
export function specialtyLabel(code: string, vocabulary: Vocabulary | undefined): string {
  return vocabulary?.specialties.find((s) => s.code === code)?.name ?? humanise(code);
}

export function weeks(n: number): string {
  return n === 1 ? '1 week' : `${n} weeks`;
}

export function place(parts: { city: string; state: string; country: string }): string {
  return [parts.city, parts.state, parts.country === 'US' ? '' : parts.country].filter(Boolean).join(', ');
}
