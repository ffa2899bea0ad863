/** Shown under every new-password input; the server enforces it (and rejects common passwords). */
export const PASSWORD_RULE = 'At least 12 characters. Avoid common passwords; a short sentence works well.';
