// RFC 4180 CSV reading with positions kept for error messages.
//
// One tokenizer (CsvReader) serves two interfaces:
//   - CsvReader streams records in file order through one reused buffer (4 MiB chunks read from the
//     file, grown only for a record longer than that). Cells are views valid until the next record;
//     nothing per cell is stored. For the large files (enterprises, attachments, relations): memory
//     stays O(chunk) however large the file, and no page of the file's size is touched twice.
//   - CsvTable reads a whole (small) file and keeps every cell for random access.
// Both cost O(bytes), one pass. A UTF-8 BOM is skipped. Quoted fields may hold commas, doubled quotes
// and line breaks. Every record knows the physical line it starts on, so errors can name FILE:LINE.
// Input must be UTF-8 (NUL bytes, GBK/GB18030 and UTF-16 are named); a streamed file is checked chunk
// by chunk ahead of the records read, so a record is never handed out before its bytes are checked.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace chaingap {

class CsvReader {
public:
    // Streams `path`. Throws InputError on an unreadable file, a non-UTF-8 start, an empty file and a
    // bad header (empty or duplicate column names). `chunk_bytes`: the read size (tests use tiny ones
    // to put records across chunk boundaries).
    explicit CsvReader(const std::string& path, std::size_t chunk_bytes = std::size_t{4} << 20);
    // Reads `text` in memory (not copied: it must outlive the reader), checked as UTF-8 at once.
    CsvReader(std::string_view text, const std::string& display_name);
    ~CsvReader();
    CsvReader(const CsvReader&) = delete;
    CsvReader& operator=(const CsvReader&) = delete;

    const std::string& path() const { return path_; }
    const std::vector<std::string>& header() const { return header_; }
    std::size_t columns() const { return header_.size(); }
    // Column index; throws InputError naming the file and the missing column.
    std::size_t require_column(std::string_view name) const;
    std::optional<std::size_t> optional_column(std::string_view name) const;
    // Rows to reserve for: the file size over the mean record length of the first chunk (an estimate,
    // exact for fixed-width rows; columns grow past it if needed).
    std::size_t estimated_rows() const;

    // Advances to the next record; false at the end of the file. Throws InputError on a blank line, an
    // unterminated quoted field, a quote inside an unquoted field or after a closing quote, a row whose
    // field count differs from the header, and bytes that are not UTF-8.
    bool next();
    std::size_t row() const { return row_; }        // 0-based data row of the current record
    std::size_t line() const { return line_; }      // the line it starts on
    std::size_t offset() const { return offset_; }  // its byte offset in the file
    // Line of an earlier row (kept as the few places where a quoted line break shifts the count).
    std::size_t line_of(std::size_t row) const;
    // In-memory readers only: continue at a record seen before (its offset(), row() and line()).
    void seek(std::size_t offset, std::size_t row, std::size_t line);

    // Raw cell of the current record: valid until next(); from the file text unless it held doubled
    // quotes (then from a per-record buffer: unescaped(col) tells).
    std::string_view cell(std::size_t col) const {
        const Field f = fields_[col];
        return {(f.escaped ? scratch_.data() : buf_) + f.begin, f.length};
    }
    bool unescaped(std::size_t col) const { return fields_[col].escaped; }

    // Typed accessors on the current record: throw InputError naming file, line and column.
    std::string_view text(std::size_t col, bool required = true) const { return text_of(cell(col), row_, col, required); }
    std::optional<double> number(std::size_t col) const { return number_of(cell(col), row_, col); }
    std::optional<long long> integer(std::size_t col) const { return integer_of(cell(col), row_, col); }
    [[noreturn]] void fail(std::size_t col, const std::string& message) const { fail_row(row_, col, message); }
    // The same on a cell kept from an earlier row (its raw text, its row).
    std::string_view text_of(std::string_view raw, std::size_t row, std::size_t col, bool required = true) const;
    std::optional<double> number_of(std::string_view raw, std::size_t row, std::size_t col) const;
    std::optional<long long> integer_of(std::string_view raw, std::size_t row, std::size_t col) const;
    [[noreturn]] void fail_row(std::size_t row, std::size_t col, const std::string& message) const;

private:
    struct Field {
        std::size_t begin;
        std::uint32_t length;
        bool escaped;
    };
    struct NeedMore {};
    void start();
    // Tokenizes the record at pos_ into `out` (at most `keep` fields kept; all counted in `count`).
    // Throws NeedMore when the checked bytes end before the record does (streamed files).
    void parse_record(std::vector<Field>& out, std::size_t keep, std::size_t& count);
    bool has(std::size_t p) const {
        if (p < checked_) return true;
        if (eof_ && checked_ == end_) return false;
        throw NeedMore{};
    }
    void refill();
    void check_chunk(std::size_t upto);

    std::string path_;
    int fd_ = -1;
    std::uint64_t file_bytes_ = 0;
    bool eof_ = true;
    const char* buf_ = nullptr;      // the text (in memory) or the chunk buffer (streamed)
    std::string chunk_;              // storage of the chunk buffer when streamed
    std::size_t file_base_ = 0;      // file offset of buf_[0]
    std::size_t pos_ = 0, end_ = 0;  // next record, end of valid bytes
    std::size_t checked_ = 0;        // bytes of buf_ checked as UTF-8
    std::size_t checked_line_ = 1;   // line at checked_
    std::size_t first_chunk_bytes_ = 0, first_chunk_lines_ = 0;
    std::vector<std::string> header_;
    std::vector<std::pair<std::string, std::size_t>> column_index_;
    std::vector<Field> fields_;
    std::string scratch_;
    std::size_t row_ = 0, line_ = 0, offset_ = 0;
    std::size_t next_row_ = 0, next_line_ = 1, rows_seen_ = 0;
    std::vector<std::pair<std::size_t, std::size_t>> line_breaks_;  // (row, line) where line − row changes
};

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
