import { Inject, Injectable, Logger } from '@nestjs/common';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { APP_CONFIG, AppConfig } from '@dh/config';
import { FormsException, FormsExceptionCode } from './forms.exception';
import { programPath } from './program-path';

// Each LibreOffice holds a few hundred MB while it runs: a burst of PDF requests waits its turn instead of
// starting one office per request on a small school server.
const MAX_RUNNING = 2;

// A form's .docx as PDF, by LibreOffice in headless mode. Each conversion runs in a private folder with its own
// LibreOffice profile (UserInstallation): two conversions at once would otherwise share ~/.config/libreoffice,
// and the second would hand its work to the first's process or fail on its lock. The folder goes whatever happens.
@Injectable()
export class PdfConverter {
  private readonly logger = new Logger(PdfConverter.name);
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  // Where soffice is, or null when it is not installed.
  program(): string | null {
    return programPath(this.config.soffice.path);
  }

  // Refuses (501) before any work when soffice is not installed, so the caller can check first and change nothing.
  async ensureAvailable(): Promise<string> {
    const program = this.program();
    if (!program)
      throw new FormsException(FormsExceptionCode.PDF_CONVERTER_MISSING, { program: this.config.soffice.path });
    return program;
  }

  async toPdf(docx: Buffer): Promise<Buffer> {
    const program = await this.ensureAvailable();
    await this.turn();
    try {
      const dir = await mkdtemp(join(tmpdir(), 'dh-pdf-'));
      try {
        const input = join(dir, 'form.docx');
        await writeFile(input, docx);
        await this.run(program, [
          `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
          '--headless',
          '--norestore',
          '--nologo',
          '--nolockcheck',
          '--nodefault',
          '--convert-to',
          'pdf',
          '--outdir',
          dir,
          input,
        ]);
        return await readFile(join(dir, 'form.pdf')).catch(() => this.failed('soffice wrote no PDF'));
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    } finally {
      this.release();
    }
  }

  // soffice is a script that starts soffice.bin: the whole process group is killed on timeout, not only the script.
  private run(program: string, args: string[]): Promise<void> {
    return new Promise((resolve, reject) => {
      const child = spawn(program, args, { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      let settled = false;
      const settle = (error?: FormsException) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (error) reject(error);
        else resolve();
      };
      child.stderr.on('data', (chunk: Buffer) => {
        stderr = (stderr + chunk.toString('utf8')).slice(-2000);
      });
      const timer = setTimeout(() => {
        try {
          if (child.pid) process.kill(-child.pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
        settle(this.failure(`timed out after ${this.config.soffice.timeoutMs} ms`));
      }, this.config.soffice.timeoutMs);
      child.on('error', (e: NodeJS.ErrnoException) => {
        // Removed or made unrunnable between the check and the start: the same as not installed.
        settle(
          e.code === 'ENOENT' || e.code === 'EACCES'
            ? new FormsException(FormsExceptionCode.PDF_CONVERTER_MISSING, { program })
            : this.failure(e.message),
        );
      });
      child.on('close', (code, signal) => {
        // After a timeout the kill closes it too: the timeout already answered.
        if (settled) return;
        settle(code === 0 ? undefined : this.failure(`exited with ${code ?? signal}: ${stderr.trim()}`));
      });
    });
  }

  private failure(reason: string): FormsException {
    this.logger.warn({ msg: 'pdf conversion failed', reason });
    return new FormsException(FormsExceptionCode.PDF_CONVERSION_FAILED);
  }

  private failed(reason: string): never {
    throw this.failure(reason);
  }

  private turn(): Promise<void> {
    if (this.running < MAX_RUNNING) {
      this.running += 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  // The slot passes straight to the next waiting conversion, so `running` never drops below what really runs.
  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running -= 1;
  }
}
