import { Alert, Button, Checkbox, Group, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { ApiError, errorMessage } from '@/lib/api-client';
import { useInstitutions } from '@/features/institutions/api/get-institutions';
import { useSaveGroup, type InstitutionGroup } from '../api/groups';

/** Splits the managers box (one e-mail per line, or separated by commas) into addresses. */
export function parseEmails(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((e) => e.trim())
    .filter((e) => e.length > 0);
}

/** The server's error, naming the e-mail when it is about one manager (field manager_emails[i]). */
function saveError(error: unknown, emails: string[]): string {
  const m = error instanceof ApiError ? /^manager_emails\[(\d+)\]$/.exec(error.field ?? '') : null;
  const email = m ? emails[Number(m[1])] : undefined;
  return email ? `${email}: ${errorMessage(error)}` : errorMessage(error);
}

/**
 * Admin: creates an institution group (no `group`) or edits one — its name, member institutions and
 * managers (accounts by e-mail; each must coordinate a member institution, the server checks).
 */
export function GroupForm({ group, onSaved }: { group?: InstitutionGroup; onSaved?: (g: InstitutionGroup) => void }) {
  const institutions = useInstitutions();
  const save = useSaveGroup(group?.id);
  const [name, setName] = useState(group?.name ?? '');
  const [members, setMembers] = useState<string[]>(group?.institution_ids ?? []);
  const [managers, setManagers] = useState((group?.managers ?? []).map((m) => m.email).join('\n'));
  const heading = group ? 'Edit group' : 'New institution group';
  const headingId = group ? 'edit-group-heading' : 'new-group-heading';

  return (
    <form
      aria-labelledby={headingId}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(
          { name, institution_ids: members, manager_emails: parseEmails(managers) },
          {
            onSuccess: (g) => {
              if (!group) {
                setName('');
                setMembers([]);
                setManagers('');
              }
              onSaved?.(g);
            },
          },
        );
      }}
    >
      <Stack>
        <Title order={2} id={headingId}>
          {heading}
        </Title>
        <TextInput label="Group name" required value={name} onChange={(e) => setName(e.currentTarget.value)} />
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <legend>
            <Text fw={500}>Member institutions</Text>
          </legend>
          <Stack gap={4} mt={4}>
            {institutions.isPending && <Text size="sm">Loading institutions…</Text>}
            {institutions.data?.map((i) => (
              <Checkbox
                key={i.id}
                label={i.name}
                checked={members.includes(i.id)}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  setMembers((list) => (on ? [...list, i.id] : list.filter((x) => x !== i.id)));
                }}
              />
            ))}
          </Stack>
        </fieldset>
        <Textarea
          label="Group managers"
          description="E-mail addresses of their accounts, one per line; each must be a coordinator of a member institution"
          minRows={2}
          value={managers}
          onChange={(e) => setManagers(e.currentTarget.value)}
        />
        {save.error && (
          <Alert color="red" role="alert">
            {saveError(save.error, parseEmails(managers))}
          </Alert>
        )}
        {save.isSuccess && group && <Text role="status">Saved.</Text>}
        <Group>
          <Button type="submit" loading={save.isPending} disabled={members.length === 0 || name.trim() === ''}>
            {group ? 'Save group' : 'Create group'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
