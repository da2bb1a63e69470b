/** The id of the diagram's executable process (read without parsing: the draft may be broken). */
export function processIdOf(xml: string): string {
  const processes = [...xml.matchAll(/<(?:\w+:)?process\b([^>]*)>/g)].map((m) => m[1]!);
  const executable = processes.find((attrs) => /isExecutable\s*=\s*["']true["']/.test(attrs)) ?? processes[0] ?? '';
  return /\bid\s*=\s*["']([^"']+)["']/.exec(executable)?.[1] ?? '';
}
