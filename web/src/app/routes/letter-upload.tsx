import { useSearchParams } from 'react-router';
import { RefereeUpload } from '@/features/letters/components/referee-upload';

/** /letters/upload?token=…: the referee's page, reached from the e-mailed link (no account). */
export function LetterUploadPage() {
  const [params] = useSearchParams();
  return <RefereeUpload token={params.get('token') ?? ''} />;
}
