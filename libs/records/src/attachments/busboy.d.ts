// busboy 1.x (installed with multer, which @nestjs/platform-express uses) ships no types: the part used here.
declare module 'busboy' {
  import type { IncomingHttpHeaders } from 'node:http';
  import type { Readable, Writable } from 'node:stream';

  type FileInfo = { filename: string; encoding: string; mimeType: string };
  type Limits = { fileSize?: number; files?: number; fields?: number; fieldSize?: number; parts?: number };
  type Busboy = Writable & {
    on(event: 'field', listener: (name: string, value: string) => void): Busboy;
    on(
      event: 'file',
      listener: (name: string, stream: Readable & { truncated?: boolean }, info: FileInfo) => void,
    ): Busboy;
    on(event: 'error', listener: (error: Error) => void): Busboy;
    on(event: 'close' | 'filesLimit' | 'fieldsLimit' | 'partsLimit', listener: () => void): Busboy;
  };

  function busboy(config: { headers: IncomingHttpHeaders; limits?: Limits; defParamCharset?: string }): Busboy;
  export = busboy;
}
