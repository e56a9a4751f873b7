// The report model every result is turned into, and the renderers that print it, registered by
// format name (DuckDB's CopyFunction idea: a new output format is one renderer file, a new result
// type is one producer).
//
//   Report  = what a producer knows how to say about one result:
//             json    the JSON contract (docs/formats.md, docs/targets.md, docs/backtest.md);
//             tables  the data as flat tables: `csv` prints the first with column keys as header,
//                     `xlsx` writes one sheet per table with the Chinese column labels;
//             text    the terminal view: text and tables in order (`table` format);
//             views   formats only this report has (e.g. `dot` for a chain).
//           Each is produced lazily, only when its format is asked for; an absent one means the
//           report does not offer that format (the error names the formats it does offer).
//   Renderer = format name → bytes. text (`table`), csv, json, xlsx are registered in
//             engine/src/report/render_*.cpp.
#pragma once
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "chaingap/core/json_writer.hpp"

namespace chaingap {

// One cell: text, a number (printed with `decimals` in text and CSV, stored as a number in XLSX),
// or empty.
struct Cell {
    enum class Kind { empty, text, number } kind = Kind::empty;
    std::string text;
    double number = 0;
    int decimals = 6;

    static Cell none() { return {}; }
    static Cell str(std::string s) { return {Kind::text, std::move(s), 0, 0}; }
    static Cell num(double v, int decimals = 6) { return {Kind::number, {}, v, decimals}; }
    static Cell integer(long long v) { return {Kind::number, {}, static_cast<double>(v), 0}; }
    std::string formatted() const;  // as text and CSV print it
};

struct Column {
    std::string key;    // machine name: the CSV header
    std::string label;  // what a person reads: XLSX header and text tables (Chinese first)
    double width = 12;  // XLSX column width in characters
    bool right = false; // right-aligned in text tables (numbers)
    // Who reads the column: everyone, only machines (CSV: ids, codes, `;`-lists), or only people
    // (XLSX and text: Chinese labels, region names).
    enum class For { all, machines, people } audience = For::all;
};

struct Table {
    std::string name;  // XLSX sheet name
    std::vector<Column> columns;
    std::vector<std::vector<Cell>> rows;
    void add(std::vector<Cell> row);  // std::logic_error when the width differs from the columns
};

// A piece of the terminal view: text printed as is, or a table (labels as header, aligned by
// display width, UAX #11).
struct Block {
    std::string text;
    std::optional<Table> table;
    static Block line(std::string s) { return {std::move(s), std::nullopt}; }
    static Block of(Table t) { return {{}, std::move(t)}; }
};

struct Report {
    std::string title;     // workbook title
    int json_indent = 2;   // spaces per JSON level
    std::function<void(JsonWriter&)> json;
    std::function<std::vector<Table>()> tables;
    std::function<std::vector<Block>()> text;
    std::map<std::string, std::function<std::string()>> views;
};

struct RenderOptions {
    bool bom = false;  // csv: start with a UTF-8 byte-order mark (Excel reads Chinese correctly)
};

using Renderer = std::string (*)(const Report&, const RenderOptions&);
struct RendererInfo {
    const char* format;
    Renderer render;
    bool (*offered)(const Report&);  // whether the report has what this format needs
    bool binary;
};
// The registered formats (engine/src/report/render.cpp lists the renderer files).
const std::vector<RendererInfo>& renderers();

// The formats this report offers (registered renderers whose input it has, plus its own views),
// in a fixed order: table, json, csv, xlsx, then its views.
std::vector<std::string> formats_of(const Report& report);
bool is_binary_format(const std::string& format);
// Renders; UsageError "--format must be one of A|B|…, got 'X'" for a format the report lacks.
std::string render(const Report& report, const std::string& format, const RenderOptions& options = {});

// The JSON contract as text: pretty-printed with 2-space indents, a final newline.
std::string json_text(const Report& report);

}  // namespace chaingap
