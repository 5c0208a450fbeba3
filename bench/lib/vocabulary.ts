// Word lists the synthetic corpus draws from. They echo MirageOS vocabulary so
// the markdown looks like the real thing to the processor (same token mix,
// same code-block languages), without copying any real page.

/** Repositories the site tracks; references and `repos`/`affects` use these. */
export const REPOS = [
	'mirage/mirage',
	'mirage/ocaml-dns',
	'mirleft/ocaml-tls',
	'Solo5/solo5',
	'mirage/irmin',
	'mirage/mirage-tcpip',
	'mirage/ocaml-cohttp',
	'mirage/mirage-crypto',
	'mirage/ocaml-git',
	'mirage/mirage-net-xen',
	'mirage/mirage-xen',
	'mirage/functoria',
] as const;

export const FIRST_NAMES = [
	'Amir',
	'Thomas',
	'David',
	'Hannes',
	'Anil',
	'Mindy',
	'Richard',
	'Dave',
	'Jon',
	'Gabriel',
	'Romain',
	'Mort',
	'Nicolas',
	'Magnus',
	'Christiano',
	'Martin',
	'Lucas',
	'Reynir',
	'Sonja',
	'Pierre',
	'Calascibetta',
	'Jules',
	'Kate',
	'Isabella',
	'Ada',
	'Leonie',
	'Yann',
	'Vincent',
	'Patrick',
	'Clement',
] as const;

export const LAST_NAMES = [
	'Chaudhry',
	'Gazagnaire',
	'Kaloper',
	'Mehnert',
	'Madhavapeddy',
	'Preston',
	'Mortier',
	'Scott',
	'Ludlam',
	'Radanne',
	'Calascibetta',
	'Ojeda',
	'Skjegstad',
	'Haskell',
	'Lucas',
	'Pedersen',
	'Jorgensen',
	'Brun',
	'Leonard',
	'Hurst',
	'Weber',
	'Fontaine',
	'Moreau',
	'Lindqvist',
	'Novak',
] as const;

/** Filler prose: common words weighted toward what project notes talk about. */
export const WORDS = [
	'the',
	'a',
	'to',
	'of',
	'and',
	'in',
	'we',
	'is',
	'for',
	'that',
	'this',
	'with',
	'it',
	'on',
	'be',
	'should',
	'can',
	'will',
	'now',
	'release',
	'unikernel',
	'library',
	'build',
	'test',
	'tests',
	'opam',
	'package',
	'network',
	'stack',
	'driver',
	'backend',
	'Xen',
	'Solo5',
	'hvt',
	'spt',
	'virtio',
	'TLS',
	'DNS',
	'resolver',
	'certificate',
	'handshake',
	'store',
	'branch',
	'merge',
	'commit',
	'functor',
	'module',
	'signature',
	'interface',
	'Lwt',
	'promise',
	'error',
	'result',
	'type',
	'value',
	'memory',
	'allocation',
	'performance',
	'latency',
	'throughput',
	'benchmark',
	'CI',
	'pipeline',
	'toolchain',
	'dune',
	'cross',
	'compiler',
	'OCaml',
	'runtime',
	'GC',
	'heap',
	'stack',
	'boot',
	'device',
	'block',
	'console',
	'clock',
	'entropy',
	'random',
	'configuration',
	'target',
	'documentation',
	'tutorial',
	'contributors',
	'maintainers',
	'review',
	'patch',
	'upstream',
	'downstream',
	'version',
	'breaking',
	'change',
	'API',
	'users',
	'deployment',
	'cloud',
	'server',
	'client',
	'protocol',
	'parser',
	'encoding',
	'decoding',
	'buffer',
	'Cstruct',
	'bytes',
	'string',
	'security',
	'audit',
	'fuzzing',
	'crowbar',
	'property',
	'regression',
	'issue',
	'discussion',
	'proposal',
	'design',
	'decision',
	'agreed',
	'next',
	'week',
	'meeting',
] as const;

export const TOPICS = [
	'Release planning',
	'TLS merge progress',
	'Error handling RFC',
	'Solo5 backends',
	'CI and opam-repository',
	'Irmin storage',
	'DNS resolver',
	'Documentation sprint',
	'Pioneer Projects',
	'Cross-compilation with dune',
	'Hackathon logistics',
	'Security advisories',
	'Networking stack performance',
	'Functoria changes',
	'Website update',
	'OCaml 5 support',
	'Entropy and randomness',
	'Block devices',
] as const;

export const TAGS = [
	'release',
	'security',
	'tls',
	'dns',
	'irmin',
	'solo5',
	'xen',
	'networking',
	'tooling',
	'community',
	'hackathon',
	'performance',
	'documentation',
	'opam',
] as const;

export const SKILLS = [
	'OCaml',
	'C',
	'networking',
	'cryptography',
	'Lwt',
	'dune',
	'virtualisation',
	'file systems',
	'testing',
	'technical writing',
	'JavaScript',
	'Rust',
] as const;

/** OCaml snippets for fenced code blocks; small and self-contained. */
export const OCAML_SNIPPETS = [
	`module Main (S : Tcpip.Stack.V4V6) = struct
  let start s =
    S.TCP.listen (S.tcp s) ~port:8080 (fun flow ->
        let dst, dst_port = S.TCP.dst flow in
        Logs.info (fun f -> f "connection from %a:%d" Ipaddr.pp dst dst_port);
        S.TCP.close flow);
    S.listen s
end`,
	`let rec fib n = if n < 2 then n else fib (n - 1) + fib (n - 2)

let () =
  for i = 0 to 10 do
    Printf.printf "fib %d = %d\\n" i (fib i)
  done`,
	`open Mirage

let main = main "Unikernel.Main" (stackv4v6 @-> job)
let stack = generic_stackv4v6 default_network
let () = register "hello" [ main $ stack ]`,
	`type error = [ \`Msg of string | \`Timeout ]

let pp_error ppf = function
  | \`Msg m -> Fmt.pf ppf "%s" m
  | \`Timeout -> Fmt.string ppf "timeout"

let ( >>? ) x f = Lwt.bind x (function Ok v -> f v | Error _ as e -> Lwt.return e)`,
	`let handler ~store key =
  Store.find store key >|= function
  | Some v -> Cohttp_lwt_unix.Server.respond_string ~status:\`OK ~body:v ()
  | None -> Cohttp_lwt_unix.Server.respond_not_found ()`,
	`module Make (R : Mirage_random.S) (T : Mirage_time.S) = struct
  let seed = R.generate 32
  let rec tick n =
    T.sleep_ns (Duration.of_sec 1) >>= fun () ->
    Logs.debug (fun m -> m "tick %d" n);
    tick (n + 1)
end`,
] as const;

export const PROJECT_WORDS = [
	'Port',
	'Implement',
	'Improve',
	'Document',
	'Benchmark',
	'Fuzz',
	'Rewrite',
	'Add',
	'Extend',
	'Design',
] as const;

export const PROJECT_OBJECTS = [
	'the DNS resolver',
	'a QUIC stack',
	'the block device layer',
	'TLS 1.3 session resumption',
	'an HTTP/2 server',
	'the Irmin GraphQL API',
	'virtio networking',
	'the Solo5 ARM64 backend',
	'a metrics exporter',
	'an SSH server',
	'the documentation site',
	'WireGuard',
] as const;
