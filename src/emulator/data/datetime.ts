/** Salesforce's REST datetime format: `2011-07-07T00:37:00.000+0000` (always UTC here). */
export function formatDateTime(date: Date): string {
  return date.toISOString().replace('Z', '+0000');
}
