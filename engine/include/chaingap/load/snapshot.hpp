// Binary snapshot of a loaded, validated dataset (docs/formats.md, "Snapshot").
//
// Method. One file: a fixed header (magic, format version, byte-order mark, file size, section
// count, checksums), a section table, then sections aligned to 64 bytes. Every big column of the
// dataset (enterprises, attachments, relations and the finalize() indices) is one flat section in
// native little-endian layout, so reading it is one bulk read through a small buffer; strings
// (enterprise ids and names) are side tables of byte offsets plus concatenated UTF-8. The chain
// catalogue, clusters and regions (small) are one "meta" section of length-prefixed fields.
// Each section carries a 64-bit checksum verified while it is copied; the header and the section
// table have their own. Another format version, another byte order, a truncated or damaged file is
// refused with an InputError naming the file and what is wrong, never read as data.
//
// Cost: writing O(bytes); reading O(bytes of the sections needed) — one sequential pass, no parsing,
// no id look-ups, no sort. Relations (the largest part) are skipped when the caller does not need
// them (SnapshotReadOptions::relations).
#pragma once
#include <cstdint>
#include <string>

#include "chaingap/model/dataset.hpp"

namespace chaingap {

inline constexpr std::uint32_t kSnapshotVersion = 1;

// Writes `ds` (finalized) to `path` atomically (a temporary beside it, renamed into place).
// Returns the file size in bytes.
std::uint64_t write_snapshot(const Dataset& ds, const std::string& path);

struct SnapshotReadOptions {
    bool relations = true;  // false: relations (and their index) are left empty
};

// Reads a snapshot written by write_snapshot. Throws InputError(path, 0, section, message) when the
// file is not a snapshot, has another version or byte order, or is truncated or damaged.
Dataset read_snapshot(const std::string& path, const SnapshotReadOptions& options = {});

// True when the file starts with the snapshot magic (used to tell a snapshot from a folder).
bool is_snapshot_file(const std::string& path);

// 64-bit checksum of the snapshot format (4 lanes over 8-byte words, multiply-rotate; not
// cryptographic: it detects damage, not tampering). Exposed for tests and docs.
std::uint64_t snapshot_checksum(const void* data, std::size_t bytes);

}  // namespace chaingap
