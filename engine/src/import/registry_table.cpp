// Registry export reading: decoding and tolerant CSV. Method: chaingap/import/registry_table.hpp.
#include "chaingap/import/registry_table.hpp"

#include <errno.h>
#include <iconv.h>

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "chaingap/core/encoding.hpp"
#include "chaingap/core/error.hpp"
#include "chaingap/core/files.hpp"
#include "chaingap/import/xlsx_reader.hpp"

namespace chaingap {

namespace {

// GB18030 → UTF-8 with glibc iconv. Throws InputError at the first byte iconv refuses.
std::string gb18030_to_utf8(const std::string& in, const std::string& file) {
    iconv_t cd = iconv_open("UTF-8", "GB18030");
    if (cd == reinterpret_cast<iconv_t>(-1)) throw InputError(file, 0, "", "this system's iconv cannot decode GB18030");
    std::string out(in.size() * 2 + 16, '\0');
    char* src = const_cast<char*>(in.data());
    std::size_t src_left = in.size();
    char* dst = out.data();
    std::size_t dst_left = out.size();
    while (src_left > 0) {
        if (iconv(cd, &src, &src_left, &dst, &dst_left) == static_cast<std::size_t>(-1)) {
            if (errno == E2BIG) {
                const std::size_t used = static_cast<std::size_t>(dst - out.data());
                out.resize(out.size() * 2);
                dst = out.data() + used;
                dst_left = out.size() - used;
                continue;
            }
            const std::size_t at = static_cast<std::size_t>(src - in.data());
            iconv_close(cd);
            throw InputError(file, line_of_offset(in, at), "",
                             "byte " + std::to_string(at) + " is not valid GB18030 text");
        }
    }
    iconv_close(cd);
    out.resize(static_cast<std::size_t>(dst - out.data()));
    return out;
}

bool has_bom(const std::string& s) {
    return s.compare(0, 3, "\xEF\xBB\xBF") == 0;
}

}  // namespace

std::string decode_registry_text(const std::string& bytes, const std::string& encoding, const std::string& file,
                                 std::string& used) {
    std::string enc = encoding;
    std::transform(enc.begin(), enc.end(), enc.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (enc == "utf8") enc = "utf-8";
    if (enc == "gbk" || enc == "gb2312") enc = "gb18030";
    if (enc != "auto" && enc != "utf-8" && enc != "gb18030")
        throw UsageError("--encoding must be auto, utf-8 or gb18030, got '" + encoding + "'");
    if (bytes.find('\0') != std::string::npos)
        throw InputError(file, line_of_offset(bytes, bytes.find('\0')), "",
                         "holds NUL bytes (" +
                             (guess_encoding(bytes).empty() ? std::string("binary?") : guess_encoding(bytes)) +
                             "): save the export as CSV in UTF-8 or GBK, or as XLSX");
    if (enc == "utf-8" || (enc == "auto" && !first_invalid_utf8(bytes))) {
        if (auto bad = first_invalid_utf8(bytes))
            throw InputError(file, line_of_offset(bytes, *bad), "", "not valid UTF-8 (try --encoding gb18030)");
        used = has_bom(bytes) ? "UTF-8 (BOM)" : "UTF-8";
        return has_bom(bytes) ? bytes.substr(3) : bytes;
    }
    if (enc == "auto" && guess_encoding(bytes) != "GBK/GB18030") {
        const std::size_t bad = *first_invalid_utf8(bytes);
        throw InputError(file, line_of_offset(bytes, bad), "",
                         "neither UTF-8 nor GB18030/GBK text (" +
                             (guess_encoding(bytes).empty() ? std::string("unknown encoding") : guess_encoding(bytes)) +
                             ")");
    }
    used = "GB18030";
    return gb18030_to_utf8(bytes, file);
}

RegistryTable parse_registry_csv(const std::string& text, const std::string& file) {
    RegistryTable t;
    t.file = file;
    // Separator: the first line holding ',' or '\t' decides.
    char sep = ',';
    for (std::size_t i = 0, commas = 0, tabs = 0; i <= text.size(); ++i) {
        if (i == text.size() || text[i] == '\n') {
            if (commas || tabs) {
                sep = tabs > commas ? '\t' : ',';
                break;
            }
            continue;
        }
        commas += text[i] == ',';
        tabs += text[i] == '\t';
    }
    std::size_t line = 1, i = 0;
    while (i < text.size()) {
        const std::size_t start_line = line;
        std::vector<std::string> row;
        std::string cell;
        bool quoted = false, any = false;
        for (;;) {
            if (i >= text.size()) {
                if (quoted) throw InputError(file, start_line, "", "unterminated quoted cell");
                break;
            }
            const char c = text[i];
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.size() && text[i + 1] == '"') {
                        cell += '"';
                        i += 2;
                    } else {
                        quoted = false;
                        ++i;
                    }
                } else {
                    if (c == '\n') ++line;
                    cell += c;
                    ++i;
                }
                continue;
            }
            if (c == '"' && cell.empty()) {
                quoted = true;
                any = true;
                ++i;
            } else if (c == sep) {
                row.push_back(std::move(cell));
                cell.clear();
                any = true;
                ++i;
            } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
                ++i;
            } else if (c == '\n') {
                ++i;
                ++line;
                break;
            } else {
                cell += c;
                any = any || (c != ' ' && c != '\r');
                ++i;
            }
        }
        row.push_back(std::move(cell));
        if (!any) continue;  // blank line
        t.rows.push_back(std::move(row));
        t.row_number.push_back(start_line);
    }
    return t;
}

RegistryTable read_registry_table(const std::string& path, const std::string& encoding, const std::string& sheet) {
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (ext == ".xlsx" || ext == ".xlsm") return read_xlsx_sheet(path, sheet);
    if (ext == ".xls")
        throw InputError(path, 0, "", "the old Excel format (.xls) is not read: save the export as .xlsx or CSV");
    if (!sheet.empty()) throw UsageError("--sheet applies to .xlsx files; '" + path + "' is read as CSV");
    const std::string bytes = read_file(path);
    std::string used;
    RegistryTable t = parse_registry_csv(decode_registry_text(bytes, encoding, path, used), path);
    t.encoding = used;
    return t;
}

}  // namespace chaingap
