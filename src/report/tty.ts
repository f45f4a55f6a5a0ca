/** A progress line rewritten in place on a terminal: carriage return, clear the line, the text cut to the width. */
export function ttyProgress(stream: NodeJS.WriteStream): (text: string) => void {
  let shown = false;
  return (text: string) => {
    if (!text && !shown) return;
    const width = Math.max(20, (stream.columns || 80) - 1);
    const cut = text.length > width ? `${text.slice(0, width - 1)}…` : text;
    stream.write(`\r\u001b[2K${cut}`);
    shown = Boolean(text);
  };
}

/** Colour on stdout: a TTY, --color not turned off, NO_COLOR unset (https://no-color.org). */
export function colorWanted(flag: boolean, isTty: boolean, env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  return flag && isTty && !(env.NO_COLOR !== undefined && env.NO_COLOR !== '');
}

/** In-place progress: a TTY outside CI (CI, or any CI system's usual variable, means plain lines). */
export function progressWanted(isTty: boolean, env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== 'false' && env.CI !== '0';
  return isTty && !ci && env.TERM !== 'dumb';
}
