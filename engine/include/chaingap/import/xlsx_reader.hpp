// Reading one worksheet of an XLSX workbook (ECMA-376 SpreadsheetML) as rows of text cells.
//
// Library: the zip container is read with minizip (Debian libminizip-dev, zlib's contrib/minizip
// unzip API) and the XML parts with Expat (libexpat1-dev, a streaming SAX parser): both small, C,
// long-maintained and already in the dependency closure of libxlsxwriter, which only writes.
// Method: xl/workbook.xml gives the sheet names and relationship ids, xl/_rels/workbook.xml.rels the
// part of each sheet, xl/sharedStrings.xml the shared strings (rich-text runs joined, phonetic runs
// <rPh> skipped); in the sheet every <c r="B3" t="s|str|inlineStr|b|n|e"> becomes the text of its
// value (shared string, inline string, or the number as written). Cells are placed by their
// reference, so skipped empty cells stay empty; rows keep their sheet row number.
// Complexity O(size of the parts read).
#pragma once
#include <string>
#include <vector>

#include "chaingap/import/registry_table.hpp"

namespace chaingap {

// sheet "" : the first sheet of the workbook. Throws InputError naming the file (and the sheet names
// when `sheet` is not one of them).
RegistryTable read_xlsx_sheet(const std::string& path, const std::string& sheet);
// The workbook's sheet names in order.
std::vector<std::string> xlsx_sheet_names(const std::string& path);

}  // namespace chaingap
