import { z } from 'zod';

/** An institution as the API returns it (GET /api/institutions, POST /api/institutions). */
export const institutionSchema = z.object({
  id: z.string(),
  name: z.string(),
  city: z.string(),
  state: z.string(),
  country: z.string(),
  time_zone: z.string(),
  website: z.string(),
  created_at: z.string(),
});

export type Institution = z.infer<typeof institutionSchema>;
