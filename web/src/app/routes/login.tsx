import { Anchor, Button, Card, Stack, Text } from '@mantine/core';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { useSession } from '@/features/auth/api/get-session';
import { LoginForm } from '@/features/auth/components/login-form';
import { safeNextPath } from './safe-next';

export function LoginPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const session = useSession();
  const next = safeNextPath(params.get('next'));
  const user = session.data?.user;

  return (
    <Stack maw={480}>
      <PageHeader title="Log in" />
      {user ? (
        <Stack gap="md" align="flex-start">
          <Text>
            You are logged in as <strong>{user.display_name}</strong> ({user.email}).
          </Text>
          <Button component={Link} to={next ?? '/'}>
            Continue
          </Button>
        </Stack>
      ) : (
        <Card withBorder padding="lg" component="section" aria-labelledby="login-heading">
          <Text id="login-heading" fw={600} mb="md">
            Log in with your e-mail address
          </Text>
          <LoginForm onSuccess={() => void navigate(next ?? '/', { replace: true })} />
        </Card>
      )}
      {!user && (
        <Text size="sm" c="dimmed">
          Hospital staff: use the link in your invitation e-mail the first time.{' '}
          <Anchor component={Link} to="/rotations">
            Browse rotations
          </Anchor>{' '}
          without an account.
        </Text>
      )}
    </Stack>
  );
}
