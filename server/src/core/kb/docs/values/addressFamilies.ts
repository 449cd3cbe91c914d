import type { ValueDocs } from '../types';

/**
 * What sockets of each address family are used for, as accepted by
 * RestrictAddressFamilies=. Family numbers and aliases live in the
 * knowledge-base tables.
 */
export const addressFamilyDocs: ValueDocs = {
  none: 'Special value that allows no address family at all, so every socket() call fails; sockets handed over by socket activation and connected pairs from socketpair() keep working.',
  AF_UNIX:
    'Local sockets between processes on the same host, bound to a file system path or an abstract name; the syslog and journal client calls, D-Bus and readiness notifications to the service manager go through them, so nearly every service needs this family.',
  AF_LOCAL: 'Another name for AF_UNIX (same family number), so allowing or denying one covers both.',
  AF_FILE: 'Another, old name for AF_UNIX (same family number), so allowing or denying one covers both.',
  AF_INET:
    'IPv4 networking: TCP and UDP sockets, ICMP echo ("ping") sockets, and raw IPv4 sockets for holders of CAP_NET_RAW.',
  AF_INET6:
    'IPv6 networking, the IPv6 counterpart of AF_INET; a dual-stack IPv6 socket can also reach IPv4 peers through IPv4-mapped addresses.',
  AF_AX25: 'AX.25, the packet protocol used in amateur radio.',
  AF_IPX: 'Novell IPX, a legacy LAN protocol whose support has been removed from current kernels.',
  AF_APPLETALK: 'AppleTalk, the legacy Apple networking protocol suite.',
  AF_NETROM: 'NET/ROM, a routing layer on top of AX.25 used in amateur radio networks.',
  AF_BRIDGE:
    'Family number that tags Ethernet bridge configuration in netlink messages; the kernel offers no sockets of this family.',
  AF_ATMPVC: 'ATM (Asynchronous Transfer Mode) permanent virtual circuits.',
  AF_X25: 'X.25, a packet-switched wide-area network protocol from the telecom world.',
  AF_ROSE: 'ROSE, a packet routing protocol used in amateur radio networks.',
  AF_DECnet: 'DECnet, the Digital Equipment network protocol suite, whose support has been removed from current kernels.',
  AF_NETBEUI: 'Reserved for NetBEUI (IEEE 802.2 based Windows networking); Linux has no implementation.',
  AF_SECURITY: 'Reserved number for a security callback pseudo-family that Linux never implemented.',
  AF_KEY:
    'PF_KEY version 2 sockets for managing IPsec security associations and policies, used by older IKE daemons (newer ones use netlink).',
  AF_NETLINK:
    'Netlink, the message channel between user space and the kernel for network configuration, device events, audit and many other subsystems; even reading the list of interfaces or resolving host names with address-configuration checks may use it.',
  AF_ROUTE: 'Another name for AF_NETLINK (same family number), so allowing or denying one covers both.',
  AF_PACKET:
    'Packet sockets that send and receive whole link-layer frames, used by sniffers, DHCP clients and similar low-level tools; they need CAP_NET_RAW and have a history of kernel vulnerabilities.',
  AF_ASH: 'Reserved number for the Ash protocol; Linux has no implementation.',
  AF_ECONET: 'Acorn Econet, a legacy network protocol whose support has been removed from current kernels.',
  AF_ATMSVC: 'ATM (Asynchronous Transfer Mode) switched virtual circuits.',
  AF_RDS:
    'Reliable Datagram Sockets, a cluster interconnect protocol over InfiniBand or TCP, with a history of kernel vulnerabilities.',
  AF_SNA: 'Reserved for IBM Systems Network Architecture; mainline Linux has no implementation.',
  AF_IRDA: 'IrDA infrared communication, whose support has been removed from current kernels.',
  AF_PPPOX: 'PPP tunnelled over other transports (PPPoE, L2TP, PPTP), used by PPP and VPN daemons.',
  AF_WANPIPE: 'Reserved for Sangoma WANPIPE WAN cards, whose drivers live outside the mainline kernel.',
  AF_LLC: 'IEEE 802.2 Logical Link Control sockets on top of Ethernet and similar links.',
  AF_IB:
    'Native InfiniBand addressing used by the RDMA connection manager; ordinary sockets of this family cannot be created.',
  AF_MPLS: 'Family number for MPLS label routes in netlink messages; the kernel offers no sockets of this family.',
  AF_CAN: 'Controller Area Network (SocketCAN), the bus used in vehicles and industrial equipment.',
  AF_TIPC: 'TIPC (Transparent Inter-Process Communication), a cluster messaging protocol with a history of kernel vulnerabilities.',
  AF_BLUETOOTH: 'Bluetooth sockets (HCI, L2CAP, RFCOMM, SCO), used by Bluetooth daemons and audio stacks.',
  AF_IUCV: 'IUCV, the inter-user communication facility between guests on IBM z/VM mainframes.',
  AF_RXRPC: 'RxRPC, the remote procedure call transport used by the AFS distributed file system.',
  AF_ISDN: 'Sockets of the mISDN stack for ISDN hardware.',
  AF_PHONET: 'Phonet, the protocol for talking to cellular modems found in Nokia-designed hardware.',
  AF_IEEE802154: 'IEEE 802.15.4 low-rate wireless personal area networks, the radio layer under 6LoWPAN and Zigbee.',
  AF_CAIF: 'CAIF, the ST-Ericsson protocol for talking to cellular modems.',
  AF_ALG:
    'Sockets that expose the kernel crypto API (hashes, ciphers, AEAD) to user space; few programs need them and they have had serious vulnerabilities.',
  AF_NFC: 'Near Field Communication devices.',
  AF_VSOCK:
    'Sockets between a virtual machine and its host (virtio, VMware and Hyper-V transports), used by guest agents and host-guest services.',
  AF_KCM: 'Kernel Connection Multiplexor, which splits a TCP stream into messages with a BPF program and spreads them over sockets.',
  AF_QIPCRTR: 'Qualcomm IPC Router, for talking to the modem and other processors on Qualcomm chips.',
  AF_SMC: 'Shared Memory Communications (SMC-R over RDMA, SMC-D within a machine), a faster drop-in replacement for TCP.',
  AF_XDP:
    'XDP sockets for very fast packet I/O that bypasses most of the network stack, fed by an XDP BPF program on the interface.',
  AF_MCTP:
    'Management Component Transport Protocol, used by baseboard management controllers and platform firmware to talk to hardware components.',
};
