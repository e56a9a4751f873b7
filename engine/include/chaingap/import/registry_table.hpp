// Reading an enterprise-registry export as rows of cells: CSV in UTF-8 (with or without a byte-order
// mark) or GB18030/GBK, or one sheet of an XLSX workbook (xlsx_reader.hpp). Registry exports put a
// title and notes above the header and are ragged there, so rows may have any number of cells.
//
// Method:
//   encoding  auto: a UTF-8 byte-order mark → "UTF-8 (BOM)"; valid UTF-8 (Unicode §3.9 Table 3-7,
//             core/encoding) → "UTF-8"; every non-ASCII byte in a valid GB18030 sequence (GB 18030-2005
//             §5 byte ranges) → "GB18030" and decoded with iconv (glibc; GBK is a subset of GB18030);
//             anything else is refused naming the file and the line of the first bad byte. A forced
//             --encoding decodes or fails on the first byte that is not valid in it.
//   CSV       RFC 4180 records (quoted cells may hold commas, quotes and line breaks); the separator is
//             ',' unless the first line that holds a separator holds more tabs than commas (exports
//             saved as "Unicode text"); every record keeps the physical line it starts on.
// Complexity O(bytes).
#pragma once
#include <cstddef>
#include <string>
#include <vector>

namespace chaingap {

struct RegistryTable {
    std::string file;      // as given, for error messages
    std::string encoding;  // UTF-8 | UTF-8 (BOM) | GB18030 | XLSX
    std::string sheet;     // XLSX: the sheet read
    std::vector<std::vector<std::string>> rows;
    std::vector<std::size_t> row_number;  // CSV: physical line; XLSX: sheet row (1-based)
};

// encoding: auto | utf-8 | gb18030 (gbk is accepted as gb18030). Throws InputError / UsageError.
std::string decode_registry_text(const std::string& bytes, const std::string& encoding, const std::string& file,
                                 std::string& used);
// Tolerant CSV records of UTF-8 text (ragged rows kept; blank lines dropped, their numbers skipped).
RegistryTable parse_registry_csv(const std::string& text, const std::string& file);
// By extension: .xlsx → xlsx_reader (sheet "" = the first); anything else → CSV.
RegistryTable read_registry_table(const std::string& path, const std::string& encoding, const std::string& sheet);

}  // namespace chaingap
