import { describe, expect, it } from 'vitest';
import {
  collectList,
  parseDuration,
  parseFormats,
  parsePositiveInt,
  parseRegions,
  parseSeconds,
  parseSeverityOrNone,
} from '../../src/cli/parse.js';
import { UsageError } from '../../src/util/errors.js';

describe('option parsing', () => {
  it('splits repeatable comma lists', () => {
    expect(collectList('us-east-1, eu-west-1', ['ap-south-1'])).toEqual(['ap-south-1', 'us-east-1', 'eu-west-1']);
  });

  it.each([['us-east-1'], ['eu-central-2'], ['us-gov-west-1'], ['ap-southeast-5']])('accepts region %s', (r) => {
    expect(parseRegions([r])).toEqual([r]);
  });

  it.each([['us-east'], ['US-EAST-1'], ['useast1'], ['us-east-1; rm -rf'], ['']])('rejects region %j', (r) => {
    expect(() => parseRegions([r])).toThrow(UsageError);
  });

  it.each([
    ['90d', 90 * 86_400_000],
    ['12h', 12 * 3_600_000],
    ['2w', 14 * 86_400_000],
    ['30m', 30 * 60_000],
  ])('parses duration %s', (text, ms) => {
    expect(parseDuration(text, '--since')).toBe(ms);
  });

  it.each([['90'], ['0d'], ['-1d'], ['1y'], ['d']])('rejects duration %j', (text) => {
    expect(() => parseDuration(text, '--since')).toThrow(/invalid duration/);
  });

  it('parses severities and none', () => {
    expect(parseSeverityOrNone('medium', '--fail-on')).toBe('medium');
    expect(parseSeverityOrNone('none', '--fail-on')).toBe('none');
    expect(() => parseSeverityOrNone('severe', '--fail-on')).toThrow(/invalid value 'severe' for --fail-on/);
  });

  it('parses bounded positive integers', () => {
    expect(parsePositiveInt('8', '--concurrency', 256)).toBe(8);
    expect(() => parsePositiveInt('0', '--concurrency', 256)).toThrow(UsageError);
    expect(() => parsePositiveInt('1000', '--concurrency', 256)).toThrow(/1 to 256/);
    expect(() => parsePositiveInt('4.5', '--concurrency', 256)).toThrow(UsageError);
  });

  it('parses seconds, fractions included, above 0 and up to a bound', () => {
    expect(parseSeconds('20', '--request-timeout', 3600)).toBe(20);
    expect(parseSeconds('0.5', '--request-timeout', 3600)).toBe(0.5);
    for (const bad of ['0', '0.0', '-1', '1e3', '3601', '5s', '']) {
      expect(() => parseSeconds(bad, '--request-timeout', 3600), bad).toThrow(/invalid value .* for --request-timeout/);
    }
  });

  describe('formats', () => {
    it('defaults to text on stdout', () => {
      expect(parseFormats([], undefined)).toEqual([{ format: 'text' }]);
    });
    it('sends the one unnamed format to --output', () => {
      expect(parseFormats(['sarif'], 'out.sarif')).toEqual([{ format: 'sarif', path: 'out.sarif' }]);
    });
    it('writes named formats to their files and one to stdout', () => {
      expect(parseFormats(['text', 'json=r.json', 'sarif=r.sarif'], undefined)).toEqual([
        { format: 'text' },
        { format: 'json', path: 'r.json' },
        { format: 'sarif', path: 'r.sarif' },
      ]);
    });
    it.each([
      [['xml'], undefined, /unknown format 'xml'/],
      [['json', 'sarif'], undefined, /only one format can go to standard output/],
      [['json=a', 'sarif=a'], undefined, /same file/],
      [['json=a', 'sarif=b'], 'c', /--output needs exactly one/],
      [['json='], undefined, /empty file name/],
    ])('rejects %j with --output %j', (formats, output, message) => {
      expect(() => parseFormats(formats, output)).toThrow(message);
    });
  });
});
