import { Alert, Badge, Button, Card, Checkbox, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { FormError } from '@/components/form-error';
import { formatDayRange } from '@/lib/format';
import { formatInZone, viewerTimeZone } from '@/lib/zoned-time';
import { useAcceptOffer } from '../api/accept-offer';
import { useDeclineOffer } from '../api/decline-offer';
import { useMyApplicationOffers } from '../api/get-application-offers';
import { OFFER_STATUS_LABELS, type Offer } from '../api/offer-schema';

/** "2 days 4 hours left" until `expires`, or "expired". */
export function timeLeft(expires: Date, now: Date): string {
  const ms = expires.getTime() - now.getTime();
  if (ms <= 0) return 'expired';
  const hours = Math.floor(ms / 3_600_000);
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  if (days > 0) return `${days} day${days === 1 ? '' : 's'} ${rest} hour${rest === 1 ? '' : 's'} left`;
  const minutes = Math.max(1, Math.floor((ms % 3_600_000) / 60_000));
  return hours > 0 ? `${hours} hour${hours === 1 ? '' : 's'} ${minutes} min left` : `${minutes} min left`;
}

function useNow(everyMs: number): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const t = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(t);
  }, [everyMs]);
  return now;
}

function PendingOffer({ offer }: { offer: Offer }) {
  const [declineOthers, setDeclineOthers] = useState(false);
  const accept = useAcceptOffer();
  const decline = useDeclineOffer();
  const now = useNow(60_000);
  const expires = new Date(offer.expires_at);
  const mine = viewerTimeZone();
  return (
    <Stack gap="xs">
      <Text>
        {offer.institution_name} offers you a seat for {formatDayRange(offer.block.start_date, offer.block.end_date)}
        {offer.from_waitlist ? ' (a seat became free and you were next on the waitlist)' : ''}.
      </Text>
      <Text>
        Answer by <strong>{formatInZone(expires, mine)}</strong> (your time)
        {mine !== offer.time_zone && <> · {formatInZone(expires, offer.time_zone)} at the institution</>} —{' '}
        <span aria-label="Time left">{timeLeft(expires, now)}</span>
      </Text>
      {offer.reason && <Text>Note from the program: {offer.reason}</Text>}
      <FormError error={accept.error} title="The offer was not accepted" />
      <FormError error={decline.error} title="The offer was not declined" />
      <Checkbox
        label="Decline my other pending offers"
        checked={declineOthers}
        onChange={(e) => setDeclineOthers(e.currentTarget.checked)}
      />
      <Group gap="xs">
        <Button loading={accept.isPending} onClick={() => accept.mutate({ offerId: offer.id, declineOthers })}>
          Accept the offer
        </Button>
        <Button variant="outline" color="red.9" loading={decline.isPending} onClick={() => decline.mutate({ offerId: offer.id })}>
          Decline the offer
        </Button>
      </Group>
    </Stack>
  );
}

function AcceptedOffer({ offer }: { offer: Offer }) {
  const decline = useDeclineOffer();
  const [confirm, setConfirm] = useState(false);
  return (
    <Stack gap="xs">
      <Text>
        Your seat for {formatDayRange(offer.block.start_date, offer.block.end_date)} is confirmed.
      </Text>
      <FormError error={decline.error} title="The seat was not given up" />
      {confirm ? (
        <Group gap="xs">
          <Text>Give up your seat? It goes to the next applicant.</Text>
          <Button variant="outline" color="red.9" loading={decline.isPending} onClick={() => decline.mutate({ offerId: offer.id })}>
            Yes, give up my seat
          </Button>
          <Button variant="subtle" onClick={() => setConfirm(false)}>
            Keep it
          </Button>
        </Group>
      ) : (
        <Group>
          <Button variant="outline" color="red.9" onClick={() => setConfirm(true)}>
            Decline my seat
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** The applicant's offers for one application: accept/decline with the expiry in both zones. */
export function ApplicantOffers({ applicationId }: { applicationId: string }) {
  const offers = useMyApplicationOffers(applicationId);
  if (offers.isPending || offers.isError) return null;
  const [latest, ...older] = offers.data;
  if (!latest) return null;
  return (
    <Card component="section" withBorder padding="lg" aria-labelledby="offer-heading">
      <Group gap="sm" mb="sm">
        <Title order={2} size="h4" id="offer-heading">
          Offer
        </Title>
        <Badge variant="light" color="blue.9">
          {OFFER_STATUS_LABELS[latest.status]}
        </Badge>
      </Group>
      <Stack gap="sm">
      {latest.status === 'pending' && <PendingOffer offer={latest} />}
      {latest.status === 'accepted' && <AcceptedOffer offer={latest} />}
      {latest.status === 'lapsed' && (
        <Alert color="yellow" title="No seat left">
          The last seat of this block was taken before you accepted. You are first on its waitlist and will get a new offer if a seat
          becomes free.
        </Alert>
      )}
      {latest.status === 'rescinded' && <Text>The program rescinded this offer. Reason: {latest.reason}</Text>}
      {latest.status === 'expired' && <Text>This offer expired before it was accepted.</Text>}
      {older.length > 0 && (
        <Text size="sm" c="dimmed">
          Earlier offers: {older.map((o) => OFFER_STATUS_LABELS[o.status]).join(', ')}
        </Text>
      )}
      </Stack>
    </Card>
  );
}
