// Package etf implements Erlang's external term format: the bytes of
// term_to_binary/1,2 and binary_to_term/1,2 (see erl_ext_dist in the OTP
// documentation), over the terms of package term.
//
// # Encoding
//
// [Encode] produces exactly what OTP 25's term_to_binary does, byte for
// byte, for every kind of term avm has, with these caveats:
//
//   - Maps of more than 32 keys: OTP 25 writes them in the iteration order of
//     its hash-array mapped trie (the order of maps:keys/1 on that node),
//     which depends on OTP's internal term hash. avm maps are kept in map-key
//     order (integers before floats, then term order) and are always written
//     in that order, which is what term_to_binary(T, [deterministic]) gives
//     for maps of any size, and what term_to_binary/1 gives for maps of up to
//     32 keys.
//   - Local funs (NEW_FUN_EXT) need the VM's help, through [FunInfo]; the
//     creator pid field that OTP fills with the pid of the process that
//     created the fun is written as <0.0.0>, as avm does not record it.
//   - Compressed output ([EncodeOptions.Compressed]) uses Go's compress/zlib,
//     whose deflate streams differ from the C zlib that OTP uses; OTP
//     decodes them, but the bytes (and, on the edge, the decision whether
//     compressing pays off) can differ.
//
// As term_to_binary/1 of OTP 25 uses minor version 1, atoms whose
// characters are all Latin-1 are written as ATOM_EXT (never SMALL_ATOM_EXT)
// and others as SMALL_ATOM_UTF8_EXT or ATOM_UTF8_EXT; minor version 2 (the
// default from OTP 26) writes every atom in UTF-8. See [EncodeOptions].
//
// Since maps are always written in key order, the output is also what
// OTP's `deterministic` option asks for.
//
// Pids, ports and references are written as belonging to node
// nonode@nohost with creation 0, like a non-distributed OTP node:
// NEW_PID_EXT (the id's low 15 bits in ID and the rest in Serial, as OTP
// numbers pids), NEW_PORT_EXT (V4_PORT_EXT for ids over 32 bits), and
// NEWER_REFERENCE_EXT with three words: the id's low 18 bits, its next 32
// bits and its top 14 bits (OTP's first word has 18 bits). OTP itself only
// accepts pid ids under 2^28 and port ids under 2^28; avm's larger ids still
// round-trip through avm.
//
// # Decoding
//
// [Decode] accepts every tag OTP 25 can produce outside the distribution
// protocol, including the old forms (ATOM_EXT, FLOAT_EXT strings, PID_EXT,
// PORT_EXT, NEW_REFERENCE_EXT, REFERENCE_EXT) and zlib-compressed terms.
// Atom cache references and distribution headers are reported as errors, as
// are pids, ports and references of any node other than nonode@nohost
// (creation 0), which avm cannot represent yet, and references whose three
// words do not fit avm's 64-bit reference ids (as most references made by
// OTP, whose ids have 82 bits, do not). The checks follow OTP's:
// invalid UTF-8 in atoms, atoms over 255 characters, NaN and infinite
// floats, duplicate map keys, malformed bitstring trailers are all errors.
// Safe mode ([DecodeOptions.Safe]) refuses new atoms and, through the
// [ExportKnown] hook, unknown export funs. Local funs are resolved through
// the [FunResolve] hook.
// Malformed input never panics; every length is checked against the bytes
// that remain before anything is allocated, and both directions work with
// explicit stacks, so long lists and deeply nested terms need no Go stack.
package etf
