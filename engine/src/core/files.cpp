#include "chaingap/core/files.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

#include "chaingap/core/error.hpp"
#include "chaingap/core/memory.hpp"

namespace chaingap {

void write_output(const std::string& path, const std::string& content) {
    if (path.empty() || path == "-") {
        std::cout << content;
        std::cout.flush();
        return;
    }
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

std::string read_file(const std::string& path) {
    // One read into a buffer sized from fstat (on huge pages when large), instead of a stream copy
    // through an ostringstream and a second copy out of it. Falls back to reading until EOF when the
    // size is unknown (pipes, /proc files).
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw InputError(path, 0, "", "cannot open file");
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
            throw InputError(path, 0, "", "cannot read file");
        }
        if (k == 0) break;
        done += static_cast<std::size_t>(k);
    }
    ::close(fd);
    out.resize(done);
    return out;
}


}  // namespace chaingap
