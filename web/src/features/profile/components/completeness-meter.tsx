import { List, Progress, Stack, Text } from '@mantine/core';

type Props = { percent: number; missing: string[] };

/** How complete the saved profile is, and which sections are still empty. */
export function CompletenessMeter({ percent, missing }: Props) {
  const value = Math.max(0, Math.min(100, Math.round(percent)));
  return (
    <Stack gap="xs">
      <Text fw={700} size="xl" id="completeness-value">
        {value}% complete
      </Text>
      <Progress value={value} size="lg" color={value === 100 ? 'teal.8' : 'blue.8'} aria-label="Profile completeness" />
      {missing.length === 0 ? (
        <Text size="sm">Every section is filled in.</Text>
      ) : (
        <>
          <Text size="sm" id="missing-heading">
            Still missing:
          </Text>
          <List size="sm" spacing={2} aria-labelledby="missing-heading">
            {missing.map((label) => (
              <List.Item key={label}>{label}</List.Item>
            ))}
          </List>
        </>
      )}
    </Stack>
  );
}
