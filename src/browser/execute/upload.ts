import { realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { ActionError } from './action-error.js';

/**
 * The files upload_file may hand to the page: only regular files inside the env's upload folder,
 * named relative to it (BrowserGym resolves relative to the working directory and takes any
 * path; a sandbox cannot). Symbolic links are followed and must land inside the folder too.
 */
export function resolveUploads(uploadDir: string | undefined, files: readonly string[]): string[] {
  if (uploadDir === undefined) throw new ActionError('upload_file is not available in this episode: the env has no upload folder');
  let root: string;
  try {
    root = realpathSync(uploadDir);
  } catch {
    throw new ActionError(`upload_file is not available: the upload folder ${uploadDir} does not exist`);
  }
  return files.map((f) => {
    const candidate = isAbsolute(f) ? f : resolve(root, f);
    let real: string;
    try {
      real = realpathSync(candidate);
    } catch {
      throw new ActionError(`upload_file: there is no file ${JSON.stringify(f)} in the upload folder`);
    }
    const rel = relative(root, real);
    if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) throw new ActionError(`upload_file: ${JSON.stringify(f)} is outside the upload folder`);
    if (!statSync(real).isFile()) throw new ActionError(`upload_file: ${JSON.stringify(f)} is not a file`);
    return real;
  });
}
