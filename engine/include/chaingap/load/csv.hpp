// RFC 4180 CSV reading with positions kept for error messages.
//
// The whole file is read once; records are parsed in a single pass (O(bytes)). A UTF-8 BOM is
// skipped. Quoted fields may hold commas, doubled quotes and line breaks. Every record remembers the
// physical line it starts on, so errors can name FILE:LINE.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace chaingap {

class CsvTable {
public:
    // Reads and parses `path`; throws InputError on unreadable files, unterminated quotes, blank
    // lines, rows whose field count differs from the header, and duplicate or empty header names.
    static CsvTable read(const std::string& path);
    static CsvTable parse(std::string text, const std::string& display_name);

    const std::string& path() const { return path_; }
    std::size_t rows() const { return row_line_.size(); }
    bool has_column(std::string_view name) const;
    // Column index; throws InputError naming the file and the missing column.
    std::size_t require_column(std::string_view name) const;
    std::optional<std::size_t> optional_column(std::string_view name) const;

    std::string_view cell(std::size_t row, std::size_t col) const;
    std::size_t line_of(std::size_t row) const { return row_line_[row]; }
    const std::vector<std::string>& header() const { return header_; }

    // Typed accessors: throw InputError naming file, line and column when the cell is not valid.
    std::string_view text(std::size_t row, std::size_t col, bool required = true) const;
    std::optional<double> number(std::size_t row, std::size_t col) const;  // empty -> nullopt
    std::optional<long long> integer(std::size_t row, std::size_t col) const;
    [[noreturn]] void fail(std::size_t row, std::size_t col, const std::string& message) const;

private:
    std::string path_;
    std::string text_;  // the file contents; cells are views into it unless unescaped
    std::vector<std::string> header_;
    std::unordered_map<std::string, std::size_t> column_index_;
    std::size_t columns_ = 0;
    std::vector<std::size_t> row_line_;
    // Cell storage, 8 bytes a cell: offset and length into text_, or into unescaped_ when the
    // length's top bit is set. Files are limited to 4 GiB.
    struct Cell {
        std::uint32_t offset, length;
    };
    std::vector<Cell> cells_;
    std::string unescaped_;
};

}  // namespace chaingap
