import { Button, Checkbox, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { FormError } from '@/components/form-error';
import { formatDay, formatDayRange } from '@/lib/format';
import { useApplyToSimilar, useSimilarOfferings, type SimilarOffering } from '../api/similar';

function SimilarItem({ applicationId, offering }: { applicationId: string; offering: SimilarOffering }) {
  const [chosen, setChosen] = useState<string[]>([]);
  const apply = useApplyToSimilar(applicationId);
  const navigate = useNavigate();
  const headingId = `similar-${offering.offering_id}`;
  const place = [offering.city, offering.state].filter(Boolean).join(', ');
  return (
    <section aria-labelledby={headingId}>
      <Title order={3} size="h5" id={headingId}>
        {offering.title}
      </Title>
      <Text size="sm" mb="xs">
        {offering.institution_name}
        {place ? ` · ${place}` : ''}
      </Text>
      <Checkbox.Group label="Blocks" value={chosen} onChange={setChosen}>
        <Stack gap={4} mt={4}>
          {offering.blocks.map((b) => (
            <Checkbox
              key={b.id}
              value={b.id}
              label={`${formatDayRange(b.start_date, b.end_date)} (apply by ${formatDay(b.deadline)})`}
            />
          ))}
        </Stack>
      </Checkbox.Group>
      <FormError error={apply.error} title="The application was not started" />
      <Group mt="xs">
        <Button
          size="sm"
          disabled={chosen.length === 0}
          loading={apply.isPending}
          aria-label={`Start an application to ${offering.title}`}
          onClick={() =>
            apply.mutate(
              { offering_id: offering.offering_id, block_ids: offering.blocks.map((b) => b.id).filter((id) => chosen.includes(id)) },
              { onSuccess: (created) => void navigate(`/applications/${created.id}`) },
            )
          }
        >
          Start application
        </Button>
      </Group>
    </section>
  );
}

/** "Apply to similar": open offerings of the same specialty and type, pre-filled from this application. */
export function ApplySimilar({ applicationId }: { applicationId: string }) {
  const similar = useSimilarOfferings(applicationId);
  if (similar.isPending) return <Text>Looking for similar rotations…</Text>;
  if (similar.isError) return <Text c="red.9">Similar rotations could not be loaded.</Text>;
  if (similar.data.length === 0) {
    return <Text c="dimmed">No other open rotation of the same specialty and type that you have not applied to.</Text>;
  }
  return (
    <Stack gap="md">
      <Text size="sm">
        A new application copies your written cover letter, your CV choice and your letters of recommendation (as many
        as the rotation asks for). Review it before you submit.
      </Text>
      {similar.data.map((o) => (
        <SimilarItem key={o.offering_id} applicationId={applicationId} offering={o} />
      ))}
    </Stack>
  );
}
