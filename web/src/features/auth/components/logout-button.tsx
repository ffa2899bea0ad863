import { UnstyledButton } from '@mantine/core';
import { useLogout } from '../api/logout';

type Props = { className?: string; onLoggedOut: () => void; onError?: (error: unknown) => void };

/** The header's "Log out" button (POST /api/auth/logout). */
export function LogoutButton({ className, onLoggedOut, onError }: Props) {
  const mutation = useLogout({ onSuccess: onLoggedOut });
  return (
    <UnstyledButton
      className={className}
      disabled={mutation.isPending}
      onClick={() => mutation.mutate(undefined, onError ? { onError } : {})}
    >
      Log out
    </UnstyledButton>
  );
}
