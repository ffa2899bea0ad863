import { Button, Card, Group, NativeSelect, NumberInput, Stack, Table, Text, Textarea, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { FormError } from '@/components/form-error';
import { formatDateTime, formatDayRange } from '@/lib/format';
import { useCancelPlacement } from '../api/cancel-placement';
import { useOfferingOffers } from '../api/get-offering-offers';
import { OFFER_STATUS_LABELS, type OfferSettings, type Placement } from '../api/offer-schema';
import { useSaveOfferSettings } from '../api/save-offer-settings';

function CancelPlacement({ institutionId, placement }: { institutionId: string; placement: Placement }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const cancel = useCancelPlacement(institutionId);
  const who = placement.applicant_name || 'the applicant';
  if (!open) {
    return (
      <Button size="xs" variant="outline" color="red.9" onClick={() => setOpen(true)} aria-label={`Cancel the placement of ${who}`}>
        Cancel
      </Button>
    );
  }
  return (
    <form
      aria-label={`Cancel the placement of ${who}`}
      onSubmit={(e) => {
        e.preventDefault();
        if (!reason.trim()) {
          setMissing(true);
          return;
        }
        cancel.mutate({ placementId: placement.id, reason: reason.trim() }, { onSuccess: () => setOpen(false) });
      }}
    >
      <Stack gap="xs">
        <FormError error={cancel.error} title="The placement was not cancelled" />
        <Textarea label="Reason (sent to the applicant)" value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={missing ? 'Write the reason' : undefined} />
        <Button type="submit" size="xs" color="red.9" loading={cancel.isPending}>
          Confirm: cancel the placement
        </Button>
      </Stack>
    </form>
  );
}

function SettingsForm({ institutionId, offeringId, settings }: { institutionId: string; offeringId: string; settings: OfferSettings }) {
  const [days, setDays] = useState<number | string>(settings.expiry_days);
  const [mode, setMode] = useState<OfferSettings['waitlist_promotion']>(settings.waitlist_promotion);
  const save = useSaveOfferSettings(institutionId, offeringId);
  return (
    <form
      aria-label="Offer settings"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ expiry_days: Number(days), waitlist_promotion: mode });
      }}
    >
      <Group align="end">
        <NumberInput label="Days an offer stays open" min={1} max={60} value={days} onChange={setDays} />
        <NativeSelect
          label="When a seat becomes free"
          value={mode}
          onChange={(e) => setMode(e.currentTarget.value === 'notify' ? 'notify' : 'auto')}
          data={[
            { value: 'auto', label: 'Offer it to the top of the waitlist' },
            { value: 'notify', label: 'E-mail the coordinators' },
          ]}
        />
        <Button type="submit" loading={save.isPending}>
          Save settings
        </Button>
      </Group>
      <FormError error={save.error} title="The settings were not saved" />
      {save.isSuccess && <Text c="teal.9">Settings saved.</Text>}
    </form>
  );
}

/** Coordinator view of one offering: seats per block, offers, placements (with cancel), settings. */
export function OfferingOffersBoard({ institutionId, offeringId, coordinator }: { institutionId: string; offeringId: string; coordinator: boolean }) {
  const board = useOfferingOffers(institutionId, offeringId);
  if (board.isPending) return <Text>Loading offers…</Text>;
  if (board.isError) return <Text c="red.9">The offers could not be loaded.</Text>;
  const b = board.data;
  return (
    <Stack gap="lg">
      <Card component="section" withBorder padding="lg" aria-labelledby="blocks-heading">
        <Title order={2} size="h4" id="blocks-heading" mb="sm">
          Seats
        </Title>
        <Table aria-labelledby="blocks-heading">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Block</Table.Th>
              <Table.Th>Seats</Table.Th>
              <Table.Th>Taken</Table.Th>
              <Table.Th>Pending offers</Table.Th>
              <Table.Th>Waitlist</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {b.blocks.map((blk) => (
              <Table.Tr key={blk.id}>
                <Table.Td>{formatDayRange(blk.start_date, blk.end_date)}</Table.Td>
                <Table.Td>{blk.seats}</Table.Td>
                <Table.Td>{blk.filled}</Table.Td>
                <Table.Td>{blk.pending_offers}</Table.Td>
                <Table.Td>{blk.waitlist.length}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {coordinator && <SettingsForm key={`${b.settings.expiry_days}/${b.settings.waitlist_promotion}`} institutionId={institutionId} offeringId={offeringId} settings={b.settings} />}
      </Card>
      <Card component="section" withBorder padding="lg" aria-labelledby="offers-heading">
        <Title order={2} size="h4" id="offers-heading" mb="sm">
          Offers ({b.offers.length})
        </Title>
        <Table aria-labelledby="offers-heading">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Applicant</Table.Th>
              <Table.Th>Block</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Expires</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {b.offers.map((o) => (
              <Table.Tr key={o.id}>
                <Table.Td>{o.applicant_name}</Table.Td>
                <Table.Td>{formatDayRange(o.block.start_date, o.block.end_date)}</Table.Td>
                <Table.Td>
                  {OFFER_STATUS_LABELS[o.status]}
                  {o.from_waitlist ? ' (from the waitlist)' : ''}
                </Table.Td>
                <Table.Td>{formatDateTime(o.expires_at)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      <Card component="section" withBorder padding="lg" aria-labelledby="placements-heading">
        <Title order={2} size="h4" id="placements-heading" mb="sm">
          Placements
        </Title>
        <Table aria-labelledby="placements-heading">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Applicant</Table.Th>
              <Table.Th>Dates</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {b.placements.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>{p.applicant_name}</Table.Td>
                <Table.Td>{formatDayRange(p.start_date, p.end_date)}</Table.Td>
                <Table.Td>
                  {p.status}
                  {p.status === 'cancelled' && p.status_reason ? ` — ${p.status_reason}` : ''}
                </Table.Td>
                <Table.Td>{coordinator && p.status === 'scheduled' && <CancelPlacement institutionId={institutionId} placement={p} />}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
    </Stack>
  );
}
