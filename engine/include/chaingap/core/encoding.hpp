// Text encoding at the input boundary: every input file must be UTF-8 (docs/formats.md). A file that
// is not is refused with one line naming the file, the line and, when it can be told, the encoding
// it is in (UTF-16 by its byte-order mark or NUL pattern, GBK/GB18030 when every non-ASCII byte
// forms a valid GB18030 sequence), so the user knows what to convert.
//
// Method: one pass over the bytes, an 8-byte ASCII fast path, then the UTF-8 well-formedness table
// of Unicode 15, §3.9 Table 3-7 (no overlong forms, no surrogates, nothing above U+10FFFF).
// GB18030 check: GB 18030-2005 §5 byte ranges (2-byte 81–FE 40–7E/80–FE; 4-byte 81–FE 30–39 81–FE
// 30–39). O(bytes).
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace chaingap {

// Offset of the first byte that does not start a well-formed UTF-8 sequence; nullopt when valid.
std::optional<std::size_t> first_invalid_utf8(std::string_view text);

// "UTF-16LE", "UTF-16BE", "GBK/GB18030" or "" (unknown) for a text that is not valid UTF-8.
std::string guess_encoding(std::string_view text);

// Throws InputError naming `file` and the line when `text` holds a NUL byte or is not valid UTF-8.
// A leading UTF-8 byte-order mark is valid.
void check_utf8_text(std::string_view text, const std::string& file);

// For terminal output: C0 control characters, DEL and C1 controls become visible escapes (\x1b,
// \x7f, \u009b) and bytes that are not UTF-8 become \xNN, so a name can never move the cursor,
// change colours or clear the screen. Line feeds and tabs are escaped too unless `keep_layout`
// (one cell or one error message stays one line).
std::string escape_for_terminal(std::string_view text, bool keep_layout = false);

}  // namespace chaingap
