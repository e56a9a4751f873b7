#include "common.hpp"

#include <unistd.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "chaingap/core/error.hpp"
#include "chaingap/import/dataset_writer.hpp"
#include "chaingap/core/files.hpp"

namespace chaingap {
namespace fs = std::filesystem;

void check_output_folder(const std::string& out, bool force) {
    if (out.empty()) throw UsageError("--out is required");
    std::error_code ec;
    if (!fs::exists(out, ec)) return;
    if (!fs::is_directory(out, ec)) throw UsageError("--out '" + out + "' exists and is not a folder");
    if (!force && !fs::is_empty(out, ec))
        throw UsageError("--out '" + out + "' exists and is not empty (use --force to replace it)");
}

Dataset write_dataset_folder(const std::string& out, const std::vector<ImportedFile>& files, bool force,
                             const LoadOptions& load) {
    check_output_folder(out, force);
    fs::path target = fs::absolute(fs::path(out)).lexically_normal();
    if (!target.has_filename()) target = target.parent_path();  // "dir/" -> "dir"
    const fs::path parent = target.parent_path();
    std::error_code ec;
    fs::create_directories(parent, ec);
    const std::string pid = std::to_string(::getpid());
    const fs::path staging = parent / ("." + target.filename().string() + ".staging." + pid);
    const fs::path old = parent / ("." + target.filename().string() + ".old." + pid);
    fs::remove_all(staging, ec);
    try {
        fs::create_directories(staging);
        for (const ImportedFile& f : files) {
            const fs::path p = staging / f.relative;
            fs::create_directories(p.parent_path());
            write_output(p.string(), f.content);
        }
        Dataset ds = load_dataset(staging.string(), load);
        if (fs::exists(target, ec)) fs::rename(target, old);
        fs::rename(staging, target);
        fs::remove_all(old, ec);
        ds.source = target.string();
        return ds;
    } catch (...) {
        fs::remove_all(staging, ec);
        if (!fs::exists(target, ec) && fs::exists(old, ec)) fs::rename(old, target, ec);
        throw;
    }
}

namespace import_detail {

void json_lines_fail(const std::string& path, std::size_t line, const std::string& field, const std::string& message) {
    throw InputError(path, line, field, message);
}

std::string json_string(const rapidjson::Value& v, const char* field, const std::string& path, std::size_t line,
                        bool required) {
    auto it = v.FindMember(field);
    if (it == v.MemberEnd() || it->value.IsNull()) {
        if (required) json_lines_fail(path, line, field, "missing");
        return "";
    }
    if (!it->value.IsString()) json_lines_fail(path, line, field, "must be a string");
    return {it->value.GetString(), it->value.GetStringLength()};
}

double json_number(const rapidjson::Value& v, const char* field, const std::string& path, std::size_t line) {
    auto it = v.FindMember(field);
    if (it == v.MemberEnd() || !it->value.IsNumber()) json_lines_fail(path, line, field, "must be a number");
    return it->value.GetDouble();
}

std::string slug(const std::string& text) {
    std::string s;
    for (unsigned char ch : text) {
        char c = static_cast<char>(std::tolower(ch));
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) s += c;
        else if (!s.empty() && s.back() != '_') s += '_';
    }
    while (!s.empty() && s.back() == '_') s.pop_back();
    return s;
}

}  // namespace import_detail
}  // namespace chaingap
