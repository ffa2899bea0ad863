import type { User } from '@/features/auth/api/session-schema';

/** Session users for tests, shaped like GET /api/session's `user`. */
const base = { email_verified: true, is_admin: false, is_applicant: false, memberships: [] };

export const applicant: User = {
  ...base,
  id: 'u-applicant',
  email: 'amina.khan@example.org',
  display_name: 'Amina Khan',
  is_applicant: true,
};

export const coordinator: User = {
  ...base,
  id: 'u-coord',
  email: 'coordinator@lakeshore.example',
  display_name: 'Lena Coordinator',
  memberships: [
    { id: 'm-1', institution_id: 'inst-lake', institution_name: 'Lakeshore University Medical Center', role: 'coordinator' },
  ],
};

export const reviewer: User = {
  ...base,
  id: 'u-rev',
  email: 'reviewer@lakeshore.example',
  display_name: 'Ravi Reviewer',
  memberships: [
    { id: 'm-2', institution_id: 'inst-lake', institution_name: 'Lakeshore University Medical Center', role: 'reviewer' },
  ],
};

export const admin: User = {
  ...base,
  id: 'u-admin',
  email: 'admin@clerkship.example',
  display_name: 'Ada Admin',
  is_admin: true,
};

/** The mockFetch entry for GET /api/session as this user (null = anonymous). */
export function sessionAs(user: User | null) {
  return { 'GET /api/session': { body: { user, csrf_token: 'test-csrf' } } };
}

export const healthOk = {
  'GET /api/health': { body: { status: 'ok', version: '0.1.0', database: 'sqlite' } },
};
