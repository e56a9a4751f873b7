#include "chaingap/core/text_table.hpp"

#include <algorithm>
#include <stdexcept>

#include "chaingap/core/encoding.hpp"

namespace chaingap {
namespace {
bool is_wide(char32_t c) {
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF) ||
           (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
           (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
           (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
           (c >= 0x20000 && c <= 0x3FFFD);
}
}  // namespace

std::size_t display_width(std::string_view s) {
    std::size_t w = 0;
    for (std::size_t i = 0; i < s.size();) {
        unsigned char b = static_cast<unsigned char>(s[i]);
        char32_t c;
        int len;
        if (b < 0x80) { c = b; len = 1; }
        else if ((b >> 5) == 0x6) { c = b & 0x1F; len = 2; }
        else if ((b >> 4) == 0xE) { c = b & 0x0F; len = 3; }
        else if ((b >> 3) == 0x1E) { c = b & 0x07; len = 4; }
        else { ++i; ++w; continue; }  // stray byte: count one column
        for (int k = 1; k < len && i + k < s.size(); ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        i += len;
        if (c == 0x200B || (c >= 0x300 && c <= 0x36F)) continue;  // zero-width, combining marks
        w += is_wide(c) ? 2 : 1;
    }
    return w;
}

TextTable::TextTable(std::vector<std::string> header, std::vector<bool> right_aligned)
    : header_(std::move(header)), right_(std::move(right_aligned)) {
    right_.resize(header_.size(), false);
    for (auto& h : header_) h = escape_for_terminal(h);
}

void TextTable::add_row(std::vector<std::string> cells) {
    if (cells.size() != header_.size()) throw std::logic_error("TextTable: row width differs from header");
    // Cells are data (names from input files): control characters are shown, never obeyed.
    for (auto& c : cells) c = escape_for_terminal(c);
    rows_.push_back(std::move(cells));
}

std::string TextTable::render() const {
    std::vector<std::size_t> width(header_.size());
    for (std::size_t i = 0; i < header_.size(); ++i) width[i] = display_width(header_[i]);
    for (const auto& r : rows_)
        for (std::size_t i = 0; i < r.size(); ++i) width[i] = std::max(width[i], display_width(r[i]));
    std::string out;
    auto emit = [&](const std::vector<std::string>& r) {
        std::string line;
        for (std::size_t i = 0; i < r.size(); ++i) {
            std::string pad(width[i] - display_width(r[i]), ' ');
            if (i) line += "  ";
            line += right_[i] ? pad + r[i] : r[i] + (i + 1 < r.size() ? pad : "");
        }
        out += line + "\n";
    };
    emit(header_);
    std::string rule;
    for (std::size_t i = 0; i < width.size(); ++i) rule += (i ? "  " : "") + std::string(width[i], '-');
    out += rule + "\n";
    for (const auto& r : rows_) emit(r);
    return out;
}

}  // namespace chaingap
