import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openCsv } from '../../src/export/csvFile.js';
import { csvPieces, csvText } from '../../src/export/csvText.js';

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

  it('in pieces (csvPieces): whole rows, about the size asked for, the same bytes as one text, for any size', () => {
    // header 'a' (2 chars), rows '1' and '22' (2 and 3 chars with \n): at size 4 the pieces 'a\n1\n' and '22\n'
    expect(Array.from(csvPieces(['a'], [['1'], ['22']], 4))).toEqual(['a\n1\n', '22\n']);
    const field = fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', 'é') });
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 2, maxLength: 2 }), { maxLength: 8 }), fc.integer({ min: 1, max: 20 }), (records, size) => {
        const pieces = Array.from(csvPieces(['x', 'y'], records, size));
        expect(pieces.join('')).toBe(csvText(['x', 'y'], records));
        // one piece per row and the header at most, each but the last at least `size` long
        expect(pieces.length).toBeLessThanOrEqual(records.length + 1);
        for (const piece of pieces.slice(0, -1)) expect(piece.length).toBeGreaterThanOrEqual(size);
      }),
      { numRuns: 200 },
    );
  });
});
