import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { routes } from '@/app/router';
import { mockFetch, renderRoutes } from '@/testing/render';
import { coordinator, healthOk, reviewer, sessionAs } from '@/testing/users';
import type { User } from '@/features/auth/api/session-schema';
import { keyFromLabel } from './review-settings-form';

const path = '/api/institutions/inst-lake/review-settings';
const settings = {
  rubric: [
    { key: 'academics', label: 'Academics', weight: 60 },
    { key: 'fit', label: 'Fit', weight: 40 },
  ],
  target_days: 14,
  is_default: true,
  updated_at: '',
};

function mock(user: User, put: { status?: number; body: unknown }) {
  return mockFetch({ ...healthOk, ...sessionAs(user), [`GET ${path}`]: { body: settings }, [`PUT ${path}`]: put });
}

describe('review settings', () => {
  it('lets a coordinator add a criterion, shows the weight sum, and sends the rubric', async () => {
    const fetchMock = mock(coordinator, { body: { ...settings, is_default: false, updated_at: '2027-01-15T08:00:00Z' } });
    const user = userEvent.setup();
    renderRoutes(routes, '/institutions/inst-lake/review-settings');
    expect(await screen.findByText('The weights add up to 100.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Add a criterion' }));
    await user.type(screen.getByRole('textbox', { name: 'Criterion 3 label' }), 'Professionalism');
    expect(screen.getByText('The weights add up to 100.')).toBeInTheDocument();
    const weight = screen.getByRole('textbox', { name: 'Criterion 2 weight' });
    await user.clear(weight);
    await user.type(weight, '20');
    expect(screen.getByText(/add up to 80 — they must add up to 100/)).toBeInTheDocument();
    const third = screen.getByRole('textbox', { name: 'Criterion 3 weight' });
    await user.clear(third);
    await user.type(third, '20');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText(/Saved\. New scores use this rubric/)).toBeInTheDocument();
    const sent = fetchMock.mock.calls.filter(([, init]) => init?.method === 'PUT').map(([, init]) => JSON.parse(init?.body as string));
    expect(sent).toEqual([
      {
        rubric: [
          { key: 'academics', label: 'Academics', weight: 60 },
          { key: 'fit', label: 'Fit', weight: 20 },
          { key: 'criterion', label: 'Professionalism', weight: 20 },
        ],
        target_days: 14,
      },
    ]);
  });

  it('shows the server refusal naming the field', async () => {
    mock(coordinator, { status: 400, body: { error: { code: 'invalid_argument', field: 'rubric[0].label', message: 'each criterion needs a label' } } });
    const user = userEvent.setup();
    renderRoutes(routes, '/institutions/inst-lake/review-settings');
    await user.click(await screen.findByRole('button', { name: 'Save settings' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('each criterion needs a label');
  });

  it('shows a reviewer the rubric read-only', async () => {
    mock(reviewer, { body: settings });
    renderRoutes(routes, '/institutions/inst-lake/review-settings');
    expect(await screen.findByText('Only coordinators can change these settings.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save settings' })).not.toBeInTheDocument();
  });

  it('makes criterion keys from labels without clashes', () => {
    expect(keyFromLabel('Clinical skills!', new Set())).toBe('clinical_skills');
    expect(keyFromLabel('Fit', new Set(['fit']))).toBe('fit_2');
    expect(keyFromLabel('Ψυχ', new Set())).toBe('criterion');
  });
});
