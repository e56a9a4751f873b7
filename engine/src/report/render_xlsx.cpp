// `xlsx`: an Excel workbook (libxlsxwriter), one sheet per table of the report: Chinese column labels
// in a bold header row that stays frozen, column widths from the table, numbers stored as numbers
// (4 decimals shown unless whole). The creation date is fixed (2000-01-01T00:00:00Z) so the same
// inputs give the same workbook contents. Written to a private temporary file and read back; the
// caller writes the bytes atomically like every other format.
#include <unistd.h>
#include <xlsxwriter.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>

#include "chaingap/core/error.hpp"
#include "chaingap/core/files.hpp"
#include "renderers.hpp"

namespace chaingap::formats {
namespace {
// Excel sheet names: at most 31 characters (UTF-16 units; we count bytes, stricter), none of []:*?/\.
std::string sheet_name(const std::string& name, std::size_t index) {
    std::string out;
    for (char c : name)
        if (std::string_view("[]:*?/\\").find(c) == std::string_view::npos) out += c;
    if (out.empty()) out = "Sheet" + std::to_string(index + 1);
    while (out.size() > 31) {  // cut at a UTF-8 character boundary
        out.pop_back();
        while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
        if (!out.empty() && (static_cast<unsigned char>(out.back()) & 0x80)) out.pop_back();
    }
    return out;
}

std::string render(const Report& report, const RenderOptions&) {
    const std::vector<Table> tables = report.tables();
    namespace fs = std::filesystem;
    std::string tmpl = (fs::temp_directory_path() / "chaingap-XXXXXX.xlsx").string();
    const int fd = ::mkstemps(tmpl.data(), 5);
    if (fd < 0) throw InputError(tmpl, 0, "", "cannot create a temporary file for the workbook");
    ::close(fd);
    struct Remove {
        std::string path;
        ~Remove() {
            std::error_code ec;
            fs::remove(path, ec);
        }
    } cleanup{tmpl};
    lxw_workbook* wb = workbook_new(tmpl.c_str());
    if (!wb) throw InputError(tmpl, 0, "", "cannot create the workbook");
    lxw_doc_properties props{};
    props.title = const_cast<char*>(report.title.c_str());
    props.comments = const_cast<char*>("chaingap " CHAINGAP_VERSION);
    props.created = 946684800;
    workbook_set_properties(wb, &props);
    lxw_format* bold = workbook_add_format(wb);
    format_set_bold(bold);
    format_set_bg_color(bold, 0xDDEBF7);
    lxw_format* decimals = workbook_add_format(wb);
    format_set_num_format(decimals, "0.0000");
    for (std::size_t s = 0; s < tables.size(); ++s) {
        const Table& t = tables[s];
        lxw_worksheet* ws = workbook_add_worksheet(wb, sheet_name(t.name, s).c_str());
        std::vector<std::size_t> keep;
        for (std::size_t i = 0; i < t.columns.size(); ++i)
            if (t.columns[i].audience != Column::For::machines) keep.push_back(i);
        for (std::size_t c = 0; c < keep.size(); ++c) {
            const Column& col = t.columns[keep[c]];
            worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), (col.label.empty() ? col.key : col.label).c_str(),
                                   bold);
            worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), col.width, nullptr);
        }
        worksheet_freeze_panes(ws, 1, 0);
        for (std::size_t r = 0; r < t.rows.size(); ++r) {
            const auto row = static_cast<lxw_row_t>(r + 1);
            for (std::size_t c = 0; c < keep.size(); ++c) {
                const Cell& cell = t.rows[r][keep[c]];
                const auto col = static_cast<lxw_col_t>(c);
                if (cell.kind == Cell::Kind::number) {
                    const bool integral =
                        std::abs(cell.number - std::round(cell.number)) < 1e-12 && std::abs(cell.number) < 1e15;
                    worksheet_write_number(ws, row, col, cell.number, integral ? nullptr : decimals);
                } else if (cell.kind == Cell::Kind::text && !cell.text.empty()) {
                    worksheet_write_string(ws, row, col, cell.text.c_str(), nullptr);
                }
            }
        }
    }
    const lxw_error err = workbook_close(wb);
    if (err != LXW_NO_ERROR) throw InputError(tmpl, 0, "", std::string("cannot write the workbook: ") + lxw_strerror(err));
    return read_file(tmpl);
}
bool offered(const Report& report) { return static_cast<bool>(report.tables); }
}  // namespace
RendererInfo xlsx() { return {"xlsx", render, offered, true}; }
}  // namespace chaingap::formats
