/** Whether this runtime's Intl knows the zone (a browser's ICU may know names the server's does not). */
export function isKnownZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return timeZone.length > 0;
  } catch {
    return false;
  }
}
