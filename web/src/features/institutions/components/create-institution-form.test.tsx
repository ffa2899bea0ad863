import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockFetch, renderWithProviders } from '@/testing/render';
import { CreateInstitutionForm } from './create-institution-form';

describe('CreateInstitutionForm', () => {
  it('shows the server message next to the field it names and in an alert, and focuses that field', async () => {
    const fetchMock = mockFetch({
      'POST /api/institutions': {
        status: 400,
        body: { error: { code: 'invalid_argument', message: 'country must be a 2-letter ISO code', field: 'country' } },
      },
    });
    const user = userEvent.setup();
    renderWithProviders(<CreateInstitutionForm />);

    await user.type(screen.getByLabelText(/^Name/), '  General Hospital ');
    await user.type(screen.getByLabelText(/^Country/), 'usa');
    await user.click(screen.getByRole('button', { name: 'Add institution' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('country must be a 2-letter ISO code');
    const country = screen.getByLabelText(/^Country/);
    expect(country).toHaveAttribute('aria-invalid', 'true');
    expect(country).toHaveAccessibleDescription(/country must be a 2-letter ISO code/);
    expect(country).toHaveFocus();
    expect(screen.getByLabelText(/^Name/)).not.toHaveAttribute('aria-invalid', 'true');

    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(JSON.parse(init.body as string)).toEqual({
      name: 'General Hospital',
      city: '',
      state: '',
      country: 'US',
      time_zone: '',
      website: '',
    });
  });

  it('shows a general alert when the error names no field', async () => {
    mockFetch({
      'POST /api/institutions': {
        status: 413,
        body: { error: { code: 'payload_too_large', message: 'request body is too large' } },
      },
    });
    const user = userEvent.setup();
    renderWithProviders(<CreateInstitutionForm />);

    await user.click(screen.getByRole('button', { name: 'Add institution' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('request body is too large');
  });

  it('clears the form and confirms after the server accepts the institution', async () => {
    mockFetch({
      'POST /api/institutions': (init) => ({
        status: 201,
        body: { id: 'abc', created_at: '2026-11-27T16:00:00Z', ...JSON.parse(init.body as string) },
      }),
      'GET /api/institutions': { body: { items: [] } },
    });
    const user = userEvent.setup();
    renderWithProviders(<CreateInstitutionForm />);

    await user.type(screen.getByLabelText(/^Name/), 'Mercy Teaching Hospital');
    await user.click(screen.getByRole('button', { name: 'Add institution' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Mercy Teaching Hospital is now on Clerkship');
    expect(screen.getByLabelText(/^Name/)).toHaveValue('');
  });
});
