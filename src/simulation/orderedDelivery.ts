/**
 * OrderedDelivery: a reorder buffer. Tasks finish in any order on worker threads; their events must
 * reach the exporters in canonical order (task by task, each task's events in the order produced), so
 * that the output is byte-identical whatever the number of workers.
 *
 * Contract: tasks are numbered 0..count-1 in delivery order (`slot`). `push(slot, event)` delivers
 * at once when `slot` is the head, and buffers otherwise; `finish(slot)` marks a task's last event,
 * which moves the head on and flushes the buffered events of the following tasks. Pure bookkeeping;
 * O(1) per event besides the flushes.
 */

export class OrderedDelivery<Event> {
  private head = 0;
  private readonly pending = new Map<number, Event[]>();
  private readonly finished = new Set<number>();

  constructor(private readonly deliver: (slot: number, event: Event) => void) {}

  push(slot: number, event: Event): void {
    if (slot === this.head) {
      this.deliver(slot, event);
      return;
    }
    const list = this.pending.get(slot) ?? [];
    list.push(event);
    this.pending.set(slot, list);
  }

  finish(slot: number): void {
    this.finished.add(slot);
    while (this.finished.has(this.head)) {
      this.finished.delete(this.head);
      this.head++;
      const list = this.pending.get(this.head);
      if (list !== undefined) {
        this.pending.delete(this.head);
        for (const event of list) this.deliver(this.head, event);
      }
    }
  }

  /** Slots fully delivered so far (the head). */
  get delivered(): number {
    return this.head;
  }
}
