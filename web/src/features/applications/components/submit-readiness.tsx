import { Alert, List, Stack, Text, Title } from '@mantine/core';
import { EligibilityList } from '@/components/eligibility-list';
import type { EligibilityCheck, SubmitProblem } from '@/lib/eligibility';

/**
 * "Before you submit": what the server will check at submission (letters,
 * documents, eligibility), each failure with its reason, and the offering's
 * eligibility rules against the current profile.
 */
export function SubmitReadiness({
  problems,
  eligibility,
}: {
  problems: SubmitProblem[];
  eligibility: EligibilityCheck[];
}) {
  return (
    <Stack gap="sm">
      {problems.length === 0 ? (
        <Alert color="teal.9" variant="filled" title="Ready to submit">
          Everything the rotation asks for is there.
        </Alert>
      ) : (
        <Alert color="red" variant="light" title={problems.length === 1 ? '1 thing to fix before you submit' : `${problems.length} things to fix before you submit`}>
          <List size="sm" aria-label="What keeps this application from being submitted">
            {problems.map((p) => (
              <List.Item key={p.field}>{p.message}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Title order={3} size="h5">
        Who may apply
      </Title>
      <Text size="sm" c="dimmed">
        The rotation's rules checked against your profile.
      </Text>
      <EligibilityList checks={eligibility} label="Eligibility" fixHref="/profile" />
    </Stack>
  );
}
