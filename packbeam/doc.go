// Package packbeam reads and writes .avm archives, the PackBEAM format in
// which AtomVM applications ship: modules and plain files in one file,
// flashed to the device's app partition or given to AtomVM on the command
// line.
//
// # Use
//
// [Read] or [ReadFile] decode an archive into an [Archive], a list of
// [Entry] values, with lookups by entry name ([Archive.Find]), module
// ([Archive.Module]), entry point ([Archive.Start]) and priv file
// ([Archive.ReadPriv]). [NewModule] makes a module's entry from a .beam
// file (see [Strip]) and [NewFile] a plain file's; [Archive.Add],
// [Archive.SetStart], [Archive.ClearStart], [Archive.Delete] and
// [Archive.Prune] edit an archive, and [Archive.Bytes] or
// [Archive.WriteFile] (temporary file and rename) write it.
//
// # Format
//
// Integers are 32-bit big-endian and every part starts on a 4-byte
// boundary. An archive is:
//
//   - the 24-byte header "#!/usr/bin/env AtomVM\n" and two zero bytes;
//   - entries, each: size, flags, reserved (0), the name NUL-terminated
//     and padded with zeros to 4 bytes, then the content padded with zeros
//     to 4 bytes. size counts the whole entry: these three words, the
//     padded name and the padded content (the offset of the next entry
//     minus this one's). Flags: 0x02 a module (its content is a BEAM
//     file), 0x01 a module exporting start/0, 0x04 a plain file, whose
//     content is its length and its bytes;
//   - the end entry: size 0, flags 0, reserved 0, "end" (16 bytes).
//
// Module entries are named after the module, "mod.beam", and hold the
// BEAM file reduced to the chunks AtomVM reads, in the order AtU8, Code,
// ExpT, LocT, ImpT, LitU, FunT, StrT, Line (only with
// StripOptions.IncludeLines), and the literal table inflated into a LitU
// chunk (OTP 28's uncompressed LitT is stored the same way). Plain files
// are named by their path; atomvm:read_priv(App, Path) reads the entry
// "App/priv/Path".
//
// # Facts checked against AtomVM
//
// Read from AtomVM 0.6.6's doc/src/packbeam-format.md and the sources of
// its PackBEAM tool (tools/packbeam/packbeam.c), its reader
// (src/libAtomVM/avmpack.c, iff.c, nifs.c, generic_unix main.c and sys.c),
// and atomvm_packbeam 0.8 (src/packbeam_api.erl); then verified by running
// both ways with AtomVM 0.6.6 built for generic_unix:
//
//   - size counts the entry header and the padded name, not only the
//     content as the format document says: PackBEAM writes the distance
//     from this entry's size word to the next, and AtomVM adds size to the
//     offset to find the next entry.
//   - AtomVM stops reading at an entry whose size is 0 (avmpack_fold) and,
//     when looking for a module or a priv file by name, after checking an
//     entry whose flags are 0 (avmpack_find_section_by_name). An archive
//     with a plain file flagged 0 hides the modules after it from AtomVM:
//     the program crashes with undef (verified). atomvm_packbeam has
//     therefore flagged plain files 0x04 since 2022, and so does Bytes,
//     whatever an entry's Flags; Read accepts any flags.
//   - PackBEAM writes the FOR1 size of a module as the whole form,
//     including the 8 bytes of "FOR1" and the size itself (and the
//     padding); erlc and beam_lib write the bytes after the size word.
//     AtomVM accepts both. Read returns such modules in the standard form
//     (a copy with the size fixed), so that beam.Parse and erl accept them;
//     Strip writes the standard form, as atomvm_packbeam does.
//   - Apart from those FOR1 size words, avm pack writes what PackBEAM
//     writes, byte for byte: the same chunks in the same order, the same
//     padding (checked on 254 modules of vm/testdata/conformance with
//     "PackBEAM -a" against "avm pack --lib", and with -i on both).
//   - AtomVM starts the first entry flagged 0x01 of the first archive on
//     its command line that has one (or the first .beam that exports
//     start/0, whichever comes first). PackBEAM flags only its first input
//     (none with -a), whether or not it exports start/0; atomvm_packbeam
//     flags every module that exports start/0, or only its --start module,
//     which it moves first. NewModule follows atomvm_packbeam.
//   - Archives made by avm pack run on AtomVM (hello, modules calling
//     each other, read_priv of nested priv paths, add_avm_pack_binary of an
//     archive stored as a priv file), and archives made by PackBEAM and by
//     atomvm_packbeam's packbeam_api:create/2,3 run under avm run with the
//     same output.
//   - add_avm_pack_binary/2 appends to the archive list, add_avm_pack_file/2
//     prepends to it; close_avm_pack/2 returns error for an archive code or
//     a priv file was read from (AtomVM 0.6.6 then leaves the list locked,
//     and the next archive operation aborts the VM); read_priv/2 raises
//     badarg when no archive is loaded and returns undefined for a missing
//     file.
//
// # Robustness
//
// Read never panics: sizes are checked against the data before use, and
// every error is a [*FormatError] naming the file and the offset. Bytes
// after the end entry are ignored, as a flash partition holds leftovers
// after the archive. FuzzRead checks this.
package packbeam
