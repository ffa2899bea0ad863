import { Anchor, Button, Group, Select, Text, TextInput, Title } from '@mantine/core';
import { Link, useParams, useSearchParams } from 'react-router';
import { NotAllowed, PageErrorState, PageLoading } from '@/components/access-states';
import { PageHeader } from '@/components/page-header';
import type { User } from '@/features/auth/api/session-schema';
import { canEditCatalog, canSeeCatalog, staffInstitutions } from '@/features/auth/permissions';
import { useInstitutionOfferings } from '@/features/catalog/api/get-institution-offerings';
import { boardCsvUrl, useOnboardingBoard } from '@/features/onboarding/api/get-board';
import { useLetterhead } from '@/features/onboarding/api/letterhead';
import type { BoardFilter } from '@/features/onboarding/api/onboarding-schema';
import { ClearedBoard } from '@/features/onboarding/components/cleared-board';
import { LetterheadForm } from '@/features/onboarding/components/letterhead-form';
import { RequireUser } from '../require-user';

function InstitutionOnboarding({ user, institutionId }: { user: User; institutionId: string }) {
  const allowed = canSeeCatalog(user, institutionId);
  const [params, setParams] = useSearchParams();
  const filter: BoardFilter = {
    offering_id: params.get('offering_id') ?? '',
    start_from: params.get('start_from') ?? '',
    start_to: params.get('start_to') ?? '',
  };
  const board = useOnboardingBoard(institutionId, filter, { enabled: allowed });
  const offerings = useInstitutionOfferings(institutionId, { enabled: allowed });
  const letterhead = useLetterhead(institutionId, { enabled: allowed });
  if (!allowed) return <NotAllowed />;
  const name = staffInstitutions(user).find((i) => i.id === institutionId)?.name ?? 'the institution';
  const set = (key: keyof BoardFilter, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  return (
    <>
      <Text mb="sm">
        <Anchor component={Link} to={`/institutions/${institutionId}/offerings`}>
          ← Catalog
        </Anchor>
      </Text>
      <PageHeader title={`Cleared to start: ${name}`}>
        Every accepted placement, whether it is cleared to start, and exactly what is still missing. Applicants are
        reminded by e-mail 14, 7 and 2 days before the start.
      </PageHeader>
      <section aria-labelledby="board-heading">
        <Group justify="space-between" mb="md">
          <Title order={2} id="board-heading">
            Placements
          </Title>
          <Button component="a" href={boardCsvUrl(institutionId, filter)} download="cleared-to-start.csv" variant="default">
            Export CSV
          </Button>
        </Group>
        <Group mb="md" align="flex-end">
          <Select
            label="Offering"
            placeholder="All offerings"
            clearable
            data={(offerings.data ?? []).map((o) => ({ value: o.id, label: o.title }))}
            value={filter.offering_id || null}
            onChange={(v) => set('offering_id', v ?? '')}
          />
          <TextInput label="Starts from" type="date" value={filter.start_from} onChange={(e) => set('start_from', e.currentTarget.value)} />
          <TextInput label="Starts until" type="date" value={filter.start_to} onChange={(e) => set('start_to', e.currentTarget.value)} />
        </Group>
        {board.isPending ? (
          <PageLoading label="Loading the board…" />
        ) : board.isError ? (
          <PageErrorState error={board.error} title="Cleared to start" onRetry={() => void board.refetch()} />
        ) : (
          <>
            <Text mb="sm" role="status">
              {board.data.cleared} of {board.data.total} cleared
            </Text>
            <ClearedBoard rows={board.data.items} />
          </>
        )}
      </section>
      <section aria-labelledby="letterhead-heading">
        <Title order={2} id="letterhead-heading" mt="xl" mb="md">
          Letterhead for visa invitation letters
        </Title>
        {letterhead.data && (
          <LetterheadForm
            key={letterhead.data.updated_at}
            institutionId={institutionId}
            letterhead={letterhead.data}
            canEdit={canEditCatalog(user, institutionId)}
          />
        )}
      </section>
    </>
  );
}

export function InstitutionOnboardingPage() {
  const { id = '' } = useParams();
  return (
    <RequireUser title="Cleared to start">
      {(user) => <InstitutionOnboarding key={id} user={user} institutionId={id} />}
    </RequireUser>
  );
}
