const ROLE_LABELS: Record<string, string> = {
  coordinator: 'Coordinator',
  reviewer: 'Reviewer',
  preceptor: 'Preceptor',
};

export function roleLabel(role: string): string {
  return ROLE_LABELS[role] ?? role;
}
