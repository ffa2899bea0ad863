import { Button, Card, Grid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { PageErrorState, PageLoading } from '@/components/access-states';
import { PageHeader } from '@/components/page-header';
import { useVocabulary } from '@/features/catalog/api/get-vocabulary';
import { examLabel, visaLabel } from '@/features/catalog/components/labels';
import { useProfile } from '@/features/profile/api/get-profile';
import { profileFormValues } from '@/features/profile/api/profile-input';
import { CV_URL } from '@/features/profile/api/profile-schema';
import { useSaveProfile } from '@/features/profile/api/save-profile';
import { CompletenessMeter } from '@/features/profile/components/completeness-meter';
import { ProfileForm, type ProfileVocabulary } from '@/features/profile/components/profile-form';
import { RequireUser } from '../require-user';

function Profile() {
  const profile = useProfile();
  const vocabulary = useVocabulary();
  const save = useSaveProfile();
  const [generation, setGeneration] = useState(0);

  if (profile.isPending || vocabulary.isPending) return <PageLoading label="Loading your profile…" />;
  if (profile.isError) return <PageErrorState error={profile.error} title="Your profile" onRetry={() => void profile.refetch()} />;
  if (vocabulary.isError) {
    return <PageErrorState error={vocabulary.error} title="Your profile" onRetry={() => void vocabulary.refetch()} />;
  }
  const view = profile.data;
  const words: ProfileVocabulary = {
    specialties: vocabulary.data.specialties.map((s) => ({ value: s.code, label: s.name })),
    exams: vocabulary.data.exams.map((e) => ({ value: e, label: examLabel(e) })),
    visas: vocabulary.data.visa_types.map((v) => ({ value: v, label: visaLabel(v) })),
  };
  const reload = () => {
    save.reset();
    void profile.refetch().then(() => setGeneration((g) => g + 1));
  };

  return (
    <>
      <PageHeader title="Your profile">
        Fill it in once: every application uses it, and it becomes your CV.
      </PageHeader>
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 8 }} order={{ base: 2, md: 1 }}>
          <ProfileForm
            key={generation}
            initial={profileFormValues(view.profile)}
            vocabulary={words}
            mutation={{
              mutate: (values, options) => save.mutate({ values, version: view.version }, options),
              error: save.error,
              isPending: save.isPending,
            }}
            onReload={reload}
            label="Profile details"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }} order={{ base: 1, md: 2 }}>
          <Stack gap="lg" style={{ position: 'sticky', top: 'var(--mantine-spacing-md)' }}>
            <Card component="section" withBorder padding="lg" aria-labelledby="completeness-heading">
              <Title order={2} size="h4" id="completeness-heading" mb="sm">
                Completeness
              </Title>
              <CompletenessMeter percent={view.completeness.percent} missing={view.completeness.missing} />
            </Card>
            <Card component="section" withBorder padding="lg" aria-labelledby="cv-heading">
              <Title order={2} size="h4" id="cv-heading" mb="xs">
                Your CV
              </Title>
              <Text size="sm" mb="sm">
                {view.version > 0
                  ? 'A PDF of your saved profile, in every script your names use.'
                  : 'Save your profile first; the CV is made from it.'}
              </Text>
              {view.version > 0 && (
                <Button component="a" href={CV_URL} download="cv.pdf" variant="light">
                  Download CV (PDF)
                </Button>
              )}
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}

export function ProfilePage() {
  return (
    <RequireUser title="Your profile" allow={(user) => user.is_applicant}>
      {() => <Profile />}
    </RequireUser>
  );
}
