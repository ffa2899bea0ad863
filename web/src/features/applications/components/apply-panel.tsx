import { Button, Card, Checkbox, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { FormError } from '@/components/form-error';
import { formatDayRange } from '@/lib/format';
import { useServerErrors } from '@/lib/use-server-errors';
import { useCreateApplication } from '../api/create-application';

type Block = { id: string; start_date: string; end_date: string; seats_left: number };

type Props = { offeringId: string; blocks: Block[] };

const FIELDS = ['block_ids', 'offering_id'] as const;

/**
 * "Apply" on an offering page for a logged-in applicant: choose one or more blocks (the order
 * they are ticked is the order of preference), then a draft application is created and opened.
 */
export function ApplyPanel({ offeringId, blocks }: Props) {
  const create = useCreateApplication();
  const navigate = useNavigate();
  const [chosen, setChosen] = useState<string[]>([]);
  const { field, focusError } = useServerErrors(FIELDS, create.error);
  const sorted = [...blocks].sort((a, b) => a.start_date.localeCompare(b.start_date));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    create.mutate(
      { offering_id: offeringId, block_ids: chosen },
      { onSuccess: (application) => void navigate(`/applications/${application.id}`), onError: focusError },
    );
  };

  return (
    <Card component="section" withBorder padding="lg" aria-labelledby="apply-heading">
      <Title order={2} size="h4" id="apply-heading" mb="xs">
        Apply for this rotation
      </Title>
      {sorted.length === 0 ? (
        <Text size="sm">There are no blocks to apply for yet.</Text>
      ) : (
        <form onSubmit={onSubmit} noValidate aria-labelledby="apply-heading">
          <Stack gap="sm">
            <FormError error={create.error} title="The application was not started" />
            <Checkbox.Group
              label="Blocks"
              description="Tick them in your order of preference."
              {...field('block_ids')}
              value={chosen}
              onChange={(next) =>
                setChosen((current) => [...current.filter((id) => next.includes(id)), ...next.filter((id) => !current.includes(id))])
              }
            >
              <Stack gap={6} mt={6}>
                {sorted.map((block) => {
                  const rank = chosen.indexOf(block.id);
                  return (
                    <Checkbox
                      key={block.id}
                      value={block.id}
                      label={`${formatDayRange(block.start_date, block.end_date)}${rank >= 0 ? ` (choice ${rank + 1})` : ''}`}
                      description={block.seats_left > 0 ? undefined : 'Full'}
                    />
                  );
                })}
              </Stack>
            </Checkbox.Group>
            <div>
              <Button type="submit" loading={create.isPending} disabled={chosen.length === 0}>
                Apply
              </Button>
            </div>
          </Stack>
        </form>
      )}
    </Card>
  );
}
