import { Anchor, Button, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { FormError } from '@/components/form-error';
import { useDeleteSavedSearch } from '../api/delete-saved-search';
import type { SavedSearch } from '../api/saved-search-schema';

const PARAM_LABELS: Record<string, string> = {
  q: 'Text',
  type: 'Type',
  specialty: 'Specialty',
  state: 'State',
  country: 'Country',
  hands_on: 'Hands-on',
  fee_max: 'All-in cost at most (cents)',
  open_now: 'Open now',
  start_month: 'Starts in',
  visa: 'Visa',
  sort: 'Sort',
};

/** "Text: cardiology · State: IL" for a saved search's parameters. */
export function describeQuery(query: Record<string, string>): string {
  const parts = Object.entries(query).map(([key, value]) => `${PARAM_LABELS[key] ?? key}: ${value}`);
  return parts.length ? parts.join(' · ') : 'All rotations';
}

/** The applicant's saved searches: open one (the search page with its filters) or delete it. */
export function SavedSearchesList({ items, labelledBy }: { items: SavedSearch[]; labelledBy: string }) {
  const remove = useDeleteSavedSearch();
  if (items.length === 0) {
    return (
      <Text>
        No saved searches yet. Search for rotations and choose “Save this search” to be e-mailed when new matching
        blocks are published.
      </Text>
    );
  }
  return (
    <>
      <FormError error={remove.error} title="The search was not deleted" />
      <Table.ScrollContainer minWidth={560} type="native">
        <Table aria-labelledby={labelledBy} verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Name</Table.Th>
              <Table.Th scope="col">Filters</Table.Th>
              <Table.Th scope="col">Actions</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Th scope="row" fw={400}>
                  <Anchor component={Link} to={`/rotations${item.query_string ? `?${item.query_string}` : ''}`} fw={600}>
                    {item.name}
                  </Anchor>
                </Table.Th>
                <Table.Td>{describeQuery(item.query)}</Table.Td>
                <Table.Td>
                  <Button
                    variant="default"
                    color="red"
                    size="xs"
                    aria-label={`Delete ${item.name}`}
                    loading={remove.isPending && remove.variables === item.id}
                    onClick={() => remove.mutate(item.id)}
                  >
                    Delete
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
