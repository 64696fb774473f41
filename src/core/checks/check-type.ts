import type { Environment, SourceLocation } from '../model.js';

/** What one check concludes about one subject of one environment. */
export interface CheckOutcome {
  status: 'pass' | 'fail' | 'unknown';
  /** The server, resource address, or `SOURCE -> TARGET` for a flow. */
  subject: string;
  /** What is wrong and what would fix it; for a pass, what allows it. */
  message: string;
  location: SourceLocation;
}

/**
 * A kind of check (`required-flow`, `same-provider`, ...): one module, one file named
 * after the type, with its parameter schema and docs beside the code that runs it.
 */
export interface CheckType<Params = unknown> {
  type: string;
  description: string;
  /** JSON Schema of the `check:` mapping (its `type` key included). */
  schema: object;
  /** Markdown: the parameters and semantics, for the README and `topogate policies`. */
  docs: string;
  check(environment: Environment, params: Params): CheckOutcome[];
}
