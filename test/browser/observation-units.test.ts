import { describe, expect, it } from 'vitest';
import { framePrefixes } from '../../src/browser/observation/frames.js';
import { iconName } from '../../src/browser/observation/interactivity.js';
import { plainText } from '../../src/browser/execute/plain-text.js';

describe('observation building blocks', () => {
  it("framePrefixes reads a bid's frames as BrowserGym's get_elem_by_bid does (browsergym/core/action/utils.py)", () => {
    expect(framePrefixes('12')).toEqual([]);
    expect(framePrefixes('a12')).toEqual(['a']);
    expect(framePrefixes('ab3')).toEqual(['a', 'ab']);
    // Multi-letter frame ids are a lower-case letter then upper-case ones: aB is one frame.
    expect(framePrefixes('aB7')).toEqual(['aB']);
    expect(framePrefixes('aBc0')).toEqual(['aB', 'aBc']);
    // An iframe element's own bid: its frame is not part of the chain.
    expect(framePrefixes('a')).toEqual([]);
    expect(framePrefixes('ab')).toEqual(['a']);
  });

  it('iconName takes the meaning out of icon-font classes', () => {
    expect(iconName('fa fa-trash')).toBe('trash');
    expect(iconName('fa fa-star fa-lg')).toBe('star');
    expect(iconName('glyphicon glyphicon-remove-sign')).toBe('remove sign');
    expect(iconName('bi bi-x-circle')).toBe('x circle');
    expect(iconName('btn btn-primary')).toBeUndefined();
    expect(iconName('')).toBeUndefined();
  });

  it('plainText drops terminal codes and control characters, keeps line breaks', () => {
    expect(plainText('\x1b[2m  - waiting\x1b[22m\n\x1b[31mred\x1b[39m\tok\x07')).toBe('  - waiting\nred\tok');
  });
});
