import { Alert, Table, Text } from '@mantine/core';
import type { Verification } from '../api/completion-schema';

// Mantine's light alert draws its text in shade 8 of the colour on a tint of it: 3–4:1 for green.
// Black text on the tint keeps the colour cue and meets 4.5:1.
const READABLE = { title: { color: 'var(--mantine-color-black)' }, message: { color: 'var(--mantine-color-black)' } };

/** What the public verification page shows for a code: the certificate's facts and whether it was revoked. */
export function VerificationResult({ verification }: { verification: Verification }) {
  const f = verification.facts;
  const rows: [string, string][] = [
    ['Name', f.applicant_name],
    ['Institution', f.institution_place ? `${f.institution}, ${f.institution_place}` : f.institution],
    ['Rotation', f.rotation_title],
    ['Specialty', f.specialty],
    ['Type', f.hands_on ? `${f.rotation_type.replace('_', '-')}, hands-on` : 'Observership (no hands-on patient care)'],
    ['Dates', `${f.start_date} to ${f.end_date} (${f.weeks} weeks)`],
    ['Preceptor', f.preceptor || '—'],
    ['Issued', verification.issued_on],
  ];
  return (
    <>
      {verification.revoked ? (
        <Alert color="red" title="Revoked" role="alert" styles={READABLE}>
          This certificate was revoked by the institution on {verification.revoked_on}. It is no longer valid.
        </Alert>
      ) : (
        <Alert color="green" title="Valid certificate" role="status" styles={READABLE}>
          Certificate {verification.code} was issued by Clerkship on behalf of {f.institution}.
        </Alert>
      )}
      <Table aria-label={`Certificate ${verification.code}`} mt="md" maw={720}>
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th scope="row" w={160}>
                {label}
              </Table.Th>
              <Table.Td>
                <Text>{value}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
