import { Anchor, Badge, Group, List, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { EligibilityCheck } from '@/lib/eligibility';

/**
 * The offering's eligibility rules with whether each is met and why. For the
 * applicant (`fixHref`: a link to the profile on each failing rule) and as
 * reviewers' flags.
 */
export function EligibilityList({
  checks,
  label,
  fixHref,
}: {
  checks: EligibilityCheck[];
  label: string;
  fixHref?: string;
}) {
  if (checks.length === 0) return <Text c="dimmed">This rotation states no eligibility rules.</Text>;
  return (
    <List listStyleType="none" spacing="xs" aria-label={label}>
      {checks.map((c) => (
        <List.Item key={c.rule}>
          <Group gap="xs" wrap="nowrap" align="baseline">
            <Badge color={c.met ? 'teal.9' : 'red.9'} variant="filled" style={{ flexShrink: 0 }}>
              {c.met ? 'Met' : 'Not met'}
            </Badge>
            <Text size="sm">
              <strong>{c.requirement}</strong> {c.reason}
              {!c.met && fixHref && (
                <>
                  {' '}
                  <Anchor component={Link} to={fixHref}>
                    Update your profile
                  </Anchor>
                </>
              )}
            </Text>
          </Group>
        </List.Item>
      ))}
    </List>
  );
}
