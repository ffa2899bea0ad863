import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import { errorMessage } from '@/lib/api-client';

type Props = {
  error: unknown;
  /** What failed, e.g. "You were not logged in". */
  title: string;
  children?: ReactNode;
};

/** The alert a form shows above its fields when the server refuses it (announced to screen readers). */
export function FormError({ error, title, children }: Props) {
  if (!error) return null;
  return (
    <Alert color="red" variant="light" title={title} role="alert">
      {errorMessage(error)}
      {children}
    </Alert>
  );
}
