import { Button, CopyButton, Group, Stack, Text, TextInput } from '@mantine/core';
import { FormError } from '@/components/form-error';
import { useCalendarFeed, useRegenerateCalendarFeed } from '../api/calendar-feed';

/** The private calendar feed: make (or replace) the secret webcal:// link and copy it. */
export function CalendarFeedCard() {
  const feed = useCalendarFeed();
  const regenerate = useRegenerateCalendarFeed();
  const url = regenerate.data?.webcal_url;
  const active = feed.data?.active ?? false;
  return (
    <Stack gap="sm">
      <Text>
        Subscribe to your interviews and rotations in your calendar app with a private link. Anyone with the link can read
        the calendar; make a new link to stop the old one.
      </Text>
      <FormError error={regenerate.error} title="No new link was made" />
      {url && (
        <Group align="end">
          <TextInput label="Your calendar link" value={url} readOnly w={480} />
          <CopyButton value={url}>
            {({ copied, copy }) => (
              <Button variant="default" onClick={copy}>
                {copied ? 'Copied' : 'Copy link'}
              </Button>
            )}
          </CopyButton>
        </Group>
      )}
      {!url && active && <Text size="sm">A calendar link exists. It is shown only when made; make a new one to see it (the old one stops working).</Text>}
      <Group>
        <Button variant={active ? 'default' : 'filled'} loading={regenerate.isPending} onClick={() => regenerate.mutate()}>
          {active || url ? 'Make a new calendar link' : 'Make my calendar link'}
        </Button>
      </Group>
    </Stack>
  );
}
