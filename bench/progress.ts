// One self-overwriting progress line on stderr for long benchmark runs; silent when stderr is not
// a terminal (CI logs and redirected output stay clean).
export interface Progress {
  update(message: string): void;
  done(): void;
}

export function createProgress(stream: NodeJS.WriteStream): Progress {
  const started = performance.now();
  let shown = false;
  return {
    update(message) {
      if (stream.isTTY !== true) return;
      const seconds = ((performance.now() - started) / 1000).toFixed(0).padStart(4);
      const line = `[${seconds}s] ${message}`.slice(0, Math.max(20, (stream.columns || 80) - 1));
      stream.write(`\r\u001b[2K${line}`);
      shown = true;
    },
    done() {
      if (shown) stream.write('\r\u001b[2K');
      shown = false;
    },
  };
}
