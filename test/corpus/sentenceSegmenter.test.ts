/**
 * The sentence rules of `--sentences auto` inside running text: abbreviations by whole word, numbers,
 * ellipses, question and exclamation marks, and the sentence-final marks of other scripts.
 */

import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/corpus/sentenceSegmenter.js';

describe('splitSentences', () => {
  it('never splits after a title, an initial or a dotted abbreviation inside a sentence', () => {
    for (const sentence of [
      'Mr. Smith met Dr. Jones at 10 a.m. on Jan. 5 in the U.S. Senate.',
      'He lives at No. 5 Elm Street, e.g. near the park.',
      'The Lord of the Rings is by J. R. R. Tolkien and was printed in 1954.',
      'Gen. Lee and Sen. Smith, i.e. the two of them, left.',
      'See pp. 12-14 and fig. 3 for details.',
      'Apt. 4B is upstairs, est. 1990, tel. 555-0100.',
      // Looked up after the hyphen: "ex-Gov." is "Gov.".
      'A close second was ex-Gov. Knight of California.',
    ]) {
      expect(splitSentences(sentence)).toEqual([sentence]);
    }
  });

  it('splits after an ordinary word that ends in the letters of an abbreviation', () => {
    // "first." ends like "St.", "hospital." like "al.", "Python." like "Hon.", "zinc." like "Inc.".
    const words = ['first', 'hospital', 'Python', 'west', 'normal', 'piano', 'zinc', 'August', 'income'];
    for (const word of words) {
      expect(splitSentences(`It was ${word}. The dog ran.`)).toEqual([`It was ${word}.`, 'The dog ran.']);
    }
  });

  it('splits after an abbreviation that ends a sentence when a sentence starter follows', () => {
    expect(splitSentences('He moved to the U.S. The move was hard.')).toEqual(['He moved to the U.S.', 'The move was hard.']);
    expect(splitSentences('They sold apples, pears, etc. But nobody came.')).toEqual(['They sold apples, pears, etc.', 'But nobody came.']);
    // A web address is not a dotted abbreviation.
    expect(splitSentences('Visit example.com. Thanks for reading.')).toEqual(['Visit example.com.', 'Thanks for reading.']);
    // A name after the abbreviation continues the sentence.
    expect(splitSentences('The U.S. Army came.')).toEqual(['The U.S. Army came.']);
  });

  it("the README's examples: St. and a single capital end a sentence before a starter, a title never; No. is a number's word", () => {
    // (the README listed St. among the titles and said a single capital never ends one: audit)
    expect(splitSentences('I walked down Elm St. The shop was closed. He met Mr. The Rock.')).toEqual(['I walked down Elm St.', 'The shop was closed.', 'He met Mr. The Rock.']);
    expect(splitSentences('He got a grade of B. The teacher smiled. Written by J. R. R. Tolkien today.')).toEqual([
      'He got a grade of B.',
      'The teacher smiled.',
      'Written by J. R. R. Tolkien today.',
    ]);
    expect(splitSentences('See item No. 5 here. See the item listed as No. Seven in the list.')).toEqual(['See item No. 5 here.', 'See the item listed as No.', 'Seven in the list.']);
    expect(splitSentences('Meet on Jan. 12 at Acme Inc. Seven people came.')).toEqual(['Meet on Jan. 12 at Acme Inc. Seven people came.']);
  });

  it('keeps numbers, prices, versions and web addresses whole', () => {
    expect(splitSentences('Pi is 3.14 and tea costs $1.20 today. Version 2.0.1 of example.com works.')).toEqual([
      'Pi is 3.14 and tea costs $1.20 today.',
      'Version 2.0.1 of example.com works.',
    ]);
  });

  it('keeps an ellipsis whole, and ends a sentence at it only before a capital', () => {
    expect(splitSentences('I waited... and waited. Then... Nothing happened…')).toEqual(['I waited... and waited.', 'Then...', 'Nothing happened…']);
  });

  it('ends sentences at ? and !, with closing quotes, unless a lowercase word goes on', () => {
    expect(splitSentences('"Why?" he asked. "Because!" She left. Really?! Yes.')).toEqual([
      '"Why?" he asked.',
      '"Because!"',
      'She left.',
      'Really?!',
      'Yes.',
    ]);
  });

  it('puts closing quotes and brackets with the sentence they end', () => {
    expect(splitSentences('He said "stop." (It was late.) We left.')).toEqual(['He said "stop."', '(It was late.)', 'We left.']);
  });

  it('closes German quotes „…“ ‚…‘ »…« and French ones « … », spaced as French writes them (audit: joined to the next sentence, or » began it)', () => {
    expect(splitSentences('Er sagte: \u201EHallo.\u201C Dann ging er.')).toEqual(['Er sagte: \u201EHallo.\u201C', 'Dann ging er.']);
    expect(splitSentences('Er rief: \u201EHallo!\u201C Dann ging er.')).toEqual(['Er rief: \u201EHallo!\u201C', 'Dann ging er.']);
    expect(splitSentences('Sie sagte \u201AJa.\u2018 Er nickte.')).toEqual(['Sie sagte \u201AJa.\u2018', 'Er nickte.']);
    expect(splitSentences('Er sagte: \u00BBHallo.\u00AB Dann ging er.')).toEqual(['Er sagte: \u00BBHallo.\u00AB', 'Dann ging er.']);
    // an opening » (German) before the next word stays with it
    expect(splitSentences('Er ging. \u00BBHallo\u00AB, sagte sie. Dann kam er.')).toEqual(['Er ging.', '\u00BBHallo\u00AB, sagte sie.', 'Dann kam er.']);
    // a title after „ is still a title
    expect(splitSentences('\u201EDr. M\u00FCller kam.\u201C Er ging.')).toEqual(['\u201EDr. M\u00FCller kam.\u201C', 'Er ging.']);
    for (const space of [' ', '\u00A0', '\u202F']) {
      expect(splitSentences(`Il a dit : \u00AB${space}Bonjour.${space}\u00BB Puis il est parti.`), `space U+${space.charCodeAt(0).toString(16)}`).toEqual([`Il a dit : \u00AB${space}Bonjour.${space}\u00BB`, 'Puis il est parti.']);
      expect(splitSentences(`Il cria : \u00AB${space}Oui${space}!${space}\u00BB Puis rien.`)).toEqual([`Il cria : \u00AB${space}Oui${space}!${space}\u00BB`, 'Puis rien.']);
    }
    expect(splitSentences('Fin. \u00BB')).toEqual(['Fin. \u00BB']);
    // a spaced closer before punctuation, and an English nested ” after its space
    expect(splitSentences('Il r\u00E9pondit : \u00AB Oui. \u00BB, dit-il. Puis rien.')).toEqual(['Il r\u00E9pondit : \u00AB Oui. \u00BB, dit-il.', 'Puis rien.']);
    expect(splitSentences('He said, \u201CShe told me \u2018No.\u2019 \u201D Then silence.')).toEqual(['He said, \u201CShe told me \u2018No.\u2019 \u201D', 'Then silence.']);
  });

  it('takes “ ‘ « for closers only where they close: not the “ that opens the next Chinese sentence after 。, nor one written without a space after a period (audit)', () => {
    expect(splitSentences('\u4ed6\u8bf4\uff1a\u201c\u6211\u4eec\u8d70\u5427\u3002\u201d\u5979\u7b11\u4e86\u3002\u201c\u597d\u554a\u3002\u201d')).toEqual([
      '\u4ed6\u8bf4\uff1a\u201c\u6211\u4eec\u8d70\u5427\u3002\u201d',
      '\u5979\u7b11\u4e86\u3002',
      '\u201c\u597d\u554a\u3002\u201d',
    ]);
    expect(splitSentences('\u4ed6\u770b\u4e86\u770b\u3002\u2018\u771f\u7684\u5417\uff1f\u2019\u5979\u95ee\u3002')).toEqual(['\u4ed6\u770b\u4e86\u770b\u3002', '\u2018\u771f\u7684\u5417\uff1f\u2019', '\u5979\u95ee\u3002']);
    // a quote after a space, before another quote or an ellipsis, opens the next sentence (audit: it closed
    // the one before, whose period then ended nothing)
    expect(splitSentences('Er ging hinaus. \u00BB\u203ANein\u2039, sagte sie.\u00AB Dann schwieg er.')).toEqual(['Er ging hinaus.', '\u00BB\u203ANein\u2039, sagte sie.\u00AB', 'Dann schwieg er.']);
    expect(splitSentences('Sie wartete. \u00BB...aber warum?\u00AB, fragte er. Dann ging sie.')).toEqual(['Sie wartete.', '\u00BB...aber warum?\u00AB, fragte er.', 'Dann ging sie.']);
    expect(splitSentences('Han gick. \u201D\u2019Nej\u2019, sa hon.\u201D Sedan gick hon.')).toEqual(['Han gick.', '\u201D\u2019Nej\u2019, sa hon.\u201D', 'Sedan gick hon.']);
    expect(splitSentences('He left. \u201D\u2019Tis true,\u201D she said. Then.')).toEqual(['He left.', '\u201D\u2019Tis true,\u201D she said.', 'Then.']);
    // spaced closers in a row, as French nests them
    expect(splitSentences('\u00AB Il a dit : \u201C Non. \u201D \u00BB Puis il partit.')).toEqual(['\u00AB Il a dit : \u201C Non. \u201D \u00BB', 'Puis il partit.']);
    expect(splitSentences('\u00AB Non ! \u00BB \u00BB Puis.')).toEqual(['\u00AB Non ! \u00BB \u00BB', 'Puis.']);
    // nested German closers directly after the mark close together
    expect(splitSentences('Er rief: \u201E\u201AHalt!\u2018\u201C Dann ging er.')).toEqual(['Er rief: \u201E\u201AHalt!\u2018\u201C', 'Dann ging er.']);
    // German „…“, closing before a comma: one sentence goes on
    expect(splitSentences('Er rief \u201EHalt!\u201C, und alle blieben stehen. Dann ging er.')).toEqual(['Er rief \u201EHalt!\u201C, und alle blieben stehen.', 'Dann ging er.']);
  });

  it('ends sentences at the marks of Chinese and Japanese, Hindi and Arabic', () => {
    expect(splitSentences('日本語です。これはテストです。')).toEqual(['日本語です。', 'これはテストです。']);
    expect(splitSentences('你好！你是谁？我是学生。')).toEqual(['你好！', '你是谁？', '我是学生。']);
    expect(splitSentences('यह एक वाक्य है। यह दूसरा है।')).toEqual(['यह एक वाक्य है।', 'यह दूसरा है।']);
    expect(splitSentences('كيف حالك؟ أنا بخير.')).toEqual(['كيف حالك؟', 'أنا بخير.']);
  });

  it('a period without white space after it ends nothing; the last sentence needs no mark', () => {
    expect(splitSentences('a.b.c is a name. and this goes on')).toEqual(['a.b.c is a name. and this goes on']);
    expect(splitSentences('No mark at the end')).toEqual(['No mark at the end']);
    expect(splitSentences('   ')).toEqual([]);
  });
});

describe('splitSentences: the rules one case each (from the mutation run of 3 December)', () => {
  const cases: [string, string[]][] = [
    // A run of marks is one candidate: the sentence ends after the whole run.
    ['Why?! He left.', ['Why?!', 'He left.']],
    ['Really?!? Yes.', ['Really?!?', 'Yes.']],
    // A period run or an ellipsis ends a sentence only before an uppercase word; never before a number.
    ['Wait... Then go.', ['Wait...', 'Then go.']],
    ['Wait... then go.', ['Wait... then go.']],
    ['Wait\u2026 Then go.', ['Wait\u2026', 'Then go.']],
    ['Wait... 12 came.', ['Wait... 12 came.']],
    // ? and ! end one before a capital, a number or an opening quote; not before a lowercase word.
    ['Is it 5? 6 is.', ['Is it 5?', '6 is.']],
    ['Go! "Now" he said.', ['Go!', '"Now" he said.']],
    ['Go! "now" he said.', ['Go! "now" he said.']],
    // Closers stay with the sentence they end, however many.
    ['He said (see above.)) Then left.', ['He said (see above.))', 'Then left.']],
    // The next word is read after opening quotes and brackets; a lowercase one goes on.
    ['He left. "then" was said.', ['He left. "then" was said.']],
    ['He left. ("Then" was said.)', ['He left.', '("Then" was said.)']],
    // The word before the period without its opening quotes and brackets: "Mr" is a title.
    ['("Mr. Smith") came. Yes.', ['("Mr. Smith") came.', 'Yes.']],
    // After a hyphen the last part is looked up: ex-Gov. is Gov.
    ['The ex-Gov. Smith spoke. Yes.', ['The ex-Gov. Smith spoke.', 'Yes.']],
    // A word ending in a hyphen leaves nothing to look up: the period ends the sentence.
    ['He said ten-. Then left.', ['He said ten-.', 'Then left.']],
    // A number abbreviation before a number, in any case; before a word it is an abbreviation or not.
    ['See No. 5 here. Yes.', ['See No. 5 here.', 'Yes.']],
    ['See NO. 5 here. Yes.', ['See NO. 5 here.', 'Yes.']],
    ['A no. Then what.', ['A no.', 'Then what.']],
    // An abbreviation before a number: never an end; before a starter word (read without trailing
    // punctuation): an end; before another capital word: not.
    ['On Jan. 12 it rained. Yes.', ['On Jan. 12 it rained.', 'Yes.']],
    ['It came in Jan. The, end.', ['It came in Jan.', 'The, end.']],
    ['It came in Jan. Smith saw.', ['It came in Jan. Smith saw.']],
    ['The U.S. Army came. In the U.S. The end.', ['The U.S. Army came.', 'In the U.S.', 'The end.']],
    ['Ask Ph.D. Jones.', ['Ask Ph.D. Jones.']],
    ['Ask abc.de.f Jones.', ['Ask abc.de.f Jones.']],
    ['Born in U.S.A. Is it?', ['Born in U.S.A.', 'Is it?']],
    // Dotted letters in groups of one or two only; a group of three is a word, and its period an end.
    ['Visit abc.def. Smith came.', ['Visit abc.def.', 'Smith came.']],
    // An initial: one uppercase letter.
    ['J. R. R. Tolkien wrote. Yes.', ['J. R. R. Tolkien wrote.', 'Yes.']],
    ['It is plan b. Smith came.', ['It is plan b.', 'Smith came.']],
    // A mark at the end of the text ends the last sentence; white space alone is no sentence.
    ['Hello.', ['Hello.']],
    ['  \n ', []],
    ['Hello.   ', ['Hello.']],
    // An immediate mark ends its sentence with no space after it, also in a run with others.
    ['日本です。次です！終わり', ['日本です。', '次です！', '終わり']],
    // (the second mutation run, 3 December)
    // ? and ! are no abbreviation's period: after an initial, before a word that starts no sentence.
    ['Is it plan B? Yes.', ['Is it plan B?', 'Yes.']],
    // A run with ? or ! in it is decided as ? and !, also with an ellipsis after the mark.
    ['Why?\u2026 12 came.', ['Why?\u2026', '12 came.']],
    // Before a number an ellipsis goes on; only the next word's first character decides.
    ['Wait... 3D films came.', ['Wait... 3D films came.']],
    ['Say no. A4 paper is fine.', ['Say no.', 'A4 paper is fine.']],
    // Closers are no periods: after `done."` the next word decides as after a plain period.
    ['It was "done." 12 came.', ['It was "done."', '12 came.']],
    // Dotted groups: the whole word, three groups or more, a last group of two letters.
    ['Visit a.b.cde. Smith came.', ['Visit a.b.cde.', 'Smith came.']],
    ['Visit abc.de. Smith came.', ['Visit abc.de.', 'Smith came.']],
    ['The U.S.A. Army came.', ['The U.S.A. Army came.']],
    ['He has a B.Sc. Smith said so.', ['He has a B.Sc. Smith said so.']],
    // The next word is read without its trailing punctuation, all of it, and whole inside.
    ['It came in Jan. Then," he said.', ['It came in Jan.', 'Then," he said.']],
    ['It came in Jan. Th-e end.', ['It came in Jan. Th-e end.']],
    // Nothing but white space and openers after a period: it ends the sentence, even after a title.
    ['See Mr. (', ['See Mr.', '(']],
  ];
  for (const [text, sentences] of cases) {
    it(JSON.stringify(text), () => {
      expect(splitSentences(text)).toEqual(sentences);
    });
  }
});
