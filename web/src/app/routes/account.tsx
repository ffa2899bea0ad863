import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useNavigate } from 'react-router';
import { PageHeader } from '@/components/page-header';
import type { User } from '@/features/auth/api/session-schema';
import { ChangeEmailForm } from '@/features/auth/components/change-email-form';
import { ChangePasswordForm } from '@/features/auth/components/change-password-form';
import { LogoutEverywhere } from '@/features/auth/components/logout-everywhere';
import { staffInstitutions } from '@/features/auth/permissions';
import { RequireUser } from '../require-user';
import { CalendarFeedCard } from '@/features/interviews/components/calendar-feed-card';

function roles(user: User): string[] {
  const list: string[] = [];
  if (user.is_admin) list.push('Platform admin');
  if (user.is_applicant) list.push('Applicant');
  for (const institution of staffInstitutions(user)) {
    list.push(`${institution.roles.map((r) => r[0]!.toUpperCase() + r.slice(1)).join(', ')} at ${institution.name}`);
  }
  return list;
}

function Account({ user }: { user: User }) {
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title="Your account">Signed in as {user.display_name}.</PageHeader>
      <Stack gap="xl">
        <Card withBorder padding="lg" component="section" aria-labelledby="profile-heading">
          <Title order={2} size="h3" id="profile-heading" mb="sm">
            Profile
          </Title>
          <Text>
            <strong>{user.display_name}</strong> · {user.email}
          </Text>
          <Group gap="xs" mt="sm">
            {roles(user).map((role) => (
              <Badge key={role} variant="light" color="indigo" tt="none" size="lg">
                {role}
              </Badge>
            ))}
          </Group>
        </Card>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
          <Card withBorder padding="lg" component="section" aria-labelledby="password-heading">
            <Title order={2} size="h3" id="password-heading" mb="md">
              Change password
            </Title>
            <ChangePasswordForm labelledBy="password-heading" />
          </Card>
          <Card withBorder padding="lg" component="section" aria-labelledby="email-heading">
            <Title order={2} size="h3" id="email-heading" mb="md">
              Change e-mail address
            </Title>
            <ChangeEmailForm labelledBy="email-heading" />
          </Card>
        </SimpleGrid>
        <Card withBorder padding="lg" component="section" aria-labelledby="calendar-heading">
          <Title order={2} size="h3" id="calendar-heading" mb="md">
            Calendar feed
          </Title>
          <CalendarFeedCard />
        </Card>
        <Card withBorder padding="lg" component="section" aria-labelledby="sessions-heading">
          <Title order={2} size="h3" id="sessions-heading" mb="md">
            Sessions
          </Title>
          <LogoutEverywhere onDone={() => void navigate('/login', { replace: true })} />
        </Card>
      </Stack>
    </>
  );
}

export function AccountPage() {
  return <RequireUser title="Your account">{(user) => <Account user={user} />}</RequireUser>;
}
