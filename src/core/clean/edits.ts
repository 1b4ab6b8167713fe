// Offset-based text edits: what the planner produces, the CLI/worker apply to strings and the
// editor turns into a WorkspaceEdit (via document.positionAt).

export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** Applies edits that do not overlap (the planner guarantees it); order does not matter. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const parts: string[] = [];
  let at = 0;
  for (const e of sorted) {
    if (e.start < at) throw new Error(`overlapping edits at ${e.start}`);
    parts.push(text.slice(at, e.start), e.text);
    at = e.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}
