import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { routes } from '@/app/router';
import { vocabulary } from '@/testing/catalog';
import { mockFetch, renderRoutes } from '@/testing/render';
import { admin, applicant, healthOk, sessionAs } from '@/testing/users';

describe('specialties page', () => {
  it('lets an admin add a specialty and shows a refused code on its field', async () => {
    let calls = 0;
    const fetchMock = mockFetch({
      ...healthOk,
      ...sessionAs(admin),
      'GET /api/catalog/vocabulary': { body: vocabulary },
      'POST /api/specialties': () =>
        ++calls === 1
          ? { status: 400, body: { error: { code: 'invalid_argument', message: 'code must be 1–40 lower-case letters or underscores', field: 'code' } } }
          : { status: 201, body: { code: 'sports_medicine', name: 'Sports medicine' } },
    });
    const user = userEvent.setup();
    renderRoutes(routes, '/specialties');
    const form = await screen.findByRole('form', { name: 'Add a specialty' });
    await user.type(within(form).getByRole('textbox', { name: /^Name/ }), 'Sports medicine');
    const code = within(form).getByRole('textbox', { name: /^Code/ });
    await user.type(code, 'Sports Medicine');
    await user.click(within(form).getByRole('button', { name: 'Add specialty' }));
    expect(await within(form).findByText(/lower-case letters or underscores/)).toBeInTheDocument();
    await user.clear(code);
    await user.type(code, 'sports_medicine');
    await user.click(within(form).getByRole('button', { name: 'Add specialty' }));
    expect(await screen.findByText('Added Sports medicine.')).toBeInTheDocument();
    const post = fetchMock.mock.calls.filter(([u, init]) => u === '/api/specialties' && init?.method === 'POST').at(-1);
    expect(JSON.parse((post![1] as RequestInit).body as string)).toEqual({ code: 'sports_medicine', name: 'Sports medicine' });
    expect(screen.getByRole('table', { name: 'Current specialties' })).toHaveTextContent('Cardiology');
  });

  it('is not for applicants', async () => {
    mockFetch({ ...healthOk, ...sessionAs(applicant), 'GET /api/catalog/vocabulary': { body: vocabulary } });
    renderRoutes(routes, '/specialties');
    expect(await screen.findByRole('heading', { level: 1, name: 'Not allowed' })).toBeInTheDocument();
  });
});
