/**
 * When a new follow-up is due unless the rep picks otherwise: `days` calendar days after `now`, at 9:00 local time
 * (calendar days, not 24-hour steps, so a daylight-saving change does not move it to 8:00 or 10:00). The popup,
 * the contact's deal panel and the follow-ups list all start from this.
 */
export function defaultFollowUp(now: number, days: number): number {
  const d = new Date(now);
  d.setDate(d.getDate() + days);
  d.setHours(9, 0, 0, 0);
  return d.getTime();
}
