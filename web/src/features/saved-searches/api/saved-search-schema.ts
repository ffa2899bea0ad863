import { z } from 'zod';

/** A saved search: the search page's parameters under a name; new matching blocks are e-mailed. */
export const savedSearchSchema = z.object({
  id: z.string(),
  name: z.string(),
  query: z.record(z.string(), z.string()),
  query_string: z.string(),
  created_at: z.string(),
  last_alert_at: z.string(),
});
export type SavedSearch = z.infer<typeof savedSearchSchema>;

export const SAVED_SEARCHES_QUERY_KEY = ['saved-searches'] as const;
