// Private helpers shared by the importers (import_eto.cpp, import_ashare.cpp): JSON-lines reading
// with positions for error messages, field accessors, slugs. Not part of the public API.
#pragma once
#include <rapidjson/document.h>

#include <cstddef>
#include <string>
#include <string_view>

#include "chaingap/core/files.hpp"

namespace chaingap::import_detail {

// One JSON object per line; blank lines are skipped. `visit(doc, line)` sees each object.
// Throws InputError(file, line, "", message) on a parse error or a non-object line.
template <class Visit>
void read_json_lines(const std::string& path, Visit&& visit);
[[noreturn]] void json_lines_fail(const std::string& path, std::size_t line, const std::string& field,
                                  const std::string& message);

// Field accessors that fail with file/line/field.
std::string json_string(const rapidjson::Value& v, const char* field, const std::string& path, std::size_t line,
                        bool required = true);
double json_number(const rapidjson::Value& v, const char* field, const std::string& path, std::size_t line);

// Lower-case ASCII identifier from free text: runs of non [a-z0-9] become one '_'.
std::string slug(const std::string& text);

template <class Visit>
void read_json_lines(const std::string& path, Visit&& visit) {
    const std::string text = chaingap::read_file(path);
    std::size_t pos = 0, line = 0;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string::npos) end = text.size();
        ++line;
        std::string_view row(text.data() + pos, end - pos);
        pos = end + 1;
        if (line == 1 && row.substr(0, 3) == "\xEF\xBB\xBF") row.remove_prefix(3);
        while (!row.empty() && (row.back() == '\r' || row.back() == ' ')) row.remove_suffix(1);
        if (row.empty()) continue;
        rapidjson::Document doc;
        doc.Parse(row.data(), row.size());
        if (doc.HasParseError()) json_lines_fail(path, line, "", "not valid JSON");
        if (!doc.IsObject()) json_lines_fail(path, line, "", "each line must be a JSON object");
        visit(static_cast<const rapidjson::Value&>(doc), line);
    }
}

}  // namespace chaingap::import_detail
