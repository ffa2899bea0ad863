import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockFetch, renderWithProviders } from '@/testing/render';
import type { Application } from '../api/application-schema';
import { MaterialsForm } from './materials-form';

const draft: Application = {
  id: 'app-1',
  offering_id: 'off-cardio',
  offering_title: 'Cardiology Elective',
  institution_id: 'inst-lake',
  institution_name: 'Lakeshore University Medical Center',
  time_zone: 'America/Chicago',
  status: 'draft',
  blocks: [],
  created_at: '2026-11-27T16:00:00Z',
  updated_at: '2026-11-27T16:00:00Z',
  materials: {
    cover_letter: { text: '', pdf: false, filename: '', pages: 0 },
    cv: { kind: '', document_id: '', frozen: false },
    required: { cover_letter: true, cv: true },
  },
};

describe('cover letter and CV', () => {
  it('saves a written cover letter and the generated CV for this application', async () => {
    const user = userEvent.setup();
    const bodies: Record<string, unknown> = {};
    const fetchMock = mockFetch({
      'GET /api/me/documents': { body: { items: [{ id: 'doc-cv', type: 'cv', title: 'My CV 2026' }] } },
      'PUT /api/applications/app-1/cover-letter': (init) => {
        bodies.cover = JSON.parse(String(init.body));
        return { body: draft };
      },
      'PUT /api/applications/app-1/cv': (init) => {
        bodies.cv = JSON.parse(String(init.body));
        return { body: draft };
      },
    });
    renderWithProviders(<MaterialsForm application={draft} />);
    await user.type(screen.getByLabelText(/^Cover letter$/), 'Dear program director,');
    await user.click(screen.getByRole('button', { name: 'Save cover letter' }));
    expect(await screen.findByText('Cover letter saved.')).toBeInTheDocument();
    expect(bodies.cover).toEqual({ text: 'Dear program director,' });

    await user.click(screen.getByRole('radio', { name: /Generated from my profile/ }));
    await user.click(screen.getByRole('button', { name: 'Save CV choice' }));
    expect(await screen.findByText('CV choice saved.')).toBeInTheDocument();
    expect(bodies.cv).toEqual({ kind: 'generated' });
    await waitFor(() => expect(fetchMock).toHaveBeenCalled());
  });

  it('shows what was sent once submitted, without editing', () => {
    mockFetch({ 'GET /api/me/documents': { body: { items: [] } } });
    renderWithProviders(
      <MaterialsForm
        application={{
          ...draft,
          status: 'submitted',
          materials: {
            cover_letter: { text: 'I would be honoured to join your service.', pdf: false, filename: '', pages: 0 },
            cv: { kind: 'generated', document_id: '', frozen: true },
            required: { cover_letter: true, cv: true },
          },
        }}
      />,
    );
    expect(screen.getByText('I would be honoured to join your service.')).toBeInTheDocument();
    expect(screen.getByText('Generated from the profile at submission.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save cover letter' })).toBeNull();
  });
});
