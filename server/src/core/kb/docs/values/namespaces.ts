import type { ValueDocs } from '../types';

/**
 * What each Linux namespace type isolates, as named in RestrictNamespaces=
 * and DelegateNamespaces=. The clone flags live in the knowledge-base tables.
 */
export const namespaceDocs: ValueDocs = {
  cgroup:
    'Control group namespace: gives processes their own view of the cgroup hierarchy, in which their own cgroup appears as the root.',
  ipc: 'IPC namespace: gives processes their own set of System V shared memory segments, semaphores and message queues, and their own POSIX message queues.',
  net: 'Network namespace: gives processes their own network stack, with separate interfaces, addresses, routes, firewall rules, port numbers and abstract UNIX sockets.',
  mnt: 'Mount namespace: gives processes their own list of mounts; changes made inside stay inside unless mount propagation is set up to share them.',
  pid: 'PID namespace: gives processes their own process ID numbering, so they see and can signal only the processes inside it.',
  user: 'User namespace: gives processes their own mapping of user and group IDs and their own capability set, so an unprivileged process can be root inside it; it is the entry point to the other namespace types for unprivileged code and exposes a lot of kernel code to it.',
  uts: 'UTS namespace: gives processes their own host name and NIS domain name.',
  time: 'Time namespace: gives processes their own offsets for the monotonic and boot-time clocks, as used when migrating containers; the wall clock is not affected.',
};
