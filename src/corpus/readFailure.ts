/**
 * Why a file could not be read, in words (the corpus loader's, `--config`'s and `merge`'s refusals say
 * it alike): `it does not exist` for ENOENT, `permission denied` for EACCES and EPERM, `it is a folder`,
 * `it is a socket, not a file`, a path through a file (ENOTDIR), a loop of links, a name too long;
 * another system code as it is, and an error without one by its message.
 */
export function readFailureReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== 'string') return (error as Error | undefined)?.message ?? String(error);
  return REASONS[code] ?? code;
}

const REASONS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder',
  ENOENT: 'it does not exist',
  ENXIO: 'it is a socket, not a file',
  ENOTDIR: 'a part of its path is a file, not a folder',
  ELOOP: 'its path is a loop of links',
  ENAMETOOLONG: 'its name is longer than the system takes',
};
