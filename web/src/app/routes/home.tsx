import { Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

export function HomePage() {
  return (
    <Stack gap={48}>
      <title>Clerkship · Clinical rotations for international medical graduates</title>
      <Stack gap="lg" maw={760} pt="lg">
        <Title order={1} fz={{ base: 32, sm: 44 }} lh={1.15}>
          Find and apply for clinical rotations at teaching hospitals
        </Title>
        <Text size="xl" c="dimmed">
          Clerkship brings together clinical rotations, observerships and electives that teaching
          hospitals offer to international medical graduates and medical students, with each
          hospital&apos;s requirements and dates stated up front. You apply once, send your documents
          securely, and follow every application through to an offer in one place.
        </Text>
        <Group>
          <Button component={Link} to="/rotations" size="lg">
            Find a rotation
          </Button>
          <Button component={Link} to="/institutions" size="lg" variant="default">
            See participating hospitals
          </Button>
        </Group>
      </Stack>

      <section aria-labelledby="who-heading">
        <Title order={2} id="who-heading" mb="md">
          Who Clerkship is for
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg">
          <Card withBorder padding="lg">
            <Title order={3} size="h4" mb="xs">
              International medical graduates
            </Title>
            <Text>
              Gain US clinical experience: see which rotations accept IMGs and what each one asks
              for before you apply.
            </Text>
          </Card>
          <Card withBorder padding="lg">
            <Title order={3} size="h4" mb="xs">
              Medical students
            </Title>
            <Text>
              Find visiting electives and sub-internships, and keep one profile and set of
              documents for every application.
            </Text>
          </Card>
          <Card withBorder padding="lg">
            <Title order={3} size="h4" mb="xs">
              Teaching hospitals
            </Title>
            <Text>
              Publish rotations, review applicants and send offers. Clerkship is open source, so
              any hospital or school can run it.
            </Text>
          </Card>
        </SimpleGrid>
      </section>
    </Stack>
  );
}
