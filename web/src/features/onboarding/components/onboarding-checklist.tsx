import { Alert, Anchor, Badge, Button, Card, Checkbox, Group, List, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { FormError } from '@/components/form-error';
import { documentLabel } from '@/features/catalog/components/labels';
import { errorMessage } from '@/lib/api-client';
import { formatDate, formatDayRange } from '@/lib/format';
import { formatInZone, viewerTimeZone } from '@/lib/zoned-time';
import type { OnboardingItem, PlacementOnboarding } from '../api/onboarding-schema';
import { useRecordOnboarding } from '../api/record-onboarding';
import { fetchVisaLetter } from '../api/visa-letter';

const COMPLIANCE_STATES: Record<string, string> = {
  satisfied: 'Satisfied',
  missing: 'Missing',
  expired: 'Expired',
  expires_during: 'Expires during the rotation',
  pending: 'Waiting for verification',
  rejected: 'Rejected',
  application: 'With the application',
};

function StateBadge({ done, label }: { done: boolean; label: string }) {
  return (
    <Badge color={done ? 'green.9' : 'orange.9'} variant="filled">
      {label}
    </Badge>
  );
}

/** When an orientation starts: in the institution's zone, and in the viewer's when it differs. */
export function OrientationTime({ item, viewerZone }: { item: OnboardingItem; viewerZone: string }) {
  if (!item.starts_at) return null;
  const instant = new Date(item.starts_at);
  const local = formatInZone(instant, item.time_zone);
  const mine = formatInZone(instant, viewerZone);
  return (
    <Text size="sm">
      <strong>When:</strong> {local}
      {viewerZone !== item.time_zone && local !== mine && <> (your time: {mine})</>}
    </Text>
  );
}

function ItemRow({
  item,
  placementId,
  viewerZone,
}: {
  item: OnboardingItem;
  placementId: string;
  viewerZone: string;
}) {
  const record = useRecordOnboarding(placementId);
  const [agreed, setAgreed] = useState(false);
  const done = item.state === 'done';
  const headingId = useId();
  return (
    <Card component="li" withBorder padding="md" aria-labelledby={headingId}>
      <Group justify="space-between" mb="xs">
        <Title order={4} id={headingId}>
          {item.title}
        </Title>
        <StateBadge
          done={done}
          label={done ? 'Done' : item.state === 'needs_signature' ? 'Sign the new version' : 'To do'}
        />
      </Group>
      {item.kind === 'orientation' && (
        <Stack gap={2} mb="xs">
          <OrientationTime item={item} viewerZone={viewerZone} />
          <Text size="sm">
            <strong>Where:</strong> {item.place}
          </Text>
        </Stack>
      )}
      {item.body && item.kind !== 'policy' && (
        <Text size="sm" mb="xs" style={{ whiteSpace: 'pre-wrap' }}>
          {item.body}
        </Text>
      )}
      {item.kind === 'policy' && item.body && (
        <ScrollArea.Autosize mah={200} mb="xs" type="auto">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} aria-label={`Text of ${item.title}`}>
            {item.body}
          </Text>
        </ScrollArea.Autosize>
      )}
      <Text size="sm" c="dimmed" mb="xs">
        {item.reason}
        {item.kind === 'policy' && <> Version {item.version}.</>}
      </Text>
      <FormError error={record.error} title="Not recorded" />
      {item.kind === 'badge_photo' && !done && (
        <Anchor component={Link} to="/documents" size="sm">
          Upload a badge photo in your documents
        </Anchor>
      )}
      {item.action === 'acknowledge' && !done && (
        <Button
          size="xs"
          loading={record.isPending}
          aria-label={`Acknowledge ${item.title}`}
          onClick={() => record.mutate({ itemId: item.id, action: 'acknowledge' })}
        >
          I have read this
        </Button>
      )}
      {item.action === 'sign' && !done && (
        <Group>
          <Checkbox
            label={`I have read and agree to ${item.title}`}
            checked={agreed}
            onChange={(e) => setAgreed(e.currentTarget.checked)}
          />
          <Button
            size="xs"
            disabled={!agreed}
            loading={record.isPending}
            aria-label={`Sign ${item.title}`}
            onClick={() => record.mutate({ itemId: item.id, action: 'sign', textHash: item.text_hash })}
          >
            Sign
          </Button>
        </Group>
      )}
    </Card>
  );
}

function VisaLetter({ placement }: { placement: PlacementOnboarding }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function download() {
    setBusy(true);
    setError(null);
    try {
      const blob = await fetchVisaLetter(placement.placement_id);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `invitation-letter-${placement.start_date}.pdf`;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Stack gap="xs">
      <Text size="sm">
        {placement.institution_name} issues an invitation letter for a visitor-visa application, with your name as
        in your passport (set it in your{' '}
        <Anchor component={Link} to="/profile">
          profile
        </Anchor>
        ).
      </Text>
      {error && (
        <Alert color="red" variant="light" role="alert" title="No letter yet">
          {error}
        </Alert>
      )}
      <Group>
        <Button variant="default" loading={busy} onClick={() => void download()}>
          Download invitation letter (PDF)
        </Button>
      </Group>
    </Stack>
  );
}

/** One accepted placement's onboarding checklist: required documents, the institution's items, the visa letter. */
export function OnboardingChecklist({
  placement,
  viewerZone = viewerTimeZone(),
}: {
  placement: PlacementOnboarding;
  viewerZone?: string;
}) {
  const headingId = useId();
  const left = placement.missing.length;
  return (
    <Card component="section" withBorder padding="lg" mb="xl" aria-labelledby={headingId}>
      <Group justify="space-between" mb="xs">
        <Title order={2} id={headingId}>
          {placement.offering_title}
        </Title>
        <StateBadge
          done={placement.cleared}
          label={placement.cleared ? 'Cleared to start' : `${left} ${left === 1 ? 'item' : 'items'} left`}
        />
      </Group>
      <Text mb="md">
        {placement.institution_name} · {formatDayRange(placement.start_date, placement.end_date)}
      </Text>
      {placement.compliance.length > 0 && (
        <>
          <Title order={3} size="h4" mb="xs">
            Required documents
          </Title>
          <List spacing="xs" mb="md" listStyleType="none" aria-label="Required documents">
            {placement.compliance.map((c) => (
              <List.Item key={c.requirement}>
                <Group gap="xs">
                  <Text fw={600}>{documentLabel(c.requirement)}</Text>
                  <StateBadge
                    done={c.state === 'satisfied' || c.state === 'application'}
                    label={COMPLIANCE_STATES[c.state] ?? c.state}
                  />
                </Group>
                <Text size="sm" c="dimmed">
                  {c.reason}{' '}
                  {c.state !== 'satisfied' && c.state !== 'application' && (
                    <Anchor component={Link} to={c.fix_url} size="sm">
                      Fix in your documents
                    </Anchor>
                  )}
                </Text>
              </List.Item>
            ))}
          </List>
        </>
      )}
      {placement.items.length > 0 && (
        <>
          <Title order={3} size="h4" mb="xs">
            From {placement.institution_name}
          </Title>
          <Stack component="ul" gap="sm" mb="md" p={0} style={{ listStyle: 'none' }}>
            {placement.items.map((item) => (
              <ItemRow key={item.id} item={item} placementId={placement.placement_id} viewerZone={viewerZone} />
            ))}
          </Stack>
        </>
      )}
      {placement.visa_letter && (
        <>
          <Title order={3} size="h4" mb="xs">
            Visa invitation letter
          </Title>
          <VisaLetter placement={placement} />
        </>
      )}
      {placement.items.some((i) => i.recorded_at) && (
        <Text size="xs" c="dimmed" mt="md">
          Last recorded{' '}
          {formatDate(
            placement.items
              .map((i) => i.recorded_at ?? '')
              .sort()
              .at(-1) ?? '',
          )}
          .
        </Text>
      )}
    </Card>
  );
}
