import { describe, expect, it } from 'vitest';
import { OrderedDelivery } from '../../src/simulation/orderedDelivery.js';

describe('OrderedDelivery', () => {
  it('delivers events in task order whatever order they arrive in', () => {
    const seen: string[] = [];
    const delivery = new OrderedDelivery<string>((slot, event) => seen.push(`${slot}:${event}`));
    delivery.push(1, 'a');
    delivery.push(0, 'a');
    delivery.push(2, 'a');
    delivery.push(1, 'b');
    delivery.finish(2);
    expect(seen).toEqual(['0:a']);
    delivery.finish(1);
    expect(delivery.delivered).toBe(0);
    delivery.push(0, 'b');
    delivery.finish(0);
    expect(seen).toEqual(['0:a', '0:b', '1:a', '1:b', '2:a']);
    expect(delivery.delivered).toBe(3);
  });
});
