import type { Profile } from './profile-schema';

/**
 * What the profile form edits: text as typed, one entry per repeatable row (with a React key).
 * `toProfileJson` turns it into the profile the server validates: text trimmed, empty members
 * left out, codes upper-cased, a score sent as a number when it is one (else as typed, so the
 * server names the field).
 */
export type ExamRow = { key: string; exam: string; result: string; score: string; date: string };
export type LanguageRow = { key: string; language: string; level: string };
export type ExperienceRow = {
  key: string;
  kind: string;
  title: string;
  organization: string;
  specialty: string;
  city: string;
  country: string;
  start: string;
  end: string;
  hands_on: boolean;
  us_clinical: boolean;
  description: string;
};

export type ProfileFormValues = {
  legal_name: string;
  preferred_name: string;
  passport_name: string;
  passport_number: string;
  date_of_birth: string;
  citizenship: string;
  country_of_residence: string;
  phone: string;
  address: string;
  school: { name: string; country: string; graduation_date: string; degree: string };
  status: string;
  exams: ExamRow[];
  ecfmg: { status: string; number: string };
  visa: { current: string; needs_visa: boolean };
  languages: LanguageRow[];
  experiences: ExperienceRow[];
  specialty_interests: string[];
  personal_statement: string;
};

export const DEGREES = ['MD', 'MBBS', 'DO', 'MBChB', 'other'] as const;
export const EXAM_RESULTS = ['pass', 'fail', 'score', 'pending'] as const;
export const ECFMG_STATUSES = ['certified', 'in_progress', 'not_started'] as const;
export const LANGUAGE_LEVELS = ['native', 'fluent', 'professional', 'basic'] as const;
export const EXPERIENCE_KINDS = ['clinical', 'work', 'research', 'publication', 'service', 'award'] as const;

let counter = 0;
function key(): string {
  counter += 1;
  return `p-${counter}`;
}

export function emptyExam(exam = ''): ExamRow {
  return { key: key(), exam, result: 'pass', score: '', date: '' };
}
export function emptyLanguage(): LanguageRow {
  return { key: key(), language: '', level: 'fluent' };
}
export function emptyExperience(): ExperienceRow {
  return {
    key: key(),
    kind: 'clinical',
    title: '',
    organization: '',
    specialty: '',
    city: '',
    country: '',
    start: '',
    end: '',
    hands_on: false,
    us_clinical: false,
    description: '',
  };
}

const s = (value: string | null | undefined) => value ?? '';

export function profileFormValues(profile: Profile): ProfileFormValues {
  return {
    legal_name: s(profile.legal_name),
    preferred_name: s(profile.preferred_name),
    passport_name: s(profile.passport_name),
    passport_number: s(profile.passport_number),
    date_of_birth: s(profile.date_of_birth),
    citizenship: s(profile.citizenship),
    country_of_residence: s(profile.country_of_residence),
    phone: s(profile.phone),
    address: s(profile.address),
    school: {
      name: s(profile.school?.name),
      country: s(profile.school?.country),
      graduation_date: s(profile.school?.graduation_date),
      degree: s(profile.school?.degree),
    },
    status: s(profile.status),
    exams: (profile.exams ?? []).map((e) => ({
      key: key(),
      exam: e.exam,
      result: e.result,
      score: e.score === null || e.score === undefined ? '' : String(e.score),
      date: s(e.date),
    })),
    ecfmg: { status: s(profile.ecfmg?.status), number: s(profile.ecfmg?.number) },
    visa: { current: s(profile.visa?.current), needs_visa: profile.visa?.needs_visa ?? false },
    languages: (profile.languages ?? []).map((l) => ({ key: key(), language: l.language, level: l.level })),
    experiences: (profile.experiences ?? []).map((e) => ({
      key: key(),
      kind: e.kind,
      title: s(e.title),
      organization: s(e.organization),
      specialty: s(e.specialty),
      city: s(e.city),
      country: s(e.country),
      start: s(e.start),
      end: s(e.end),
      hands_on: e.hands_on ?? false,
      us_clinical: e.us_clinical ?? false,
      description: s(e.description),
    })),
    specialty_interests: profile.specialty_interests ?? [],
    personal_statement: s(profile.personal_statement),
  };
}

type Json = Record<string, unknown>;

/** Keeps only members with a value (non-empty text, booleans, numbers, non-empty objects). */
function compact(object: Json): Json {
  const out: Json = {};
  for (const [name, value] of Object.entries(object)) {
    if (value === undefined || value === '') continue;
    if (value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0) continue;
    out[name] = value;
  }
  return out;
}

const trim = (value: string) => value.trim();
const code = (value: string) => value.trim().toUpperCase();

function score(value: string): number | string | undefined {
  const t = value.trim();
  if (t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : t;
}

export function toProfileJson(values: ProfileFormValues): Json {
  const school = compact({
    name: trim(values.school.name),
    country: code(values.school.country),
    graduation_date: values.school.graduation_date,
    degree: values.school.degree,
  });
  const ecfmg = compact({ status: values.ecfmg.status, number: trim(values.ecfmg.number) });
  const visa = values.visa.current || values.visa.needs_visa
    ? compact({ current: values.visa.current, needs_visa: values.visa.needs_visa })
    : {};
  return compact({
    legal_name: trim(values.legal_name),
    preferred_name: trim(values.preferred_name),
    passport_name: trim(values.passport_name),
    passport_number: trim(values.passport_number),
    date_of_birth: values.date_of_birth,
    citizenship: code(values.citizenship),
    country_of_residence: code(values.country_of_residence),
    phone: trim(values.phone),
    address: trim(values.address),
    school,
    status: values.status,
    exams: values.exams.map((e) =>
      compact({ exam: e.exam, result: e.result, score: e.result === 'score' ? score(e.score) : undefined, date: e.date }),
    ),
    ecfmg,
    visa,
    languages: values.languages.map((l) => compact({ language: trim(l.language), level: l.level })),
    experiences: values.experiences.map((e) =>
      compact({
        kind: e.kind,
        title: trim(e.title),
        organization: trim(e.organization),
        specialty: e.specialty,
        city: trim(e.city),
        country: code(e.country),
        start: e.start,
        end: e.end,
        hands_on: e.hands_on,
        us_clinical: e.us_clinical,
        description: trim(e.description),
      }),
    ),
    specialty_interests: values.specialty_interests,
    personal_statement: values.personal_statement.trim(),
  });
}

const SIMPLE = [
  'legal_name',
  'preferred_name',
  'passport_name',
  'passport_number',
  'date_of_birth',
  'citizenship',
  'country_of_residence',
  'phone',
  'address',
  'school',
  'school.name',
  'school.country',
  'school.graduation_date',
  'school.degree',
  'status',
  'exams',
  'ecfmg',
  'ecfmg.status',
  'ecfmg.number',
  'visa',
  'visa.current',
  'visa.needs_visa',
  'languages',
  'experiences',
  'specialty_interests',
  'personal_statement',
];

/** Every input name of the form for the given row counts, so a server error finds its input. */
export function profileFieldNames(counts: { exams: number; languages: number; experiences: number }): string[] {
  const names = [...SIMPLE];
  for (let i = 0; i < counts.exams; i++) {
    for (const f of ['exam', 'result', 'score', 'date']) names.push(`exams[${i}].${f}`);
  }
  for (let i = 0; i < counts.languages; i++) {
    for (const f of ['language', 'level']) names.push(`languages[${i}].${f}`);
  }
  for (let i = 0; i < counts.experiences; i++) {
    for (const f of ['kind', 'title', 'organization', 'specialty', 'city', 'country', 'start', 'end', 'hands_on', 'us_clinical', 'description']) {
      names.push(`experiences[${i}].${f}`);
    }
  }
  return names;
}
