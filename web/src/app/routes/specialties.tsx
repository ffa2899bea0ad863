import { Table, Title } from '@mantine/core';
import { PageErrorState, PageLoading } from '@/components/access-states';
import { PageHeader } from '@/components/page-header';
import { useVocabulary } from '@/features/catalog/api/get-vocabulary';
import { AddSpecialtyForm } from '@/features/catalog/components/add-specialty-form';
import { RequireUser } from '../require-user';

function Specialties() {
  const vocabulary = useVocabulary();
  if (vocabulary.isPending) return <PageLoading label="Loading specialties…" />;
  if (vocabulary.isError) {
    return <PageErrorState error={vocabulary.error} title="Specialties" onRetry={() => void vocabulary.refetch()} />;
  }
  return (
    <>
      <section aria-labelledby="add-specialty-heading">
        <Title order={2} id="add-specialty-heading" mb="sm">
          Add a specialty
        </Title>
        <AddSpecialtyForm />
      </section>
      <section aria-labelledby="specialties-heading">
        <Title order={2} id="specialties-heading" mt="xl" mb="sm">
          Current specialties
        </Title>
        <Table aria-labelledby="specialties-heading" verticalSpacing="xs" maw={560}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Name</Table.Th>
              <Table.Th scope="col">Code</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {vocabulary.data.specialties.map((s) => (
              <Table.Tr key={s.code}>
                <Table.Td>{s.name}</Table.Td>
                <Table.Td>
                  <code>{s.code}</code>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </section>
    </>
  );
}

/** Admins extend the controlled list of specialties offerings choose from. */
export function SpecialtiesPage() {
  return (
    <RequireUser title="Specialties" allow={(user) => user.is_admin}>
      {() => (
        <>
          <PageHeader title="Specialties">The specialties coordinators choose from when they describe an offering.</PageHeader>
          <Specialties />
        </>
      )}
    </RequireUser>
  );
}
