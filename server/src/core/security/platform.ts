/**
 * System calls that have no number on x86_64, as the seccomp library of Debian 12 (libseccomp
 * 2.5.4) resolves names there: names of other architectures (`socketcall`, `vm86`, ...), 32-bit
 * variants (`*32`, `*_time64`) and calls newer than the library. The exposure checks skip
 * them, exactly as systemd-analyze does ("unknown on the platform"), and a filter line naming
 * only such calls changes nothing.
 *
 * Limited to names that appear in some system call group (of any supported version): only
 * those can decide a check. Produced by asking libseccomp's seccomp_syscall_resolve_name() for
 * every group member; a negative answer (error or pseudo number) lands here.
 */
export const X86_64_UNAVAILABLE_SYSCALLS: ReadonlySet<string> = new Set(
  [
    '_llseek _newselect arc_gettls arc_settls arc_usr_cmpxchg arm_fadvise64_64 atomic_barrier',
    'atomic_cmpxchg_32 bdflush break breakpoint cachectl cacheflush chown32 clock_adjtime64',
    'clock_getres_time64 clock_gettime64 clock_nanosleep_time64 clock_settime64 dipc',
    'exec_with_loader execv fadvise64_64 fchown32 fchroot fcntl64 file_getattr file_setattr fstat64',
    'fstatat fstatat64 fstatfs64 ftime ftruncate64 futex_time64 get_tls getdomainname getdtablesize',
    'getegid32 geteuid32 getgid32 getgroups32 gethostname getpagesize getresgid32 getresuid32',
    'getuid32 getxattrat getxgid getxpid getxuid gtty idle io_pgetevents_time64 ipc kern_features',
    'lchown32 listmount listns listxattrat llseek lock lsm_get_self_attr lsm_list_modules',
    'lsm_set_self_attr lstat64 memory_ordering mmap2 mpx mq_timedreceive_time64 mq_timedsend_time64',
    'mseal multiplexer newfstat nice old_adjtimex oldfstat oldlstat oldolduname oldstat oldumount',
    'olduname open_tree_attr or1k_atomic osf_fstat osf_fstatfs osf_fstatfs64 osf_getdirentries',
    'osf_getdomainname osf_getitimer osf_getrusage osf_getsysinfo osf_gettimeofday osf_lstat',
    'osf_mount osf_proplist_syscall osf_select osf_set_program_attributes osf_setitimer',
    'osf_setsysinfo osf_settimeofday osf_shmat osf_sigprocmask osf_sigstack osf_stat osf_statfs',
    'osf_statfs64 osf_swapon osf_syscall osf_sysinfo osf_usleep_thread osf_utimes osf_utsname',
    'osf_wait4 pciconfig_iobase pciconfig_read pciconfig_write perfctr ppoll_time64 prof profil',
    'pselect6_time64 readdir recv recvmmsg_time64 removexattrat riscv_flush_icache riscv_hwprobe',
    'rseq_slice_yield rt_sigtimedwait_time64 rtas s390_guarded_storage s390_pci_mmio_read',
    's390_pci_mmio_write s390_runtime_instr s390_sthyi sched_get_affinity',
    'sched_rr_get_interval_time64 sched_set_affinity semtimedop_time64 send sendfile64 set_tls',
    'setfsgid32 setfsuid32 setgid32 setgroups32 sethae setpgrp setregid32 setresgid32 setresuid32',
    'setreuid32 setuid32 setxattrat sgetmask sigaction signal sigpending sigprocmask sigreturn',
    'sigsuspend socketcall spu_create spu_run ssetmask stat64 statfs64 statmount stime stty',
    'subpage_prot swapcontext switch_endian sync_file_range2 sys_debug_setcontext syscall sysmips',
    'timer_gettime64 timer_settime64 timerfd timerfd_gettime64 timerfd_settime64 truncate64',
    'ugetrlimit ulimit umount uprobe uretprobe usr26 usr32 utimensat_time64 utrap_install vm86',
    'vm86old waitpid',
  ]
    .join(' ')
    .split(' '),
);
