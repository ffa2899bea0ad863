import { Card, Stack, Text } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { ResetPasswordForm } from '@/features/auth/components/reset-password-form';

export function ResetPasswordPage() {
  const [params] = useSearchParams();
  return (
    <Stack maw={480}>
      <PageHeader title="Choose a new password" />
      <Card withBorder padding="lg" component="section" aria-labelledby="reset-heading">
        <Text id="reset-heading" fw={600} mb="md">
          Your new password
        </Text>
        <ResetPasswordForm token={params.get('token') ?? ''} />
      </Card>
    </Stack>
  );
}
