import { Alert, Anchor, Button, Group, Loader, Table, Text, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import { errorMessage } from '@/lib/api-client';
import { countryName, displayHost, safeWebUrl } from '@/lib/format';
import { useInstitutions } from '../api/get-institutions';
import type { Institution } from '../api/institution-schema';
import classes from './institutions-table.module.css';

type Props = {
  /** id of the heading that names this table, for screen readers. */
  labelledBy: string;
  /** Where the institution's staff page is, for users who may see it (admins and its staff). */
  staffHref?: (institution: Institution) => string | undefined;
};

function location(institution: Institution): string {
  return [institution.city, institution.state, countryName(institution.country)]
    .filter((part) => part.length > 0)
    .join(', ');
}

/** The institutions on Clerkship, with loading, error and empty states. */
export function InstitutionsTable({ labelledBy, staffHref }: Props) {
  const institutions = useInstitutions();

  if (institutions.isPending) {
    return (
      <Group gap="sm" role="status">
        <Loader size="sm" aria-hidden="true" />
        <Text>Loading institutions…</Text>
      </Group>
    );
  }

  if (institutions.isError) {
    return (
      <Alert color="red" variant="light" title="Could not load institutions" role="alert">
        <Text size="sm" mb="sm">
          {errorMessage(institutions.error)}
        </Text>
        <Button size="xs" variant="outline" color="red" onClick={() => void institutions.refetch()}>
          Try again
        </Button>
      </Alert>
    );
  }

  if (institutions.data.length === 0) {
    return <Text>No institutions yet. The first teaching hospital to join will appear here.</Text>;
  }

  const sorted = [...institutions.data].sort((a, b) => a.name.localeCompare(b.name));
  const staffLinks = new Map(sorted.map((institution) => [institution.id, staffHref?.(institution)]));
  const withStaff = [...staffLinks.values()].some((href) => href !== undefined);

  return (
    <Table.ScrollContainer minWidth={480} type="native" className={classes.container}>
      <Table aria-labelledby={labelledBy} highlightOnHover verticalSpacing="sm" horizontalSpacing="md">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Location</Table.Th>
            <Table.Th scope="col">Time zone</Table.Th>
            {withStaff && <Table.Th scope="col">Staff</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((institution) => {
            const href = safeWebUrl(institution.website);
            return (
              <Table.Tr key={institution.id}>
                <Table.Th scope="row" className={classes.nameCell}>
                  <Text fw={600}>{institution.name}</Text>
                  {href && (
                    <Anchor href={href} target="_blank" rel="noopener noreferrer" size="sm">
                      {displayHost(href)}
                      <VisuallyHidden> (opens in a new tab)</VisuallyHidden>
                    </Anchor>
                  )}
                </Table.Th>
                <Table.Td>{location(institution)}</Table.Td>
                <Table.Td className={classes.nowrap}>{institution.time_zone.replaceAll('_', ' ')}</Table.Td>
                {withStaff && (
                  <Table.Td>
                    {staffLinks.get(institution.id) && (
                      <Anchor
                        component={Link}
                        to={staffLinks.get(institution.id) ?? ''}
                        aria-label={`Staff of ${institution.name}`}
                      >
                        Staff
                      </Anchor>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
