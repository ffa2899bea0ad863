import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { FormError } from '@/components/form-error';
import { useLogoutEverywhere } from '../api/logout-all';

/** "Log out everywhere", with a confirmation since it also ends this session. */
export function LogoutEverywhere({ onDone }: { onDone: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const mutation = useLogoutEverywhere({ onSuccess: onDone });

  return (
    <Stack gap="sm" align="flex-start">
      <Text>
        Ends your session on every device and browser, including this one. Use it if you logged in
        on a shared computer or think someone else knows your password.
      </Text>
      <FormError error={mutation.error} title="You were not logged out" />
      <Button color="red.9" variant="outline" onClick={() => setConfirming(true)}>
        Log out everywhere
      </Button>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title="Log out everywhere?" centered>
        <Text mb="lg">You will need to log in again on every device, including this one.</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setConfirming(false)}>
            Cancel
          </Button>
          <Button
            color="red"
            loading={mutation.isPending}
            onClick={() => mutation.mutate(undefined, { onSettled: () => setConfirming(false) })}
          >
            Log out on all devices
          </Button>
        </Group>
      </Modal>
    </Stack>
  );
}
