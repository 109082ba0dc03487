import { createInterface, type Interface } from "node:readline/promises";
import { Writable } from "node:stream";

/** Questions on the terminal, for `npm run admin -- setup` run by hand. */
export interface Prompter {
  ask(question: string): Promise<string>;
  /** The answer is not echoed (a password). */
  askSecret(question: string): Promise<string>;
  close(): void;
}

export function terminalPrompter(): Prompter {
  // readline echoes what is typed through its output stream: muted while a secret is typed.
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const rl: Interface = createInterface({ input: process.stdin, output, terminal: true });
  // Raw mode turns Ctrl-C into a keypress: leave as the signal would have.
  rl.on("SIGINT", () => {
    process.stdout.write("\n");
    process.exit(130);
  });
  return {
    ask: (question) => rl.question(question),
    async askSecret(question) {
      process.stdout.write(question);
      muted = true;
      try {
        return await rl.question("");
      } finally {
        muted = false;
        process.stdout.write("\n");
      }
    },
    close: () => rl.close(),
  };
}
