// A small Excel workbook writer (libxlsxwriter) for the screening and benchmarking outputs: sheets of
// text / number cells, bold header row, frozen header, column widths, fixed creation date (the same
// inputs give the same content), written to a temporary file and renamed (no partial workbook).
// Same conventions as the target workbooks (target_writers.cpp); the report/ table model replaces both.
#pragma once
#include <string>
#include <vector>

namespace chaingap {

struct WorkbookCell {
    bool number = false;
    double value = 0;
    std::string text;
};
inline WorkbookCell xnum(double v) { return {true, v, {}}; }
inline WorkbookCell xstr(std::string s) { return {false, 0, std::move(s)}; }

struct WorkbookSheet {
    std::string name;
    std::vector<std::string> header;
    std::vector<double> widths;  // characters per column
    std::vector<std::vector<WorkbookCell>> rows;
};

// Throws UsageError for an empty / "-" path, InputError when the file cannot be written.
void write_xlsx_workbook(const std::string& path, const std::vector<WorkbookSheet>& sheets, const std::string& title);

}  // namespace chaingap
