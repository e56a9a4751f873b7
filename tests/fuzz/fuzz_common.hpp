// Shared checks for the libFuzzer harnesses: an input may be refused (InputError / UsageError) but
// must never crash, hang, trip a sanitizer, or produce output that is not what it claims to be.
#pragma once
#include <rapidjson/document.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "chaingap/core/encoding.hpp"

namespace chaingap::fuzz {

[[noreturn]] inline void fail(const char* what, const std::string& detail) {
    std::fprintf(stderr, "FUZZ CHECK FAILED: %s\n%s\n", what, detail.substr(0, 2000).c_str());
    std::abort();
}

// Every JSON written must re-parse, be UTF-8 and hold no NaN/Infinity.
inline void check_json(const std::string& json) {
    rapidjson::Document doc;
    doc.Parse(json.c_str(), json.size());
    if (doc.HasParseError()) fail("written JSON does not parse", json);
    if (first_invalid_utf8(json)) fail("written JSON is not UTF-8", json);
}

// Every CSV written must be UTF-8 (a leading byte-order mark is UTF-8 too).
inline void check_csv(const std::string& csv) {
    if (first_invalid_utf8(csv)) fail("written CSV is not UTF-8", csv);
}

// Text for a terminal: UTF-8, no control characters but line feeds.
inline void check_terminal_text(const std::string& text) {
    if (first_invalid_utf8(text)) fail("table is not UTF-8", text);
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\n') || u == 0x7F) fail("raw control character in a table", text);
    }
}

}  // namespace chaingap::fuzz
