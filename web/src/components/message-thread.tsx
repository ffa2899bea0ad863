import { Button, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { FormError } from '@/components/form-error';
import { formatDateTime } from '@/lib/format';
import type { Message } from '@/lib/messages';

type Props = {
  messages: Message[];
  /** Which side the reader is on (their own messages are labelled "You"). */
  side: Message['side'];
  onSend: (body: string) => Promise<unknown>;
  sending: boolean;
  error: unknown;
  label: string;
};

/** A message thread with a reply box. */
export function MessageThread({ messages, side, onSend, sending, error, label }: Props) {
  const [body, setBody] = useState('');
  const [empty, setEmpty] = useState(false);
  return (
    <Stack gap="sm">
      {messages.length === 0 ? (
        <Text c="dimmed">No messages yet.</Text>
      ) : (
        <ul aria-label={label} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {messages.map((m) => (
            <li key={m.id}>
              <Paper withBorder p="sm" mb="xs">
                <Text size="sm" fw={600}>
                  {m.side === side ? 'You' : m.sender_name || (m.side === 'applicant' ? 'Applicant' : 'Program')} ·{' '}
                  {formatDateTime(m.created_at)}
                </Text>
                <Text style={{ whiteSpace: 'pre-wrap' }}>{m.body}</Text>
              </Paper>
            </li>
          ))}
        </ul>
      )}
      <FormError error={error} title="The message was not sent" />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!body.trim()) {
            setEmpty(true);
            return;
          }
          setEmpty(false);
          void onSend(body.trim()).then(() => setBody(''), () => undefined);
        }}
      >
        <Textarea
          label="New message"
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          error={empty ? 'Write a message' : undefined}
          rows={3}
        />
        <Button type="submit" mt="xs" loading={sending}>
          Send message
        </Button>
      </form>
    </Stack>
  );
}
