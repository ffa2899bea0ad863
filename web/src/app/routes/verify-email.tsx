import { Stack } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { VerifyEmail } from '@/features/auth/components/verify-email';

export function VerifyEmailPage() {
  const [params] = useSearchParams();
  return (
    <Stack maw={560}>
      <PageHeader title="Confirm your e-mail address" />
      <VerifyEmail token={params.get('token') ?? ''} />
    </Stack>
  );
}
