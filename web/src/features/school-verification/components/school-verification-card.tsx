import { Badge, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { FormError } from '@/components/form-error';
import { ApiError } from '@/lib/api-client';
import { formatDate } from '@/lib/format';
import {
  useCancelSchoolVerification,
  useMySchoolVerifications,
  useRequestSchoolVerification,
  type SchoolVerification,
} from '../api/school-verification';

const STATUS: Record<SchoolVerification['status'], { label: string; color: string }> = {
  requested: { label: 'Requested', color: 'blue.9' },
  verified: { label: 'Verified', color: 'teal.9' },
  declined: { label: 'Declined', color: 'red.9' },
  cancelled: { label: 'Cancelled', color: 'gray.7' },
};

function Row({ v }: { v: SchoolVerification }) {
  const cancel = useCancelSchoolVerification();
  const s = STATUS[v.status];
  return (
    <Stack gap={2}>
      <Group gap="xs">
        <Badge color={s.color} variant="filled">
          {s.label}
        </Badge>
        <Text size="sm">
          {v.office_name} ({v.office_email}), asked {formatDate(v.created_at)}
        </Text>
      </Group>
      {v.status === 'verified' && (
        <Text size="sm">
          {v.school_name} confirmed {v.claim === 'graduated' ? `your graduation in ${v.year}` : `your enrollment (graduating ${v.year})`}
          {v.good_standing ? ' and good standing' : ''} on {formatDate(v.responded_at)} ({v.attester_name}, {v.attester_title}).
          Programs see "school verified".
        </Text>
      )}
      {v.status === 'declined' && <Text size="sm">Reason: {v.reason}</Text>}
      {v.status === 'requested' && (
        <Group>
          <FormError error={cancel.error} title="The request was not cancelled" />
          <Button size="xs" variant="default" loading={cancel.isPending} onClick={() => cancel.mutate(v.id)}>
            Cancel request
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** The applicant asks their school's office to verify them, and sees requested / verified / declined. */
export function SchoolVerificationCard() {
  const list = useMySchoolVerifications();
  const request = useRequestSchoolVerification();
  const [officeName, setOfficeName] = useState('');
  const [officeEmail, setOfficeEmail] = useState('');
  const fieldError = (name: string) =>
    request.error instanceof ApiError && request.error.field === name ? request.error.message : undefined;
  const waiting = (list.data ?? []).some((v) => v.status === 'requested');

  function submit(event: FormEvent) {
    event.preventDefault();
    request.mutate(
      { office_name: officeName, office_email: officeEmail },
      {
        onSuccess: () => {
          setOfficeName('');
          setOfficeEmail('');
        },
      },
    );
  }

  return (
    <Stack gap="md">
      <Text size="sm">
        Your medical school's dean's office confirms your enrollment or graduation and good standing through a private
        link (no account needed; it works once and for 30 days). Programs then see "school verified".
      </Text>
      {list.isPending && <Text>Loading…</Text>}
      {list.isError && <Text c="red.9">Your requests could not be loaded.</Text>}
      {list.data?.map((v) => <Row key={v.id} v={v} />)}
      {!waiting && (
        <form onSubmit={submit} aria-label="Ask your school to verify you">
          <Stack gap="sm">
            <FormError
              error={request.error && !fieldError('office_name') && !fieldError('office_email') ? request.error : null}
              title="The request was not sent"
            />
            <Group align="end" wrap="wrap">
              <TextInput
                label="Office name"
                placeholder="Dean's office, Office of Student Affairs"
                value={officeName}
                onChange={(e) => setOfficeName(e.currentTarget.value)}
                error={fieldError('office_name')}
                maxLength={200}
                required
              />
              <TextInput
                label="Office e-mail"
                type="email"
                value={officeEmail}
                onChange={(e) => setOfficeEmail(e.currentTarget.value)}
                error={fieldError('office_email')}
                required
              />
              <Button type="submit" loading={request.isPending}>
                Send verification request
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
