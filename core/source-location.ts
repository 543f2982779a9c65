/** 1-based line and column of a position in a file. */
export interface SourceLocation {
  line: number;
  column: number;
}

/** Converts a character offset into a 1-based line and column. */
export function locationAt(text: string, offset: number): SourceLocation {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset && index < text.length; index++) {
    if (text.charCodeAt(index) === 10) {
      line++;
      lineStart = index + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Precomputes line starts so many offsets in one file convert in O(log n) each. */
export function createLocator(text: string): (offset: number) => SourceLocation {
  const starts = [0];
  for (let index = 0; index < text.length; index++) if (text.charCodeAt(index) === 10) starts.push(index + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - starts[low]! + 1 };
  };
}
