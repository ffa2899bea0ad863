import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { institutionOfferingsQueryKey } from './offering-schema';

const actionSchema = z.enum(['create', 'update', 'unchanged']);

export const importReportSchema = z.object({
  dry_run: z.boolean(),
  applied: z.boolean(),
  valid: z.boolean(),
  summary: z.object({
    rows: z.number(),
    offerings_created: z.number(),
    offerings_updated: z.number(),
    offerings_unchanged: z.number(),
    blocks_created: z.number(),
    blocks_updated: z.number(),
    blocks_unchanged: z.number(),
  }),
  rows: z.array(
    z.object({
      line: z.number(),
      offering_ref: z.string(),
      offering_id: z.string(),
      title: z.string(),
      offering: actionSchema.or(z.literal('')),
      status: z.string(),
      block: actionSchema.or(z.literal('none')),
      block_id: z.string(),
      start_date: z.string(),
      end_date: z.string(),
    }),
  ),
  errors: z.array(z.object({ line: z.number(), field: z.string(), message: z.string() })),
});
export type ImportReport = z.infer<typeof importReportSchema>;

export function catalogCsvPath(institutionId: string): string {
  return `/institutions/${encodeURIComponent(institutionId)}/catalog.csv`;
}

/** The export's address (a plain download with the session cookie). */
export function catalogCsvUrl(institutionId: string): string {
  return `/api${catalogCsvPath(institutionId)}`;
}

/**
 * POST …/catalog.csv with the file as the raw body: `dryRun` previews (nothing written); otherwise
 * the server writes every row in one transaction, or nothing when a row is invalid (400).
 */
export function importCatalogCsv(institutionId: string, csv: string | Blob, dryRun: boolean): Promise<ImportReport> {
  return api.postRaw(
    `${catalogCsvPath(institutionId)}${dryRun ? '?dry_run=1' : ''}`,
    csv,
    'text/csv',
    importReportSchema,
  );
}

export function useImportCatalogCsv(institutionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ csv, dryRun }: { csv: string | Blob; dryRun: boolean }) =>
      importCatalogCsv(institutionId, csv, dryRun),
    onSuccess: (report) => {
      if (!report.applied) return undefined;
      void queryClient.invalidateQueries({ queryKey: ['search'] });
      void queryClient.invalidateQueries({ queryKey: ['offerings'] });
      return queryClient.invalidateQueries({ queryKey: institutionOfferingsQueryKey(institutionId) });
    },
  });
}
