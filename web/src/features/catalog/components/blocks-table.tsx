import { Badge, Table, Text } from '@mantine/core';
import { formatDayRange } from '@/lib/format';
import { endOfDayIn, formatInZone, startOfDayIn, viewerTimeZone, zoneCity } from '@/lib/zoned-time';
import type { Block } from '../api/offering-schema';
import classes from './catalog.module.css';

type Props = {
  blocks: Block[];
  /** The institution's IANA time zone: opening days and deadlines are days there. */
  timeZone: string;
  /** The reader's zone; tests pass one, the browser's is the default. */
  viewerZone?: string;
  labelledBy: string;
  now?: Date;
};

/** A moment shown on the institution's clock and, when it differs, on the reader's. */
function TwoZones({ instant, fallback, timeZone, viewerZone }: { instant: Date | undefined; fallback: string; timeZone: string; viewerZone: string }) {
  if (!instant) return <>{fallback}</>;
  const there = formatInZone(instant, timeZone);
  const here = formatInZone(instant, viewerZone);
  return (
    <>
      <span className={classes.zoneLine}>
        {there} <Text span size="sm" c="dimmed">({zoneCity(timeZone)} time)</Text>
      </span>
      {here !== there || viewerZone !== timeZone ? (
        <span className={classes.zoneLine}>
          <Text span size="sm">
            {here} <Text span size="sm" c="dimmed">(your time)</Text>
          </Text>
        </span>
      ) : null}
    </>
  );
}

function windowState(block: Block, timeZone: string, now: Date): { label: string; color: string } {
  const opens = startOfDayIn(block.opens_on, timeZone);
  const closes = endOfDayIn(block.deadline, timeZone);
  if (block.seats_left <= 0) return { label: 'Full', color: 'gray' };
  if (closes && now > closes) return { label: 'Closed', color: 'gray' };
  if (opens && now < opens) return { label: 'Not open yet', color: 'gray' };
  return { label: 'Open now', color: 'teal.9' };
}

/**
 * The dates an offering runs, with seats left, and when applications open and close — as
 * calendar days in the institution's zone (a deadline is 23:59:59 there) and on the reader's clock.
 */
export function BlocksTable({ blocks, timeZone, viewerZone = viewerTimeZone(), labelledBy, now = new Date() }: Props) {
  if (blocks.length === 0) return <Text>No dates have been published yet.</Text>;
  const sorted = [...blocks].sort((a, b) => a.start_date.localeCompare(b.start_date));
  return (
    <Table.ScrollContainer minWidth={860} type="native">
      <Table aria-labelledby={labelledBy} verticalSpacing="sm" horizontalSpacing="md" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Dates</Table.Th>
            <Table.Th scope="col">Seats left</Table.Th>
            <Table.Th scope="col">Applications open</Table.Th>
            <Table.Th scope="col">Deadline</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((block) => {
            const state = windowState(block, timeZone, now);
            return (
              <Table.Tr key={block.id}>
                <Table.Th scope="row" fw={600} style={{ whiteSpace: 'nowrap' }}>
                  {formatDayRange(block.start_date, block.end_date)}
                </Table.Th>
                <Table.Td>
                  {block.seats_left} of {block.seats}
                </Table.Td>
                <Table.Td>
                  <TwoZones
                    instant={startOfDayIn(block.opens_on, timeZone)}
                    fallback={block.opens_on}
                    timeZone={timeZone}
                    viewerZone={viewerZone}
                  />
                </Table.Td>
                <Table.Td>
                  <TwoZones
                    instant={endOfDayIn(block.deadline, timeZone)}
                    fallback={block.deadline}
                    timeZone={timeZone}
                    viewerZone={viewerZone}
                  />
                </Table.Td>
                <Table.Td>
                  <Badge variant={state.color === 'gray' ? 'light' : 'filled'} color={state.color} w="max-content">
                    {state.label}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
