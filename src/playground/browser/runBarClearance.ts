/**
 * The room the run bar takes: while it stays at the foot of the window (sticky in the settings, or
 * fixed to the window on one column while a run goes on: page.css), whatever the page scrolls into
 * view (a control the keyboard focuses, a message shown) is kept clear of it, through the window's
 * scroll padding (the bar's height); none where the bar does not stick. Its height is also the CSS
 * variable --run-bar-height, which keeps its place while it is fixed.
 */

import { $ } from './elements.js';

/**
 * Keeps what the page scrolls into view (a control the keyboard focuses, a message shown) clear of the
 * run bar, which stays at the foot of the window while the settings scroll: the window's scroll
 * padding is the bar's height (a control tabbed to landed under it, focus ring and all: round 2), none
 * where the bar does not stick. Called again before the page scrolls to a message of its own, since a
 * status just set can make the bar taller before its observer runs.
 */
export function keepClearOfRunBar(): void {
  const bar = $('run-bar');
  const sticks = ['sticky', 'fixed'].includes(getComputedStyle(bar).position);
  document.documentElement.style.scrollPaddingBottom = sticks ? `${bar.offsetHeight + 8}px` : '';
  document.documentElement.style.setProperty('--run-bar-height', `${bar.offsetHeight}px`);
}

export function watchRunBar(): void {
  new ResizeObserver(keepClearOfRunBar).observe($('run-bar'));
  window.addEventListener('resize', keepClearOfRunBar);
  keepClearOfRunBar();
}
