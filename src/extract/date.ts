// The --date option's check, on its own so that the CLI can validate it without
// loading the extraction pipeline.

/** Throws a RangeError unless `date` is undefined or a real calendar date YYYY-MM-DD. */
export function checkDate(date: string | undefined): void {
  if (date === undefined) return;
  const ok = /^\d{4}-\d{2}-\d{2}$/.test(date) && new Date(`${date}T00:00:00Z`).toISOString().startsWith(date);
  if (!ok) throw new RangeError(`invalid date "${date}" (expected YYYY-MM-DD)`);
}
