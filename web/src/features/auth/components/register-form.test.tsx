import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { mockFetch, renderWithProviders } from '@/testing/render';
import { RegisterForm } from './register-form';

function renderForm() {
  renderWithProviders(
    <MemoryRouter>
      <RegisterForm />
    </MemoryRouter>,
  );
}

async function fill() {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText(/^E-mail/), ' new.person@example.org ');
  await user.type(screen.getByLabelText(/^Your name/), ' New Person ');
  await user.type(screen.getByLabelText(/^Password/), 'short');
  await user.click(screen.getByRole('button', { name: 'Create account' }));
}

describe('RegisterForm', () => {
  it('states the password rule and asks for a new password', () => {
    mockFetch({});
    renderForm();
    const password = screen.getByLabelText(/^Password/);
    expect(password).toHaveAccessibleDescription(/At least 12 characters/);
    expect(password).toHaveAttribute('autocomplete', 'new-password');
  });

  it('shows the server password error next to the password field and focuses it', async () => {
    mockFetch({
      'POST /api/auth/register': {
        status: 400,
        body: { error: { code: 'invalid_argument', message: 'password must be at least 12 characters', field: 'password' } },
      },
    });
    renderForm();
    await fill();

    expect(await screen.findByRole('alert')).toHaveTextContent('password must be at least 12 characters');
    const password = screen.getByLabelText(/^Password/);
    expect(password).toHaveAttribute('aria-invalid', 'true');
    expect(password).toHaveAccessibleDescription(/password must be at least 12 characters/);
    expect(password).toHaveFocus();
    expect(screen.getByLabelText(/^E-mail/)).not.toHaveAttribute('aria-invalid', 'true');
  });

  it('shows a display_name error next to the name field', async () => {
    mockFetch({
      'POST /api/auth/register': {
        status: 400,
        body: { error: { code: 'invalid_argument', message: 'display_name must not be empty', field: 'display_name' } },
      },
    });
    renderForm();
    await fill();
    const name = await screen.findByLabelText(/^Your name/);
    await vi.waitFor(() => expect(name).toHaveAttribute('aria-invalid', 'true'));
    expect(name).toHaveFocus();
  });

  it('sends trimmed fields and then says to check the e-mail', async () => {
    const fetchMock = mockFetch({ 'POST /api/auth/register': { status: 202, body: { status: 'check_email' } } });
    renderForm();
    await fill();

    const status = await screen.findByRole('status');
    expect(status).toHaveTextContent('Check your e-mail');
    expect(status).toHaveTextContent('new.person@example.org');
    const [, init] = fetchMock.mock.calls.find(([url]) => url === '/api/auth/register') as unknown as [string, RequestInit];
    expect(JSON.parse(init.body as string)).toEqual({
      email: 'new.person@example.org',
      display_name: 'New Person',
      password: 'short',
    });
  });
});
