// Binary dataset snapshot: writer and reader (see snapshot.hpp; layout in docs/formats.md).
#include "chaingap/load/snapshot.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <functional>
#include <string_view>
#include <vector>

#include "chaingap/core/error.hpp"
#include "chaingap/core/memory.hpp"

namespace chaingap {
namespace {
static_assert(sizeof(double) == 8 && sizeof(std::int32_t) == 4, "snapshot columns assume IEEE doubles");

constexpr char kMagic[8] = {'C', 'G', 'S', 'N', 'A', 'P', '\r', '\n'};
constexpr std::uint32_t kByteOrderMark = 0x01020304;
constexpr std::size_t kHeaderBytes = 64;
constexpr std::size_t kNameBytes = 32;
constexpr std::size_t kEntryBytes = kNameBytes + 40;
constexpr std::size_t kAlign = 64;
constexpr std::uint64_t kFlagIdsSorted = 1;

// ------------------------------------------------------------------------------------------------
// XXH64 (Yann Collet, xxHash specification, https://github.com/Cyan4973/xxHash/blob/dev/doc/xxhash_spec.md),
// seed 0, streaming over updates whose sizes are multiples of 32 bytes except the last.
constexpr std::uint64_t P1 = 11400714785074694791ULL, P2 = 14029467366897019727ULL, P3 = 1609587929392839161ULL,
                        P4 = 9650029242287828579ULL, P5 = 2870177450012600261ULL;
inline std::uint64_t rotl(std::uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }
inline std::uint64_t round64(std::uint64_t acc, std::uint64_t in) { return rotl(acc + in * P2, 31) * P1; }
inline std::uint64_t merge64(std::uint64_t acc, std::uint64_t v) { return (acc ^ round64(0, v)) * P1 + P4; }
inline std::uint64_t load64(const unsigned char* p) {
    std::uint64_t v;
    std::memcpy(&v, p, 8);
    return v;
}
inline std::uint32_t load32(const unsigned char* p) {
    std::uint32_t v;
    std::memcpy(&v, p, 4);
    return v;
}

class Xxh64 {
public:
    void update(const void* data, std::size_t n) {
        const auto* p = static_cast<const unsigned char*>(data);
        if (!tail_.empty()) throw std::logic_error("Xxh64: update after a partial stripe");
        total_ += n;
        const unsigned char* end = p + n - n % 32;
        for (; p < end; p += 32) {
            v_[0] = round64(v_[0], load64(p));
            v_[1] = round64(v_[1], load64(p + 8));
            v_[2] = round64(v_[2], load64(p + 16));
            v_[3] = round64(v_[3], load64(p + 24));
        }
        tail_.assign(p, p + n % 32);
    }
    std::uint64_t digest() const {
        std::uint64_t h;
        if (total_ >= 32) {
            h = rotl(v_[0], 1) + rotl(v_[1], 7) + rotl(v_[2], 12) + rotl(v_[3], 18);
            for (std::uint64_t v : v_) h = merge64(h, v);
        } else {
            h = P5;
        }
        h += total_;
        const unsigned char* p = tail_.data();
        std::size_t n = tail_.size();
        for (; n >= 8; p += 8, n -= 8) h = rotl(h ^ round64(0, load64(p)), 27) * P1 + P4;
        if (n >= 4) {
            h = rotl(h ^ (static_cast<std::uint64_t>(load32(p)) * P1), 23) * P2 + P3;
            p += 4;
            n -= 4;
        }
        for (; n > 0; ++p, --n) h = rotl(h ^ (*p * P5), 11) * P1;
        h ^= h >> 33;
        h *= P2;
        h ^= h >> 29;
        h *= P3;
        h ^= h >> 32;
        return h;
    }

private:
    std::uint64_t v_[4] = {P1 + P2, P2, 0, 0 - P1};
    std::uint64_t total_ = 0;
    std::vector<unsigned char> tail_;
};

// ------------------------------------------------------------------------------------------------
// Meta section: little-endian scalars and length-prefixed strings.
class MetaWriter {
public:
    template <class T>
    void put(T v) {
        static_assert(std::is_trivially_copyable_v<T>);
        out_.append(reinterpret_cast<const char*>(&v), sizeof v);
    }
    void str(const std::string& s) {
        put<std::uint32_t>(static_cast<std::uint32_t>(s.size()));
        out_ += s;
    }
    void strs(const std::vector<std::string>& v) {
        put<std::uint32_t>(static_cast<std::uint32_t>(v.size()));
        for (const auto& s : v) str(s);
    }
    std::string& bytes() { return out_; }

private:
    std::string out_;
};

class MetaReader {
public:
    MetaReader(std::string_view data, const std::string& path) : d_(data), path_(path) {}
    template <class T>
    T get() {
        need(sizeof(T));
        T v;
        std::memcpy(&v, d_.data() + pos_, sizeof v);
        pos_ += sizeof v;
        return v;
    }
    std::string str() {
        const auto n = get<std::uint32_t>();
        need(n);
        std::string s(d_.substr(pos_, n));
        pos_ += n;
        return s;
    }
    std::vector<std::string> strs() {
        const auto n = get<std::uint32_t>();
        std::vector<std::string> v;
        v.reserve(std::min<std::size_t>(n, d_.size()));
        for (std::uint32_t i = 0; i < n; ++i) v.push_back(str());
        return v;
    }
    bool done() const { return pos_ == d_.size(); }

private:
    void need(std::size_t n) const {
        if (n > d_.size() - pos_) throw InputError(path_, 0, "meta", "damaged snapshot: the meta section ends early");
    }
    std::string_view d_;
    std::size_t pos_ = 0;
    const std::string& path_;
};

std::string encode_meta(const Dataset& ds) {
    MetaWriter w;
    w.str(ds.source);
    w.put<std::uint8_t>(static_cast<std::uint8_t>(ds.coverage));
    w.str(ds.description);
    w.put<std::uint32_t>(static_cast<std::uint32_t>(ds.chains.size()));
    for (const Chain& c : ds.chains) {
        for (const std::string* s : {&c.id, &c.name, &c.name_en, &c.source, &c.file, &c.extra_json}) w.str(*s);
        w.put<std::int32_t>(c.first_node);
        w.put<std::int32_t>(c.end_node);
        w.put<std::uint32_t>(static_cast<std::uint32_t>(c.edges.size()));
        for (const ChainEdge& e : c.edges) {
            w.put<std::int32_t>(e.from);
            w.put<std::int32_t>(e.to);
            w.put<double>(e.weight);
            w.str(e.source);
        }
    }
    w.put<std::uint32_t>(static_cast<std::uint32_t>(ds.nodes.size()));
    for (const ChainNode& n : ds.nodes) {
        for (const std::string* s : {&n.id, &n.name, &n.name_en, &n.stage, &n.source}) w.str(*s);
        w.strs(n.keywords);
        w.str(n.extra_json);
        w.str(n.same_as_key);
        w.put<std::int32_t>(n.chain);
        w.put<std::int32_t>(n.parent);
        w.put<std::int32_t>(n.same_as);
        w.put<double>(n.weight);
        w.put<std::uint8_t>(n.weight_given);
        w.put<std::uint8_t>(n.priority);
        w.put<std::int32_t>(n.depth);
    }
    w.put<std::uint32_t>(static_cast<std::uint32_t>(ds.clusters.size()));
    for (const Cluster& c : ds.clusters) {
        for (const std::string* s : {&c.id, &c.name, &c.kind, &c.source, &c.file}) w.str(*s);
        w.strs(c.chains);
        w.strs(c.nodes);
    }
    w.put<std::uint32_t>(static_cast<std::uint32_t>(ds.regions.size()));
    for (RegionId r = 0; r < static_cast<RegionId>(ds.regions.size()); ++r) {
        w.str(ds.regions.id(r));
        w.str(ds.regions.name(r));
        w.put<std::int32_t>(ds.regions.parent(r));
        w.put<double>(ds.regions.weight(r));
    }
    w.put<std::uint64_t>(ds.enterprises.size());
    w.put<std::uint64_t>(ds.attachments.size());
    w.put<std::uint64_t>(ds.relations.size());
    return std::move(w.bytes());
}

struct Counts {
    std::uint64_t enterprises = 0, attachments = 0, relations = 0;
};

Counts decode_meta(std::string_view bytes, const std::string& path, Dataset& ds) {
    MetaReader r(bytes, path);
    ds.source = r.str();
    const auto coverage = r.get<std::uint8_t>();
    if (coverage >= kCoverageNames.size()) throw InputError(path, 0, "meta", "damaged snapshot: unknown coverage code");
    ds.coverage = static_cast<Coverage>(coverage);
    ds.description = r.str();
    ds.chains.resize(r.get<std::uint32_t>());
    for (Chain& c : ds.chains) {
        for (std::string* s : {&c.id, &c.name, &c.name_en, &c.source, &c.file, &c.extra_json}) *s = r.str();
        c.first_node = r.get<std::int32_t>();
        c.end_node = r.get<std::int32_t>();
        c.edges.resize(r.get<std::uint32_t>());
        for (ChainEdge& e : c.edges) {
            e.from = r.get<std::int32_t>();
            e.to = r.get<std::int32_t>();
            e.weight = r.get<double>();
            e.source = r.str();
        }
    }
    ds.nodes.resize(r.get<std::uint32_t>());
    for (ChainNode& n : ds.nodes) {
        for (std::string* s : {&n.id, &n.name, &n.name_en, &n.stage, &n.source}) *s = r.str();
        n.keywords = r.strs();
        n.extra_json = r.str();
        n.same_as_key = r.str();
        n.chain = r.get<std::int32_t>();
        n.parent = r.get<std::int32_t>();
        n.same_as = r.get<std::int32_t>();
        n.weight = r.get<double>();
        n.weight_given = r.get<std::uint8_t>() != 0;
        n.priority = r.get<std::uint8_t>() != 0;
        n.depth = r.get<std::int32_t>();
    }
    ds.clusters.resize(r.get<std::uint32_t>());
    for (Cluster& c : ds.clusters) {
        for (std::string* s : {&c.id, &c.name, &c.kind, &c.source, &c.file}) *s = r.str();
        c.chains = r.strs();
        c.nodes = r.strs();
    }
    const auto n_regions = r.get<std::uint32_t>();
    std::vector<RegionId> parents(n_regions);
    for (std::uint32_t i = 0; i < n_regions; ++i) {
        std::string id = r.str(), name = r.str();
        parents[i] = r.get<std::int32_t>();
        const double w = r.get<double>();
        if (ds.regions.add(id, name, kNone, w) != static_cast<RegionId>(i))
            throw InputError(path, 0, "meta", "damaged snapshot: region '" + id + "' is listed twice");
    }
    Counts counts;
    counts.enterprises = r.get<std::uint64_t>();
    counts.attachments = r.get<std::uint64_t>();
    counts.relations = r.get<std::uint64_t>();
    if (!r.done()) throw InputError(path, 0, "meta", "damaged snapshot: unexpected bytes after the meta section");
    // Structural checks on the small tables (the big columns are covered by their checksums and
    // the counts above).
    const auto n_nodes = static_cast<std::int32_t>(ds.nodes.size());
    auto node_ok = [&](std::int32_t n, bool none_ok) { return (none_ok && n == kNone) || (n >= 0 && n < n_nodes); };
    for (const Chain& c : ds.chains) {
        if (c.first_node < 0 || c.end_node < c.first_node || c.end_node > n_nodes)
            throw InputError(path, 0, "meta", "damaged snapshot: chain '" + c.id + "' has a node range outside the node table");
        for (const ChainEdge& e : c.edges)
            if (!node_ok(e.from, false) || !node_ok(e.to, false))
                throw InputError(path, 0, "meta", "damaged snapshot: an edge of chain '" + c.id + "' points outside the node table");
    }
    for (const ChainNode& n : ds.nodes)
        if (n.chain < 0 || n.chain >= static_cast<std::int32_t>(ds.chains.size()) || !node_ok(n.parent, true) ||
            !node_ok(n.same_as, true))
            throw InputError(path, 0, "meta", "damaged snapshot: node '" + n.id + "' refers outside the chain or node tables");
    for (std::uint32_t i = 0; i < n_regions; ++i) {
        if (parents[i] != kNone && (parents[i] < 0 || parents[i] >= static_cast<RegionId>(n_regions)))
            throw InputError(path, 0, "meta", "damaged snapshot: region parent outside the region table");
        ds.regions.set_parent(static_cast<RegionId>(i), parents[i]);
    }
    return counts;
}

// ------------------------------------------------------------------------------------------------
struct Section {
    std::string name;
    std::uint32_t element_size = 1;
    std::uint64_t count = 0;
    const void* data = nullptr;
    std::uint64_t offset = 0, bytes = 0, checksum = 0;
};

template <class T>
Section column(const char* name, const std::vector<T>& v) {
    return {name, sizeof(T), v.size(), v.data(), 0, v.size() * sizeof(T), 0};
}

// Strings as a side table: n + 1 byte offsets and the concatenated bytes.
struct StringTable {
    std::vector<std::uint64_t> offsets;
    std::string bytes;
    explicit StringTable(const std::vector<std::string>& v) {
        offsets.reserve(v.size() + 1);
        std::size_t total = 0;
        for (const auto& s : v) total += s.size();
        bytes.reserve(total);
        offsets.push_back(0);
        for (const auto& s : v) {
            bytes += s;
            offsets.push_back(bytes.size());
        }
    }
};

std::vector<std::string> pool_strings(const StringPool& pool) {
    std::vector<std::string> v;
    v.reserve(pool.size());
    for (std::uint32_t i = 0; i < pool.size(); ++i) v.emplace_back(pool.at(i));
    return v;
}

// Interns `strings` into an empty pool in order, so index i is strings[i] as when written.
void restore_pool(const std::vector<std::string>& strings, StringPool& pool, const std::string& path,
                  const std::string& section) {
    if (strings.empty() || !strings[0].empty())
        throw InputError(path, 0, section, "damaged snapshot: a string pool must start with the empty string");
    for (std::size_t i = 0; i < strings.size(); ++i)
        if (pool.intern(strings[i]) != i)
            throw InputError(path, 0, section, "damaged snapshot: a string pool lists a string twice");
}

void put_u32(unsigned char* p, std::uint32_t v) { std::memcpy(p, &v, 4); }
void put_u64(unsigned char* p, std::uint64_t v) { std::memcpy(p, &v, 8); }

class Fd {
public:
    explicit Fd(int fd) : fd_(fd) {}
    ~Fd() {
        if (fd_ >= 0) ::close(fd_);
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    int get() const { return fd_; }

private:
    int fd_;
};

void write_all(int fd, const void* data, std::size_t n, const std::string& path) {
    const auto* p = static_cast<const char*>(data);
    while (n > 0) {
        const ssize_t k = ::write(fd, p, std::min<std::size_t>(n, std::size_t{1} << 30));
        if (k < 0) {
            if (errno == EINTR) continue;
            throw InputError(path, 0, "", std::string("write failed: ") + std::strerror(errno));
        }
        p += k;
        n -= static_cast<std::size_t>(k);
    }
}

void read_all(int fd, void* data, std::size_t n, std::uint64_t offset, const std::string& path, const std::string& what) {
    auto* p = static_cast<char*>(data);
    while (n > 0) {
        const ssize_t k = ::pread(fd, p, std::min<std::size_t>(n, std::size_t{1} << 30), static_cast<off_t>(offset));
        if (k < 0 && errno == EINTR) continue;
        if (k <= 0) throw InputError(path, 0, what, "damaged snapshot: cannot read the section (the file is truncated?)");
        p += k;
        n -= static_cast<std::size_t>(k);
        offset += static_cast<std::uint64_t>(k);
    }
}

struct Entry {
    std::string name;
    std::uint32_t element_size = 0;
    std::uint64_t count = 0, offset = 0, bytes = 0, checksum = 0;
};

class Reader {
public:
    Reader(const std::string& path) : path_(path), fd_(::open(path.c_str(), O_RDONLY | O_CLOEXEC)) {
        if (fd_.get() < 0) throw InputError(path, 0, "", std::string("cannot open snapshot: ") + std::strerror(errno));
        struct stat st {};
        if (::fstat(fd_.get(), &st) != 0) throw InputError(path, 0, "", "cannot stat snapshot");
        size_ = static_cast<std::uint64_t>(st.st_size);
        unsigned char h[kHeaderBytes] = {};
        if (size_ < kHeaderBytes || std::memcmp(read_prefix(h), kMagic, 8) != 0)
            throw InputError(path, 0, "", "not a chaingap snapshot (the file does not start with the snapshot magic)");
        std::uint32_t version, bom, n_sections, header_bytes;
        std::uint64_t file_size, table_sum, header_sum;
        std::memcpy(&version, h + 8, 4);
        std::memcpy(&bom, h + 12, 4);
        std::memcpy(&file_size, h + 16, 8);
        std::memcpy(&n_sections, h + 24, 4);
        std::memcpy(&header_bytes, h + 28, 4);
        std::memcpy(&table_sum, h + 32, 8);
        std::memcpy(&flags_, h + 40, 8);
        std::memcpy(&header_sum, h + 56, 8);
        if (bom != kByteOrderMark)
            throw InputError(path, 0, "", "snapshot written with another byte order (this build reads little-endian snapshots only)");
        if (version != kSnapshotVersion)
            throw InputError(path, 0, "",
                             "snapshot format version " + std::to_string(version) + ", this build reads version " +
                                 std::to_string(kSnapshotVersion) + " only: write it again with `chaingap snapshot`");
        Xxh64 hh;
        hh.update(h, 56);
        if (hh.digest() != header_sum) throw InputError(path, 0, "", "damaged snapshot: header checksum mismatch");
        if (header_bytes != kHeaderBytes) throw InputError(path, 0, "", "damaged snapshot: unexpected header size");
        if (file_size != size_)
            throw InputError(path, 0, "", "damaged snapshot: " + std::to_string(size_) + " bytes, the header says " +
                                              std::to_string(file_size) + " (truncated or extended)");
        if (n_sections > 4096 || kHeaderBytes + std::uint64_t{n_sections} * kEntryBytes > size_)
            throw InputError(path, 0, "", "damaged snapshot: bad section count");
        std::vector<unsigned char> table(n_sections * kEntryBytes);
        read_all(fd_.get(), table.data(), table.size(), kHeaderBytes, path, "section table");
        Xxh64 th;
        th.update(table.data(), table.size());
        if (th.digest() != table_sum) throw InputError(path, 0, "", "damaged snapshot: section table checksum mismatch");
        for (std::uint32_t i = 0; i < n_sections; ++i) {
            const unsigned char* p = table.data() + i * kEntryBytes;
            Entry e;
            e.name.assign(reinterpret_cast<const char*>(p), strnlen(reinterpret_cast<const char*>(p), kNameBytes));
            std::memcpy(&e.element_size, p + kNameBytes, 4);
            std::memcpy(&e.count, p + kNameBytes + 8, 8);
            std::memcpy(&e.offset, p + kNameBytes + 16, 8);
            std::memcpy(&e.bytes, p + kNameBytes + 24, 8);
            std::memcpy(&e.checksum, p + kNameBytes + 32, 8);
            if (e.offset > size_ || e.bytes > size_ - e.offset || e.element_size == 0 ||
                e.count > e.bytes / e.element_size || e.count * e.element_size != e.bytes)
                throw InputError(path, 0, e.name, "damaged snapshot: section lies outside the file");
            entries_.push_back(std::move(e));
        }
    }

    bool ids_sorted() const { return (flags_ & kFlagIdsSorted) != 0; }
    std::uint64_t count(const std::string& name) const {
        const Entry& e = entry(name, 8, kAny);
        if (e.count == 0) throw InputError(path_, 0, name, "damaged snapshot: string offsets are empty");
        return e.count;
    }

    const Entry& entry(const std::string& name, std::uint32_t element_size, std::uint64_t count) const {
        auto it = std::find_if(entries_.begin(), entries_.end(), [&](const Entry& e) { return e.name == name; });
        if (it == entries_.end()) throw InputError(path_, 0, name, "damaged snapshot: section is missing");
        if (it->element_size != element_size) throw InputError(path_, 0, name, "damaged snapshot: unexpected element size");
        if (count != kAny && it->count != count)
            throw InputError(path_, 0, name,
                             "damaged snapshot: " + std::to_string(it->count) + " elements, expected " + std::to_string(count));
        return *it;
    }

    // Reads a section into `out` in 4 MiB chunks, hashing each chunk while it is still in cache.
    void read_into(const Entry& e, void* out) const {
        Xxh64 h;
        constexpr std::size_t kChunk = std::size_t{4} << 20;
        auto* dst = static_cast<unsigned char*>(out);
        for (std::uint64_t done = 0; done < e.bytes;) {
            const std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(kChunk, e.bytes - done));
            read_all(fd_.get(), dst + done, n, e.offset + done, path_, e.name);
            h.update(dst + done, n);
            done += n;
        }
        if (h.digest() != e.checksum)
            throw InputError(path_, 0, e.name, "damaged snapshot: section checksum mismatch");
    }

    // A column read through one 1 MiB buffer (pread: no mapping, so no page faults on the file side;
    // each chunk is hashed while it is in cache), appended to the destination reserved on huge pages
    // (no zero fill first).
    template <class T>
    void column(const std::string& name, std::vector<T>& out, std::uint64_t count = kAny) const {
        const Entry& e = entry(name, sizeof(T), count);
        out.clear();
        reserve_huge(out, static_cast<std::size_t>(e.count));
        constexpr std::size_t kChunk = (std::size_t{1} << 20) / sizeof(T) / 32 * 32;  // elements; bytes a multiple of 32
        std::vector<T> buf(std::min<std::size_t>(kChunk, static_cast<std::size_t>(e.count)));
        Xxh64 h;
        for (std::size_t done = 0; done < e.count;) {
            const std::size_t n = std::min<std::size_t>(kChunk, static_cast<std::size_t>(e.count) - done);
            read_all(fd_.get(), buf.data(), n * sizeof(T), e.offset + done * sizeof(T), path_, e.name);
            h.update(buf.data(), n * sizeof(T));
            out.insert(out.end(), buf.begin(), buf.begin() + static_cast<std::ptrdiff_t>(n));
            done += n;
        }
        if (h.digest() != e.checksum) throw InputError(path_, 0, e.name, "damaged snapshot: section checksum mismatch");
    }

    std::string bytes(const std::string& name) const {
        const Entry& e = entry(name, 1, kAny);
        std::string s(static_cast<std::size_t>(e.bytes), '\0');
        read_into(e, s.data());
        return s;
    }

    // A string side table (offsets + bytes): the bytes are read in 1 MiB chunks (hashed as read) and
    // each string is made as soon as its bytes are in; the buffer keeps only the string in progress.
    // Strings made from a damaged section are dropped with the error raised at its end.
    void strings(const std::string& name, std::vector<std::string>& out, std::uint64_t count) const {
        std::vector<std::uint64_t> offsets;
        column(name + ".offsets", offsets, count + 1);
        const Entry& e = entry(name + ".bytes", 1, kAny);
        if (offsets.front() != 0 || offsets.back() != e.bytes)
            throw InputError(path_, 0, name, "damaged snapshot: string offsets do not match the string bytes");
        out.clear();
        reserve_huge(out, static_cast<std::size_t>(count));
        constexpr std::size_t kChunk = std::size_t{1} << 20;
        std::string buf;
        std::uint64_t base = 0, have = 0;  // section offsets of buf[0] and of the end of what was read
        Xxh64 h;
        for (std::size_t i = 0; i < count;) {
            if (offsets[i + 1] < offsets[i]) throw InputError(path_, 0, name, "damaged snapshot: string offsets decrease");
            if (offsets[i + 1] > have) {
                buf.erase(0, static_cast<std::size_t>(offsets[i] - base));
                base = offsets[i];
                const std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(kChunk, e.bytes - have));
                const std::size_t old = buf.size();
                buf.resize(old + n);
                read_all(fd_.get(), buf.data() + old, n, e.offset + have, path_, e.name);
                h.update(buf.data() + old, n);
                have += n;
                continue;
            }
            out.emplace_back(buf.data() + (offsets[i] - base), static_cast<std::size_t>(offsets[i + 1] - offsets[i]));
            ++i;
        }
        if (have != e.bytes || h.digest() != e.checksum) {
            out.clear();
            throw InputError(path_, 0, e.name, "damaged snapshot: section checksum mismatch");
        }
    }

    void csr(const std::string& name, Csr& out, std::uint64_t rows, std::uint64_t values_bound) const {
        column(name + ".offsets", out.offsets, rows + 1);
        column(name + ".values", out.values);
        if (out.offsets.front() != 0 || static_cast<std::uint64_t>(out.offsets.back()) != out.values.size())
            throw InputError(path_, 0, name, "damaged snapshot: index offsets do not match its values");
        (void)values_bound;
    }

    static constexpr std::uint64_t kAny = ~std::uint64_t{0};

private:
    const unsigned char* read_prefix(unsigned char* h) const {
        read_all(fd_.get(), h, kHeaderBytes, 0, path_, "header");
        return h;
    }
    std::string path_;
    Fd fd_;
    std::uint64_t size_ = 0, flags_ = 0;
    std::vector<Entry> entries_;
};
}  // namespace

std::uint64_t snapshot_checksum(const void* data, std::size_t bytes) {
    Xxh64 h;
    h.update(data, bytes);
    return h.digest();
}

std::uint64_t write_snapshot(const Dataset& ds, const std::string& path) {
    const std::string meta = encode_meta(ds);
    const StringTable ids(ds.enterprises.id), names(ds.enterprises.name);
    const auto& E = ds.enterprises;
    const auto& A = ds.attachments;
    const auto& R = ds.relations;
    const StringTable region_sources(pool_strings(E.region_sources)), texts(pool_strings(A.texts));
    std::vector<std::uint32_t> record_evidence, record_rule;
    std::vector<std::uint8_t> record_basis;
    for (const AttachmentEvidence& rec : A.records) {
        record_evidence.push_back(rec.evidence);
        record_rule.push_back(rec.rule);
        record_basis.push_back(static_cast<std::uint8_t>(rec.basis));
    }
    static_assert(sizeof(EnterpriseStatus) == 1 && sizeof(AttachmentBasis) == 1);
    std::vector<Section> sections = {
        {"meta", 1, meta.size(), meta.data(), 0, meta.size(), 0},
        column("enterprises.id.offsets", ids.offsets),
        {"enterprises.id.bytes", 1, ids.bytes.size(), ids.bytes.data(), 0, ids.bytes.size(), 0},
        column("enterprises.name.offsets", names.offsets),
        {"enterprises.name.bytes", 1, names.bytes.size(), names.bytes.data(), 0, names.bytes.size(), 0},
        column("enterprises.region", E.region),
        column("enterprises.revenue", E.revenue),
        column("enterprises.employees", E.employees),
        column("enterprises.founded", E.founded),
        column("enterprises.labels", E.labels),
        column("enterprises.aggregate", E.aggregate),
        {"enterprises.status", 1, E.status.size(), E.status.data(), 0, E.status.size(), 0},
        column("enterprises.until", E.until),
        column("enterprises.region_source", E.region_source),
        column("region_sources.offsets", region_sources.offsets),
        {"region_sources.bytes", 1, region_sources.bytes.size(), region_sources.bytes.data(), 0,
         region_sources.bytes.size(), 0},
        column("attachments.enterprise", A.enterprise),
        column("attachments.node", A.node),
        column("attachments.weight", A.weight),
        column("attachments.evidence_of", A.evidence_of),
        column("evidence.evidence", record_evidence),
        column("evidence.rule", record_rule),
        column("evidence.basis", record_basis),
        column("evidence_texts.offsets", texts.offsets),
        {"evidence_texts.bytes", 1, texts.bytes.size(), texts.bytes.data(), 0, texts.bytes.size(), 0},
        column("relations.from", R.from),
        column("relations.to", R.to),
        {"relations.type", 1, R.type.size(), R.type.data(), 0, R.type.size(), 0},
        column("relations.weight", R.weight),
        column("enterprise_attachments.offsets", ds.enterprise_attachments.offsets),
        column("enterprise_attachments.values", ds.enterprise_attachments.values),
        column("enterprise_relations.offsets", ds.enterprise_relations.offsets),
        column("enterprise_relations.values", ds.enterprise_relations.values),
        column("node_attachments.offsets", ds.node_attachments.offsets),
        column("node_attachments.values", ds.node_attachments.values),
    };
    static_assert(sizeof(RelationType) == 1);
    if (ds.enterprise_attachments.rows() != E.size() || ds.node_attachments.rows() != ds.nodes.size() ||
        ds.enterprise_relations.rows() != E.size())
        throw UsageError("write_snapshot: the dataset is not finalized");

    std::uint64_t offset = kHeaderBytes + sections.size() * kEntryBytes;
    for (Section& s : sections) {
        offset = (offset + kAlign - 1) / kAlign * kAlign;
        s.offset = offset;
        s.checksum = snapshot_checksum(s.data, s.bytes);
        offset += s.bytes;
    }
    const std::uint64_t file_size = offset;

    std::vector<unsigned char> table(sections.size() * kEntryBytes, 0);
    for (std::size_t i = 0; i < sections.size(); ++i) {
        unsigned char* p = table.data() + i * kEntryBytes;
        std::memcpy(p, sections[i].name.data(), std::min(sections[i].name.size(), kNameBytes - 1));
        put_u32(p + kNameBytes, sections[i].element_size);
        put_u64(p + kNameBytes + 8, sections[i].count);
        put_u64(p + kNameBytes + 16, sections[i].offset);
        put_u64(p + kNameBytes + 24, sections[i].bytes);
        put_u64(p + kNameBytes + 32, sections[i].checksum);
    }
    unsigned char header[kHeaderBytes] = {};
    std::memcpy(header, kMagic, 8);
    put_u32(header + 8, kSnapshotVersion);
    put_u32(header + 12, kByteOrderMark);
    put_u64(header + 16, file_size);
    put_u32(header + 24, static_cast<std::uint32_t>(sections.size()));
    put_u32(header + 28, kHeaderBytes);
    put_u64(header + 32, snapshot_checksum(table.data(), table.size()));
    put_u64(header + 40, ds.enterprise_ids_sorted() ? kFlagIdsSorted : 0);
    put_u64(header + 56, snapshot_checksum(header, 56));

    const std::string tmp = path + ".tmp." + std::to_string(::getpid());
    try {
        Fd fd(::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
        if (fd.get() < 0) throw InputError(path, 0, "", std::string("cannot write snapshot: ") + std::strerror(errno));
        write_all(fd.get(), header, kHeaderBytes, path);
        write_all(fd.get(), table.data(), table.size(), path);
        std::uint64_t at = kHeaderBytes + table.size();
        const std::vector<char> zeros(kAlign, 0);
        for (const Section& s : sections) {
            write_all(fd.get(), zeros.data(), s.offset - at, path);
            write_all(fd.get(), s.data, s.bytes, path);
            at = s.offset + s.bytes;
        }
        if (::close(fd.get()) != 0) throw InputError(path, 0, "", "write failed");
    } catch (...) {
        std::error_code ec;
        std::filesystem::remove(tmp, ec);
        throw;
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        std::filesystem::remove(tmp, ec);
        throw InputError(path, 0, "", "cannot move the snapshot into place");
    }
    return file_size;
}

bool is_snapshot_file(const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) return false;
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return false;
    char m[8] = {};
    const bool ok = std::fread(m, 1, 8, f) == 8 && std::memcmp(m, kMagic, 8) == 0;
    std::fclose(f);
    return ok;
}

Dataset read_snapshot(const std::string& path, const SnapshotReadOptions& options) {
    const Reader in(path);
    Dataset ds;
    const Counts n = decode_meta(in.bytes("meta"), path, ds);
    ds.index_chains();
    ds.finalize_nodes();
    auto& E = ds.enterprises;
    in.strings("enterprises.id", E.id, n.enterprises);
    in.strings("enterprises.name", E.name, n.enterprises);
    in.column("enterprises.region", E.region, n.enterprises);
    in.column("enterprises.revenue", E.revenue, n.enterprises);
    in.column("enterprises.employees", E.employees, n.enterprises);
    in.column("enterprises.founded", E.founded, n.enterprises);
    in.column("enterprises.labels", E.labels, n.enterprises);
    in.column("enterprises.aggregate", E.aggregate, n.enterprises);
    in.column("enterprises.status", E.status, n.enterprises);
    for (EnterpriseStatus st : E.status)
        if (static_cast<std::size_t>(st) >= kEnterpriseStatusNames.size())
            throw InputError(path, 0, "enterprises.status", "damaged snapshot: unknown status code");
    in.column("enterprises.until", E.until, n.enterprises);
    in.column("enterprises.region_source", E.region_source, n.enterprises);
    {
        std::vector<std::string> strings;
        in.strings("region_sources", strings, in.count("region_sources.offsets") - 1);
        restore_pool(strings, E.region_sources, path, "region_sources");
        for (std::uint32_t i : E.region_source)
            if (i >= E.region_sources.size())
                throw InputError(path, 0, "enterprises.region_source", "damaged snapshot: index outside the string pool");
    }
    auto& A = ds.attachments;
    in.column("attachments.enterprise", A.enterprise, n.attachments);
    in.column("attachments.node", A.node, n.attachments);
    in.column("attachments.weight", A.weight, n.attachments);
    for (std::size_t a = 0; a < A.size(); ++a)
        if (A.enterprise[a] < 0 || static_cast<std::uint64_t>(A.enterprise[a]) >= n.enterprises || A.node[a] < 0 ||
            static_cast<std::size_t>(A.node[a]) >= ds.nodes.size())
            throw InputError(path, 0, "attachments", "damaged snapshot: an attachment points outside the tables");
    in.column("attachments.evidence_of", A.evidence_of);
    if (!A.evidence_of.empty() && A.evidence_of.size() != n.attachments)
        throw InputError(path, 0, "attachments.evidence_of", "damaged snapshot: not aligned with the attachments");
    {
        std::vector<std::string> strings;
        in.strings("evidence_texts", strings, in.count("evidence_texts.offsets") - 1);
        restore_pool(strings, A.texts, path, "evidence_texts");
        std::vector<std::uint32_t> ev, rule;
        std::vector<std::uint8_t> basis;
        in.column("evidence.evidence", ev);
        in.column("evidence.rule", rule, ev.size());
        in.column("evidence.basis", basis, ev.size());
        if (ev.empty() || ev[0] != 0 || rule[0] != 0 || basis[0] != 0)
            throw InputError(path, 0, "evidence", "damaged snapshot: record 0 must be the empty record");
        for (std::size_t i = 1; i < ev.size(); ++i) {
            if (ev[i] >= A.texts.size() || rule[i] >= A.texts.size() || basis[i] >= kAttachmentBasisNames.size())
                throw InputError(path, 0, "evidence", "damaged snapshot: an evidence record points outside its tables");
            const auto b = static_cast<AttachmentBasis>(basis[i]);
            if (A.add_evidence(A.texts.at(ev[i]), A.texts.at(rule[i]), b) != i)
                throw InputError(path, 0, "evidence", "damaged snapshot: an evidence record is empty or listed twice");
        }
        for (std::uint32_t i : A.evidence_of)
            if (i >= A.records.size())
                throw InputError(path, 0, "attachments.evidence_of", "damaged snapshot: index outside the evidence records");
    }
    in.csr("enterprise_attachments", ds.enterprise_attachments, n.enterprises, n.attachments);
    in.csr("node_attachments", ds.node_attachments, ds.nodes.size(), n.attachments);
    if (ds.enterprise_attachments.values.size() != n.attachments || ds.node_attachments.values.size() != n.attachments)
        throw InputError(path, 0, "enterprise_attachments", "damaged snapshot: index size differs from the attachments");
    if (options.relations) {
        auto& R = ds.relations;
        in.column("relations.from", R.from, n.relations);
        in.column("relations.to", R.to, n.relations);
        in.column("relations.type", R.type, n.relations);
        for (RelationType t : R.type)
            if (static_cast<std::size_t>(t) >= kRelationTypeNames.size())
                throw InputError(path, 0, "relations.type", "damaged snapshot: unknown relation type code");
        in.column("relations.weight", R.weight, n.relations);
        in.csr("enterprise_relations", ds.enterprise_relations, n.enterprises, n.relations);
        if (ds.enterprise_relations.values.size() != n.relations)
            throw InputError(path, 0, "enterprise_relations", "damaged snapshot: index size differs from the relations");
    } else {
        ds.enterprise_relations.offsets.assign(static_cast<std::size_t>(n.enterprises) + 1, 0);
        ds.enterprise_relations.values.clear();
    }
    if (in.ids_sorted()) ds.index_enterprises_sorted();
    else ds.index_enterprises();
    return ds;
}

}  // namespace chaingap
