import type { ValueDocs } from '../types';

/** What a system call filter returning each of the commonly chosen errors looks like to a program. */
export const errnoDocs: ValueDocs = {
  EPERM: 'Operation not permitted: what a program expects when it lacks a privilege, so most handle it gracefully.',
  EACCES: 'Permission denied: as if file or access permissions forbade the call.',
  ENOSYS: 'Function not implemented: as if the kernel did not know the call, which makes many programs fall back to an older interface.',
  EOPNOTSUPP: 'Operation not supported.',
  EINVAL: 'Invalid argument.',
  EUCLEAN: 'A code ordinary calls almost never return, so calls blocked by the filter are easy to recognise in logs and traces.',
};
