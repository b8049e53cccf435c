/**
 * For the dev server: the link report after a rebuild, without delaying the browser's reload;
 * rebuilds that finish while a report runs lead to one more report, not to reports piling up.
 */
export class LinkReportQueue {
  private running?: Promise<void>;
  private again = false;

  /** `report`: the warnings of one report ('' when every link works). */
  constructor(private readonly report: () => Promise<string>) {}

  schedule(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    // On the next turn, so that saves arriving together lead to one report.
    this.running = new Promise((resolve) => setImmediate(resolve))
      .then(() => this.report())
      .then((warnings) => {
        if (warnings) console.warn(warnings);
      })
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.schedule();
        }
      });
  }
}
