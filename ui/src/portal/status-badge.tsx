/** A national status code (1–10) with its label, coloured: done, paused, refused/stopped. */
export function StatusBadge({ code, label }: { code: number; label: string }) {
  const tone =
    code === 9 || code === 10
      ? 'ok'
      : code === 5 || code === 6
        ? 'warn'
        : code === 3 || code === 7 || code === 8
          ? 'bad'
          : '';
  return (
    <span class={`badge status ${tone}`} data-status={code}>
      {label}
    </span>
  );
}
