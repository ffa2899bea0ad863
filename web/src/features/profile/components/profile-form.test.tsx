import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { routes } from '@/app/router';
import { vocabulary } from '@/testing/catalog';
import { mockFetch, renderRoutes } from '@/testing/render';
import { applicant, coordinator, healthOk, sessionAs } from '@/testing/users';

const savedProfile = {
  legal_name: 'Nguyễn Thị Minh Khai',
  preferred_name: 'Minh',
  citizenship: 'VN',
  school: { name: 'Hanoi Medical University', country: 'VN', graduation_date: '2025-06-30', degree: 'MD' },
  status: 'graduate',
  exams: [{ exam: 'usmle_step1', result: 'pass', date: '2024-05-01' }],
  languages: [{ language: 'Vietnamese', level: 'native' }],
  experiences: [
    { kind: 'research', title: 'Dengue cohort', organization: 'NIHE', start: '2023-01-01', end: '2023-12-31' },
    {
      kind: 'clinical',
      title: 'Internal medicine elective',
      organization: 'Lakeshore',
      specialty: 'internal_medicine',
      country: 'US',
      start: '2025-01-06',
      end: '2025-02-02',
      hands_on: true,
      us_clinical: true,
    },
  ],
  specialty_interests: ['internal_medicine'],
};

const view = {
  profile: savedProfile,
  version: 3,
  updated_at: '2026-11-27T16:00:00Z',
  completeness: { percent: 70, missing: ['Date of birth', 'ECFMG', 'Personal statement'] },
};

function mock(put: Parameters<typeof mockFetch>[0][string]) {
  return mockFetch({
    ...healthOk,
    ...sessionAs(applicant),
    'GET /api/catalog/vocabulary': { body: vocabulary },
    'GET /api/me/profile': { body: view },
    'PUT /api/me/profile': put,
  });
}

function putBody(fetchMock: ReturnType<typeof mockFetch>) {
  const call = fetchMock.mock.calls.find(([url, init]) => url === '/api/me/profile' && init?.method === 'PUT');
  if (!call) throw new Error('no PUT /api/me/profile');
  return JSON.parse((call[1] as RequestInit).body as string) as { profile: Record<string, unknown>; version: number };
}

describe('profile page', () => {
  it('shows the saved profile in sections, the completeness meter and the CV link', async () => {
    mock({ body: view });
    renderRoutes(routes, '/profile');
    const form = await screen.findByRole('form', { name: 'Profile details' });
    expect(within(form).getByLabelText(/^Legal name/)).toHaveValue('Nguyễn Thị Minh Khai');
    expect(within(screen.getByRole('group', { name: 'Exam 1' })).getByLabelText('Exam')).toHaveValue('usmle_step1');
    expect(within(screen.getByRole('group', { name: 'Experience 2' })).getByLabelText('In the United States')).toBeChecked();
    expect(within(form).getByRole('checkbox', { name: 'Internal medicine' })).toBeChecked();

    const meter = screen.getByRole('region', { name: 'Completeness' });
    expect(meter).toHaveTextContent('70% complete');
    expect(within(meter).getByRole('list')).toHaveTextContent('Date of birthECFMGPersonal statement');
    expect(screen.getByRole('link', { name: 'Download CV (PDF)' })).toHaveAttribute('href', '/api/me/profile/cv.pdf');
  });

  it('saves the whole profile with the version read and drops empty members', async () => {
    const fetchMock = mock({ body: { ...view, version: 4 } });
    const user = userEvent.setup();
    renderRoutes(routes, '/profile');
    const form = await screen.findByRole('form', { name: 'Profile details' });
    await user.click(within(form).getByRole('button', { name: 'Add a language' }));
    await user.keyboard('English');
    await user.selectOptions(within(screen.getByRole('group', { name: 'Language 2' })).getByLabelText('Level'), 'fluent');
    await user.click(within(form).getByRole('button', { name: 'Save profile' }));

    expect(await screen.findByText('Profile saved.')).toBeInTheDocument();
    const body = putBody(fetchMock);
    expect(body.version).toBe(3);
    expect(body.profile.languages).toEqual([
      { language: 'Vietnamese', level: 'native' },
      { language: 'English', level: 'fluent' },
    ]);
    expect(body.profile).not.toHaveProperty('date_of_birth');
    expect(body.profile).not.toHaveProperty('ecfmg');
    expect(body.profile.exams).toEqual([{ exam: 'usmle_step1', result: 'pass', date: '2024-05-01' }]);
  });

  it('puts a server error next to the input inside the row it names, and focuses it', async () => {
    mock({
      status: 400,
      body: { error: { code: 'invalid_argument', message: 'the end date is before the start', field: 'experiences[1].end' } },
    });
    const user = userEvent.setup();
    renderRoutes(routes, '/profile');
    const form = await screen.findByRole('form', { name: 'Profile details' });
    await user.click(within(form).getByRole('button', { name: 'Save profile' }));

    const end = within(screen.getByRole('group', { name: 'Experience 2' })).getByLabelText('End');
    expect(await screen.findByRole('alert')).toHaveTextContent('the end date is before the start');
    expect(end).toHaveAttribute('aria-invalid', 'true');
    expect(end).toHaveAccessibleDescription('the end date is before the start');
    expect(end).toHaveFocus();
    // Only that input: the first experience's End is untouched.
    expect(within(screen.getByRole('group', { name: 'Experience 1' })).getByLabelText('End')).not.toHaveAttribute('aria-invalid');
  });

  it('says the profile was changed elsewhere on 409 and reloads it on request', async () => {
    const fetchMock = mock({ status: 409, body: { error: { code: 'conflict', message: 'this profile was changed elsewhere' } } });
    const user = userEvent.setup();
    renderRoutes(routes, '/profile');
    const form = await screen.findByRole('form', { name: 'Profile details' });
    await user.clear(within(form).getByLabelText(/^Preferred name/));
    await user.click(within(form).getByRole('button', { name: 'Save profile' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This profile was changed elsewhere — reload');
    const gets = () => fetchMock.mock.calls.filter(([url, init]) => url === '/api/me/profile' && (init?.method ?? 'GET') === 'GET').length;
    const before = gets();
    await user.click(within(alert).getByRole('button', { name: 'Reload the profile' }));
    expect(await within(await screen.findByRole('form', { name: 'Profile details' })).findByLabelText(/^Preferred name/)).toHaveValue('Minh');
    expect(gets()).toBe(before + 1);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('is for applicants only', async () => {
    mockFetch({ ...healthOk, ...sessionAs(coordinator) });
    renderRoutes(routes, '/profile');
    expect(await screen.findByRole('heading', { level: 1, name: 'Not allowed' })).toBeInTheDocument();
  });
});
