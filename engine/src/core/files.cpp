#include "chaingap/core/files.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "chaingap/core/encoding.hpp"
#include "chaingap/core/error.hpp"
#include "chaingap/core/memory.hpp"

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
    // One read into a buffer sized from fstat (on huge pages when large), instead of a stream copy
    // through an ostringstream and a second copy out of it. Falls back to reading until EOF when the
    // size is unknown (pipes, /proc files).
    switch (path_kind(path)) {
        case PathKind::missing: throw InputError(path, 0, "", "file does not exist");
        case PathKind::folder: throw InputError(path, 0, "", "is a folder, not a file");
        default: break;
    }
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw InputError(path, 0, "", std::string("cannot open file: ") + std::strerror(errno));
    struct stat st {};
    std::string out;
    std::size_t expected = 0;
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) expected = static_cast<std::size_t>(st.st_size);
    if (S_ISDIR(st.st_mode)) {
        ::close(fd);
        throw InputError(path, 0, "", "cannot open file (it is a folder)");
    }
    out.reserve(expected + 1);
    advise_huge_pages(out.data(), expected);
    out.resize(expected);
    std::size_t done = 0;
    for (;;) {
        if (done == out.size()) {
            // Full as sized: grow only when there is more (a file that grew, or one of unknown size).
            char probe;
            ssize_t k = ::read(fd, &probe, 1);
            if (k < 0 && errno == EINTR) continue;
            if (k <= 0) break;
            out.resize(out.size() < 4096 ? 4096 : out.size() * 2);
            out[done++] = probe;
        }
        const ssize_t k = ::read(fd, out.data() + done, out.size() - done);
        if (k < 0 && errno == EINTR) continue;
        if (k < 0) {
            ::close(fd);
            throw InputError(path, 0, "", "read failed");
        }
        if (k == 0) break;
        done += static_cast<std::size_t>(k);
    }
    ::close(fd);
    out.resize(done);
    return out;
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
