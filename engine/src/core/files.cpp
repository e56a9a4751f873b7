#include "chaingap/core/files.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <unistd.h>

#include "chaingap/core/encoding.hpp"
#include "chaingap/core/error.hpp"

namespace chaingap {
namespace fs = std::filesystem;

void write_output(const std::string& path, const std::string& content) {
    if (path.empty() || path == "-") {
        // On a terminal, control characters from input names are shown as escapes, never obeyed.
        std::cout << (::isatty(STDOUT_FILENO) ? escape_for_terminal(content, true) : content);
        std::cout.flush();
        return;
    }
    if (path_kind(path) == PathKind::folder) throw InputError(path, 0, "", "is a folder; give a file name for the output");
    const std::string tmp = path + ".tmp." + std::to_string(::getpid());
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) throw InputError(path, 0, "", "cannot write output file");
        out << content;
        out.flush();
        if (!out) {
            std::error_code ec;
            std::filesystem::remove(tmp, ec);
            throw InputError(path, 0, "", "write failed");
        }
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        std::filesystem::remove(tmp, ec);
        throw InputError(path, 0, "", "cannot move the output into place");
    }
}

PathKind path_kind(const std::string& path) {
    std::error_code ec;
    const fs::file_status st = fs::status(path, ec);
    if (ec) {
        if (ec == std::errc::no_such_file_or_directory || ec == std::errc::not_a_directory) return PathKind::missing;
        if (ec == std::errc::too_many_symbolic_link_levels)
            throw InputError(path, 0, "", "symbolic-link loop (the link points back to itself)");
        throw InputError(path, 0, "", "cannot examine the path: " + ec.message());
    }
    switch (st.type()) {
        case fs::file_type::not_found: return PathKind::missing;
        case fs::file_type::regular: return PathKind::file;
        case fs::file_type::directory: return PathKind::folder;
        default: return PathKind::other;
    }
}

void require_folder(const std::string& path, const std::string& what) {
    switch (path_kind(path)) {
        case PathKind::folder: return;
        case PathKind::missing: throw InputError(path, 0, "", what + " does not exist");
        case PathKind::file: throw InputError(path, 0, "", "is a file, not a " + what);
        case PathKind::other: throw InputError(path, 0, "", "is not a " + what);
    }
}

std::string read_file(const std::string& path) {
    switch (path_kind(path)) {
        case PathKind::missing: throw InputError(path, 0, "", "file does not exist");
        case PathKind::folder: throw InputError(path, 0, "", "is a folder, not a file");
        default: break;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(path, 0, "", std::string("cannot open file: ") + std::strerror(errno));
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) throw InputError(path, 0, "", "read failed");
    return buffer.str();
}

void create_output_folder(const std::string& dir) {
    switch (path_kind(dir)) {
        case PathKind::folder: return;
        case PathKind::missing: break;
        default: throw InputError(dir, 0, "", "exists and is not a folder; the output needs a folder");
    }
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) throw InputError(dir, 0, "", "cannot create the output folder: " + ec.message());
}

void check_output_not_input(const std::string& output, const std::vector<std::string>& inputs) {
    if (output.empty() || output == "-") return;
    std::error_code ec;
    if (!fs::exists(output, ec)) return;  // a new file cannot be an input
    for (const auto& input : inputs) {
        if (input.empty() || !fs::exists(input, ec)) continue;
        if (fs::equivalent(output, input, ec) && !ec)
            throw InputError(output, 0, "", fs::is_directory(input, ec)
                                                ? "the output would replace the input folder " + input
                                                : "the output would overwrite an input file (" + input + "); choose another --out");
    }
}

}  // namespace chaingap
