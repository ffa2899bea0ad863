/**
 * The vault's document types (core/vault.h kVaultTypes) and which ones need an expiry date,
 * and the vaccines an immunization record lists (docs/decisions/005).
 */
export type VaultType = { type: string; label: string; expires: boolean };

export const VAULT_TYPES: readonly VaultType[] = [
  { type: 'immunization_record', label: 'Immunization record', expires: false },
  { type: 'tb_test', label: 'TB test', expires: true },
  { type: 'background_check', label: 'Background check', expires: true },
  { type: 'health_record', label: 'Medical / health record', expires: false },
  { type: 'bls', label: 'BLS certification', expires: true },
  { type: 'malpractice_insurance', label: 'Malpractice insurance', expires: true },
  { type: 'hipaa_training', label: 'HIPAA training', expires: true },
  { type: 'cv', label: 'CV', expires: false },
  { type: 'cover_letter', label: 'Cover letter', expires: false },
  { type: 'photo_id', label: 'Photo ID', expires: true },
  { type: 'passport', label: 'Passport', expires: true },
  { type: 'mspe', label: "Dean's letter / MSPE", expires: false },
  { type: 'transcript', label: 'Transcript', expires: false },
  { type: 'diploma', label: 'Diploma', expires: false },
  { type: 'badge_photo', label: 'Badge photo', expires: false },
  { type: 'other', label: 'Other', expires: false },
];

export function vaultType(type: string): VaultType {
  return (
    VAULT_TYPES.find((t) => t.type === type) ?? {
      type,
      label: type.charAt(0).toUpperCase() + type.slice(1).replace(/_/g, ' '),
      expires: false,
    }
  );
}

export const VACCINES = [
  { value: 'mmr', label: 'MMR (measles, mumps, rubella)' },
  { value: 'varicella', label: 'Varicella' },
  { value: 'hepatitis_b', label: 'Hepatitis B' },
  { value: 'tdap', label: 'Tdap' },
  { value: 'influenza', label: 'Influenza' },
  { value: 'covid_19', label: 'COVID-19' },
] as const;

/** A titer's result (core/vault.h kTiterResults); doses have none. */
export const TITER_RESULTS = [
  { value: 'positive', label: 'Positive (immune)' },
  { value: 'negative', label: 'Negative' },
  { value: 'equivocal', label: 'Equivocal' },
];

export function vaccineLabel(code: string): string {
  return VACCINES.find((v) => v.value === code)?.label ?? code;
}

/** The largest file the server takes (its default limit). */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const ACCEPTED_FILES = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

/** Days a document counts as "expiring soon". */
export const EXPIRING_SOON_DAYS = 30;
