import { Alert, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { errorMessage } from '@/lib/api-client';
import { useChangeOfferingStatus, type OfferingStatus } from '../api/change-offering-status';
import { useDuplicateOffering } from '../api/duplicate-offering';
import type { Offering } from '../api/offering-schema';
import { STATUS_COLORS, statusLabel } from './labels';

const DONE: Record<OfferingStatus, string> = {
  published: 'Published: applicants can now find this rotation.',
  draft: 'Moved back to drafts: applicants no longer see it.',
  archived: 'Archived: it is out of search; your staff can still read it.',
};

/** Publish / unpublish / archive / duplicate, with the server's answer (e.g. "add a block first"). */
export function OfferingStatusActions({ institutionId, offering }: { institutionId: string; offering: Offering }) {
  const change = useChangeOfferingStatus(institutionId, offering.id);
  const duplicate = useDuplicateOffering(institutionId);
  const navigate = useNavigate();
  const [done, setDone] = useState<string | null>(null);

  const to = (status: OfferingStatus) => () => {
    setDone(null);
    duplicate.reset();
    change.mutate(status, { onSuccess: () => setDone(DONE[status]) });
  };

  const copy = () => {
    setDone(null);
    change.reset();
    duplicate.mutate(offering.id, {
      onSuccess: (copyOf) =>
        void navigate(`/institutions/${institutionId}/offerings/${copyOf.id}`, {
          state: { notice: `This is a copy of “${offering.title}”, as a draft without blocks. Add its dates, then publish it.` },
        }),
    });
  };

  const error = change.error ?? duplicate.error;
  const busy = change.isPending || duplicate.isPending;

  return (
    <Stack gap="sm">
      <Group gap="sm">
        <Text fw={500}>Status:</Text>
        <Badge color={STATUS_COLORS[offering.status] ?? 'gray'} variant="filled" size="lg">
          {statusLabel(offering.status)}
        </Badge>
      </Group>
      {error && (
        <Alert color="red" variant="light" role="alert" title="That did not work">
          {errorMessage(error)}
        </Alert>
      )}
      {done && (
        <Alert color="green" variant="light" role="status">
          {done}
        </Alert>
      )}
      <Group gap="sm">
        {offering.status === 'draft' && (
          <Button onClick={to('published')} disabled={busy}>
            Publish
          </Button>
        )}
        {offering.status === 'published' && (
          <Button variant="default" onClick={to('draft')} disabled={busy}>
            Unpublish
          </Button>
        )}
        {offering.status === 'archived' && (
          <Button variant="default" onClick={to('draft')} disabled={busy}>
            Move back to drafts
          </Button>
        )}
        {offering.status !== 'archived' && (
          <Button variant="outline" color="red.9" onClick={to('archived')} disabled={busy}>
            Archive
          </Button>
        )}
        <Button variant="default" onClick={copy} disabled={busy} loading={duplicate.isPending}>
          Duplicate
        </Button>
      </Group>
    </Stack>
  );
}
