/**
 * One tab stop for a group of buttons (WAI-ARIA's "roving tabindex"): Tab reaches the group once, at
 * the button last focused in it (the first, after a redraw), and the arrow keys, Home and End move
 * between its buttons. The text view's marked words and rare words were a tab stop each, 74 after a
 * small run, between the cell chooser and the word search (audit of the playground).
 *
 * Contract: `rovingFocus(host)` listens on `host` once (it keeps listening across redraws of its
 * children); `redrawGroup(host, draw)` runs `draw` (which replaces the buttons) and leaves one button
 * of `host` the group's tab stop (tabIndex 0) and every other button out of the tab order (tabIndex
 * -1): the one spelled as the button that had the focus, which takes the focus back without scrolling
 * the page (a run's redraw dropped it to the page's body: round 3), else the first. Arrow keys with Alt, Control or Meta are
 * left to the browser (Alt+Left is Back). Buttons outside `host` are not touched.
 */

const NEXT = new Set(['ArrowRight', 'ArrowDown']);
const PREVIOUS = new Set(['ArrowLeft', 'ArrowUp']);

export function rovingFocus(host: HTMLElement): void {
  host.addEventListener('focusin', (event) => {
    if (event.target instanceof HTMLButtonElement) makeStop(host, event.target);
  });
  host.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const buttons = buttonsOf(host);
    const at = buttons.indexOf(event.target as HTMLButtonElement);
    if (at < 0) return;
    const to = NEXT.has(event.key) ? Math.min(at + 1, buttons.length - 1)
      : PREVIOUS.has(event.key) ? Math.max(at - 1, 0)
        : event.key === 'Home' ? 0
          : event.key === 'End' ? buttons.length - 1
            : undefined;
    if (to === undefined) return;
    event.preventDefault();
    buttons[to]!.focus();
  });
}

export function redrawGroup(host: HTMLElement, draw: () => void): void {
  const focused = document.activeElement;
  const word = focused instanceof HTMLButtonElement && host.contains(focused) ? focused.textContent : undefined;
  draw();
  const buttons = buttonsOf(host);
  const stop = (word === undefined ? undefined : buttons.find((button) => button.textContent === word)) ?? buttons[0];
  if (stop === undefined) return;
  makeStop(host, stop);
  // (without scrolling: the run's redraws, a few a second, pulled the window back to a word focused
  // earlier, away from the curves the user had scrolled to: audit)
  if (word !== undefined) stop.focus({ preventScroll: true });
}

function makeStop(host: HTMLElement, stop: HTMLButtonElement): void {
  for (const button of buttonsOf(host)) button.tabIndex = button === stop ? 0 : -1;
}

function buttonsOf(host: HTMLElement): HTMLButtonElement[] {
  return [...host.querySelectorAll('button')];
}
