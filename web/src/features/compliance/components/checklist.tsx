import { Anchor, Badge, Group, List, Stack, Text, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';

/** States of core/compliance.h: green when satisfied, red when it blocks, yellow when it waits, grey for the application's own items. */
const STATES: Record<string, { label: string; color: string }> = {
  satisfied: { label: 'Satisfied', color: 'teal.9' },
  missing: { label: 'Missing', color: 'red.9' },
  expired: { label: 'Expired', color: 'red.9' },
  rejected: { label: 'Rejected', color: 'red.9' },
  expires_during: { label: 'Expires during the rotation', color: 'yellow.5' },
  pending: { label: 'Pending verification', color: 'yellow.5' },
  application: { label: 'Part of the application', color: 'gray.7' },
};

export function complianceStateLabel(state: string): string {
  return STATES[state]?.label ?? state;
}

export function ComplianceStateBadge({ state }: { state: string }) {
  const s = STATES[state] ?? { label: state, color: 'gray.7' };
  return (
    <Badge color={s.color} variant="filled" autoContrast data-state={state}>
      {s.label}
    </Badge>
  );
}

/** Whether the applicant can fix an item in the vault (not already fine, not an application item). */
function fixable(state: string): boolean {
  return state !== 'satisfied' && state !== 'application';
}

type Item = { requirement: string; count: number; state: string; reason: string };

type Props = {
  items: Item[];
  /** The requirement's name, e.g. "background_check" → "Background check". */
  requirementLabel: (requirement: string) => string;
  /** Where the applicant fixes a document item (the vault); no link for staff. */
  fixHref?: string;
  /** The list's accessible name. */
  label: string;
};

/** One block's checklist: every requirement with its state badge and the reason. */
export function Checklist({ items, requirementLabel, fixHref, label }: Props) {
  if (items.length === 0) return <Text size="sm">This rotation asks for no documents.</Text>;
  return (
    <List listStyleType="none" spacing="sm" aria-label={label}>
      {items.map((item) => {
        const name = `${requirementLabel(item.requirement)}${item.count > 1 ? ` (${item.count})` : ''}`;
        return (
          <List.Item key={item.requirement} data-requirement={item.requirement}>
            <Stack gap={2}>
              <Group gap="sm">
                <ComplianceStateBadge state={item.state} />
                <Text fw={600}>{name}</Text>
              </Group>
              <Text size="sm">{item.reason}</Text>
              {fixHref && fixable(item.state) && (
                <Text size="sm">
                  <Anchor component={Link} to={fixHref}>
                    {item.state === 'pending' ? 'See it in your documents' : `Fix in your documents`}
                    <VisuallyHidden> ({name})</VisuallyHidden>
                  </Anchor>
                </Text>
              )}
            </Stack>
          </List.Item>
        );
      })}
    </List>
  );
}
