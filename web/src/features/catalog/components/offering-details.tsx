import { Alert, Anchor, Badge, Card, Grid, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { countryName, formatMoney } from '@/lib/format';
import type { Vocabulary } from '../api/get-vocabulary';
import type { Offering } from '../api/offering-schema';
import { BlocksTable } from './blocks-table';
import classes from './catalog.module.css';
import {
  documentLabel,
  examLabel,
  feeCategoryLabel,
  feeKindLabel,
  HANDS_ON_COLOR,
  OBSERVATION_COLOR,
  settingLabel,
  specialtyLabel,
  STATUS_COLORS,
  statusLabel,
  typeLabel,
  visaLabel,
  weeks,
} from './labels';

type Props = {
  offering: Offering;
  vocabulary: Vocabulary | undefined;
  /** For tests: the reader's time zone. */
  viewerZone?: string;
};

function yesNo(value: boolean): string {
  return value ? 'Yes' : 'No';
}

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <Card component="section" withBorder padding="lg" aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

/** Everything an applicant needs to know about an offering, including the honest all-in cost. */
export function OfferingDetails({ offering, vocabulary, viewerZone }: Props) {
  const money = (cents: number) => formatMoney(cents, offering.currency);
  const { eligibility } = offering;
  const location = [offering.site, offering.city, offering.state, countryName(offering.country)]
    .filter(Boolean)
    .join(', ');

  return (
    <Stack gap="lg">
      <Group gap="xs">
        {offering.status !== 'published' && (
          <Badge color={STATUS_COLORS[offering.status] ?? 'gray'} variant="filled">
            {statusLabel(offering.status)} — not visible to applicants
          </Badge>
        )}
        <Badge variant="light" color="indigo">
          {specialtyLabel(offering.specialty, vocabulary)}
        </Badge>
        <Badge variant="light" color="gray">
          {typeLabel(offering.type)}
        </Badge>
        {offering.hands_on ? (
          <Badge variant="filled" color={HANDS_ON_COLOR}>
            Hands-on patient care
          </Badge>
        ) : (
          <Badge variant="filled" color={OBSERVATION_COLOR}>
            Observation only
          </Badge>
        )}
        <Badge variant="light" color="gray">
          {weeks(offering.duration_weeks)}
        </Badge>
      </Group>

      <Section id="blocks-heading" title="Dates and seats">
        <Text size="sm" c="dimmed" mb="sm">
          Applications close at 23:59 on the deadline day in the hospital&apos;s time zone
          ({offering.time_zone}); each time is also shown on your own clock.
        </Text>
        <BlocksTable
          blocks={offering.blocks}
          timeZone={offering.time_zone}
          labelledBy="blocks-heading"
          {...(viewerZone ? { viewerZone } : {})}
        />
      </Section>

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            {offering.description && (
              <Section id="about-heading" title="About this rotation">
                <Text style={{ whiteSpace: 'pre-wrap' }}>{offering.description}</Text>
              </Section>
            )}

            <Section id="eligibility-heading" title="Who can apply">
              <dl className={classes.facts}>
                <Fact term="Medical students">{eligibility.students ? 'Yes' : 'No'}</Fact>
                <Fact term="Graduates (IMGs)">{eligibility.graduates ? 'Yes' : 'No'}</Fact>
                {eligibility.graduates && (
                  <Fact term="Years since graduation">
                    {eligibility.max_years_since_graduation === 0
                      ? 'No limit'
                      : `At most ${eligibility.max_years_since_graduation}`}
                  </Fact>
                )}
                <Fact term="ECFMG certification">{eligibility.ecfmg_required ? 'Required' : 'Not required'}</Fact>
                <Fact term="Exams passed">
                  {eligibility.required_exams.length > 0
                    ? eligibility.required_exams.map(examLabel).join(', ')
                    : 'None required'}
                </Fact>
                <Fact term="Visas accepted">
                  {eligibility.visas_accepted.length > 0
                    ? eligibility.visas_accepted.map(visaLabel).join(', ')
                    : 'Not stated'}
                </Fact>
                <Fact term="English">{eligibility.english || 'Not stated'}</Fact>
              </dl>
            </Section>

            <Section id="documents-heading" title="Documents to send">
              {offering.required_documents.length === 0 ? (
                <Text>None listed.</Text>
              ) : (
                <List spacing={4}>
                  {offering.required_documents.map((doc) => (
                    <List.Item key={doc.type}>
                      {documentLabel(doc.type)}
                      {doc.count > 1 ? ` (${doc.count})` : ''}
                    </List.Item>
                  ))}
                </List>
              )}
            </Section>

            <Section id="fees-heading" title="Fees">
              {offering.fees.length === 0 ? (
                <Text mb="sm">No fees.</Text>
              ) : (
                <Table.ScrollContainer minWidth={420} type="native">
                  <Table aria-labelledby="fees-heading" verticalSpacing="xs">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">Fee</Table.Th>
                        <Table.Th scope="col">Who pays</Table.Th>
                        <Table.Th scope="col" ta="right">
                          Amount
                        </Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {offering.fees.map((fee, i) => (
                        <Table.Tr key={i}>
                          <Table.Th scope="row" fw={500}>
                            {feeKindLabel(fee.kind)}
                            {fee.label ? ` (${fee.label})` : ''}
                          </Table.Th>
                          <Table.Td>{feeCategoryLabel(fee.category)}</Table.Td>
                          <Table.Td ta="right">{money(fee.amount_cents)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
              <Title order={3} size="h5" mt="md" mb={4}>
                Refund and cancellation policy
              </Title>
              <Text style={{ whiteSpace: 'pre-wrap' }}>{offering.refund_policy || 'Not stated.'}</Text>
            </Section>
          </Stack>
        </Grid.Col>

        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <Card component="section" withBorder padding="lg" aria-labelledby="cost-heading">
              <Title order={2} size="h4" id="cost-heading" mb="xs">
                All-in cost
              </Title>
              <Text size="sm" c="dimmed" mb="sm">
                Every fee you would pay, deposits included.
              </Text>
              <dl className={classes.facts}>
                <Fact term="Medical students">
                  {eligibility.students ? (
                    <Text span fw={700} size="xl">
                      {money(offering.all_in_cents.student)}
                    </Text>
                  ) : (
                    'Not open to students'
                  )}
                </Fact>
                <Fact term="Graduates">
                  {eligibility.graduates ? (
                    <Text span fw={700} size="xl">
                      {money(offering.all_in_cents.graduate)}
                    </Text>
                  ) : (
                    'Not open to graduates'
                  )}
                </Fact>
              </dl>
            </Card>

            <Card component="section" withBorder padding="lg" aria-labelledby="facts-heading">
              <Title order={2} size="h4" id="facts-heading" mb="sm">
                Practical facts
              </Title>
              <dl className={classes.facts}>
                <Fact term="Patient contact">{offering.hands_on ? 'Hands-on' : 'Observation only'}</Fact>
                <Fact term="Setting">{settingLabel(offering.setting)}</Fact>
                <Fact term="EMR access">{yesNo(offering.emr_access)}</Fact>
                <Fact term="Letter of recommendation usually offered">{yesNo(offering.letter_usually)}</Fact>
                <Fact term="Housing help">{yesNo(offering.housing_help)}</Fact>
                <Fact term="Visa letter support">{yesNo(offering.visa_letter)}</Fact>
                <Fact term="Teaching affiliation">{offering.teaching_affiliation || 'Not stated'}</Fact>
                <Fact term="Location">{location}</Fact>
              </dl>
            </Card>

            <Card component="section" withBorder padding="lg" aria-labelledby="contact-heading">
              <Title order={2} size="h4" id="contact-heading" mb="sm">
                Contact
              </Title>
              {offering.contact_name && <Text>{offering.contact_name}</Text>}
              {offering.contact_email ? (
                <Anchor href={`mailto:${offering.contact_email}`}>{offering.contact_email}</Anchor>
              ) : (
                !offering.contact_name && <Text>Contact the institution through Clerkship.</Text>
              )}
            </Card>
            {offering.blocks.every((b) => b.seats_left <= 0) && offering.blocks.length > 0 && (
              <Alert color="gray" variant="light" title="No seats left">
                Every block of this rotation is full.
              </Alert>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
