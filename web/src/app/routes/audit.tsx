import { Group, Loader, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { PageErrorState, PageLoading } from '@/components/access-states';
import { PageHeader } from '@/components/page-header';
import { useAudit } from '@/features/audit/api/get-audit';
import { AuditTable } from '@/features/audit/components/audit-table';
import type { User } from '@/features/auth/api/session-schema';
import { canSeeAudit, coordinatorInstitutions } from '@/features/auth/permissions';
import { RequireUser } from '../require-user';

const LIMITS = ['50', '100', '200', '500'];

function Audit({ user }: { user: User }) {
  const own = coordinatorInstitutions(user);
  // Admins start with everything; coordinators with their first institution (they may see only theirs).
  const [institutionId, setInstitutionId] = useState(user.is_admin ? '' : (own[0]?.institution_id ?? ''));
  const [limit, setLimit] = useState('100');
  const audit = useAudit({ institutionId, limit: Number(limit) });

  const options = [
    ...(user.is_admin ? [{ value: '', label: 'All institutions and accounts' }] : []),
    ...own.map((m) => ({ value: m.institution_id, label: m.institution_name })),
  ];

  if (audit.isError && !audit.data) {
    return <PageErrorState error={audit.error} title="Audit log" onRetry={() => void audit.refetch()} />;
  }

  return (
    <>
      <PageHeader title="Audit log">
        Every change made in Clerkship: who made it, when, to which record, and from which address.
      </PageHeader>
      <Stack gap="lg">
        <Group gap="md" align="flex-end">
          {options.length > 1 || user.is_admin ? (
            <NativeSelect
              label="Institution"
              data={options}
              value={institutionId}
              onChange={(event) => setInstitutionId(event.currentTarget.value)}
              miw={280}
            />
          ) : (
            <Text>
              Showing <strong>{own[0]?.institution_name}</strong>
            </Text>
          )}
          <NativeSelect
            label="Show"
            data={LIMITS.map((value) => ({ value, label: `Latest ${value}` }))}
            value={limit}
            onChange={(event) => setLimit(event.currentTarget.value)}
          />
          {audit.isFetching && !audit.isPending && (
            <Group gap={6} role="status">
              <Loader size="xs" aria-hidden="true" />
              <Text size="sm">Updating…</Text>
            </Group>
          )}
        </Group>
        <section aria-labelledby="audit-heading">
          <Title order={2} id="audit-heading" mb="md">
            Recorded changes
          </Title>
          {audit.isPending ? (
            <PageLoading label="Loading the audit log…" />
          ) : (
            <AuditTable entries={audit.data ?? []} labelledBy="audit-heading" />
          )}
        </section>
      </Stack>
    </>
  );
}

export function AuditPage() {
  return (
    <RequireUser title="Audit log" allow={canSeeAudit}>
      {(user) => <Audit user={user} />}
    </RequireUser>
  );
}
