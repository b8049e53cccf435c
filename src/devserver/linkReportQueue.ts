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
    // Deferred so that whatever else runs after the build (a format writing its redirect stubs)
    // has written its files first.
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
