import { Card, Stack, Text } from '@mantine/core';
import { PageHeader } from '@/components/page-header';
import { RegisterForm } from '@/features/auth/components/register-form';

export function RegisterPage() {
  return (
    <Stack maw={520}>
      <PageHeader title="Create an account">
        Applicants register here to save rotations and apply. Hospital staff join through an
        invitation from their coordinator.
      </PageHeader>
      <Card withBorder padding="lg" component="section" aria-labelledby="register-heading">
        <Text id="register-heading" fw={600} mb="md">
          Your details
        </Text>
        <RegisterForm />
      </Card>
    </Stack>
  );
}
