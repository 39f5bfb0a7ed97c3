import type { Span } from './span.js';

export type Severity = 'error' | 'warning' | 'info';

/** A diagnostic: stages never print, they add messages to `doc.messages`. */
export interface Message {
  readonly severity: Severity;
  readonly text: string;
  /** Stable rule id, e.g. "clean/short-body". */
  readonly rule: string;
  readonly stage: string;
  readonly span?: Span;
}

/** One line, the same in CLI, API and UI: `source: severity rule: text`. */
export function formatMessage(source: string, message: Message): string {
  return `${source}: ${message.severity} ${message.rule}: ${message.text}`;
}
