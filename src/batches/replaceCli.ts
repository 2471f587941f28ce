import type { Actor } from '../auth/roles';
import type { Services } from '../services';
import { matchDiff, plainDiff } from './matchDiff';
import { PREVIEW_LIMIT_MAX, type ReplaceQuery } from './replaceService';

export interface CliReplace {
  articleId: number;
  find: string;
  replace: string;
  regex: boolean;
  matchCase: boolean;
  wholeWord: boolean;
  dryRun: boolean;
  /** Whose name the revisions carry: the operator has no account here. */
  author: string;
}

/**
 * `redline replace`: every match of an article, printed one per line ("sentence 12: the
 * [-comfort-]{+reassurance+} force"); unless it is a dry run, all of them replaced as one batch,
 * which can be undone in the browser like any other.
 */
export async function replaceInArticle(
  services: Pick<Services, 'replace'>,
  request: CliReplace,
  print: (line: string) => void,
): Promise<void> {
  // The operator runs the server's database directly, with an admin's rights and no account (user id 0, stored as none).
  const actor: Actor = { userId: 0, username: 'cli', displayName: request.author, role: 'admin' };
  const query: ReplaceQuery = { ...request, articles: [request.articleId], inMt: false };
  let snapshot = 0;
  let total = 0;
  let sentences = 0;
  for (let offset = 0; offset === 0 || offset < total; offset += PREVIEW_LIMIT_MAX) {
    const preview = await services.replace.preview(query, actor, { offset, limit: PREVIEW_LIMIT_MAX });
    if (offset === 0) ({ snapshot, total, sentenceCount: sentences } = preview);
    for (const sentence of preview.sentences) {
      for (const match of sentence.matches) print(`sentence ${sentence.position + 1}: ${plainDiff(matchDiff(sentence.text, match))}`);
    }
  }
  const found = `${total} ${total === 1 ? 'match' : 'matches'} in ${sentences} ${sentences === 1 ? 'sentence' : 'sentences'}`;
  if (request.dryRun || total === 0) {
    print(`${found}${request.dryRun ? ' (dry run: nothing changed)' : ''}.`);
    return;
  }
  const result = await services.replace.apply(query, actor, { all: true, snapshot, exclude: [] });
  const skipped = result.skipped.length
    ? `; ${result.skipped.length} left alone (changed meanwhile: segments ${result.skipped.join(', ')})`
    : '';
  print(`${found}: ${result.changed} ${result.changed === 1 ? 'sentence' : 'sentences'} changed as batch ${result.batchId}${skipped}.`);
}
