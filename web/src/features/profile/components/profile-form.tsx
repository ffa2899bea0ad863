import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Grid,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMemo, useState, type FormEvent } from 'react';
import { FormError } from '@/components/form-error';
import { RepeatableRows } from '@/components/repeatable-rows';
import { ApiError } from '@/lib/api-client';
import { useServerErrors } from '@/lib/use-server-errors';
import {
  DEGREES,
  ECFMG_STATUSES,
  emptyExam,
  emptyExperience,
  emptyLanguage,
  EXAM_RESULTS,
  EXPERIENCE_KINDS,
  LANGUAGE_LEVELS,
  profileFieldNames,
  type ProfileFormValues,
} from '../api/profile-input';
import type { ProfileView } from '../api/profile-schema';
import { degreeLabel, ecfmgLabel, kindLabel, levelLabel, resultLabel } from './labels';

type Option = { value: string; label: string };

/** The controlled lists the form offers, with their labels (from GET /api/catalog/vocabulary). */
export type ProfileVocabulary = { specialties: Option[]; exams: Option[]; visas: Option[] };

type Props = {
  initial: ProfileFormValues;
  vocabulary: ProfileVocabulary;
  mutation: {
    mutate: (
      values: ProfileFormValues,
      options: { onSuccess: (view: ProfileView) => void; onError: (error: unknown) => void },
    ) => void;
    error: unknown;
    isPending: boolean;
  };
  /** Reload the saved profile after a 409 (someone saved in between). */
  onReload: () => void;
  /** The form's accessible name. */
  label: string;
};

const CHOOSE = { value: '', label: 'Choose…' };
const options = (codes: readonly string[], label: (code: string) => string): Option[] =>
  codes.map((code) => ({ value: code, label: label(code) }));

/**
 * The whole applicant profile in sections. Lists (exams, languages, experiences) are repeatable
 * rows; the server validates, and its message lands next to the input it names, also inside a
 * row ("experiences[2].end"). A stale version (409) asks the applicant to reload.
 */
export function ProfileForm({ initial, vocabulary, mutation, onReload, label }: Props) {
  const [values, setValues] = useState<ProfileFormValues>(initial);
  const [saved, setSaved] = useState(false);
  const examCount = values.exams.length;
  const languageCount = values.languages.length;
  const experienceCount = values.experiences.length;
  const fieldNames = useMemo(
    () => profileFieldNames({ exams: examCount, languages: languageCount, experiences: experienceCount }),
    [examCount, languageCount, experienceCount],
  );
  const { field, focusError } = useServerErrors(fieldNames, mutation.error);
  const stale = mutation.error instanceof ApiError && mutation.error.status === 409;

  const update = (changes: Partial<ProfileFormValues>) => {
    setSaved(false);
    setValues((current) => ({ ...current, ...changes }));
  };
  const text =
    (name: 'legal_name' | 'preferred_name' | 'passport_name' | 'passport_number' | 'date_of_birth' | 'citizenship' | 'country_of_residence' | 'phone' | 'address' | 'personal_statement') =>
    (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      update({ [name]: event.currentTarget.value });
  const school = (changes: Partial<ProfileFormValues['school']>) => update({ school: { ...values.school, ...changes } });

  // A list's own error (e.g. too many rows) shows under its Add button, which takes the focus.
  const listButton = (name: 'exams' | 'languages' | 'experiences') => {
    const { error, ...rest } = field(name);
    return { addButton: rest, error };
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    mutation.mutate(values, { onSuccess: () => setSaved(true), onError: focusError });
  };

  const specialties = [{ value: '', label: 'Not specific' }, ...vocabulary.specialties];

  return (
    <form onSubmit={onSubmit} noValidate aria-label={label}>
      <Stack gap="lg">
        {stale ? (
          <Alert color="red" variant="light" title="Not saved" role="alert">
            <Text size="sm" mb="sm">
              {(mutation.error as ApiError).message}
            </Text>
            <Button size="xs" variant="outline" color="red" onClick={onReload}>
              Reload the profile
            </Button>
          </Alert>
        ) : (
          <FormError error={mutation.error} title="The profile was not saved" />
        )}

        <Fieldset legend="Identity and contact">
          <Grid gap="sm" align="flex-end">
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                label="Legal name"
                description="As on your passport, in any script"
                required
                maxLength={200}
                {...field('legal_name')}
                value={values.legal_name}
                onChange={text('legal_name')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput label="Preferred name" {...field('preferred_name')} value={values.preferred_name} onChange={text('preferred_name')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                label="Name as in passport"
                description="Exactly as printed, any script; used on visa invitation letters"
                maxLength={200}
                {...field('passport_name')}
                value={values.passport_name}
                onChange={text('passport_name')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                label="Passport number (optional)"
                maxLength={20}
                {...field('passport_number')}
                value={values.passport_number}
                onChange={text('passport_number')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput type="date" label="Date of birth" {...field('date_of_birth')} value={values.date_of_birth} onChange={text('date_of_birth')} />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 4 }}>
              <TextInput
                label="Citizenship"
                description="Two-letter code, e.g. VN"
                maxLength={2}
                {...field('citizenship')}
                value={values.citizenship}
                onChange={text('citizenship')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 4 }}>
              <TextInput
                label="Country of residence"
                description="Two-letter code"
                maxLength={2}
                {...field('country_of_residence')}
                value={values.country_of_residence}
                onChange={text('country_of_residence')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput label="Phone" type="tel" {...field('phone')} value={values.phone} onChange={text('phone')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput label="Address" {...field('address')} value={values.address} onChange={text('address')} />
            </Grid.Col>
          </Grid>
        </Fieldset>

        <Fieldset legend="Medical school">
          <Grid gap="sm" align="flex-end">
            <Grid.Col span={{ base: 12, sm: 8 }}>
              <TextInput
                label="School name"
                {...field('school.name')}
                value={values.school.name}
                onChange={(event) => school({ name: event.currentTarget.value })}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput
                label="School country"
                description="Two-letter code"
                maxLength={2}
                {...field('school.country')}
                value={values.school.country}
                onChange={(event) => school({ country: event.currentTarget.value })}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                type="date"
                label="Graduation date"
                description="Expected, if you are a student"
                {...field('school.graduation_date')}
                value={values.school.graduation_date}
                onChange={(event) => school({ graduation_date: event.currentTarget.value })}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <NativeSelect
                label="Degree"
                data={[CHOOSE, ...options(DEGREES, degreeLabel)]}
                {...field('school.degree')}
                value={values.school.degree}
                onChange={(event) => school({ degree: event.currentTarget.value })}
              />
            </Grid.Col>
          </Grid>
        </Fieldset>

        <Fieldset legend="Current status">
          <NativeSelect
            label="I am a"
            data={[CHOOSE, { value: 'student', label: 'Medical student' }, { value: 'graduate', label: 'Graduate' }]}
            maw={320}
            {...field('status')}
            value={values.status}
            onChange={(event) => update({ status: event.currentTarget.value })}
          />
        </Fieldset>

        <RepeatableRows
          legend="Exams"
          itemLabel="Exam"
          rows={values.exams}
          onChange={(exams) => update({ exams })}
          newRow={() => emptyExam(vocabulary.exams[0]?.value ?? '')}
          addLabel="Add an exam"
          emptyText="No exams yet (USMLE, OET, TOEFL …)."
          {...listButton('exams')}
          renderRow={(row, i, set) => (
            <Grid gap="sm">
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <NativeSelect
                  label="Exam"
                  data={[CHOOSE, ...vocabulary.exams]}
                  {...field(`exams[${i}].exam`)}
                  value={row.exam}
                  onChange={(event) => set({ exam: event.currentTarget.value })}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 6, sm: 3 }}>
                <NativeSelect
                  label="Result"
                  data={options(EXAM_RESULTS, resultLabel)}
                  {...field(`exams[${i}].result`)}
                  value={row.result}
                  onChange={(event) => set({ result: event.currentTarget.value })}
                />
              </Grid.Col>
              {row.result === 'score' && (
                <Grid.Col span={{ base: 6, sm: 2 }}>
                  <TextInput
                    label="Score"
                    inputMode="decimal"
                    {...field(`exams[${i}].score`)}
                    value={row.score}
                    onChange={(event) => set({ score: event.currentTarget.value })}
                  />
                </Grid.Col>
              )}
              <Grid.Col span={{ base: 12, sm: 3 }}>
                <TextInput
                  type="date"
                  label="Date"
                  {...field(`exams[${i}].date`)}
                  value={row.date}
                  onChange={(event) => set({ date: event.currentTarget.value })}
                />
              </Grid.Col>
            </Grid>
          )}
        />

        <Fieldset legend="ECFMG and visa">
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <NativeSelect
                label="ECFMG certification"
                data={[CHOOSE, ...options(ECFMG_STATUSES, ecfmgLabel)]}
                {...field('ecfmg.status')}
                value={values.ecfmg.status}
                onChange={(event) => update({ ecfmg: { ...values.ecfmg, status: event.currentTarget.value } })}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                label="USMLE/ECFMG ID"
                {...field('ecfmg.number')}
                value={values.ecfmg.number}
                onChange={(event) => update({ ecfmg: { ...values.ecfmg, number: event.currentTarget.value } })}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <NativeSelect
                label="Current visa"
                data={[{ value: '', label: 'None' }, ...vocabulary.visas]}
                {...field('visa.current')}
                value={values.visa.current}
                onChange={(event) => update({ visa: { ...values.visa, current: event.currentTarget.value } })}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Checkbox
                mt={{ base: 0, sm: 30 }}
                label="I will need a visa for the rotation"
                {...field('visa.needs_visa')}
                checked={values.visa.needs_visa}
                onChange={(event) => update({ visa: { ...values.visa, needs_visa: event.currentTarget.checked } })}
              />
            </Grid.Col>
          </Grid>
        </Fieldset>

        <RepeatableRows
          legend="Languages"
          itemLabel="Language"
          rows={values.languages}
          onChange={(languages) => update({ languages })}
          newRow={emptyLanguage}
          addLabel="Add a language"
          emptyText="No languages yet."
          {...listButton('languages')}
          renderRow={(row, i, set) => (
            <Grid gap="sm">
              <Grid.Col span={{ base: 12, sm: 7 }}>
                <TextInput
                  label="Language"
                  {...field(`languages[${i}].language`)}
                  value={row.language}
                  onChange={(event) => set({ language: event.currentTarget.value })}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 5 }}>
                <NativeSelect
                  label="Level"
                  data={options(LANGUAGE_LEVELS, levelLabel)}
                  {...field(`languages[${i}].level`)}
                  value={row.level}
                  onChange={(event) => set({ level: event.currentTarget.value })}
                />
              </Grid.Col>
            </Grid>
          )}
        />

        <RepeatableRows
          legend="Experience"
          itemLabel="Experience"
          rows={values.experiences}
          onChange={(experiences) => update({ experiences })}
          newRow={emptyExperience}
          addLabel="Add an experience"
          emptyText="Clinical and U.S. clinical experience, work, research, publications, service and awards."
          {...listButton('experiences')}
          renderRow={(row, i, set) => (
            <Grid gap="sm">
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <NativeSelect
                  label="Kind"
                  data={options(EXPERIENCE_KINDS, kindLabel)}
                  {...field(`experiences[${i}].kind`)}
                  value={row.kind}
                  onChange={(event) => set({ kind: event.currentTarget.value })}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 8 }}>
                <TextInput
                  label="Title"
                  {...field(`experiences[${i}].title`)}
                  value={row.title}
                  onChange={(event) => set({ title: event.currentTarget.value })}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <TextInput
                  label="Organization"
                  description="Hospital, lab, journal …"
                  {...field(`experiences[${i}].organization`)}
                  value={row.organization}
                  onChange={(event) => set({ organization: event.currentTarget.value })}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <NativeSelect
                  label="Specialty"
                  description="For clinical experience"
                  data={specialties}
                  {...field(`experiences[${i}].specialty`)}
                  value={row.specialty}
                  onChange={(event) => set({ specialty: event.currentTarget.value })}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 8, sm: 4 }}>
                <TextInput
                  label="City"
                  {...field(`experiences[${i}].city`)}
                  value={row.city}
                  onChange={(event) => set({ city: event.currentTarget.value })}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 4, sm: 2 }}>
                <TextInput
                  label="Country"
                  maxLength={2}
                  {...field(`experiences[${i}].country`)}
                  value={row.country}
                  onChange={(event) => set({ country: event.currentTarget.value })}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 6, sm: 3 }}>
                <TextInput
                  type="date"
                  label="Start"
                  {...field(`experiences[${i}].start`)}
                  value={row.start}
                  onChange={(event) => set({ start: event.currentTarget.value })}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 6, sm: 3 }}>
                <TextInput
                  type="date"
                  label="End"
                  {...field(`experiences[${i}].end`)}
                  value={row.end}
                  onChange={(event) => set({ end: event.currentTarget.value })}
                />
              </Grid.Col>
              {row.kind === 'clinical' && (
                <Grid.Col span={12}>
                  <Group gap="lg">
                    <Checkbox
                      label="Hands-on (not an observership)"
                      {...field(`experiences[${i}].hands_on`)}
                      checked={row.hands_on}
                      onChange={(event) => set({ hands_on: event.currentTarget.checked })}
                    />
                    <Checkbox
                      label="In the United States"
                      {...field(`experiences[${i}].us_clinical`)}
                      checked={row.us_clinical}
                      onChange={(event) => set({ us_clinical: event.currentTarget.checked })}
                    />
                  </Group>
                </Grid.Col>
              )}
              <Grid.Col span={12}>
                <Textarea
                  label="Description"
                  rows={2}
                  resize="vertical"
                  {...field(`experiences[${i}].description`)}
                  value={row.description}
                  onChange={(event) => set({ description: event.currentTarget.value })}
                />
              </Grid.Col>
            </Grid>
          )}
        />

        <Fieldset legend="Specialty interests">
          <Checkbox.Group
            label="Specialties you are interested in"
            {...field('specialty_interests')}
            value={values.specialty_interests}
            onChange={(specialty_interests) => update({ specialty_interests })}
          >
            <SimpleGrid cols={{ base: 1, xs: 2, sm: 3 }} spacing="xs" mt={6}>
              {vocabulary.specialties.map((s) => (
                <Checkbox key={s.value} value={s.value} label={s.label} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
        </Fieldset>

        <Fieldset legend="Personal statement">
          <Textarea
            label="Personal statement"
            description={`${values.personal_statement.length.toLocaleString('en')} of 20,000 characters`}
            rows={8}
            resize="vertical"
            maxLength={20000}
            {...field('personal_statement')}
            value={values.personal_statement}
            onChange={text('personal_statement')}
          />
        </Fieldset>

        <Group gap="md">
          <Button type="submit" size="md" loading={mutation.isPending}>
            Save profile
          </Button>
          {saved && !mutation.error && (
            <Text role="status" c="teal.9" fw={500}>
              Profile saved.
            </Text>
          )}
        </Group>
      </Stack>
    </form>
  );
}
