import { CHECK_RUN_BATCH, checkRunAnnotation } from './annotations.js';
import type { FindingAnnotation } from './annotations.js';
import type { GitHubApi } from './github-api.js';

/**
 * Every annotation through a check run, for when GitHub's 10-per-step limit on workflow
 * commands hides too many. The Checks API takes 50 annotations per request and appends
 * what each update brings, so the run is created with the first 50 and updated with the
 * rest; the last request completes it. A run that cannot be finished is completed
 * without the rest rather than left spinning.
 */

export interface CheckRunRequest {
  name: string;
  headSha: string;
  externalId: string;
  detailsUrl?: string;
  title: string;
  /** Markdown, at most 65,535 characters. */
  summary: string;
  annotations: ReadonlyArray<FindingAnnotation & { file: string }>;
  conclusion: 'success' | 'failure' | 'neutral';
}

export const CHECK_RUN_SUMMARY_MAX = 65_535;

export async function publishCheckRun(api: GitHubApi, req: CheckRunRequest): Promise<{ url: string; requests: number }> {
  const batches: ReturnType<typeof checkRunAnnotation>[][] = [];
  for (let i = 0; i < req.annotations.length; i += CHECK_RUN_BATCH) batches.push(req.annotations.slice(i, i + CHECK_RUN_BATCH).map(checkRunAnnotation));
  if (batches.length === 0) batches.push([]);
  const output = (annotations: ReturnType<typeof checkRunAnnotation>[]) => ({ title: req.title, summary: req.summary, ...(annotations.length > 0 ? { annotations } : {}) });
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
  try {
    for (let i = 1; i < batches.length; i++) {
      await api.updateCheckRun(id, { output: output(batches[i]), conclusion: i === batches.length - 1 ? req.conclusion : undefined });
      requests++;
    }
  } catch (e) {
    const note = `\n\n> ⚠️ Only some annotations could be published (${(e as Error).message}); the job summary has every finding.`;
    await api.updateCheckRun(id, { output: { title: req.title, summary: `${req.summary.slice(0, CHECK_RUN_SUMMARY_MAX - note.length)}${note}` }, conclusion: req.conclusion }).catch(() => undefined);
    throw e;
  }
  return { url, requests };
}
