import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openCsv } from '../../src/export/csvFile.js';
import { csvText, CsvText } from '../../src/export/csvText.js';

/** What openCsv writes for these records, as text. */
async function streamed(header: readonly string[], records: ReadonlyArray<readonly string[]>): Promise<string> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const writer = openCsv(sink, header);
  for (const record of records) writer.write(record);
  await writer.close();
  return Buffer.concat(chunks).toString('utf8');
}

describe('csvText', () => {
  it('writes a header, quoted fields and the final row delimiter as fast-csv does', () => {
    // A field with a comma or a quote is quoted, the quote doubled; every line ends in \n.
    expect(csvText(['a', 'b'], [['1', 'x,y'], ['say "hi"', '']])).toBe('a,b\n1,"x,y"\n"say ""hi""",\n');
  });

  it('a header alone is one line', () => {
    expect(csvText(['a', 'b'], [])).toBe('a,b\n');
  });

  it('is byte-identical to the streamed file openCsv writes, for any fields', async () => {
    const field = fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', ' ', 'é', '0', '.', '-') });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(field, { minLength: 3, maxLength: 3 }), { maxLength: 6 }), async (records) => {
        expect(csvText(['x', 'y', 'z'], records)).toBe(await streamed(['x', 'y', 'z'], records));
      }),
      { numRuns: 200 },
    );
  });

  it('a snapshot taken mid-way is the file of the rows so far, and adding continues it', () => {
    const csv = new CsvText(['a']);
    csv.add(['1']);
    expect(csv.text()).toBe('a\n1\n');
    csv.add(['2']);
    expect(csv.text()).toBe('a\n1\n2\n');
  });
});
