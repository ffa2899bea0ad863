import { Alert, Button, Group, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { PageLoading } from '@/components/access-states';
import { PageHeader } from '@/components/page-header';
import { useVerification } from '@/features/completion/api/verify';
import { VerificationResult } from '@/features/completion/components/verification';
import { ApiError, errorMessage } from '@/lib/api-client';

function CodeForm({ initial }: { initial: string }) {
  const [code, setCode] = useState(initial);
  const navigate = useNavigate();
  return (
    <form
      aria-label="Verify a certificate"
      onSubmit={(e) => {
        e.preventDefault();
        if (code.trim()) void navigate(`/verify/${encodeURIComponent(code.trim())}`);
      }}
    >
      <Group align="flex-end" mb="lg">
        <TextInput label="Certificate code" placeholder="CLK-7Q4M-XR2P-9D" value={code} onChange={(e) => setCode(e.currentTarget.value)} />
        <Button type="submit">Verify</Button>
      </Group>
    </form>
  );
}

function Result({ code }: { code: string }) {
  const verification = useVerification(code);
  if (verification.isPending) return <PageLoading label="Checking the code…" />;
  if (verification.isError) {
    const notFound = verification.error instanceof ApiError && verification.error.status === 404;
    return (
      <Alert color="red" title={notFound ? 'No such certificate' : 'Not a valid code'} role="alert">
        {notFound ? 'No certificate was issued with this code. Check it against the certificate.' : errorMessage(verification.error)}
      </Alert>
    );
  }
  return <VerificationResult verification={verification.data} />;
}

/** Public: anyone can check a certificate's code (no login). */
export function VerifyPage() {
  const { code = '' } = useParams();
  return (
    <>
      <PageHeader title="Verify a certificate">
        Enter the code printed on a Clerkship certificate of completion to see the facts it states and whether it is still valid.
      </PageHeader>
      <CodeForm key={code} initial={code} />
      {code && <Result code={code} />}
    </>
  );
}
