import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockFetch, renderWithProviders } from '@/testing/render';
import { GroupForm, parseEmails } from './group-form';

const institution = (id: string, name: string) => ({
  id,
  name,
  city: 'Chicago',
  state: 'IL',
  country: 'US',
  time_zone: 'America/Chicago',
  website: '',
  created_at: '2026-01-01T00:00:00Z',
});
const institutions = { items: [institution('i1', 'Lakeshore'), institution('i2', 'Bayview'), institution('i3', 'Hillcrest')] };
const group = {
  id: 'g1',
  name: 'Lake network',
  institution_ids: ['i1', 'i2'],
  manager_ids: ['u1'],
  institutions: [
    { id: 'i1', name: 'Lakeshore' },
    { id: 'i2', name: 'Bayview' },
  ],
  managers: [{ id: 'u1', email: 'coord@lakeshore.example' }],
  created_at: '2026-11-28T06:00:00Z',
};

describe('parseEmails', () => {
  it('splits lines and commas and drops blanks', () => {
    expect(parseEmails(' a@x.org,\nb@y.org \n\n')).toEqual(['a@x.org', 'b@y.org']);
  });
});

describe('GroupForm', () => {
  it('creates a group with two member institutions and a manager by e-mail', async () => {
    const fetchMock = mockFetch({
      'GET /api/institutions': { body: institutions },
      'POST /api/institution-groups': { status: 201, body: group },
    });
    let saved = '';
    renderWithProviders(<GroupForm onSaved={(g) => (saved = g.id)} />);
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: 'Group name' }), 'Lake network');
    await user.click(await screen.findByRole('checkbox', { name: 'Lakeshore' }));
    await user.click(screen.getByRole('checkbox', { name: 'Bayview' }));
    await user.type(screen.getByRole('textbox', { name: /Group managers/ }), 'coord@lakeshore.example');
    await user.click(screen.getByRole('button', { name: 'Create group' }));
    await screen.findByRole('checkbox', { name: 'Lakeshore', checked: false });
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({
      name: 'Lake network',
      institution_ids: ['i1', 'i2'],
      manager_emails: ['coord@lakeshore.example'],
    });
    expect(saved).toBe('g1');
  });

  it('edits a group with PUT and names the e-mail the server refused', async () => {
    const fetchMock = mockFetch({
      'GET /api/institutions': { body: institutions },
      'PUT /api/institution-groups/g1': {
        status: 400,
        body: {
          error: {
            code: 'invalid_argument',
            message: 'a group manager must be a coordinator of a member institution',
            field: 'manager_emails[1]',
          },
        },
      },
    });
    renderWithProviders(<GroupForm group={group} />);
    const user = userEvent.setup();
    expect(screen.getByRole('textbox', { name: 'Group name' })).toHaveValue('Lake network');
    expect(await screen.findByRole('checkbox', { name: 'Bayview' })).toBeChecked();
    await user.click(screen.getByRole('checkbox', { name: 'Hillcrest' }));
    await user.type(screen.getByRole('textbox', { name: /Group managers/ }), '{enter}someone@hillcrest.example');
    await user.click(screen.getByRole('button', { name: 'Save group' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'someone@hillcrest.example: a group manager must be a coordinator of a member institution',
    );
    const put = fetchMock.mock.calls.find(([, init]) => init?.method === 'PUT');
    expect(JSON.parse(String(put?.[1]?.body)).institution_ids).toEqual(['i1', 'i2', 'i3']);
  });
});
