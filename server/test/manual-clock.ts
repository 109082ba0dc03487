/** A clock a test moves by hand, for the ticket desk and the SLA watch (`TestServer.start(db, env, clock.now)`). */
export class ManualClock {
  constructor(private at: Date) {}

  readonly now = (): Date => new Date(this.at);

  set(at: Date | string): void {
    this.at = new Date(at);
  }

  advance(ms: number): void {
    this.at = new Date(this.at.getTime() + ms);
  }
}
