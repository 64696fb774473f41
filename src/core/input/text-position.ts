import type { SourceLocation } from '../model.js';

/**
 * Maps offsets in a text to 1-based line and column. Line breaks are YAML's (and JSON's):
 * LF, CRLF (one break) and a lone CR (old Mac files, which YAML reads as lines too).
 */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(
    readonly file: string,
    private readonly text: string,
  ) {
    if (!text.includes('\r')) {
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
    } else {
      for (const m of text.matchAll(/\r\n?|\n/g)) this.starts.push(m.index + m[0].length);
    }
  }

  at(offset: number): SourceLocation {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { file: this.file, line: lo + 1, column: o - this.starts[lo] + 1 };
  }
}
