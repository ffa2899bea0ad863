import { Alert, List } from '@mantine/core';

/** Chosen blocks that overlap a rotation the applicant already accepted (a warning, not a refusal). */
export function OverlapWarnings({ warnings }: { warnings: { field: string; message: string }[] }) {
  if (warnings.length === 0) return null;
  return (
    <Alert color="orange" variant="light" title="Dates overlap an accepted rotation" role="status">
      <List size="sm">
        {warnings.map((w) => (
          <List.Item key={`${w.field}:${w.message}`}>{w.message}</List.Item>
        ))}
      </List>
    </Alert>
  );
}
