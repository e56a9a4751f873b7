#include "chaingap/load/csv.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>

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

// ------------------------------------------------------------------------------------------------
// CsvReader

namespace {
// Bytes that end an unquoted field or are refused in it: ',', '\n', '\r', '"'. Eight bytes at a
// time (SWAR, "determine if a word has a byte equal to n", Anderson's bit twiddling hacks): the
// lowest flagged byte of each test is exact, so the lowest of their union is the first special byte.
inline std::uint64_t special_bytes(std::uint64_t w) {
    constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    auto eq = [&](std::uint64_t c) {
        const std::uint64_t x = w ^ (ones * c);
        return (x - ones) & ~x & highs;
    };
    return eq(',') | eq('\n') | eq('\r') | eq('"');
}
inline bool is_special(char c) { return c == ',' || c == '\n' || c == '\r' || c == '"'; }
}  // namespace

CsvReader::CsvReader(const std::string& path, std::size_t chunk_bytes) : path_(path) {
    switch (path_kind(path)) {
        case PathKind::missing: throw InputError(path, 0, "", "file does not exist");
        case PathKind::folder: throw InputError(path, 0, "", "is a folder, not a file");
        default: break;
    }
    fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0) throw InputError(path, 0, "", std::string("cannot open file: ") + std::strerror(errno));
    struct stat st {};
    if (::fstat(fd_, &st) == 0 && S_ISREG(st.st_mode)) file_bytes_ = static_cast<std::uint64_t>(st.st_size);
    if (S_ISDIR(st.st_mode)) {
        ::close(fd_);
        throw InputError(path, 0, "", "cannot open file (it is a folder)");
    }
    try {
        ::posix_fadvise(fd_, 0, 0, POSIX_FADV_SEQUENTIAL);
        chunk_.resize(std::max<std::size_t>(chunk_bytes, 16));
        buf_ = chunk_.data();
        eof_ = false;
        refill();
        start();
    } catch (...) {
        ::close(fd_);
        throw;
    }
}

CsvReader::CsvReader(std::string_view text, const std::string& display_name) : path_(display_name) {
    check_utf8_text(text, path_);  // UTF-8 only; NUL bytes, GBK/GB18030 and UTF-16 named
    buf_ = text.data();
    end_ = checked_ = text.size();
    file_bytes_ = text.size();
    eof_ = true;
    first_chunk_bytes_ = text.size();
    first_chunk_lines_ = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
    start();
}

CsvReader::~CsvReader() {
    if (fd_ >= 0) ::close(fd_);
}

// Reads more of a streamed file behind the record in progress (moved to the front of the buffer,
// which doubles only when that record fills it), then checks the new bytes up to the last complete
// line (a UTF-8 sequence never spans a line break).
void CsvReader::refill() {
    if (eof_) return;
    const std::size_t shift = std::min(pos_, checked_);
    if (shift > 0) {
        std::memmove(chunk_.data(), chunk_.data() + shift, end_ - shift);
        file_base_ += shift;
        pos_ -= shift;
        checked_ -= shift;
        end_ -= shift;
    }
    if (end_ == chunk_.size()) chunk_.resize(chunk_.size() * 2);
    buf_ = chunk_.data();
    const bool first = file_base_ == 0 && end_ == 0;
    while (end_ < chunk_.size()) {
        const ssize_t k = ::read(fd_, chunk_.data() + end_, chunk_.size() - end_);
        if (k < 0) {
            if (errno == EINTR) continue;
            throw InputError(path_, 0, "", std::string("read failed: ") + std::strerror(errno));
        }
        if (k == 0) {
            eof_ = true;
            break;
        }
        end_ += static_cast<std::size_t>(k);
    }
    if (first) {
        // UTF-16 is told from the first bytes (a byte-order mark or NULs in every other byte).
        const std::string head = guess_encoding(std::string_view(buf_, std::min<std::size_t>(end_, 4096)));
        if (head.rfind("UTF-16", 0) == 0)
            throw InputError(path_, 0, "", "the file is " + head + ", not UTF-8; save it as UTF-8 (e.g. iconv -f UTF-16 -t UTF-8)");
        first_chunk_bytes_ = end_;
        first_chunk_lines_ = static_cast<std::size_t>(std::count(buf_, buf_ + end_, '\n'));
    }
    std::size_t upto = end_;
    if (!eof_) {
        const void* nl = ::memrchr(buf_ + checked_, '\n', end_ - checked_);
        upto = nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - buf_) + 1 : checked_;
    }
    check_chunk(upto);
}

void CsvReader::check_chunk(std::size_t upto) {
    const std::string_view part(buf_ + checked_, upto - checked_);
    auto line_at = [&](std::size_t at) {
        return checked_line_ + static_cast<std::size_t>(std::count(part.begin(), part.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
    };
    if (auto nul = part.find('\0'); nul != std::string_view::npos)
        throw InputError(path_, line_at(nul), "", "NUL byte (\\0) in the text: the file is binary or not UTF-8");
    if (auto bad = first_invalid_utf8(part)) {
        char byte[8];
        std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(part[*bad]));
        std::string message = std::string("not valid UTF-8 (byte ") + byte + ")";
        if (guess_encoding(std::string_view(buf_, end_)) == "GBK/GB18030")
            message += "; the file looks like GBK/GB18030: save it as UTF-8 (e.g. iconv -f GB18030 -t UTF-8)";
        else
            message += "; every input file must be UTF-8";
        throw InputError(path_, line_at(*bad), "", message);
    }
    checked_line_ += static_cast<std::size_t>(std::count(part.begin(), part.end(), '\n'));
    checked_ = upto;
}

void CsvReader::start() {
    for (;;) {
        try {
            if (end_ >= 3 && static_cast<unsigned char>(buf_[0]) == 0xEF && static_cast<unsigned char>(buf_[1]) == 0xBB &&
                static_cast<unsigned char>(buf_[2]) == 0xBF && file_base_ == 0 && pos_ == 0)
                pos_ = 3;
            if (!has(pos_)) throw InputError(path_, 1, "", "empty file (a header row is required)");
            std::vector<Field> fields;
            std::size_t count = 0;
            parse_record(fields, static_cast<std::size_t>(-1), count);
            for (const Field& f : fields) {
                const std::string_view raw((f.escaped ? scratch_.data() : buf_) + f.begin, f.length);
                std::string name(trim(raw));
                if (name.empty()) throw InputError(path_, 1, "", "empty column name in header");
                for (const auto& [known, index] : column_index_)
                    if (known == name) throw InputError(path_, 1, name, "duplicate column in header");
                column_index_.emplace_back(name, header_.size());
                header_.push_back(std::move(name));
            }
            fields_.assign(header_.size(), Field{0, 0, false});
            return;
        } catch (const NeedMore&) {
            refill();
        }
    }
}

std::size_t CsvReader::require_column(std::string_view name) const {
    if (auto c = optional_column(name)) return *c;
    throw InputError(path_, 1, std::string(name), "required column is missing");
}

std::optional<std::size_t> CsvReader::optional_column(std::string_view name) const {
    for (const auto& [known, index] : column_index_)
        if (known == name) return index;
    return std::nullopt;
}

std::size_t CsvReader::estimated_rows() const {
    if (first_chunk_lines_ == 0) return 1;
    const double per_line = static_cast<double>(first_chunk_bytes_) / static_cast<double>(first_chunk_lines_);
    return static_cast<std::size_t>(static_cast<double>(file_bytes_) / per_line * 1.02) + 16;
}

void CsvReader::parse_record(std::vector<Field>& out, std::size_t keep, std::size_t& count) {
    const char* s = buf_;
    std::size_t pos = pos_;
    std::size_t line = next_line_;
    const std::size_t record_line = line;
    count = 0;
    scratch_.clear();
    auto add = [&](Field f) {
        if (count < keep) {
            if (count < out.size()) out[count] = f;
            else out.push_back(f);
        }
        ++count;
    };
    // An empty line (LF, CR LF or a lone CR) is an empty record: refuse it rather than guess.
    if (s[pos] == '\n' || s[pos] == '\r') throw InputError(path_, record_line, "", "blank line (an empty row is not allowed)");
    for (;;) {  // one field per iteration
        if (has(pos) && s[pos] == '"') {
            const std::size_t start_line = line;
            ++pos;
            const std::size_t begin = pos;
            bool escaped = false;
            std::size_t value_begin = 0;
            for (;;) {
                if (!has(pos)) throw InputError(path_, start_line, "", "unterminated quoted field");
                const char c = s[pos];
                if (c == '"') {
                    if (has(pos + 1) && s[pos + 1] == '"') {
                        if (!escaped) {
                            value_begin = scratch_.size();
                            scratch_.append(s + begin, pos - begin);
                        }
                        escaped = true;
                        scratch_.push_back('"');
                        pos += 2;
                        continue;
                    }
                    break;
                }
                // A line ends at LF, CR LF or a lone CR (classic Mac files).
                if (c == '\n' || (c == '\r' && (!has(pos + 1) || s[pos + 1] != '\n'))) ++line;
                if (escaped) scratch_.push_back(c);
                ++pos;
            }
            const std::size_t length = escaped ? scratch_.size() - value_begin : pos - begin;
            if (length > 0xFFFFFFFFu) throw InputError(path_, start_line, "", "field longer than 4 GiB");
            add(escaped ? Field{value_begin, static_cast<std::uint32_t>(length), true}
                        : Field{begin, static_cast<std::uint32_t>(length), false});
            ++pos;  // closing quote
            if (has(pos) && s[pos] != ',' && s[pos] != '\n' && s[pos] != '\r')
                throw InputError(path_, line, "", "unexpected character after closing quote");
        } else {
            const std::size_t begin = pos;
            while (pos + 8 <= checked_) {
                std::uint64_t w;
                std::memcpy(&w, s + pos, 8);
                if (const std::uint64_t m = special_bytes(w)) {
                    pos += static_cast<std::size_t>(__builtin_ctzll(m)) / 8;
                    goto found;
                }
                pos += 8;
            }
            while (has(pos) && !is_special(s[pos])) ++pos;
        found:
            if (has(pos) && s[pos] == '"') throw InputError(path_, line, "", "quote inside an unquoted field");
            if (pos - begin > 0xFFFFFFFFu) throw InputError(path_, line, "", "field longer than 4 GiB");
            add(Field{begin, static_cast<std::uint32_t>(pos - begin), false});
        }
        if (has(pos) && s[pos] == ',') {
            ++pos;
            continue;
        }
        break;
    }
    // Record end: LF, CR LF or a lone CR (classic Mac line endings) each end one line.
    if (has(pos) && s[pos] == '\r') {
        ++pos;
        if (!has(pos) || s[pos] != '\n') ++line;
    }
    if (has(pos) && s[pos] == '\n') {
        ++pos;
        ++line;
    }
    offset_ = file_base_ + pos_;
    pos_ = pos;
    next_line_ = line;
}

bool CsvReader::next() {
    for (;;) {
        try {
            if (!has(pos_)) return false;
            const std::size_t record_line = next_line_;
            std::size_t count = 0;
            parse_record(fields_, fields_.size(), count);
            if (count != fields_.size())
                throw InputError(path_, record_line, "",
                                 "expected " + std::to_string(fields_.size()) + " fields (as in the header), found " +
                                     std::to_string(count));
            row_ = next_row_++;
            line_ = record_line;
            if (row_ == rows_seen_) {  // first time through this row: keep its line if the count shifted
                ++rows_seen_;
                if (line_breaks_.empty() || line_breaks_.back().second - line_breaks_.back().first != line_ - row_)
                    line_breaks_.emplace_back(row_, line_);
            }
            return true;
        } catch (const NeedMore&) {
            refill();
        }
    }
}

std::size_t CsvReader::line_of(std::size_t row) const {
    auto it = std::upper_bound(line_breaks_.begin(), line_breaks_.end(), row,
                               [](std::size_t r, const std::pair<std::size_t, std::size_t>& b) { return r < b.first; });
    if (it == line_breaks_.begin()) return 0;
    --it;
    return it->second + (row - it->first);
}

void CsvReader::seek(std::size_t offset, std::size_t row, std::size_t line) {
    if (fd_ >= 0) throw UsageError("CsvReader::seek: only an in-memory reader can go back");
    pos_ = offset;
    next_row_ = row;
    next_line_ = line;
}

void CsvReader::fail_row(std::size_t row, std::size_t col, const std::string& message) const {
    throw InputError(path_, line_of(row), header_[col], message);
}

std::string_view CsvReader::text_of(std::string_view raw, std::size_t row, std::size_t col, bool required) const {
    std::string_view v = trim(raw);
    if (required && v.empty()) fail_row(row, col, "value is required");
    return v;
}

std::optional<double> CsvReader::number_of(std::string_view raw, std::size_t row, std::size_t col) const {
    std::string_view v = trim(raw);
    if (v.empty()) return std::nullopt;
    double out = 0;
    auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
    if (ec != std::errc() || ptr != v.data() + v.size() || !std::isfinite(out))
        fail_row(row, col, "not a number: '" + std::string(v) + "'");
    return out;
}

std::optional<long long> CsvReader::integer_of(std::string_view raw, std::size_t row, std::size_t col) const {
    std::string_view v = trim(raw);
    if (v.empty()) return std::nullopt;
    long long out = 0;
    auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
    if (ec != std::errc() || ptr != v.data() + v.size())
        fail_row(row, col, "not a whole number: '" + std::string(v) + "'");
    return out;
}

// ------------------------------------------------------------------------------------------------
// CsvTable: every cell of a small file, through the same tokenizer.

CsvTable CsvTable::parse(std::string text, const std::string& display_name) {
    CsvTable t;
    t.path_ = display_name;
    t.text_ = std::move(text);
    CsvReader r(std::string_view(t.text_), t.path_);
    if (t.text_.size() >= (std::size_t{1} << 32) - 1) throw InputError(t.path_, 0, "", "file too large (4 GiB at most)");
    t.header_ = r.header();
    for (std::size_t c = 0; c < t.header_.size(); ++c) t.column_index_.emplace(t.header_[c], c);
    t.columns_ = t.header_.size();
    // Rows counted first (line breaks: an upper bound, exact without quoted line breaks), so the cell
    // table is allocated once, on huge pages, instead of growing by doubling.
    const std::size_t rows = static_cast<std::size_t>(std::count(t.text_.begin(), t.text_.end(), '\n')) + 1;
    reserve_huge(t.cells_, rows * t.columns_);
    reserve_huge(t.row_line_, rows);
    while (r.next()) {
        for (std::size_t c = 0; c < t.columns_; ++c) {
            const std::string_view v = r.cell(c);
            if (r.unescaped(c)) {
                if (t.unescaped_.size() + v.size() >= (std::size_t{1} << 31))
                    throw InputError(t.path_, r.line(), "", "too many quoted fields with doubled quotes");
                t.cells_.push_back({static_cast<std::uint32_t>(t.unescaped_.size()), static_cast<std::uint32_t>(v.size()) | kUnescapedFlag});
                t.unescaped_ += v;
            } else {
                t.cells_.push_back({static_cast<std::uint32_t>(v.data() - t.text_.data()), static_cast<std::uint32_t>(v.size())});
            }
        }
        t.row_line_.push_back(r.line());
    }
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
