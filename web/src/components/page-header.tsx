import { Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

type Props = {
  title: string;
  children?: ReactNode;
};

/** The page's only h1, an optional lead paragraph, and the document title. */
export function PageHeader({ title, children }: Props) {
  return (
    <Stack gap="xs" mb="xl">
      <title>{`${title} · Clerkship`}</title>
      <Title order={1}>{title}</Title>
      {children && (
        <Text size="lg" c="dimmed" maw={720}>
          {children}
        </Text>
      )}
    </Stack>
  );
}
