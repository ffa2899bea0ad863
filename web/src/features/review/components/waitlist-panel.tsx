import { Alert, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { FormError } from '@/components/form-error';
import { PageErrorState } from '@/components/access-states';
import { useReviewQueue } from '../api/get-review-queue';
import { useReorderWaitlist } from '../api/reorder-waitlist';
import type { ReviewRow } from '../api/review-schema';

type Props = { institutionId: string; offeringId: string };

/**
 * The offering's waitlist in rank order; coordinators move applicants up and
 * down and save the whole order (the top of the list is offered a freed seat first).
 */
export function WaitlistPanel({ institutionId, offeringId }: Props) {
  const list = useReviewQueue(institutionId, offeringId, { status: 'waitlisted', sort: 'waitlist', limit: 200 });
  const reorder = useReorderWaitlist(institutionId, offeringId);
  const [order, setOrder] = useState<ReviewRow[]>([]);
  const [dirty, setDirty] = useState(false);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (list.data && !dirty) setOrder(list.data.items);
  }, [list.data, dirty]);

  if (list.isError) return <PageErrorState error={list.error} title="Waitlist" onRetry={() => void list.refetch()} />;
  if (!list.data) return <Text c="dimmed">Loading the waitlist…</Text>;
  if (order.length === 0) return <Text c="dimmed">Nobody is on the waitlist.</Text>;
  const move = (i: number, by: number) => {
    const j = i + by;
    if (j < 0 || j >= order.length) return;
    const next = [...order];
    const [moved] = next.splice(i, 1);
    if (moved) next.splice(j, 0, moved);
    setOrder(next);
    setDirty(true);
    setSaved(false);
  };
  return (
    <Stack gap="sm">
      <FormError error={reorder.error} title="The order was not saved" />
      {saved && (
        <Alert color="green" variant="light" role="status">
          Waitlist order saved.
        </Alert>
      )}
      <Table aria-label="Waitlist in rank order">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Rank</Table.Th>
            <Table.Th>Applicant</Table.Th>
            <Table.Th>Score</Table.Th>
            <Table.Th>Move</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {order.map((r, i) => (
            <Table.Tr key={r.application_id}>
              <Table.Td>{i + 1}</Table.Td>
              <Table.Td>
                <Link to={`/institutions/${institutionId}/applications/${r.application_id}`}>{r.applicant.name}</Link>
              </Table.Td>
              <Table.Td>{r.score_average === null ? '—' : r.score_average.toFixed(1)}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  <Button size="compact-xs" variant="default" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`Move ${r.applicant.name} up`}>
                    ↑
                  </Button>
                  <Button
                    size="compact-xs"
                    variant="default"
                    disabled={i === order.length - 1}
                    onClick={() => move(i, 1)}
                    aria-label={`Move ${r.applicant.name} down`}
                  >
                    ↓
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group>
        <Button
          disabled={!dirty}
          loading={reorder.isPending}
          onClick={() =>
            reorder.mutate(
              order.map((r) => r.application_id),
              {
                onSuccess: () => {
                  setDirty(false);
                  setSaved(true);
                },
              },
            )
          }
        >
          Save waitlist order
        </Button>
        {dirty && (
          <Button
            variant="subtle"
            onClick={() => {
              setDirty(false);
              setOrder(list.data.items);
            }}
          >
            Undo changes
          </Button>
        )}
      </Group>
    </Stack>
  );
}
