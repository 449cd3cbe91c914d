import { createServerPipeTransport, createServerSocketTransport, IPCMessageReader, IPCMessageWriter, type MessageReader, type MessageWriter } from 'vscode-languageserver/node';

/**
 * The transport the command line names besides stdio (--node-ipc, --socket=PORT or --socket PORT,
 * --pipe=NAME or --pipe NAME), made as vscode-languageserver makes it from the same arguments. It is
 * made here so that its messages pass the server's protocol gate like those of stdio.
 */
export function namedTransport(args: readonly string[]): [MessageReader, MessageWriter] {
  const value = (name: string): string | undefined => {
    const at = args.indexOf(name);
    if (at >= 0 && at + 1 < args.length) return args[at + 1];
    return args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
  };
  if (args.includes('--node-ipc')) return [new IPCMessageReader(process), new IPCMessageWriter(process)];
  const port = Number.parseInt(value('--socket') ?? '', 10);
  if (Number.isInteger(port)) return createServerSocketTransport(port);
  const pipe = value('--pipe');
  if (pipe) return createServerPipeTransport(pipe);
  throw new Error('No transport: use --stdio, --node-ipc, --socket=PORT or --pipe=NAME.');
}
