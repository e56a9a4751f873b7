// Reading JSON input files (chain files, clusters.json, --weights): RapidJSON's DOM, after one
// checking pass that enforces what RapidJSON alone does not:
//   - the text is UTF-8 without NUL bytes (a NUL would end RapidJSON's input silently; GBK/GB18030
//     and UTF-16 are named, core/encoding.hpp);
//   - nesting is at most `kMaxJsonDepth` levels (a deeper document would overflow the stack in the
//     recursive parts of RapidJSON: DOM copy, Accept; the parse itself is iterative);
//   - no object has the same key twice (RapidJSON keeps both and FindMember returns the first, so a
//     second, out-of-range value would never be checked);
//   - nothing follows the document (RapidJSON's default).
// The pass also records the byte offset of every element of the root object's arrays, so errors
// can name the line of `nodes[3]` even when that node has no "id" key.
//
// Method: RapidJSON SAX reader with kParseIterativeFlag (constant stack) and
// kParseValidateEncodingFlag; a key set per open object. O(bytes); memory O(depth + keys of the
// open objects).
#pragma once
#include <rapidjson/document.h>

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace chaingap {

inline constexpr std::size_t kMaxJsonDepth = 64;

struct JsonInput {
    std::string file;
    std::string text;
    rapidjson::Document doc;
    // For each key of the root object whose value is an array: the byte offset of each element.
    std::map<std::string, std::vector<std::size_t>, std::less<>> element_offsets;
    // Byte offset of each key of the root object.
    std::map<std::string, std::size_t, std::less<>> key_offsets;

    // 1-based line of element `i` of the root array `key`; 0 when unknown.
    std::size_t element_line(const std::string& key, std::size_t i) const;
    // 1-based line of the root key `key`; 0 when absent.
    std::size_t key_line(const std::string& key) const;
};

// Parses `text` (the contents of `file`) into `out`; InputError naming the file and line for any
// of the faults above or malformed JSON.
void parse_json_input(std::string text, const std::string& file, JsonInput& out);

}  // namespace chaingap
