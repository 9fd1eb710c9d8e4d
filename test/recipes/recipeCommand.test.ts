import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recipeCommandLine } from '../../src/recipes/recipeCommand.js';
import { RECIPES } from '../../src/recipes/registry.js';
import { DEFAULT_MAX_TOKENS } from '../../src/simulation/tokenGuards.js';
import { escapeHtml } from '../../src/export/report/reportHtml.js';
import { cli, tempDir } from '../helpers/cli.js';

const LIGHTHOUSE = new URL('../../corpora/lighthouse.txt', import.meta.url).pathname;

describe('ngram-collapse recipe', () => {
  it('`recipe list` names every recipe, one per line', async () => {
    const result = await cli(['recipe', 'list']);
    expect(result.code).toBe(0);
    const names = result.stdout.trim().split('\n').map((line) => line.split(/\s+/)[0]);
    expect(names).toEqual(RECIPES.map((recipe) => recipe.name));
    expect(names).toEqual(['drift', 'human-ratio', 'accumulate', 'anchor', 'truncation', 'perplexity-shift', 'verification', 'growth', 'subword']);
  });

  it('`recipe list` refuses the options of a run, which it would ignore (it printed the list and wrote nothing)', async () => {
    const result = await cli(['recipe', 'list', '--out', 'x', '--seed', '3']);
    expect([result.code, result.stdout, result.stderr]).toEqual([2, '', 'ngram-collapse: recipe list takes no options, got --out, --seed (give them to a recipe: ngram-collapse recipe NAME ...)\n']);
  });

  it('an unknown recipe is a usage error that lists the valid names', async () => {
    const result = await cli(['recipe', 'colapse']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "ngram-collapse: unknown recipe 'colapse' (choose one of: drift, human-ratio, accumulate, anchor, truncation, perplexity-shift, verification, growth, subword; see ngram-collapse recipe list)\n",
    );
  });

  it('an --out that cannot be a folder stops before any work', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'taken'), 'x');
    const result = await cli(['recipe', 'drift', '--out', 'taken/sub'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^ngram-collapse: --out .*taken\/sub: .*taken is a file, not a folder \(choose a folder path\)\n$/);
  });

  it('refuses, as run does, a recipe whose batches or pool would pass the --max-tokens guard, before any work (recipes skipped the guard: growth --generations 13 ran for minutes)', async () => {
    const cwd = tempDir();
    const cases = [
      // the batch of generation 6: H of lighthouse (about 1,000 tokens) x 2^5 > 20,000
      [['recipe', 'growth', '--corpus', LIGHTHOUSE, '--generations', '6', '--replicates', '1', '--max-tokens', '20000', '--out', 'g'], /^ngram-collapse: recipe growth's own --tokens-growth 2 makes generation 6's batch \d+ tokens, above the --max-tokens guard \(20000\)/u],
      // accumulate's pool: H and 2,000 batches of H's size
      [['recipe', 'accumulate', '--corpus', LIGHTHOUSE, '--generations', '2000', '--replicates', '1', '--max-tokens', '1000000', '--out', 'a'], /^ngram-collapse: recipe accumulate's own --strategy accumulate would train on \d+ tokens by generation 2000 \(H and every batch\), above the --max-tokens guard \(1000000\)/u],
    ] as const;
    for (const [argv, message] of cases) {
      const result = await cli([...argv], { cwd });
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toMatch(message);
      // the remedies a recipe has (run's hint named --tokens and --tokens-growth, which recipe does not
      // take; a --select draw's size follows the corpus, not the generations)
      expect(result.stderr.endsWith(' (use fewer --generations or a smaller corpus, or raise --max-tokens if the machine has the memory)\n')).toBe(true);
      expect(existsSync(join(cwd, argv.at(-1)!))).toBe(false);
    }
    // growth at its fewest generations, 3: fewer cannot help either (they were advised: audit)
    const fewest = await cli(['recipe', 'growth', '--corpus', LIGHTHOUSE, '--generations', '3', '--replicates', '1', '--max-tokens', '3000', '--out', 'g3'], { cwd });
    expect(fewest.code).toBe(2);
    expect(fewest.stderr).toMatch(/ \(use a smaller corpus, or raise --max-tokens if the machine has the memory\)\n$/u);
    // a --select draw's size follows H alone: fewer generations cannot help (they were advised: audit)
    const draw = await cli(['recipe', 'verification', '--corpus', LIGHTHOUSE, '--generations', '2', '--replicates', '1', '--max-tokens', '1200', '--out', 'v'], { cwd });
    expect(draw.code).toBe(2);
    expect(draw.stderr).toMatch(/^ngram-collapse: recipe verification's own --select \S+ draws up to \d+ candidate tokens a generation \(the synthetic share \/ Q\), above the --max-tokens guard \(1200\) \(use a smaller corpus, or raise --max-tokens if the machine has the memory\)\n$/u);
    // subword's refusal names the tokenizer that read past the guard (it named none)
    const pieces = await cli(['recipe', 'subword', '--corpus', LIGHTHOUSE, '--generations', '2', '--replicates', '1', '--max-tokens', '1300', '--out', 's'], { cwd });
    expect(pieces.code).toBe(2);
    expect(pieces.stderr).toMatch(/^ngram-collapse: recipe subword reads the corpus with (gpt2|bpe:500|bpe:4000): the corpus has more than 1300 tokens/u);
  });

  it('a bad --generations is a usage error', async () => {
    const result = await cli(['recipe', 'drift', '--generations', 'many']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--generations must be a number, got 'many'");
  });

  it('runs a recipe and writes curves, findings, report and figures', async () => {
    const cwd = tempDir();
    const result = await cli(
      ['recipe', 'perplexity-shift', '--corpus', LIGHTHOUSE, '--generations', '2', '--replicates', '1', '--out', 'shift', '--quiet'],
      { cwd },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const out = join(cwd, 'shift');
    for (const file of ['curves.csv', 'sentence-perplexities.csv', 'findings.json', 'findings.md', 'report.html', 'figures/vocab_retention.svg', 'figures/sentence_perplexity_histogram.svg']) {
      expect(existsSync(join(out, file)), file).toBe(true);
    }
    const findings = JSON.parse(readFileSync(join(out, 'findings.json'), 'utf8'));
    expect(findings.recipe).toBe('perplexity-shift');
    expect(findings.command).toBe(`ngram-collapse recipe perplexity-shift --corpus ${LIGHTHOUSE} --generations 2 --replicates 1 --seed 42 --out shift`);
    expect(findings.findings.map((f: { name: string }) => f.name)).toEqual(['mass moves to low perplexity', 'a longer tail appears']);
    const perplexities = readFileSync(join(out, 'sentence-perplexities.csv'), 'utf8').split('\n');
    expect(perplexities[0]).toBe('cell,replicate,generation,sentence,perplexity');
    expect(perplexities[1]).toMatch(/^default,1,0,1,\d/);
    const report = readFileSync(join(out, 'report.html'), 'utf8');
    expect(report).toContain('<section id="recipe">');
    expect(report).toContain('per-sentence perplexity under M0');
    // (its quantiles pool the replicates: "means over replicates" alone was not true of them: audit)
    expect(report).toContain('<th>observed (means over replicates unless it says otherwise)</th>');
    expect(readFileSync(join(out, 'findings.md'), 'utf8')).toContain('numbers are means over replicates unless a check says otherwise: pooled or counted over all replicates');
  });

  it('records the corpus options that differ from their defaults in the command it writes', async () => {
    const cwd = tempDir();
    // (an --out with a space and a $, quoted as a shell reads it back; `$&` and `$'` once pasted the page into report.html's command: audit)
    const result = await cli(['recipe', 'drift', '--corpus', LIGHTHOUSE, '--generations', '2', '--replicates', '1', '--tokenizer', 'whitespace', '--no-lowercase', '--sentences', 'line', '--max-tokens', '50000', '--out', "d $1 $& $'", '--quiet'], { cwd });
    expect(result.code).toBe(0);
    const findings = JSON.parse(readFileSync(join(cwd, "d $1 $& $'", 'findings.json'), 'utf8'));
    expect(findings.command).toBe(`ngram-collapse recipe drift --corpus ${LIGHTHOUSE} --generations 2 --replicates 1 --seed 42 --tokenizer whitespace --no-lowercase --sentences line --max-tokens 50000 --out 'd $1 $& $'\\'''`);
    const report = readFileSync(join(cwd, "d $1 $& $'", 'report.html'), 'utf8');
    expect(report.match(/<!doctype html>/gi)).toHaveLength(1);
    expect(report).toContain(escapeHtml(findings.command));
  });

  it('with bpe:K, learns the merges on the recipe\'s H and fills the word columns, as run does', async () => {
    const cwd = tempDir();
    const result = await cli(['recipe', 'drift', '--corpus', LIGHTHOUSE, '--generations', '2', '--replicates', '1', '--tokenizer', 'bpe:50', '--out', 'b', '--quiet'], { cwd });
    expect(result.code).toBe(0);
    const [header, first] = readFileSync(join(cwd, 'b', 'curves.csv'), 'utf8').split('\n');
    const columns = header!.split(',');
    const row = first!.split(',');
    expect(row[columns.indexOf('word_types')]).not.toBe('');
    // generation 0 measures H: its pieces are those of merges learned on H (the run's own split), so
    // its types equal those of `run` with the recipe's holdout and seed on the same corpus
    const ran = await cli(['run', '--corpus', LIGHTHOUSE, '--generations', '1', '--human-ratio', '0', '--order', '2', '--tokenizer', 'bpe:50', '--out', 'r.csv', '--quiet', '--workers', '1'], { cwd });
    expect(ran.code).toBe(0);
    const [runHeader, runFirst] = readFileSync(join(cwd, 'r.csv'), 'utf8').split('\n');
    expect(runFirst!.split(',')[runHeader!.split(',').indexOf('types')]).toBe(row[columns.indexOf('types')]);
  });

  it('refuses --tokenizer and --lowercase for the subword recipe, which reads the corpus with its own', async () => {
    for (const flags of [['--tokenizer', 'char'], ['--lowercase'], ['--no-lowercase']]) {
      const result = await cli(['recipe', 'subword', '--corpus', LIGHTHOUSE, '--generations', '2', '--replicates', '1', ...flags, '--out', 's'], { cwd: tempDir() });
      expect(result.code, flags.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/^ngram-collapse: recipe subword reads the corpus with its own tokenizers \(wordpunct, gpt2, bpe:500, bpe:4000\) and case: --tokenizer and --lowercase \/ --no-lowercase do not apply/u);
      expect(result.stderr.endsWith(' (leave them out: the recipe compares these tokenizers itself, each with case kept)\n')).toBe(true); // one pair of brackets (it nested two)
    }
  });

  it('spells out --max-tokens where it is not the default: growth needs it raised, and its command was refused without it (audit)', () => {
    const growth = RECIPES.find((recipe) => recipe.name === 'growth')!;
    const scale = { generations: 13, replicates: 1, seed: 42 };
    expect(recipeCommandLine(growth, ['brown:news'], scale, { maxTokens: 400_000_000 })).toBe('ngram-collapse recipe growth --corpus brown:news --generations 13 --replicates 1 --seed 42 --max-tokens 400000000');
    expect(recipeCommandLine(growth, ['brown:news'], scale, { maxTokens: DEFAULT_MAX_TOKENS })).toBe('ngram-collapse recipe growth --corpus brown:news --generations 13 --replicates 1 --seed 42');
  });

  it("writes a corpus named with a leading '-' joined to its flag, a command the CLI reads back", async () => {
    const drift = RECIPES.find((recipe) => recipe.name === 'drift')!;
    const line = recipeCommandLine(drift, ['-notes.txt', 'b.txt'], { generations: 2, replicates: 1, seed: 42 });
    expect(line).toBe('ngram-collapse recipe drift --corpus=-notes.txt --corpus b.txt --generations 2 --replicates 1 --seed 42');
    // read back: the CLI takes both as corpora (and says the first is missing, not that it is an unknown option)
    const dir = tempDir();
    const result = await cli([...line.split(' ').slice(1), '--out', join(dir, 'out')], { cwd: dir });
    expect(result.stderr).toMatch(/^ngram-collapse: corpus '-notes.txt' not found/u);
  });

  it('prints each finding with its verdict', async () => {
    const cwd = tempDir();
    const result = await cli(['recipe', 'accumulate', '--corpus', LIGHTHOUSE, '--generations', '2', '--replicates', '1', '--out', 'acc'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^accumulate: Accumulate, do not replace\n/);
    // seeded (42), two generations on the tiny lighthouse text: replace's perplexity falls back at
    // generation 2, and three means cannot pass the trend test anyway (undecided); the other two findings hold
    expect(result.stdout).toMatch(/\n  undecided      replace: held-out perplexity grows\n.*rising in 1 of 2 generations \(Mann–Kendall p = 0\.5\); [0-9.]+ x M0's at the end \(not above the 1\.5 x the check also asks for\); undecided: 3 generations' means \(0-2\) cannot pass the trend test .*\n/);
    expect(result.stdout).toMatch(/\n  holds          accumulate: held-out perplexity stays bounded\n/);
    // one replicate: the means compared rest on one series, which the last line, findings.md and findings.json say (audit)
    const caveat = 'One replicate: the checks that compare means over replicates have no interval or test, and here they rest on this one series; run more replicates (the recipes run 3 to 10 by default) and other --seed values before citing them.';
    expect(result.stdout).toMatch(/\n2 of 3 findings hold, 1 undecided \(the rows cannot tell\); [\d.]+ s; outputs in acc\n/);
    expect(result.stdout.endsWith(`outputs in acc\n${caveat}\n`)).toBe(true);
    expect(readFileSync(join(cwd, 'acc', 'findings.md'), 'utf8')).toContain(`\n**${caveat}**\n`);
    expect(JSON.parse(readFileSync(join(cwd, 'acc', 'findings.json'), 'utf8')).caveat).toBe(caveat);
    // and the report, under the verdicts (it was left out there: review)
    expect(readFileSync(join(cwd, 'acc', 'report.html'), 'utf8')).toContain(`</tbody></table></div>\n<p class="caveat"><strong>${escapeHtml(caveat)}</strong></p>\n`);
    expect(result.stderr).toContain('recipe accumulate: 3/3 series done');
    // two replicates: no such line
    const two = await cli(['recipe', 'accumulate', '--corpus', LIGHTHOUSE, '--generations', '2', '--replicates', '2', '--out', 'acc2'], { cwd });
    expect(two.stdout).toMatch(/\n\d of 3 findings hold, 1 undecided \(the rows cannot tell\); [\d.]+ s; outputs in acc2\n$/);
    expect(readFileSync(join(cwd, 'acc2', 'findings.md'), 'utf8')).not.toContain('One replicate');
    expect(JSON.parse(readFileSync(join(cwd, 'acc2', 'findings.json'), 'utf8'))).not.toHaveProperty('caveat');
    expect(readFileSync(join(cwd, 'acc2', 'report.html'), 'utf8')).not.toContain('One replicate');
  });

  it("counts subword's series over all its tokenizers (it counted to 1 four times: audit); a check one replicate cannot decide is said to be undecided everywhere", async () => {
    const cwd = tempDir();
    const result = await cli(['recipe', 'subword', '--corpus', LIGHTHOUSE, '--generations', '2', '--replicates', '1', '--out', 'sw'], { cwd });
    expect(result.code).toBe(0);
    // one replicate: no interval for "word and subword differ" (level or kept share), which read "does not hold" (audit)
    const check = 'word and subword models differ in rare-word survival';
    const kept = 'the loop keeps a different share of rare words under subword models';
    expect(result.stdout).toContain(`\n  undecided      ${check}\n`);
    expect(result.stdout).toContain(`\n  undecided      ${kept}\n`);
    expect(result.stdout).toMatch(/\n\d of 5 findings hold, 2 undecided \(the rows cannot tell\); [\d.]+ s; outputs in sw\nOne replicate: /u);
    const markdown = readFileSync(join(cwd, 'sw', 'findings.md'), 'utf8');
    expect(markdown).toMatch(/\*\*Findings\*\* \(\d of 5 hold, 2 undecided \(the rows cannot tell\); /u);
    expect(markdown).toMatch(new RegExp(`\\| ${check} \\|.*\\| \\*\\*undecided\\*\\* \\|\\n`, 'u'));
    const json = JSON.parse(readFileSync(join(cwd, 'sw', 'findings.json'), 'utf8')) as { findings: Array<{ name: string; holds: boolean; verdict: string; undecided?: string }> };
    expect(json.findings.find((finding) => finding.name === check)).toMatchObject({ holds: false, verdict: 'undecided', undecided: 'a comparison without two replicates with a value on each side has no interval' });
    expect(json.findings.find((finding) => finding.name === kept)).toMatchObject({ holds: false, verdict: 'undecided', undecided: 'a comparison without two replicates with a value on each side has no interval' });
    expect(json.findings.filter((finding) => finding.name !== check && finding.name !== kept).every((finding) => finding.verdict === (finding.holds ? 'holds' : 'does not hold'))).toBe(true);
    expect(readFileSync(join(cwd, 'sw', 'report.html'), 'utf8')).toContain('<td class="undecided">undecided</td>');
    // one cell a tokenizer, four tokenizers
    const counts = result.stderr.split('\n').flatMap((line) => /^recipe subword: (\d+\/\d+) series done/u.exec(line)?.[1] ?? []);
    expect(counts).toEqual(['1/4', '2/4', '3/4', '4/4']);
  });
});
