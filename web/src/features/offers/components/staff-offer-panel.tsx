import { Alert, Button, NativeSelect, NumberInput, Stack, Table, Text, Textarea, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { FormError } from '@/components/form-error';
import { formatDateTime, formatDayRange } from '@/lib/format';
import { useStaffApplicationOffers } from '../api/get-application-offers';
import { useOfferingOffers } from '../api/get-offering-offers';
import { useMakeOffer } from '../api/make-offer';
import { OFFER_STATUS_LABELS, type BoardBlock } from '../api/offer-schema';
import { useRescindOffer } from '../api/rescind-offer';

const OFFERABLE = ['submitted', 'under_review', 'interview', 'waitlisted'];

export function seatsText(b: BoardBlock): string {
  const pending = b.pending_offers ? `, ${b.pending_offers} pending offer${b.pending_offers === 1 ? '' : 's'}` : '';
  return `${b.seats_left} of ${b.seats} seats left${pending}`;
}

type Props = {
  institutionId: string;
  applicationId: string;
  offeringId: string;
  status: string;
  chosenBlockIds: string[];
  coordinator: boolean;
};

function RescindButton({ institutionId, offerId }: { institutionId: string; offerId: string }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const rescind = useRescindOffer(institutionId);
  if (!open) {
    return (
      <Button size="xs" variant="outline" color="red.9" onClick={() => setOpen(true)}>
        Rescind
      </Button>
    );
  }
  return (
    <form
      aria-label="Rescind the offer"
      onSubmit={(e) => {
        e.preventDefault();
        if (!reason.trim()) {
          setMissing(true);
          return;
        }
        rescind.mutate({ offerId, reason: reason.trim() }, { onSuccess: () => setOpen(false) });
      }}
    >
      <Stack gap="xs">
        <FormError error={rescind.error} title="The offer was not rescinded" />
        <Textarea label="Reason for rescinding (sent to the applicant)" value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={missing ? 'Write the reason' : undefined} />
        <Button type="submit" size="xs" color="red.9" loading={rescind.isPending}>
          Confirm: rescind
        </Button>
      </Stack>
    </form>
  );
}

/** Staff application page: this application's offers, and (coordinators) the "Offer a seat" form. */
export function StaffOfferPanel({ institutionId, applicationId, offeringId, status, chosenBlockIds, coordinator }: Props) {
  const board = useOfferingOffers(institutionId, offeringId);
  const offers = useStaffApplicationOffers(institutionId, applicationId);
  const make = useMakeOffer(institutionId, applicationId);
  const [blockId, setBlockId] = useState('');
  const [days, setDays] = useState<number | string>('');
  const [note, setNote] = useState('');
  if (board.isPending || offers.isPending) return <Text>Loading offers…</Text>;
  if (board.isError || offers.isError) return <Text c="red.9">The offers could not be loaded.</Text>;
  const blocks = [...board.data.blocks].sort(
    (a, b) => Number(!chosenBlockIds.includes(a.id)) - Number(!chosenBlockIds.includes(b.id)),
  );
  const chosen = blocks.find((b) => b.id === (blockId || blocks[0]?.id));
  const expiry = days === '' ? board.data.settings.expiry_days : Number(days);
  const canOffer = coordinator && OFFERABLE.includes(status);
  return (
    <Stack gap="sm">
      {offers.data.length > 0 && (
        <Table aria-label="Offers to this applicant">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Block</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Expires</Table.Th>
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {offers.data.map((o) => (
              <Table.Tr key={o.id}>
                <Table.Td>{formatDayRange(o.block.start_date, o.block.end_date)}</Table.Td>
                <Table.Td>
                  {OFFER_STATUS_LABELS[o.status]}
                  {o.reason && o.status !== 'pending' ? ` — ${o.reason}` : ''}
                </Table.Td>
                <Table.Td>{formatDateTime(o.expires_at)}</Table.Td>
                <Table.Td>{coordinator && o.status === 'pending' && <RescindButton institutionId={institutionId} offerId={o.id} />}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {canOffer && chosen && (
        <form
          aria-label="Offer a seat"
          onSubmit={(e) => {
            e.preventDefault();
            make.mutate({ block_id: chosen.id, expiry_days: expiry, ...(note.trim() ? { note: note.trim() } : {}) });
          }}
        >
          <Stack gap="xs">
            <FormError error={make.error} title="The offer was not made" />
            <NativeSelect
              label="Block"
              value={chosen.id}
              onChange={(e) => setBlockId(e.currentTarget.value)}
              data={blocks.map((b) => ({
                value: b.id,
                label: `${formatDayRange(b.start_date, b.end_date)} — ${seatsText(b)}${chosenBlockIds.includes(b.id) ? ' (chosen)' : ''}`,
              }))}
            />
            {chosen.seats_left === 0 ? (
              <Alert color="red" title="This block is full">
                All {chosen.seats} seats are taken. Add a seat to the block or put the application on the waitlist.
              </Alert>
            ) : (
              chosen.pending_offers >= chosen.seats_left && (
                <Alert color="yellow" title="Pending offers already cover the free seats">
                  {seatsText(chosen)}. You can still offer: the first applicant to accept gets the seat; the others are told “no seat left” and
                  go to the top of the waitlist.
                </Alert>
              )
            )}
            <NumberInput label="Days to answer" description="1 to 60" min={1} max={60} value={days === '' ? board.data.settings.expiry_days : days} onChange={setDays} />
            <Textarea label="Note to the applicant (optional)" value={note} onChange={(e) => setNote(e.currentTarget.value)} rows={2} />
            <Button type="submit" loading={make.isPending} disabled={chosen.seats_left === 0}>
              Offer a seat
            </Button>
          </Stack>
        </form>
      )}
      {!canOffer && offers.data.length === 0 && <Text c="dimmed">No offers.</Text>}
    </Stack>
  );
}
