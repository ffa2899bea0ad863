import { Card, Stack, Text } from '@mantine/core';
import { PageHeader } from '@/components/page-header';
import { ForgotPasswordForm } from '@/features/auth/components/forgot-password-form';

export function ForgotPasswordPage() {
  return (
    <Stack maw={480}>
      <PageHeader title="Reset your password">
        Enter the address you log in with and we will e-mail you a link to choose a new password.
      </PageHeader>
      <Card withBorder padding="lg" component="section" aria-labelledby="forgot-heading">
        <Text id="forgot-heading" fw={600} mb="md">
          Send a reset link
        </Text>
        <ForgotPasswordForm />
      </Card>
    </Stack>
  );
}
