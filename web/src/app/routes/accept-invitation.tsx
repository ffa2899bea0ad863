import { Stack, Text } from '@mantine/core';
import { useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { AcceptInvitation } from '@/features/auth/components/accept-invitation';

export function AcceptInvitationPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  return (
    <Stack maw={560}>
      <PageHeader title="Accept your invitation" />
      <Text id="accept-heading" fw={600}>
        Join your institution on Clerkship
      </Text>
      <AcceptInvitation
        token={params.get('token') ?? ''}
        onAccepted={(session, invitation) => {
          // Land on the staff page of the institution just joined.
          const joined = session.user?.memberships.find(
            (m) => m.institution_name === invitation.institution_name && m.role === invitation.role,
          );
          void navigate(joined ? `/institutions/${joined.institution_id}/staff` : '/', { replace: true });
        }}
      />
    </Stack>
  );
}
