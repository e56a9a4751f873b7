#include "chaingap/load/csv.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>

#include "chaingap/core/encoding.hpp"
#include "chaingap/core/error.hpp"
#include "chaingap/core/files.hpp"
#include "chaingap/core/memory.hpp"

namespace chaingap {
namespace {
constexpr std::uint32_t kUnescapedFlag = std::uint32_t{1} << 31;

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}
}  // namespace

CsvTable CsvTable::read(const std::string& path) { return parse(read_file(path), path); }

CsvTable CsvTable::parse(std::string text, const std::string& display_name) {
    CsvTable t;
    t.path_ = display_name;
    t.text_ = std::move(text);
    const std::string& s = t.text_;
    check_utf8_text(s, t.path_);  // UTF-8 only; NUL bytes, GBK/GB18030 and UTF-16 named
    std::size_t pos = 0;
    if (s.size() >= 3 && static_cast<unsigned char>(s[0]) == 0xEF &&
        static_cast<unsigned char>(s[1]) == 0xBB && static_cast<unsigned char>(s[2]) == 0xBF) {
        pos = 3;
    }
    std::size_t line = 1;
    if (s.size() >= (std::size_t{1} << 32) - 1) throw InputError(t.path_, 0, "", "file too large (4 GiB at most)");
    std::vector<Cell> record;
    auto cell_text = [&](Cell c) {
        return (c.length & kUnescapedFlag) ? std::string_view(t.unescaped_).substr(c.offset, c.length & ~kUnescapedFlag)
                                           : std::string_view(s).substr(c.offset, c.length);
    };
    bool header_done = false;

    auto finish_record = [&](std::size_t record_line) {
        if (!header_done) {
            for (Cell c : record) {
                std::string name(trim(cell_text(c)));
                if (name.empty()) throw InputError(t.path_, record_line, "", "empty column name in header");
                if (!t.column_index_.emplace(name, t.header_.size()).second)
                    throw InputError(t.path_, record_line, name, "duplicate column in header");
                t.header_.push_back(std::move(name));
            }
            t.columns_ = t.header_.size();
            header_done = true;
            // Rows counted first (line breaks: an upper bound, exact without quoted line breaks), so
            // the cell table is allocated once, on huge pages, instead of growing by doubling.
            const std::size_t rows = static_cast<std::size_t>(std::count(s.begin() + static_cast<std::ptrdiff_t>(pos), s.end(), '\n')) + 1;
            reserve_huge(t.cells_, rows * t.columns_);
            reserve_huge(t.row_line_, rows);
        } else {
            if (record.size() != t.columns_)
                throw InputError(t.path_, record_line, "",
                                 "expected " + std::to_string(t.columns_) + " fields (as in the header), found " +
                                     std::to_string(record.size()));
            t.cells_.insert(t.cells_.end(), record.begin(), record.end());
            t.row_line_.push_back(record_line);
        }
        record.clear();
    };

    while (pos < s.size()) {
        const std::size_t record_line = line;
        // An empty line (LF, CR LF or a lone CR) is an empty record: refuse it rather than guess.
        if (s[pos] == '\n' || s[pos] == '\r') {
            throw InputError(t.path_, record_line, "", "blank line (an empty row is not allowed)");
        }
        for (;;) {  // one field per iteration
            if (pos < s.size() && s[pos] == '"') {
                const std::size_t start_line = line;
                ++pos;
                std::size_t begin = pos;
                bool escaped = false;
                std::string value;
                for (;;) {
                    if (pos >= s.size())
                        throw InputError(t.path_, start_line, "", "unterminated quoted field");
                    char c = s[pos];
                    if (c == '"') {
                        if (pos + 1 < s.size() && s[pos + 1] == '"') {
                            if (!escaped) value.assign(s, begin, pos - begin);
                            escaped = true;
                            value.push_back('"');
                            pos += 2;
                            continue;
                        }
                        break;
                    }
                    // A line ends at LF, CR LF or a lone CR (classic Mac files).
                    if (c == '\n' || (c == '\r' && (pos + 1 >= s.size() || s[pos + 1] != '\n'))) ++line;
                    if (escaped) value.push_back(c);
                    ++pos;
                }
                if (escaped) {
                    if (t.unescaped_.size() + value.size() >= (std::size_t{1} << 31))
                        throw InputError(t.path_, start_line, "", "too many quoted fields with doubled quotes");
                    record.push_back({static_cast<std::uint32_t>(t.unescaped_.size()),
                                      static_cast<std::uint32_t>(value.size()) | kUnescapedFlag});
                    t.unescaped_ += value;
                } else {
                    record.push_back({static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(pos - begin)});
                }
                ++pos;  // closing quote
                if (pos < s.size() && s[pos] != ',' && s[pos] != '\n' && s[pos] != '\r')
                    throw InputError(t.path_, line, "", "unexpected character after closing quote");
            } else {
                std::size_t begin = pos;
                while (pos < s.size() && s[pos] != ',' && s[pos] != '\n' && s[pos] != '\r') {
                    if (s[pos] == '"')
                        throw InputError(t.path_, line, "", "quote inside an unquoted field");
                    ++pos;
                }
                record.push_back({static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(pos - begin)});
            }
            if (pos < s.size() && s[pos] == ',') {
                ++pos;
                continue;
            }
            break;
        }
        // Record end: LF, CR LF or a lone CR (classic Mac line endings) each end one line.
        if (pos < s.size() && s[pos] == '\r') {
            ++pos;
            if (pos >= s.size() || s[pos] != '\n') ++line;
        }
        if (pos < s.size() && s[pos] == '\n') {
            ++pos;
            ++line;
        }
        finish_record(record_line);
    }
    if (!header_done) throw InputError(t.path_, 1, "", "empty file (a header row is required)");
    return t;
}

bool CsvTable::has_column(std::string_view name) const {
    return column_index_.count(std::string(name)) != 0;
}

std::size_t CsvTable::require_column(std::string_view name) const {
    auto it = column_index_.find(std::string(name));
    if (it == column_index_.end()) throw InputError(path_, 1, std::string(name), "required column is missing");
    return it->second;
}

std::optional<std::size_t> CsvTable::optional_column(std::string_view name) const {
    auto it = column_index_.find(std::string(name));
    if (it == column_index_.end()) return std::nullopt;
    return it->second;
}

std::string_view CsvTable::cell(std::size_t row, std::size_t col) const {
    const Cell c = cells_[row * columns_ + col];
    if (c.length & kUnescapedFlag) return std::string_view(unescaped_).substr(c.offset, c.length & ~kUnescapedFlag);
    return std::string_view(text_).substr(c.offset, c.length);
}

void CsvTable::fail(std::size_t row, std::size_t col, const std::string& message) const {
    throw InputError(path_, row_line_[row], header_[col], message);
}

std::string_view CsvTable::text(std::size_t row, std::size_t col, bool required) const {
    std::string_view v = trim(cell(row, col));
    if (required && v.empty()) fail(row, col, "value is required");
    return v;
}

std::optional<double> CsvTable::number(std::size_t row, std::size_t col) const {
    std::string_view v = trim(cell(row, col));
    if (v.empty()) return std::nullopt;
    double out = 0;
    auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
    if (ec != std::errc() || ptr != v.data() + v.size() || !std::isfinite(out))
        fail(row, col, "not a number: '" + std::string(v) + "'");
    return out;
}

std::optional<long long> CsvTable::integer(std::size_t row, std::size_t col) const {
    std::string_view v = trim(cell(row, col));
    if (v.empty()) return std::nullopt;
    long long out = 0;
    auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
    if (ec != std::errc() || ptr != v.data() + v.size())
        fail(row, col, "not a whole number: '" + std::string(v) + "'");
    return out;
}

}  // namespace chaingap
