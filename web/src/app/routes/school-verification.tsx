import { useSearchParams } from 'react-router';
import { SchoolOfficePage } from '@/features/school-verification/components/school-office-page';

/** /school-verification?token=…: the school office's page, reached from the e-mailed link (no account). */
export function SchoolVerificationPage() {
  const [params] = useSearchParams();
  return <SchoolOfficePage token={params.get('token') ?? ''} />;
}
