/** Words for the profile's codes; a code the server adds later is shown readably. */
function humanise(code: string): string {
  const words = code.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function lookup(table: Record<string, string>) {
  return (code: string) => table[code] ?? humanise(code);
}

export const resultLabel = lookup({ pass: 'Pass', fail: 'Fail', score: 'Score', pending: 'Result pending' });
export const ecfmgLabel = lookup({ certified: 'Certified', in_progress: 'In progress', not_started: 'Not started' });
export const levelLabel = lookup({ native: 'Native', fluent: 'Fluent', professional: 'Professional', basic: 'Basic' });
export const kindLabel = lookup({
  clinical: 'Clinical experience',
  work: 'Work experience',
  research: 'Research',
  publication: 'Publication',
  service: 'Community service',
  award: 'Award',
});
export const degreeLabel = lookup({ other: 'Other' });
