// Log lines of one publication: each line is redacted (API key masked) then written to the
// "Open Data" output channel and kept, so the command can return them and tests can check
// that the key never reaches the channel. The core writes its lines in `lang`, the UI language.
import { redact, type Logger } from '../../core/portal';
import { log } from '../log';
import { uiLang } from '../settings';

export class RunLog implements Logger {
  readonly lines: string[] = [];

  constructor(
    private readonly secrets: readonly string[],
    readonly lang: 'en' | 'fr' = uiLang(),
  ) {}

  private write(level: 'info' | 'warn' | 'error', message: string): void {
    const line = redact(message, this.secrets);
    this.lines.push(`[${level}] ${line}`);
    log[level](`[publish] ${line}`);
  }

  // Portal debug lines (request bodies) stay out of the channel: they add noise, not help.
  debug(): void {}
  info(m: string): void {
    this.write('info', m);
  }
  warn(m: string): void {
    this.write('warn', m);
  }
  error(m: string): void {
    this.write('error', m);
  }
}
