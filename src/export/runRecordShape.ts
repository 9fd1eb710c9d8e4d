/**
 * The fields of a run record (src/export/runRecord.ts), each of its kind: what makeRunRecord takes,
 * readRunRecord reads and the report shows. Pure (no file system, no hashing): the playground's report
 * code checks a record with it too.
 *
 * Contract: `checkIdentity(identity, field)`, `checkCorpusNames(corpus)` and `checkRunRecord(record,
 * field)` return nothing for values of their kinds and throw a UsageError naming the first field that
 * is not (`record.identity.version is required`).
 */

import { UsageError } from '../errors.js';
import { BOOLEAN_RULE, checkObject, checkValue, integerRule, shownValue, TEXT_RULE } from '../validation/valueRule.js';

/** An identity's fields, each of its kind: version, corpusDigest text; load, settings (with its sweep) objects; extinctions true or false. */
export function checkIdentity(identity: unknown, field = 'identity'): void {
  const fields = checkObject(field, identity);
  for (const key of ['version', 'corpusDigest']) checkValue(`${field}.${key}`, fields[key], TEXT_RULE);
  checkObject(`${field}.load`, fields['load']);
  checkObject(`${field}.settings.sweep`, checkObject(`${field}.settings`, fields['settings'])['sweep']);
  checkValue(`${field}.extinctions`, fields['extinctions'], BOOLEAN_RULE);
}

/**
 * A run record as readRunRecord gives it, for a reader that shows it (the report's provenance: a
 * record of `{}` was a raw TypeError there: review): an object whose identity, shard, corpus and
 * provenance (when there is one) hold their fields, each of its kind; UsageError naming `field` otherwise.
 */
export function checkRunRecord(record: unknown, field = 'record'): void {
  const fields = checkObject(field, record);
  checkIdentity(fields['identity'], `${field}.identity`);
  checkValue(`${field}.shard`, fields['shard'], TEXT_RULE);
  checkCorpusNames(fields['corpus']);
  if (fields['provenance'] === undefined) return;
  const provenance = checkObject(`${field}.provenance`, fields['provenance']);
  checkValue(`${field}.provenance.command`, provenance['command'], TEXT_RULE);
  for (const part of ['human', 'heldout']) checkObject(`${field}.provenance.${part}`, provenance[part]);
  for (const key of ['batchTokens', 'measureTokens']) checkValue(`${field}.provenance.${key}`, provenance[key], integerRule(0));
}

/** The names a record's corpus was read from: undefined, or a list of strings. */
export function checkCorpusNames(corpus: unknown): void {
  if (corpus !== undefined && !(Array.isArray(corpus) && Array.from(corpus).every((name) => typeof name === 'string'))) {
    throw new UsageError(`corpus must be a list of corpus names, got ${shownValue(corpus)}`, "pass the names the corpus was read from, e.g. ['brown:news'], or leave it out", 'corpus');
  }
}
