/**
 * One namespaced logger for every library module. Silent unless WEBFOUNDRY_LOG names the
 * namespace (comma-separated prefixes, or `*`); it writes to stderr so stdout stays for data.
 */
export type Logger = {
  debug(msg: string, data?: unknown): void;
  warn(msg: string, data?: unknown): void;
};

const enabled = (process.env.WEBFOUNDRY_LOG ?? '').split(',').map((s) => s.trim()).filter(Boolean);

function isEnabled(ns: string): boolean {
  return enabled.some((p) => p === '*' || ns.startsWith(p));
}

export function logger(namespace: string): Logger {
  const on = isEnabled(namespace);
  const write = (level: string, msg: string, data?: unknown) => {
    if (!on) return;
    const tail = data === undefined ? '' : ` ${JSON.stringify(data)}`;
    process.stderr.write(`[${namespace}] ${level} ${msg}${tail}\n`);
  };
  return { debug: (m, d) => write('debug', m, d), warn: (m, d) => write('warn', m, d) };
}
