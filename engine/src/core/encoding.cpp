#include "chaingap/core/encoding.hpp"

#include <cstdint>
#include <cstdio>
#include <cstring>

#include "chaingap/core/error.hpp"

namespace chaingap {
namespace {

// Length of the well-formed UTF-8 sequence at s[i], or 0 (Unicode §3.9 Table 3-7).
std::size_t utf8_sequence(std::string_view s, std::size_t i) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
    const std::size_t left = s.size() - i;
    const unsigned char c = b(0);
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF) return left >= 2 && (b(1) & 0xC0) == 0x80 ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        if (left < 3) return 0;
        const unsigned char lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
        return b(1) >= lo && b(1) <= hi && (b(2) & 0xC0) == 0x80 ? 3 : 0;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (left < 4) return 0;
        const unsigned char lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
        return b(1) >= lo && b(1) <= hi && (b(2) & 0xC0) == 0x80 && (b(3) & 0xC0) == 0x80 ? 4 : 0;
    }
    return 0;
}

bool valid_gb18030(std::string_view s) {
    bool any_multibyte = false;
    for (std::size_t i = 0; i < s.size();) {
        const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
        if (b(0) < 0x80) { ++i; continue; }
        if (b(0) == 0x80 || b(0) == 0xFF || i + 1 >= s.size()) return false;
        if ((b(1) >= 0x40 && b(1) <= 0x7E) || (b(1) >= 0x80 && b(1) <= 0xFE)) {
            i += 2;
        } else if (b(1) >= 0x30 && b(1) <= 0x39 && i + 3 < s.size() && b(2) >= 0x81 && b(2) <= 0xFE &&
                   b(3) >= 0x30 && b(3) <= 0x39) {
            i += 4;
        } else {
            return false;
        }
        any_multibyte = true;
    }
    return any_multibyte;
}

}  // namespace

std::optional<std::size_t> first_invalid_utf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        if (i + 8 <= s.size()) {  // ASCII fast path, 8 bytes at a time
            std::uint64_t word;
            std::memcpy(&word, s.data() + i, 8);
            if ((word & 0x8080808080808080ULL) == 0) {
                i += 8;
                continue;
            }
        }
        const std::size_t n = utf8_sequence(s, i);
        if (n == 0) return i;
        i += n;
    }
    return std::nullopt;
}

std::string guess_encoding(std::string_view s) {
    if (s.size() >= 2 && static_cast<unsigned char>(s[0]) == 0xFF && static_cast<unsigned char>(s[1]) == 0xFE)
        return "UTF-16LE";
    if (s.size() >= 2 && static_cast<unsigned char>(s[0]) == 0xFE && static_cast<unsigned char>(s[1]) == 0xFF)
        return "UTF-16BE";
    // UTF-16 without a byte-order mark: ASCII text has a NUL in every other byte.
    const std::size_t n = std::min<std::size_t>(s.size(), 4096) & ~std::size_t{1};
    std::size_t even_nul = 0, odd_nul = 0;
    for (std::size_t i = 0; i < n; i += 2) {
        even_nul += s[i] == '\0';
        odd_nul += s[i + 1] == '\0';
    }
    if (n >= 4 && odd_nul * 4 >= n && even_nul == 0) return "UTF-16LE";
    if (n >= 4 && even_nul * 4 >= n && odd_nul == 0) return "UTF-16BE";
    if (s.find('\0') == std::string_view::npos && valid_gb18030(s)) return "GBK/GB18030";
    return "";
}

void check_utf8_text(std::string_view text, const std::string& file) {
    // UTF-16 is told from the first 4096 bytes alone (guess_encoding looks no further for it); the
    // whole-text guess (a GB18030 pass over every byte) is made only for the message of a failure.
    const std::string encoding = guess_encoding(text.substr(0, 4096));
    if (encoding.rfind("UTF-16", 0) == 0)
        throw InputError(file, 0, "", "the file is " + encoding + ", not UTF-8; save it as UTF-8 (e.g. iconv -f UTF-16 -t UTF-8)");
    const auto line_at = [&](std::size_t offset) {
        return line_of_offset(std::string(text.substr(0, offset)), offset);
    };
    if (auto nul = text.find('\0'); nul != std::string_view::npos)
        throw InputError(file, line_at(nul), "", "NUL byte (\\0) in the text: the file is binary or not UTF-8");
    if (auto bad = first_invalid_utf8(text)) {
        char byte[8];
        std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text[*bad]));
        std::string message = std::string("not valid UTF-8 (byte ") + byte + ")";
        if (guess_encoding(text) == "GBK/GB18030")
            message += "; the file looks like GBK/GB18030: save it as UTF-8 (e.g. iconv -f GB18030 -t UTF-8)";
        else
            message += "; every input file must be UTF-8";
        throw InputError(file, line_at(*bad), "", message);
    }
}

std::string escape_for_terminal(std::string_view s, bool keep_layout) {
    std::string out;
    out.reserve(s.size());
    char buf[16];
    for (std::size_t i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (keep_layout && (c == '\n' || c == '\t')) {
            out += static_cast<char>(c);
            ++i;
            continue;
        }
        if (c < 0x20 || c == 0x7F) {
            std::snprintf(buf, sizeof buf, "\\x%02x", c);
            out += buf;
            ++i;
            continue;
        }
        if (c < 0x80) {
            out += static_cast<char>(c);
            ++i;
            continue;
        }
        const std::size_t n = utf8_sequence(s, i);
        if (n == 0) {
            std::snprintf(buf, sizeof buf, "\\x%02x", c);
            out += buf;
            ++i;
            continue;
        }
        // C1 controls U+0080..U+009F are C2 80..C2 9F in UTF-8.
        if (n == 2 && c == 0xC2 && static_cast<unsigned char>(s[i + 1]) <= 0x9F) {
            std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned char>(s[i + 1]));
            out += buf;
        } else {
            out.append(s.substr(i, n));
        }
        i += n;
    }
    return out;
}

}  // namespace chaingap
