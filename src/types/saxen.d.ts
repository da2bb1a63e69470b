declare module 'saxen' {
  /** saxen's streaming XML parser, as used to measure a diagram before anything builds a tree of it. */
  export class Parser {
    on(
      event: 'openTag',
      cb: (
        name: string,
        attrs: () => Record<string, string>,
        decode: (s: string) => string,
        selfClosing: boolean,
      ) => void,
    ): this;
    on(event: 'closeTag', cb: (name: string) => void): this;
    on(event: 'error' | 'warn', cb: (err: Error) => void): this;
    parse(xml: string): void;
    stop(): void;
  }
}
