/**
 * A recipe's findings under its charts (`#findings`): each finding's verdict (✓ holds, ? undecided,
 * ✗ fails), what the literature expects and what the run observed (with why it is undecided), then the one-replicate caveat
 * where it applies. Written with textContent only.
 */

import { observedText, oneReplicateCaveat, verdictOf, type Finding } from '../../recipes/recipe.js';
import { $, hint } from './elements.js';

export function showFindings(findings: readonly Finding[], replicates: number): void {
  const heading = document.createElement('h3');
  heading.textContent = 'Findings';
  const caveat = oneReplicateCaveat(replicates);
  $('findings').replaceChildren(heading, ...findings.map(findingBox), ...(caveat === undefined ? [] : [hint(caveat)]));
}

function findingBox(finding: Finding): HTMLDivElement {
  const box = document.createElement('div');
  const verdict = verdictOf(finding);
  box.className = `finding${verdict === 'holds' ? '' : verdict === 'undecided' ? ' undecided' : ' fails'}`;
  const name = document.createElement('strong');
  name.textContent = `${verdict === 'holds' ? '✓' : verdict === 'undecided' ? '?' : '✗'} ${verdict}: ${finding.name}`;
  const expected = document.createElement('p');
  expected.textContent = `Expected: ${finding.expected}`;
  const observed = document.createElement('p');
  observed.textContent = `Observed: ${observedText(finding)}`;
  box.append(name, expected, observed);
  return box;
}
