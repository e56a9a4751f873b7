// Excel workbook writer (see workbook.hpp).
#include "chaingap/report/workbook.hpp"

#include <unistd.h>
#include <xlsxwriter.h>

#include <cmath>
#include <filesystem>

#include "chaingap/core/error.hpp"

namespace chaingap {

void write_xlsx_workbook(const std::string& path, const std::vector<WorkbookSheet>& sheets, const std::string& title) {
    if (path.empty() || path == "-") throw UsageError("--format xlsx writes a binary workbook: give --out FILE.xlsx");
    const std::string tmp = path + ".tmp." + std::to_string(::getpid()) + ".xlsx";
    lxw_workbook* wb = workbook_new(tmp.c_str());
    if (!wb) throw InputError(path, 0, "", "cannot create the workbook");
    lxw_doc_properties props{};
    props.title = const_cast<char*>(title.c_str());
    props.comments = const_cast<char*>("chaingap " CHAINGAP_VERSION);
    props.created = 946684800;  // 2000-01-01T00:00:00Z: reproducible content
    workbook_set_properties(wb, &props);
    lxw_format* bold = workbook_add_format(wb);
    format_set_bold(bold);
    format_set_bg_color(bold, 0xDDEBF7);
    lxw_format* decimals = workbook_add_format(wb);
    format_set_num_format(decimals, "0.0000");
    for (const WorkbookSheet& s : sheets) {
        lxw_worksheet* ws = workbook_add_worksheet(wb, s.name.c_str());
        for (std::size_t c = 0; c < s.header.size(); ++c) {
            worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), s.header[c].c_str(), bold);
            const double w = c < s.widths.size() ? s.widths[c] : 12.0;
            worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), w, nullptr);
        }
        worksheet_freeze_panes(ws, 1, 0);
        for (std::size_t r = 0; r < s.rows.size(); ++r) {
            const auto row = static_cast<lxw_row_t>(r + 1);
            for (std::size_t c = 0; c < s.rows[r].size(); ++c) {
                const WorkbookCell& cell = s.rows[r][c];
                const auto col = static_cast<lxw_col_t>(c);
                if (cell.number) {
                    const bool integral = std::abs(cell.value - std::round(cell.value)) < 1e-12 && std::abs(cell.value) < 1e15;
                    worksheet_write_number(ws, row, col, cell.value, integral ? nullptr : decimals);
                } else if (!cell.text.empty()) {
                    worksheet_write_string(ws, row, col, cell.text.c_str(), nullptr);
                }
            }
        }
    }
    const lxw_error err = workbook_close(wb);
    std::error_code ec;
    if (err != LXW_NO_ERROR) {
        std::filesystem::remove(tmp, ec);
        throw InputError(path, 0, "", std::string("cannot write the workbook: ") + lxw_strerror(err));
    }
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        std::filesystem::remove(tmp, ec);
        throw InputError(path, 0, "", "cannot move the workbook into place");
    }
}

}  // namespace chaingap
