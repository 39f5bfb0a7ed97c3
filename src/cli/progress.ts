/** A one-line progress display on stderr, shown only when stderr is a terminal. */
export interface Progress {
  update(done: number, label: string): void;
  /** Prints a line that stays (an error or warning) without breaking the progress line. */
  note(line: string): void;
  done(): void;
}

export function createProgress(stream: NodeJS.WriteStream = process.stderr, total?: number): Progress {
  const live = stream.isTTY === true;
  let shown = false;
  const clear = () => {
    if (shown) stream.write('\r\x1b[K');
    shown = false;
  };
  return {
    update(done, label) {
      if (!live) return;
      const count = total === undefined ? `${done}` : `${done}/${total}`;
      const width = Math.max(20, (stream.columns ?? 80) - count.length - 4);
      const shortLabel = label.length > width ? `…${label.slice(-width + 1)}` : label;
      stream.write(`\r\x1b[K[${count}] ${shortLabel}`);
      shown = true;
    },
    note(line) {
      clear();
      stream.write(`${line}\n`);
    },
    done: clear,
  };
}
