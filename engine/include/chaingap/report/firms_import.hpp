// The import report of `chaingap import firms` (issue 10): per file its encoding, header row and row
// counts; placement level; status; attached / unattached firms; 经营范围 items; labels; firms and
// links by chain. Terminal text (Chinese first), JSON and tables.
#pragma once
#include <string>

#include "chaingap/import/firms.hpp"
#include "chaingap/report/report.hpp"

namespace chaingap {

Report firms_import_report(FirmsImportStats stats, std::string out, std::string reject_file);

}  // namespace chaingap
