import {
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
import { useServerErrors } from '@/lib/use-server-errors';
import type { Vocabulary } from '../api/get-vocabulary';
import { offeringFieldNames, rowKey, type OfferingFormValues } from '../api/offering-input';
import type { Offering } from '../api/offering-schema';
import classes from './catalog.module.css';
import {
  documentLabel,
  examLabel,
  feeCategoryLabel,
  feeKindLabel,
  settingLabel,
  specialtyLabel,
  typeLabel,
  visaLabel,
} from './labels';

type Props = {
  initial: OfferingFormValues;
  vocabulary: Vocabulary;
  /** The create or update mutation. */
  mutation: {
    mutate: (
      values: OfferingFormValues,
      options: { onSuccess: (offering: Offering) => void; onError: (error: unknown) => void },
    ) => void;
    error: unknown;
    isPending: boolean;
  };
  submitLabel: string;
  failureTitle: string;
  labelledBy: string;
  onSaved: (offering: Offering) => void;
};

type Eligibility = OfferingFormValues['eligibility'];

function GroupError({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <Text size="sm" c="var(--mantine-color-error)" mt={4}>
      {message}
    </Text>
  );
}

/**
 * Every detail of an offering. Fees and required documents are repeatable rows; money is typed
 * in dollars and cents and sent as integer cents. The server validates, and its message appears
 * next to the input it names — also inside rows (`fees[1].amount_cents`) and groups
 * (`eligibility.visas_accepted[0]`) — and in an alert, with focus moved there.
 */
export function OfferingForm({ initial, vocabulary, mutation, submitLabel, failureTitle, labelledBy, onSaved }: Props) {
  const [values, setValues] = useState<OfferingFormValues>(initial);
  const feeCount = values.fees.length;
  const documentCount = values.required_documents.length;
  const fieldNames = useMemo(
    () =>
      offeringFieldNames({
        fees: Array.from({ length: feeCount }, () => ({ key: '', kind: '', category: '', amount: '', label: '' })),
        required_documents: Array.from({ length: documentCount }, () => ({ key: '', type: '', count: '' })),
      }),
    [feeCount, documentCount],
  );
  const { field, focusError } = useServerErrors(fieldNames, mutation.error);

  const update = (changes: Partial<OfferingFormValues>) => setValues((current) => ({ ...current, ...changes }));
  const updateEligibility = (changes: Partial<Eligibility>) =>
    setValues((current) => ({ ...current, eligibility: { ...current.eligibility, ...changes } }));
  const text =
    (name: 'title' | 'description' | 'site' | 'city' | 'state' | 'country' | 'duration_weeks' | 'currency' | 'refund_policy' | 'teaching_affiliation' | 'contact_name' | 'contact_email') =>
    (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) =>
      update({ [name]: event.currentTarget.value });
  const flag =
    (name: 'hands_on' | 'emr_access' | 'letter_usually' | 'housing_help' | 'visa_letter') =>
    (event: React.ChangeEvent<HTMLInputElement>) =>
      update({ [name]: event.currentTarget.checked });

  const setFee = (index: number, changes: Partial<OfferingFormValues['fees'][number]>) =>
    setValues((current) => ({
      ...current,
      fees: current.fees.map((fee, i) => (i === index ? { ...fee, ...changes } : fee)),
    }));
  const setDocument = (index: number, changes: Partial<OfferingFormValues['required_documents'][number]>) =>
    setValues((current) => ({
      ...current,
      required_documents: current.required_documents.map((doc, i) => (i === index ? { ...doc, ...changes } : doc)),
    }));

  // A row list's own errors (e.g. too many rows) show under its "Add" button, which takes the focus.
  const groupButton = (name: 'fees' | 'required_documents') => {
    const { error: _error, ...rest } = field(name);
    return rest;
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    mutation.mutate(values, { onSuccess: onSaved, onError: focusError });
  };

  const observership = values.type === 'observership';
  const currency = values.currency.trim().toUpperCase() || 'USD';
  const specialties = vocabulary.specialties.some((s) => s.code === values.specialty) || values.specialty === ''
    ? vocabulary.specialties
    : [...vocabulary.specialties, { code: values.specialty, name: specialtyLabel(values.specialty, vocabulary) }];

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={labelledBy}>
      <Stack gap="lg">
        <FormError error={mutation.error} title={failureTitle} />

        <Fieldset legend="The rotation">
          <Stack gap="sm">
            <TextInput label="Title" required maxLength={200} {...field('title')} value={values.title} onChange={text('title')} />
            <Grid gap="sm">
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <NativeSelect
                  label="Specialty"
                  required
                  data={[{ value: '', label: 'Choose a specialty' }, ...specialties.map((s) => ({ value: s.code, label: s.name }))]}
                  {...field('specialty')}
                  value={values.specialty}
                  onChange={(event) => update({ specialty: event.currentTarget.value })}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <NativeSelect
                  label="Type"
                  required
                  data={vocabulary.types.map((t) => ({ value: t, label: typeLabel(t) }))}
                  {...field('type')}
                  value={values.type}
                  onChange={(event) => {
                    const type = event.currentTarget.value;
                    update(type === 'observership' ? { type, hands_on: false } : { type });
                  }}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <TextInput
                  label="Duration (weeks)"
                  inputMode="numeric"
                  required
                  {...field('duration_weeks')}
                  value={values.duration_weeks}
                  onChange={text('duration_weeks')}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <NativeSelect
                  label="Setting"
                  data={vocabulary.settings.map((s) => ({ value: s, label: settingLabel(s) }))}
                  {...field('setting')}
                  value={values.setting}
                  onChange={(event) => update({ setting: event.currentTarget.value })}
                />
              </Grid.Col>
            </Grid>
            <Checkbox
              label="Hands-on patient care"
              description={observership ? 'Observerships are observation only.' : 'Unchecked means observation only.'}
              disabled={observership}
              {...field('hands_on')}
              checked={values.hands_on}
              onChange={flag('hands_on')}
            />
            <Textarea
              label="Description"
              description="What the student or graduate will do and see"
              rows={5}
              resize="vertical"
              maxLength={10000}
              {...field('description')}
              value={values.description}
              onChange={text('description')}
            />
          </Stack>
        </Fieldset>

        <Fieldset legend="Location">
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput label="Site" description="Hospital or clinic, if not the main campus" {...field('site')} value={values.site} onChange={text('site')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput label="City" required {...field('city')} value={values.city} onChange={text('city')} />
            </Grid.Col>
            <Grid.Col span={{ base: 6 }}>
              <TextInput label="State" {...field('state')} value={values.state} onChange={text('state')} />
            </Grid.Col>
            <Grid.Col span={{ base: 6 }}>
              <TextInput
                label="Country"
                description="Two-letter code, e.g. US"
                maxLength={2}
                required
                {...field('country')}
                value={values.country}
                onChange={text('country')}
              />
            </Grid.Col>
          </Grid>
        </Fieldset>

        <Fieldset legend="Who can apply">
          <Stack gap="sm">
            <Group gap="lg">
              <Checkbox
                label="Current medical students"
                {...field('eligibility.students')}
                checked={values.eligibility.students}
                onChange={(event) => updateEligibility({ students: event.currentTarget.checked })}
              />
              <Checkbox
                label="Graduates (IMGs)"
                {...field('eligibility.graduates')}
                checked={values.eligibility.graduates}
                onChange={(event) => updateEligibility({ graduates: event.currentTarget.checked })}
              />
              <Checkbox
                label="ECFMG certification required"
                {...field('eligibility.ecfmg_required')}
                checked={values.eligibility.ecfmg_required}
                onChange={(event) => updateEligibility({ ecfmg_required: event.currentTarget.checked })}
              />
            </Group>
            <Grid gap="sm">
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <TextInput
                  label="Years since graduation at most"
                  description="0 means no limit"
                  inputMode="numeric"
                  {...field('eligibility.max_years_since_graduation')}
                  value={values.eligibility.max_years_since_graduation}
                  onChange={(event) => updateEligibility({ max_years_since_graduation: event.currentTarget.value })}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <TextInput
                  label="English proficiency"
                  description="e.g. OET grade B or TOEFL iBT 100"
                  {...field('eligibility.english')}
                  value={values.eligibility.english}
                  onChange={(event) => updateEligibility({ english: event.currentTarget.value })}
                />
              </Grid.Col>
            </Grid>
            <Checkbox.Group
              label="Exams passed"
              {...field('eligibility.required_exams')}
              value={values.eligibility.required_exams}
              onChange={(required_exams) => updateEligibility({ required_exams })}
            >
              <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs" mt={6}>
                {vocabulary.exams.map((exam) => (
                  <Checkbox key={exam} value={exam} label={examLabel(exam)} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
            <Checkbox.Group
              label="Visas accepted"
              {...field('eligibility.visas_accepted')}
              value={values.eligibility.visas_accepted}
              onChange={(visas_accepted) => updateEligibility({ visas_accepted })}
            >
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt={6}>
                {vocabulary.visa_types.map((visa) => (
                  <Checkbox key={visa} value={visa} label={visaLabel(visa)} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
          </Stack>
        </Fieldset>

        <Fieldset legend="Documents to send">
          <Stack gap="sm">
            {values.required_documents.length === 0 && <Text size="sm">No documents required yet.</Text>}
            {values.required_documents.map((doc, i) => (
              <Fieldset key={doc.key} legend={`Document ${i + 1}`} variant="unstyled">
                <Group gap="sm" className={classes.rowInputs} wrap="wrap">
                  <NativeSelect
                    label="Document"
                    data={vocabulary.document_types.map((t) => ({ value: t, label: documentLabel(t) }))}
                    {...field(`required_documents[${i}].type`)}
                    value={doc.type}
                    onChange={(event) => setDocument(i, { type: event.currentTarget.value })}
                    style={{ flex: 2, minWidth: 200 }}
                  />
                  <TextInput
                    label="How many"
                    inputMode="numeric"
                    {...field(`required_documents[${i}].count`)}
                    value={doc.count}
                    onChange={(event) => setDocument(i, { count: event.currentTarget.value })}
                    style={{ flex: 1, minWidth: 90 }}
                  />
                  <Button
                    variant="outline"
                    color="red.9"
                    className={classes.rowButton}
                    aria-label={`Remove document ${i + 1}`}
                    onClick={() =>
                      setValues((current) => ({
                        ...current,
                        required_documents: current.required_documents.filter((_, j) => j !== i),
                      }))
                    }
                  >
                    Remove
                  </Button>
                </Group>
              </Fieldset>
            ))}
            <div>
              <Button
                variant="default"
                {...groupButton('required_documents')}
                onClick={() =>
                  setValues((current) => ({
                    ...current,
                    required_documents: [
                      ...current.required_documents,
                      { key: rowKey(), type: vocabulary.document_types[0] ?? 'cv', count: '1' },
                    ],
                  }))
                }
              >
                Add a document
              </Button>
              <GroupError message={field('required_documents').error} />
            </div>
          </Stack>
        </Fieldset>

        <Fieldset legend="Fees and refunds">
          <Stack gap="sm">
            <Text size="sm">
              List every fee, deposits included; where students and graduates pay differently, add
              a row for each. Applicants see the all-in total for their category.
            </Text>
            <TextInput
              label="Currency"
              description="Three-letter code, e.g. USD"
              maxLength={3}
              w={160}
              {...field('currency')}
              value={values.currency}
              onChange={text('currency')}
            />
            {values.fees.map((fee, i) => (
              <Fieldset key={fee.key} legend={`Fee ${i + 1}`} variant="unstyled">
                <Group gap="sm" className={classes.rowInputs} wrap="wrap">
                  <NativeSelect
                    label="Kind"
                    data={vocabulary.fee_kinds.map((k) => ({ value: k, label: feeKindLabel(k) }))}
                    {...field(`fees[${i}].kind`)}
                    value={fee.kind}
                    onChange={(event) => setFee(i, { kind: event.currentTarget.value })}
                    style={{ flex: 2, minWidth: 170 }}
                  />
                  <NativeSelect
                    label="Who pays"
                    data={vocabulary.fee_categories.map((c) => ({ value: c, label: feeCategoryLabel(c) }))}
                    {...field(`fees[${i}].category`)}
                    value={fee.category}
                    onChange={(event) => setFee(i, { category: event.currentTarget.value })}
                    style={{ flex: 1, minWidth: 130 }}
                  />
                  <TextInput
                    label={`Amount (${currency})`}
                    inputMode="decimal"
                    placeholder="0.00"
                    {...field(`fees[${i}].amount_cents`)}
                    value={fee.amount}
                    onChange={(event) => setFee(i, { amount: event.currentTarget.value })}
                    style={{ flex: 1, minWidth: 120 }}
                  />
                  <TextInput
                    label="Note"
                    placeholder="e.g. refundable"
                    {...field(`fees[${i}].label`)}
                    value={fee.label}
                    onChange={(event) => setFee(i, { label: event.currentTarget.value })}
                    style={{ flex: 2, minWidth: 150 }}
                  />
                  <Button
                    variant="outline"
                    color="red.9"
                    className={classes.rowButton}
                    aria-label={`Remove fee ${i + 1}`}
                    onClick={() => setValues((current) => ({ ...current, fees: current.fees.filter((_, j) => j !== i) }))}
                  >
                    Remove
                  </Button>
                </Group>
              </Fieldset>
            ))}
            <div>
              <Button
                variant="default"
                {...groupButton('fees')}
                onClick={() =>
                  setValues((current) => ({
                    ...current,
                    fees: [
                      ...current.fees,
                      { key: rowKey(), kind: vocabulary.fee_kinds[0] ?? 'application', category: 'all', amount: '', label: '' },
                    ],
                  }))
                }
              >
                Add a fee
              </Button>
              <GroupError message={field('fees').error} />
            </div>
            <Textarea
              label="Refund and cancellation policy"
              rows={3}
              resize="vertical"
              maxLength={2000}
              {...field('refund_policy')}
              value={values.refund_policy}
              onChange={text('refund_policy')}
            />
          </Stack>
        </Fieldset>

        <Fieldset legend="Practical facts">
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Checkbox label="EMR access" {...field('emr_access')} checked={values.emr_access} onChange={flag('emr_access')} />
              <Checkbox
                label="Letter of recommendation usually offered"
                {...field('letter_usually')}
                checked={values.letter_usually}
                onChange={flag('letter_usually')}
              />
              <Checkbox label="Help with housing" {...field('housing_help')} checked={values.housing_help} onChange={flag('housing_help')} />
              <Checkbox label="Visa invitation letter" {...field('visa_letter')} checked={values.visa_letter} onChange={flag('visa_letter')} />
            </SimpleGrid>
            <TextInput
              label="Teaching affiliation"
              description="e.g. the medical school the hospital teaches for"
              {...field('teaching_affiliation')}
              value={values.teaching_affiliation}
              onChange={text('teaching_affiliation')}
            />
          </Stack>
        </Fieldset>

        <Fieldset legend="Contact">
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput label="Contact name" {...field('contact_name')} value={values.contact_name} onChange={text('contact_name')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                label="Contact e-mail"
                type="email"
                {...field('contact_email')}
                value={values.contact_email}
                onChange={text('contact_email')}
              />
            </Grid.Col>
          </Grid>
        </Fieldset>

        <div>
          <Button type="submit" size="md" loading={mutation.isPending}>
            {submitLabel}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
