import { describe, expect, it } from 'vitest';
import { isInside, parseAxText } from '../../src/agents/ax-lines.js';

const text = [
  '[1] banner',
  '  [2] link "SkyHop"',
  '  Cheap flights',
  '[19] group "Passenger 1"',
  '  [23] textbox "First name" value="Ana" required focused',
  '[30] group "Passenger 2"',
  '  [34] textbox "First name" required invalid',
  '  [40] checkbox "Seat \\"A\\" (+€12)" checked',
].join('\n');

describe('parseAxText', () => {
  const page = parseAxText(text);
  it('reads bids, roles, names, values and states', () => {
    expect(page.nodes.map((n) => n.bid)).toEqual(['1', '2', '19', '23', '30', '34', '40']);
    const ana = page.nodes[3]!;
    expect([ana.role, ana.name, ana.value]).toEqual(['textbox', 'First name', 'Ana']);
    expect([...ana.states]).toEqual(['required', 'focused']);
    expect(page.nodes[6]!.name).toBe('Seat "A" (+€12)');
    expect(page.texts.map((t) => t.text)).toEqual(['Cheap flights']);
  });
  it('knows which group a field is in', () => {
    expect(isInside(page, 3, 2)).toBe(true);
    expect(isInside(page, 5, 2)).toBe(false);
    expect(isInside(page, 5, 4)).toBe(true);
  });
});
