import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { mockFetch, renderWithProviders } from '@/testing/render';
import { applicant } from '@/testing/users';
import { LoginForm } from './login-form';

function renderForm(onSuccess = vi.fn()) {
  renderWithProviders(
    <MemoryRouter>
      <LoginForm onSuccess={onSuccess} />
    </MemoryRouter>,
  );
  return onSuccess;
}

async function submit(email: string, password: string) {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText(/^E-mail/), email);
  await user.type(screen.getByLabelText(/^Password/), password);
  await user.click(screen.getByRole('button', { name: 'Log in' }));
}

describe('LoginForm', () => {
  it('uses the autocomplete hints password managers need', () => {
    mockFetch({});
    renderForm();
    expect(screen.getByLabelText(/^E-mail/)).toHaveAttribute('autocomplete', 'username');
    expect(screen.getByLabelText(/^Password/)).toHaveAttribute('autocomplete', 'current-password');
  });

  it('posts the trimmed e-mail and the password as typed, then reports the session', async () => {
    const fetchMock = mockFetch({
      'POST /api/auth/login': { body: { user: applicant, csrf_token: 'new-csrf' } },
    });
    const onSuccess = renderForm();
    await submit('  amina.khan@example.org ', ' secret password ');

    await vi.waitFor(() => expect(onSuccess).toHaveBeenCalled());
    expect(onSuccess.mock.calls[0]?.[0]).toEqual({ user: applicant, csrf_token: 'new-csrf' });
    const [, init] = fetchMock.mock.calls.find(([url]) => url === '/api/auth/login') as unknown as [string, RequestInit];
    expect(JSON.parse(init.body as string)).toEqual({ email: 'amina.khan@example.org', password: ' secret password ' });
  });

  it('shows "e-mail or password is incorrect" on 401', async () => {
    mockFetch({
      'POST /api/auth/login': { status: 401, body: { error: { code: 'unauthenticated', message: 'e-mail or password is incorrect' } } },
    });
    renderForm();
    await submit('a@b.example', 'wrong');
    expect(await screen.findByRole('alert')).toHaveTextContent('e-mail or password is incorrect');
  });

  it('explains throttling on 429', async () => {
    mockFetch({
      'POST /api/auth/login': {
        status: 429,
        body: { error: { code: 'too_many_requests', message: 'too many failed attempts; try again in 4 seconds' } },
      },
    });
    renderForm();
    await submit('a@b.example', 'wrong');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Too many attempts');
    expect(alert).toHaveTextContent('try again in 4 seconds');
  });

  it('asks an unverified user to confirm their address (403), without marking the e-mail field wrong', async () => {
    mockFetch({
      'POST /api/auth/login': {
        status: 403,
        body: { error: { code: 'forbidden', message: 'confirm your e-mail address first; we sent you a new link', field: 'email' } },
      },
    });
    renderForm();
    await submit('new@b.example', 'right password 123');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Confirm your e-mail address first');
    expect(alert).toHaveTextContent('we sent you a new link');
    expect(screen.getByLabelText(/^E-mail/)).not.toHaveAttribute('aria-invalid', 'true');
  });

  it('shows a field error next to the field it names and focuses it', async () => {
    mockFetch({
      'POST /api/auth/login': {
        status: 400,
        body: { error: { code: 'invalid_argument', message: 'enter a valid e-mail address', field: 'email' } },
      },
    });
    renderForm();
    await submit('nope', 'x');
    const email = await screen.findByLabelText(/^E-mail/);
    await vi.waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'));
    expect(email).toHaveAccessibleDescription(/enter a valid e-mail address/);
    expect(email).toHaveFocus();
  });
});
