import { Anchor, Checkbox, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { FormError } from '@/components/form-error';
import { useChangeAssignment } from '../api/assign-letter';
import { useLetters } from '../api/get-letters';

type Props = {
  applicationId: string;
  /** Draft: letters can be added and removed; submitted: added only (sent at once). */
  status: string;
  /** How many letters the offering asks for (0 when none). */
  required: number;
  onChanged?: () => void;
};

/** Checkboxes assigning the applicant's received letters to one application. */
export function AssignLetters({ applicationId, status, required, onChanged }: Props) {
  const letters = useLetters();
  const change = useChangeAssignment(onChanged);
  if (letters.isPending) return <Text>Loading your letters…</Text>;
  if (letters.isError) return <FormError error={letters.error} title="Your letters could not be loaded" />;
  const received = letters.data.filter((l) => l.status === 'received');
  const assigned = received.filter((l) => l.application_ids.includes(applicationId)).length;
  const closed = status === 'withdrawn';
  return (
    <Stack gap="xs">
      <Text>
        {required > 0 ? `${assigned} of ${required} letters assigned.` : `${assigned} letters assigned.`}
      </Text>
      <FormError error={change.error} title="The letter was not changed" />
      {received.length === 0 ? (
        <Text>
          No letter has arrived yet. <Anchor component={Link} to="/letters">Request letters</Anchor>.
        </Text>
      ) : (
        received.map((letter) => {
          const saved = letter.application_ids.includes(applicationId);
          // Shown at once while the server records it.
          const pending = change.isPending && change.variables.letterId === letter.id;
          const on = pending ? change.variables.assign : saved;
          const locked = closed || (saved && status !== 'draft');
          return (
            <Checkbox
              key={letter.id}
              label={`Letter from ${letter.referee.name}${letter.waived ? ' (waived)' : ''}`}
              checked={on}
              disabled={locked || change.isPending}
              onChange={(e) => change.mutate({ applicationId, letterId: letter.id, assign: e.currentTarget.checked })}
            />
          );
        })
      )}
    </Stack>
  );
}
