import { Button, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { FormError } from '@/components/form-error';
import { MessageThread } from '@/components/message-thread';
import { useAnswerInfo, useApplicationMessages, useSendApplicationMessage } from '../api/messages';

/** The thread with the program (applicant side); hidden for drafts. */
export function ApplicationMessages({ applicationId }: { applicationId: string }) {
  const thread = useApplicationMessages(applicationId);
  const send = useSendApplicationMessage(applicationId);
  if (thread.isPending) return <Text>Loading messages…</Text>;
  if (thread.isError) return <Text c="red.9">The messages could not be loaded.</Text>;
  return (
    <MessageThread
      messages={thread.data}
      side="applicant"
      onSend={(body) => send.mutateAsync(body)}
      sending={send.isPending}
      error={send.error}
      label="Messages with the program"
    />
  );
}

/** The answer box when the program asked a question (status info_requested). */
export function AnswerInfoForm({ applicationId, question }: { applicationId: string; question: string }) {
  const [answer, setAnswer] = useState('');
  const [missing, setMissing] = useState(false);
  const send = useAnswerInfo(applicationId);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!answer.trim()) {
          setMissing(true);
          return;
        }
        setMissing(false);
        send.mutate(answer.trim());
      }}
    >
      <Stack gap="xs">
        <Text fw={600}>The program asks: {question}</Text>
        <FormError error={send.error} title="Your answer was not sent" />
        <Textarea label="Your answer" value={answer} onChange={(e) => setAnswer(e.currentTarget.value)} error={missing ? 'Write your answer' : undefined} rows={3} />
        <Button type="submit" loading={send.isPending}>
          Send answer
        </Button>
      </Stack>
    </form>
  );
}
