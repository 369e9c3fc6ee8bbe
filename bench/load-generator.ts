import http from 'node:http';

/**
 * A closed-loop HTTP load generator, run as a child process so that it shares
 * neither the server's event loop nor its CPU accounting: `connections`
 * keep-alive connections, each sending its next request as soon as the
 * previous answer is read. Requests that start during the warm-up are not
 * recorded. The process stays up and runs each job sent to it over IPC,
 * answering with its result.
 */

export interface LoadOptions {
  url: string;
  headers: Record<string, string>;
  connections: number;
  warmupMs: number;
  durationMs: number;
}

export interface LoadResult {
  /** Latency of each recorded request, in milliseconds. */
  latencies: number[];
  statuses: Record<string, number>;
  errors: number;
  bytes: number;
  /** Length of the measured window, in milliseconds. */
  windowMs: number;
  /** Requests answered, warm-up included (for the CPU spent per request). */
  completed: number;
}

function send(agent: http.Agent, options: LoadOptions): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const request = http.request(options.url, { agent, headers: options.headers }, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, bytes }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end();
  });
}

async function run(options: LoadOptions): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections, maxFreeSockets: options.connections });
  const begin = performance.now();
  const measureFrom = begin + options.warmupMs;
  const end = measureFrom + options.durationMs;
  const result: LoadResult = { latencies: [], statuses: {}, errors: 0, bytes: 0, windowMs: 0, completed: 0 };
  let lastEnd = measureFrom;
  const loop = async () => {
    while (performance.now() < end) {
      const start = performance.now();
      let status = 0;
      let bytes = 0;
      try {
        ({ status, bytes } = await send(agent, options));
      } catch {
        status = -1;
      }
      const stop = performance.now();
      result.completed += 1;
      if (start < measureFrom) continue;
      lastEnd = Math.max(lastEnd, stop);
      result.latencies.push(stop - start);
      result.bytes += bytes;
      if (status === -1) result.errors += 1;
      result.statuses[String(status)] = (result.statuses[String(status)] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: options.connections }, loop));
  result.windowMs = lastEnd - measureFrom;
  agent.destroy();
  return result;
}

process.on('message', (options: LoadOptions) => {
  run(options).then(
    (result) => process.send?.(result),
    (error: unknown) => {
      throw error;
    },
  );
});
