/** The part of autocannon's programmatic API the load child uses (autocannon ships no types). */
declare module 'autocannon' {
  interface Request {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
    setupRequest?: (request: Request, context: object) => Request | null;
  }
  interface Histogram {
    average: number;
    p50: number;
    p90: number;
    p99: number;
    max: number;
  }
  interface Result {
    duration: number;
    latency: Histogram;
    '2xx': number;
    non2xx: number;
    errors: number;
    timeouts: number;
    statusCodeStats: Record<string, { count: number }>;
  }
  interface Options {
    url: string;
    connections?: number;
    amount?: number;
    timeout?: number;
    excludeErrorStats?: boolean;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    requests?: Request[];
  }
  /** A run under way: it settles with the result, and emits `response` as each answer arrives. */
  interface Instance extends PromiseLike<Result> {
    on(event: 'response', listener: (client: unknown, statusCode: number) => void): this;
  }
  function autocannon(options: Options): Instance;
  export default autocannon;
}
