import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { routes } from '@/app/router';
import { mockFetch, renderRoutes } from '@/testing/render';
import { applicant, healthOk, sessionAs } from '@/testing/users';

const immunization = {
  id: 'doc-imm',
  type: 'immunization_record',
  title: 'Immunization record',
  status: 'pending',
  status_reason: '',
  reviewed_at: '',
  current_version: 1,
  created_at: '2026-11-27T16:00:00Z',
  updated_at: '2026-11-27T16:00:00Z',
  versions: [
    {
      version: 1,
      mime: 'application/pdf',
      size: 2048,
      pages: 1,
      filename: 'shots.pdf',
      issued_on: '2026-01-10',
      expires_on: '',
      vaccines: [{ vaccine: 'mmr', kind: 'dose', date: '2010-05-01' }],
      uploaded_at: '2026-11-27T16:00:00Z',
    },
  ],
};

/** A calendar day `days` from today on the reader's clock. */
function fromToday(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
const soon = fromToday(10);

const background = {
  ...immunization,
  id: 'doc-bg',
  type: 'background_check',
  title: '',
  status: 'rejected',
  status_reason: 'The scan is cut off at the bottom.',
  current_version: 2,
  versions: [
    { ...immunization.versions[0]!, version: 2, filename: 'check-v2.pdf', vaccines: [], issued_on: '2026-11-01', expires_on: soon },
    { ...immunization.versions[0]!, version: 1, filename: 'check.pdf', vaccines: [], issued_on: '2025-11-01', expires_on: '2026-11-01' },
  ],
};

function mock(routes: Parameters<typeof mockFetch>[0] = {}, documents: unknown[] = []) {
  return mockFetch({
    ...healthOk,
    ...sessionAs(applicant),
    'GET /api/me/documents': { body: { items: documents } },
    'PUT /api/me/uploads': { status: 201, body: { upload_id: 'up-1', mime: 'application/pdf', size: 1234, pages: 1 } },
    'POST /api/me/documents': { status: 201, body: immunization },
    'POST /api/me/documents/doc-bg/versions': { body: background },
    ...routes,
  });
}

function pdf(name = 'record.pdf', size = 1234): File {
  const file = new File(['%PDF-1.4 test'], name, { type: 'application/pdf' });
  Object.defineProperty(file, 'size', { value: size });
  return file;
}

function calls(fetchMock: ReturnType<typeof mockFetch>) {
  return fetchMock.mock.calls
    .map(([url, init]) => `${init?.method ?? 'GET'} ${String(url)}`)
    .filter((call) => !call.startsWith('GET /api/session') && !call.startsWith('GET /api/health'));
}

async function openUpload(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('button', { name: 'Upload document' }));
  return screen.findByRole('form', { name: 'Upload a document' });
}

describe('document vault', () => {
  it('uploads the raw file first (PUT, with the CSRF token), then posts the details with its upload id', async () => {
    const fetchMock = mock();
    const user = userEvent.setup();
    renderRoutes(routes, '/documents');
    const form = await openUpload(user);

    await user.selectOptions(within(form).getByLabelText(/^Document type/), 'immunization_record');
    const file = pdf();
    await user.upload(within(form).getByLabelText(/^File/), file);
    await user.type(within(form).getByLabelText('Issued on'), '2026-01-10');
    await user.click(within(form).getByRole('button', { name: 'Add a vaccine' }));
    const vaccine = screen.getByRole('group', { name: 'Vaccine 1' });
    await user.selectOptions(within(vaccine).getByLabelText('Vaccine'), 'hepatitis_b');
    await user.selectOptions(within(vaccine).getByLabelText('Kind'), 'titer');
    await user.type(within(vaccine).getByLabelText('Date'), '2020-03-04');
    await user.selectOptions(within(vaccine).getByLabelText('Result'), 'positive');
    await user.click(within(form).getByRole('button', { name: 'Upload' }));

    await vi.waitFor(() => expect(screen.queryByRole('form', { name: 'Upload a document' })).not.toBeInTheDocument());
    const sent = calls(fetchMock);
    const put = sent.indexOf('PUT /api/me/uploads');
    const post = sent.indexOf('POST /api/me/documents');
    expect(put).toBeGreaterThanOrEqual(0);
    expect(post).toBeGreaterThan(put);

    const putInit = fetchMock.mock.calls.find(([url]) => url === '/api/me/uploads')![1] as RequestInit;
    expect(putInit.body).toBe(file);
    expect((putInit.headers as Record<string, string>)['X-CSRF-Token']).toBe('test-csrf');
    expect((putInit.headers as Record<string, string>)['X-Filename']).toBe('record.pdf');

    const postInit = fetchMock.mock.calls.find(([url, init]) => url === '/api/me/documents' && init?.method === 'POST')![1] as RequestInit;
    expect(JSON.parse(postInit.body as string)).toEqual({
      upload_id: 'up-1',
      type: 'immunization_record',
      issued_on: '2026-01-10',
      vaccines: [{ vaccine: 'hepatitis_b', kind: 'titer', date: '2020-03-04', result: 'positive' }],
    });
  });

  it('refuses a file over 10 MiB before sending anything', async () => {
    const fetchMock = mock();
    const user = userEvent.setup();
    renderRoutes(routes, '/documents');
    const form = await openUpload(user);
    await user.selectOptions(within(form).getByLabelText(/^Document type/), 'cv');
    await user.upload(within(form).getByLabelText(/^File/), pdf('huge.pdf', 10 * 1024 * 1024 + 1));

    const input = within(form).getByLabelText(/^File/);
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(/larger than 10 MiB/);
    await user.click(within(form).getByRole('button', { name: 'Upload' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('The file is larger than 10 MiB');
    expect(calls(fetchMock).filter((c) => c.startsWith('PUT') || c.startsWith('POST'))).toEqual([]);
  });

  it('shows the server’s verdict on the file next to the file input, and posts nothing', async () => {
    const fetchMock = mock({
      'PUT /api/me/uploads': {
        status: 400,
        body: { error: { code: 'invalid_argument', message: 'the file is not a PDF, JPEG or PNG (it looks like text/plain)' } },
      },
    });
    const user = userEvent.setup();
    renderRoutes(routes, '/documents');
    const form = await openUpload(user);
    await user.selectOptions(within(form).getByLabelText(/^Document type/), 'cv');
    await user.upload(within(form).getByLabelText(/^File/), pdf('notes.pdf'));
    await user.click(within(form).getByRole('button', { name: 'Upload' }));

    const input = within(form).getByLabelText(/^File/);
    await vi.waitFor(() => expect(input).toHaveAttribute('aria-invalid', 'true'));
    expect(input).toHaveAccessibleDescription(/it looks like text\/plain/);
    expect(input).toHaveFocus();
    expect(calls(fetchMock)).not.toContain('POST /api/me/documents');
  });

  it('lists documents with status, rejection reason, dates, versions and an expiring-soon warning; replaces one', async () => {
    const fetchMock = mock({}, [immunization, background]);
    const user = userEvent.setup();
    renderRoutes(routes, '/documents');

    const check = await screen.findByRole('article', { name: 'Background check' });
    expect(check).toHaveTextContent('Rejected');
    expect(check).toHaveTextContent('Rejected: The scan is cut off at the bottom.');
    expect(check).toHaveTextContent(/Issued Nov 1, 2026 · Expires .+ · 2 versions/);
    expect(check).toHaveTextContent('Expires in 10 days');
    expect(within(check).getByRole('link', { name: 'Download version 1' })).toHaveAttribute(
      'href',
      '/api/me/documents/doc-bg/file?version=1',
    );
    const record = screen.getByRole('article', { name: 'Immunization record' });
    expect(record).toHaveTextContent('Pending verification');
    expect(record).toHaveTextContent('MMR (measles, mumps, rubella) dose May 1, 2010');

    await user.click(within(check).getByRole('button', { name: 'Replace Background check' }));
    const form = await screen.findByRole('form', { name: 'New version' });
    await user.upload(within(form).getByLabelText(/^File/), pdf('check-v3.pdf'));
    await user.type(within(form).getByLabelText(/^Expires on/), '2027-11-30');
    await user.click(within(form).getByRole('button', { name: 'Upload new version' }));
    await vi.waitFor(() => expect(calls(fetchMock)).toContain('POST /api/me/documents/doc-bg/versions'));
    const sent = calls(fetchMock);
    expect(sent.indexOf('PUT /api/me/uploads')).toBeLessThan(sent.indexOf('POST /api/me/documents/doc-bg/versions'));
  });

  it('asks before deleting and shows the server’s refusal (409)', async () => {
    mock(
      {
        'DELETE /api/me/documents/doc-imm': {
          status: 409,
          body: { error: { code: 'conflict', message: 'this document is part of 1 submitted application(s); it stays until they are closed' } },
        },
      },
      [immunization],
    );
    const user = userEvent.setup();
    renderRoutes(routes, '/documents');
    const record = await screen.findByRole('article', { name: 'Immunization record' });
    await user.click(within(record).getByRole('button', { name: 'Delete Immunization record' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete Immunization record?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('part of 1 submitted application(s)');
  });
});
