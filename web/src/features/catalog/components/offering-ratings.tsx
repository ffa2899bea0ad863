import { Group, Rating, Stack, Text, Title } from '@mantine/core';
import type { Offering } from '../api/offering-schema';

/** Students' ratings of the rotation, shown once three have answered (anonymous averages). */
export function OfferingRatings({ ratings }: { ratings: Offering['ratings'] }) {
  if (!ratings) return null;
  return (
    <section aria-labelledby="ratings-heading" style={{ marginBottom: 'var(--mantine-spacing-lg)' }}>
      <Title order={2} size="h4" id="ratings-heading" mb="xs">
        Student ratings ({ratings.responses} responses)
      </Title>
      <Stack gap={4}>
        {ratings.questions.map((q) => (
          <Group key={q.key} gap="sm">
            <Text w={220}>{q.label}</Text>
            <Rating value={q.average} fractions={10} readOnly aria-hidden />
            <Text aria-label={`${q.label}: ${q.average.toFixed(1)} out of 5`}>{q.average.toFixed(1)} / 5</Text>
          </Group>
        ))}
      </Stack>
    </section>
  );
}
