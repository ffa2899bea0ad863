import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { formatDay, formatMoney } from '@/lib/format';
import type { Vocabulary } from '../api/get-vocabulary';
import type { SearchItem } from '../api/search-offerings';
import classes from './catalog.module.css';
import { HANDS_ON_COLOR, OBSERVATION_COLOR, place, specialtyLabel, typeLabel, weeks } from './labels';

type Props = {
  item: SearchItem;
  vocabulary: Vocabulary | undefined;
  /** The search's query string, so the offering page can lead back to these results. */
  fromSearch?: string;
};

/** One search result: what an applicant needs to decide whether to open the offering. */
export function ResultCard({ item, vocabulary, fromSearch = '' }: Props) {
  const titleId = `result-${item.id}`;
  return (
    <Card component="article" withBorder padding="lg" aria-labelledby={titleId}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
          <div>
            <Title order={3} size="h4" id={titleId}>
              <Anchor component={Link} to={`/rotations/${item.id}`} state={{ fromSearch }}>
                {item.title}
              </Anchor>
            </Title>
            <Text fw={500}>{item.institution_name}</Text>
            <Text size="sm" c="dimmed">
              {place(item)}
            </Text>
          </div>
          <div className={classes.cost}>
            <Text size="xs" c="dimmed">
              All-in from
            </Text>
            <Text fw={700} size="lg">
              {item.fee_min_cents === 0 ? 'Free' : formatMoney(item.fee_min_cents, item.currency)}
            </Text>
          </div>
        </Group>
        <Group gap="xs">
          <Badge variant="light" color="indigo">
            {specialtyLabel(item.specialty, vocabulary)}
          </Badge>
          <Badge variant="light" color="gray">
            {typeLabel(item.type)}
          </Badge>
          {item.hands_on ? (
            <Badge variant="filled" color={HANDS_ON_COLOR}>
              Hands-on
            </Badge>
          ) : (
            <Badge variant="filled" color={OBSERVATION_COLOR}>
              Observation only
            </Badge>
          )}
        </Group>
        <dl className={classes.facts}>
          <div>
            <dt>Duration</dt>
            <dd>{weeks(item.duration_weeks)}</dd>
          </div>
          <div>
            <dt>Next start</dt>
            <dd>{item.next_start ? formatDay(item.next_start) : 'No upcoming dates'}</dd>
          </div>
          <div>
            <dt>Apply by</dt>
            <dd>{item.next_deadline ? formatDay(item.next_deadline) : '—'}</dd>
          </div>
          <div>
            <dt>Seats left</dt>
            <dd>{item.seats_left}</dd>
          </div>
        </dl>
      </Stack>
    </Card>
  );
}
