import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { mockFetch, renderWithProviders } from '@/testing/render';
import { applicant } from '@/testing/users';
import { ChangeEmailForm } from './change-email-form';
import { ChangePasswordForm } from './change-password-form';
import { ResetPasswordForm } from './reset-password-form';

describe('ChangePasswordForm', () => {
  it('shows a new_password error next to "New password"', async () => {
    mockFetch({
      'POST /api/account/password': {
        status: 400,
        body: { error: { code: 'invalid_argument', message: 'this password is too common', field: 'new_password' } },
      },
    });
    const user = userEvent.setup();
    renderWithProviders(<ChangePasswordForm labelledBy="x" />);

    expect(screen.getByLabelText(/^Current password/)).toHaveAttribute('autocomplete', 'current-password');
    expect(screen.getByLabelText(/^New password/)).toHaveAttribute('autocomplete', 'new-password');
    await user.type(screen.getByLabelText(/^Current password/), 'old password 1234');
    await user.type(screen.getByLabelText(/^New password/), 'password1234');
    await user.click(screen.getByRole('button', { name: 'Change password' }));

    const field = screen.getByLabelText(/^New password/);
    await vi.waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'));
    expect(field).toHaveAccessibleDescription(/this password is too common/);
    expect(field).toHaveFocus();
    expect(screen.getByLabelText(/^Current password/)).not.toHaveAttribute('aria-invalid', 'true');
  });

  it('clears the form and confirms after a change', async () => {
    mockFetch({ 'POST /api/account/password': { body: { user: applicant, csrf_token: 'rotated' } } });
    const user = userEvent.setup();
    renderWithProviders(<ChangePasswordForm labelledBy="x" />);
    await user.type(screen.getByLabelText(/^Current password/), 'old password 1234');
    await user.type(screen.getByLabelText(/^New password/), 'a much better passphrase');
    await user.click(screen.getByRole('button', { name: 'Change password' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Password changed');
    expect(screen.getByLabelText(/^New password/)).toHaveValue('');
  });
});

describe('ChangeEmailForm', () => {
  it('shows a wrong-password error next to the password field', async () => {
    mockFetch({
      'POST /api/account/email': {
        status: 400,
        body: { error: { code: 'invalid_argument', message: 'the password is not correct', field: 'password' } },
      },
    });
    const user = userEvent.setup();
    renderWithProviders(<ChangeEmailForm labelledBy="x" />);
    await user.type(screen.getByLabelText(/^New e-mail address/), 'me@new.example');
    await user.type(screen.getByLabelText(/^Your password/), 'nope');
    await user.click(screen.getByRole('button', { name: 'Change e-mail address' }));

    const field = screen.getByLabelText(/^Your password/);
    await vi.waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'));
    expect(field).toHaveAccessibleDescription(/the password is not correct/);
  });

  it('says to check the new inbox on 202', async () => {
    mockFetch({ 'POST /api/account/email': { status: 202, body: { status: 'check_email' } } });
    const user = userEvent.setup();
    renderWithProviders(<ChangeEmailForm labelledBy="x" />);
    await user.type(screen.getByLabelText(/^New e-mail address/), 'me@new.example');
    await user.type(screen.getByLabelText(/^Your password/), 'my password 1234');
    await user.click(screen.getByRole('button', { name: 'Change e-mail address' }));
    expect(await screen.findByRole('status')).toHaveTextContent('me@new.example');
  });
});

describe('ResetPasswordForm', () => {
  it('offers a new link when the token is used or expired', async () => {
    const fetchMock = mockFetch({
      'POST /api/auth/password-reset/confirm': {
        status: 400,
        body: { error: { code: 'invalid_argument', message: 'this link has expired or was already used', field: 'token' } },
      },
    });
    const user = userEvent.setup();
    renderWithProviders(
      <MemoryRouter>
        <ResetPasswordForm token="tok123" />
      </MemoryRouter>,
    );
    await user.type(screen.getByLabelText(/^New password/), 'a long new password');
    await user.click(screen.getByRole('button', { name: 'Set new password' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('this link has expired or was already used');
    expect(screen.getByRole('link', { name: 'Ask for a new link' })).toHaveAttribute('href', '/forgot-password');
    const [, init] = fetchMock.mock.calls.find(([url]) => url === '/api/auth/password-reset/confirm') as unknown as [
      string,
      RequestInit,
    ];
    expect(JSON.parse(init.body as string)).toEqual({ token: 'tok123', password: 'a long new password' });
  });
});
