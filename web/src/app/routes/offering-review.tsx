import { Alert, Anchor, Button, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { FormError } from '@/components/form-error';
import { NotAllowed, PageErrorState, PageLoading } from '@/components/access-states';
import { PageHeader } from '@/components/page-header';
import type { User } from '@/features/auth/api/session-schema';
import { canEditCatalog, canSeeCatalog } from '@/features/auth/permissions';
import { useOffering } from '@/features/catalog/api/get-offering';
import { useReviewQueue, type QueueFilters } from '@/features/review/api/get-review-queue';
import { EVENT_LABELS } from '@/features/review/api/review-schema';
import { useBulkTransition } from '@/features/review/api/transition-application';
import { ReviewQueueTable } from '@/features/review/components/review-queue-table';
import { WaitlistPanel } from '@/features/review/components/waitlist-panel';
import { RequireUser } from '../require-user';

const PAGE = 50;
const STATUSES = ['', 'submitted', 'under_review', 'info_requested', 'interview', 'waitlisted', 'offer', 'accepted', 'rejected', 'withdrawn', 'cancelled'];
const BULK_EVENTS = ['start_review', 'invite_interview', 'waitlist', 'reject'];

function Review({ user, institutionId, offeringId }: { user: User; institutionId: string; offeringId: string }) {
  const allowed = canSeeCatalog(user, institutionId);
  const coordinator = canEditCatalog(user, institutionId);
  const [filters, setFilters] = useState<QueueFilters>({ sort: 'submitted', offset: 0 });
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [bulkEvent, setBulkEvent] = useState('start_review');
  const queue = useReviewQueue(institutionId, offeringId, filters, { enabled: allowed });
  const offering = useOffering(offeringId);
  const bulk = useBulkTransition(institutionId);

  if (!allowed) return <NotAllowed />;
  if (queue.isPending) return <PageLoading label="Loading the review queue…" />;
  if (queue.isError) return <PageErrorState error={queue.error} title="Review" onRetry={() => void queue.refetch()} />;
  const set = (patch: QueueFilters) => {
    setSelected(new Set());
    setFilters((f) => ({ ...f, ...patch, offset: 0 }));
  };
  const rows = queue.data.items;
  const offset = filters.offset ?? 0;
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const events = coordinator ? BULK_EVENTS : ['start_review'];
  return (
    <>
      <Text mb="sm">
        <Anchor component={Link} to={`/institutions/${institutionId}/offerings`}>
          ← Catalog
        </Anchor>
      </Text>
      <PageHeader title={`Review: ${offering.data?.title ?? 'Offering'}`}>
        Submitted applications with their scores and compliance. Open an applicant to score and decide.{' '}
        <Anchor component={Link} to={`/institutions/${institutionId}/offerings/${offeringId}/offers`}>
          Offers and seats
        </Anchor>
        {' · '}
        <Anchor component={Link} to={`/institutions/${institutionId}/offerings/${offeringId}/interviews`}>
          Interview slots
        </Anchor>
      </PageHeader>
      <Stack gap="md">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            set({ q: search });
          }}
        >
          <Group align="end" wrap="wrap">
            <TextInput label="Search by name" value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
            <Button type="submit" variant="default">
              Search
            </Button>
            <NativeSelect
              label="Status"
              data={STATUSES.map((s) => ({ value: s, label: s ? s.replace('_', ' ') : 'Any' }))}
              value={filters.status ?? ''}
              onChange={(e) => set({ status: e.currentTarget.value })}
            />
            <TextInput label="School country" placeholder="e.g. IN" maxLength={2} onBlur={(e) => set({ country: e.currentTarget.value.toUpperCase() })} />
            <TextInput label="Exam passed" placeholder="e.g. usmle_step1" onBlur={(e) => set({ exam: e.currentTarget.value })} />
            <TextInput label="Minimum score" placeholder="0–100" onBlur={(e) => set({ min_score: e.currentTarget.value })} />
            <NativeSelect
              label="Compliance"
              data={[
                { value: '', label: 'Any' },
                { value: 'true', label: 'Cleared' },
                { value: 'false', label: 'Missing items' },
              ]}
              value={filters.compliance_cleared ?? ''}
              onChange={(e) => set({ compliance_cleared: e.currentTarget.value })}
            />
            <NativeSelect
              label="Eligibility"
              data={[
                { value: '', label: 'Any' },
                { value: 'true', label: 'Eligible' },
                { value: 'false', label: 'Has eligibility flags' },
              ]}
              value={filters.eligible ?? ''}
              onChange={(e) => set({ eligible: e.currentTarget.value })}
            />
            <NativeSelect
              label="School verification"
              data={[
                { value: '', label: 'Any' },
                { value: 'true', label: 'School verified' },
                { value: 'false', label: 'Not verified' },
              ]}
              value={filters.school_verified ?? ''}
              onChange={(e) => set({ school_verified: e.currentTarget.value })}
            />
            <NativeSelect
              label="Sort by"
              data={[
                { value: 'submitted', label: 'Submitted (oldest first)' },
                { value: '-submitted', label: 'Submitted (newest first)' },
                { value: 'score', label: 'Score (highest first)' },
              ]}
              value={filters.sort ?? 'submitted'}
              onChange={(e) => set({ sort: e.currentTarget.value })}
            />
          </Group>
        </form>
        <FormError error={bulk.error} title="The action was not applied" />
        {bulk.data && bulk.data.failed > 0 && (
          <Alert color="yellow" title={`${bulk.data.succeeded} done, ${bulk.data.failed} not changed`}>
            <ul>
              {bulk.data.items
                .filter((i) => !i.ok)
                .map((i) => (
                  <li key={i.application_id}>{i.error?.message}</li>
                ))}
            </ul>
          </Alert>
        )}
        <section aria-labelledby="queue-heading">
          <Group justify="space-between" mb="sm">
            <Title order={2} size="h3" id="queue-heading">
              Applications ({queue.data.total})
            </Title>
            <Group gap="xs" aria-label="Bulk action" role="group">
              <NativeSelect
                aria-label="Action for the selected applications"
                data={events.map((e) => ({ value: e, label: EVENT_LABELS[e] ?? e }))}
                value={bulkEvent}
                onChange={(e) => setBulkEvent(e.currentTarget.value)}
              />
              <Button
                disabled={selected.size === 0}
                loading={bulk.isPending}
                onClick={() =>
                  bulk.mutate(
                    { event: bulkEvent, application_ids: [...selected] },
                    { onSuccess: () => setSelected(new Set()) },
                  )
                }
              >
                Apply to {selected.size} selected
              </Button>
            </Group>
          </Group>
          <ReviewQueueTable
            rows={rows}
            institutionId={institutionId}
            selected={selected}
            onToggle={toggle}
            onToggleAll={() =>
              setSelected((s) => (rows.every((r) => s.has(r.application_id)) ? new Set() : new Set(rows.map((r) => r.application_id))))
            }
            labelledBy="queue-heading"
          />
          <Group mt="sm">
            <Button variant="default" disabled={offset === 0} onClick={() => setFilters((f) => ({ ...f, offset: Math.max(0, offset - PAGE) }))}>
              Previous page
            </Button>
            <Button
              variant="default"
              disabled={offset + PAGE >= queue.data.total}
              onClick={() => setFilters((f) => ({ ...f, offset: offset + PAGE }))}
            >
              Next page
            </Button>
          </Group>
        </section>
        {coordinator && (
          <section aria-labelledby="waitlist-heading">
            <Title order={2} size="h3" id="waitlist-heading" mb="sm">
              Waitlist
            </Title>
            <WaitlistPanel institutionId={institutionId} offeringId={offeringId} />
          </section>
        )}
      </Stack>
    </>
  );
}

export function OfferingReviewPage() {
  const { id = '', offeringId = '' } = useParams();
  return (
    <RequireUser title="Review">
      {(user) => <Review key={`${id}/${offeringId}`} user={user} institutionId={id} offeringId={offeringId} />}
    </RequireUser>
  );
}
