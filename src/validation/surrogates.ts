/**
 * UTF-16 surrogates: a character beyond U+FFFF is a high half (D800-DBFF) then a low half (DC00-DFFF).
 *
 * Contract: `isHighSurrogate(unit)` and `isLowSurrogate(unit)` say which half a code unit is (a number
 * outside 0..0xFFFF is neither). For code that counts characters or cuts text between them.
 */

export function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

export function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}
