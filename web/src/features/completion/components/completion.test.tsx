import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { routes } from '@/app/router';
import type { User } from '@/features/auth/api/session-schema';
import { mockFetch, renderRoutes } from '@/testing/render';
import { applicant, coordinator, healthOk, sessionAs } from '@/testing/users';

const preceptor: User = {
  email_verified: true,
  is_admin: false,
  is_applicant: false,
  id: 'u-prec',
  email: 'preceptor@lakeshore.example',
  display_name: 'Dr. Elena Petrova',
  memberships: [{ id: 'm-3', institution_id: 'inst-lake', institution_name: 'Lakeshore University Medical Center', role: 'preceptor' }],
};

/** Generous waits: the suite also runs on a busy shared machine. */
const slow = { timeout: 10_000 };

const competencies = [
  ['patient_care', 'Patient care'],
  ['medical_knowledge', 'Medical knowledge'],
  ['practice_based_learning', 'Practice-based learning and improvement'],
  ['interpersonal_communication', 'Interpersonal and communication skills'],
  ['professionalism', 'Professionalism'],
  ['systems_based_practice', 'Systems-based practice'],
].map(([key, label]) => ({ key, label, prompt: `About ${label}` }));

const scale = [
  [1, 'Below expectations'],
  [2, 'Approaching expectations'],
  [3, 'Meets expectations'],
  [4, 'Exceeds expectations'],
  [5, 'Outstanding'],
].map(([value, label]) => ({ value, label, anchor: `Anchor ${value}` }));

const placement = {
  id: 'pl-1',
  application_id: 'app-1',
  institution_id: 'inst-lake',
  institution_name: 'Lakeshore University Medical Center',
  institution_place: 'Chicago, IL, US',
  offering_id: 'off-1',
  offering_title: 'Cardiology elective',
  specialty: 'cardiology',
  rotation_type: 'elective',
  hands_on: true,
  status: 'in_progress',
  status_reason: '',
  start_date: '2027-03-01',
  end_date: '2027-03-26',
  started_on: '2027-03-01',
  finished_on: '',
  applicant: { name: 'Амина Ханова' },
  preceptor: { id: 'u-prec', name: 'Dr. Elena Petrova' },
  attendance: { present: 0, absent: 0 },
  certificate: null,
  evaluation: null,
  version: 2,
};

describe('Rotation completion', () => {
  it('lets a preceptor rate all six competencies and submit the evaluation', async () => {
    let sent: { ratings: Record<string, number>; comments: string; submit: boolean } | undefined;
    const current = () => ({
      ...placement,
      form: { hands_on: true, competencies, scale },
      evaluation: sent
        ? { status: 'submitted', hands_on: true, ratings: sent.ratings, comments: sent.comments, version: 1, submitted_at: 'x', released_at: '', updated_at: 'x' }
        : null,
    });
    mockFetch({
      ...healthOk,
      ...sessionAs(preceptor),
      'GET /api/me/students/pl-1': () => ({ body: current() }),
      'PUT /api/me/students/pl-1/evaluation': (init) => {
        sent = JSON.parse(String(init.body));
        return { body: current() };
      },
    });
    const user = userEvent.setup();
    renderRoutes(routes, '/students/pl-1');
    const form = await screen.findByRole('form', { name: 'End-of-rotation evaluation' }, slow);
    for (const radio of within(form).getAllByLabelText('4 — Exceeds expectations')) await user.click(radio);
    await user.click(within(form).getByLabelText(/Narrative comments/));
    await user.paste('Reliable and curious.');
    await user.click(within(form).getByRole('button', { name: 'Submit evaluation' }));
    expect(await screen.findByText('Submitted and locked', {}, slow)).toBeInTheDocument();
    expect(sent?.submit).toBe(true);
    expect(Object.keys(sent?.ratings ?? {}).sort()).toEqual(competencies.map((c) => c.key).sort());
    expect(sent?.comments).toBe('Reliable and curious.');
    expect(screen.getByRole('navigation', { name: 'Main' })).toHaveTextContent('My students');
  });

  it('shows the applicant no evaluation before release, and the certificate once completed', async () => {
    mockFetch({
      ...healthOk,
      ...sessionAs(applicant),
      'GET /api/me/placements/pl-1': {
        body: { ...placement, status: 'completed', certificate: { code: 'CLK-7Q4M-XR2P-9D', revoked: false }, feedback_given: false, feedback_questions: [{ key: 'overall', label: 'Overall experience' }] },
      },
    });
    renderRoutes(routes, '/my-rotations/pl-1');
    expect(await screen.findByText(/appears here once the coordinator releases it/, {}, slow)).toBeInTheDocument();
    const download = screen.getByRole('link', { name: 'Download certificate (PDF)' });
    expect(download).toHaveAttribute('href', '/api/me/placements/pl-1/certificate.pdf');
    expect(screen.getByRole('link', { name: /Verification page for CLK-7Q4M-XR2P-9D/ })).toHaveAttribute('href', '/verify/CLK-7Q4M-XR2P-9D');
    expect(screen.getByRole('form', { name: 'Evaluate this rotation' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Ask my preceptor for a letter' })).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Main' })).toHaveTextContent('Rotations');
  });

  it('lets the applicant put chosen vault PDFs into the packet, and not other files', async () => {
    let sent: { document_ids?: string[]; placement_ids?: string[] } | undefined;
    const version = (mime: string, expires_on: string | null) => ({ version: 1, mime, size: 1000, uploaded_at: '2027-01-01T00:00:00Z', expires_on });
    const doc = (id: string, type: string, mime: string, expires: string | null) => ({
      id, type, title: null, status: 'verified', current_version: 1, created_at: '2027-01-01T00:00:00Z', updated_at: '2027-01-01T00:00:00Z',
      versions: [version(mime, expires)],
    });
    mockFetch({
      ...healthOk,
      ...sessionAs(applicant),
      'GET /api/me/placements': { body: { items: [{ ...placement, status: 'completed', certificate: { code: 'CLK-7Q4M-XR2P-9D', revoked: false } }] } },
      'GET /api/me/documents': {
        body: { items: [doc('d-bg', 'background_check', 'application/pdf', '2027-06-30'), doc('d-photo', 'badge_photo', 'image/png', null)] },
      },
      'POST /api/me/record/packet.pdf': (init) => {
        sent = JSON.parse(String(init.body)) as typeof sent;
        return { status: 400, body: { error: { code: 'invalid_argument', field: 'program', message: 'stop here' } } };
      },
    });
    renderRoutes(routes, '/my-rotations');
    const form = await screen.findByRole('form', { name: 'Application packet' }, slow);
    const background = await within(form).findByRole('checkbox', { name: 'Background check (expires 2027-06-30)' }, slow);
    expect(within(form).getByRole('checkbox', { name: 'Badge photo (not a PDF)' })).toBeDisabled();
    await userEvent.click(background);
    await userEvent.type(within(form).getByRole('textbox', { name: /Program/ }), 'Mercy Internal Medicine');
    await userEvent.click(within(form).getByRole('button', { name: 'Download packet (PDF)' }));
    expect(await within(form).findByText('stop here', {}, slow)).toBeInTheDocument();
    expect(sent?.document_ids).toEqual(['d-bg']);
    expect(sent?.placement_ids).toEqual([placement.id]);
  });

  it('shows a revoked certificate clearly on the public verification page', async () => {
    mockFetch({
      ...healthOk,
      ...sessionAs(null),
      'GET /api/verify/CLK-7Q4M-XR2P-9D': {
        body: {
          code: 'CLK-7Q4M-XR2P-9D',
          valid: false,
          revoked: true,
          revoked_on: '2027-04-02',
          issued_on: '2027-03-27',
          facts: {
            institution: 'Lakeshore University Medical Center', institution_place: 'Chicago, IL, US', applicant_name: 'Амина Ханова',
            rotation_title: 'Cardiology elective', specialty: 'cardiology', rotation_type: 'elective', hands_on: true,
            start_date: '2027-03-01', end_date: '2027-03-26', weeks: 4, preceptor: 'Dr. Elena Petrova', issued_on: '2027-03-27',
          },
        },
      },
      'GET /api/verify/CLK-0000-0000-00': { status: 404, body: { error: { code: 'not_found', message: 'no certificate has this code' } } },
    });
    const { router } = renderRoutes(routes, '/verify/CLK-7Q4M-XR2P-9D');
    expect(await screen.findByRole('alert', {}, slow)).toHaveTextContent(/revoked by the institution on 2027-04-02/);
    expect(screen.getByText('Амина Ханова')).toBeInTheDocument();
    await router.navigate('/verify/CLK-0000-0000-00');
    expect(await screen.findByText('No such certificate', {}, slow)).toBeInTheDocument();
  });

  it('lets the coordinator release a submitted evaluation from the placements page', async () => {
    let released = false;
    const submitted = { status: 'submitted', hands_on: true, ratings: { professionalism: 5 }, comments: 'Great', version: 2, submitted_at: '2027-03-20T10:00:00Z', released_at: '', updated_at: '' };
    mockFetch({
      ...healthOk,
      ...sessionAs(coordinator),
      'GET /api/institutions/inst-lake/placements': { body: { items: [{ ...placement, evaluation: submitted }] } },
      'GET /api/institutions/inst-lake/placements/pl-1': () => ({
        body: { ...placement, form: { hands_on: true, competencies, scale }, evaluation: released ? { ...submitted, status: 'released', released_at: '2027-03-21T10:00:00Z' } : submitted },
      }),
      'GET /api/institutions/inst-lake/staff': { body: { items: [{ user_id: 'u-prec', display_name: 'Dr. Elena Petrova', email: 'p@x', role: 'preceptor' }] } },
      'POST /api/institutions/inst-lake/placements/pl-1/evaluation/release': () => {
        released = true;
        return { body: { ...placement, evaluation: { ...submitted, status: 'released' } } };
      },
    });
    const user = userEvent.setup();
    renderRoutes(routes, '/institutions/inst-lake/placements');
    await user.click(await screen.findByRole('button', { name: 'Manage placement of Амина Ханова' }, slow));
    await user.click(await screen.findByRole('button', { name: 'Release evaluation to the student' }, slow));
    expect(await screen.findByText(/Released to the student on 2027-03-21/, {}, slow)).toBeInTheDocument();
    expect(released).toBe(true);
  });
});
