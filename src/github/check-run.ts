import { CHECK_RUN_BATCH, checkRunAnnotation } from './annotations.js';
import type { FindingAnnotation } from './annotations.js';
import type { GitHubApi } from './github-api.js';

/**
 * Every annotation through a check run, for when GitHub's 10-per-step limit on workflow
 * commands hides too many. The Checks API takes 50 annotations per request and appends
 * what each update brings, so the run is created with the first 50 and updated with the
 * rest; the last request completes it. A run that cannot be finished is completed
 * without the rest rather than left spinning (that request is retried), and when even
 * that fails the caller is told the run is still open, with its address.
 */

export interface CheckRunRequest {
  name: string;
  headSha: string;
  externalId: string;
  detailsUrl?: string;
  title: string;
  /** Markdown, at most 65,535 characters. */
  summary: string;
  /** Where every finding is, for a run that gets only some annotations (a sentence). */
  everyFindingAt?: string;
  annotations: ReadonlyArray<FindingAnnotation & { file: string }>;
  conclusion: 'success' | 'failure' | 'neutral';
}

export const CHECK_RUN_SUMMARY_MAX = 65_535;

/**
 * At most this many annotations go through the API per run (40 requests of 50): the
 * GITHUB_TOKEN has 1,000 requests an hour for the whole repository, and a reviewer reads
 * the first screens. The caller passes them most urgent first and says how many are left out.
 */
export const CHECK_RUN_MAX_ANNOTATIONS = 2_000;

/** The check run exists but not every annotation reached it: completed with a note, or, when even that failed, still open. */
export class CheckRunIncompleteError extends Error {
  constructor(
    message: string,
    readonly url: string,
    /** Whether the run was completed (with the annotations it got); if not, it may stay "in progress". */
    readonly completed: boolean,
    readonly published: number,
  ) {
    super(message);
    this.name = 'CheckRunIncompleteError';
  }
}

export async function publishCheckRun(api: GitHubApi, req: CheckRunRequest): Promise<{ url: string; requests: number }> {
  const batches: ReturnType<typeof checkRunAnnotation>[][] = [];
  const annotations = req.annotations.slice(0, CHECK_RUN_MAX_ANNOTATIONS);
  for (let i = 0; i < annotations.length; i += CHECK_RUN_BATCH) batches.push(annotations.slice(i, i + CHECK_RUN_BATCH).map(checkRunAnnotation));
  if (batches.length === 0) batches.push([]);
  const output = (batch: ReturnType<typeof checkRunAnnotation>[]) => ({ title: req.title, summary: req.summary, ...(batch.length > 0 ? { annotations: batch } : {}) });
  const single = batches.length === 1;
  const { id, url } = await api.createCheckRun({
    name: req.name,
    headSha: req.headSha,
    externalId: req.externalId,
    detailsUrl: req.detailsUrl,
    output: output(batches[0]),
    conclusion: single ? req.conclusion : undefined,
  });
  let requests = 1;
  let published = batches[0].length;
  try {
    for (let i = 1; i < batches.length; i++) {
      await api.updateCheckRun(id, { output: output(batches[i]), conclusion: i === batches.length - 1 ? req.conclusion : undefined });
      requests++;
      published += batches[i].length;
    }
  } catch (e) {
    const reason = (e as Error).message;
    const note = `\n\n> ⚠️ Only ${published} of ${annotations.length} annotations could be published (${reason}). ${req.everyFindingAt ?? 'The job summary has every finding.'}`;
    // No annotations in this request, so the API layer retries it: a run left "in progress" blocks nothing but misleads everyone.
    try {
      await api.updateCheckRun(id, { output: { title: req.title, summary: `${req.summary.slice(0, CHECK_RUN_SUMMARY_MAX - note.length)}${note}` }, conclusion: req.conclusion });
    } catch (completing) {
      throw new CheckRunIncompleteError(`${reason}; completing it failed too: ${(completing as Error).message}`, url, false, published);
    }
    throw new CheckRunIncompleteError(reason, url, true, published);
  }
  return { url, requests };
}
