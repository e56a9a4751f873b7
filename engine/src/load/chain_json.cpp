#include "chaingap/load/chain_json.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <unordered_map>

#include "chaingap/core/error.hpp"
#include "chaingap/core/files.hpp"
#include "chaingap/core/json_input.hpp"

namespace chaingap {
namespace fs = std::filesystem;
namespace {

// Chain and node ids: ASCII [a-z0-9_]+ (docs/formats.md). They appear on the command line, in
// file names and in CSV cells, so ".." or "a/b" must never be one.
bool valid_id(const std::string& id) {
    if (id.empty()) return false;
    return std::all_of(id.begin(), id.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}
constexpr const char* kIdRule = "must be ASCII lower-case letters, digits or '_' ([a-z0-9_]+): '";

std::string to_json(const rapidjson::Value& v) {
    rapidjson::StringBuffer buf;
    rapidjson::Writer<rapidjson::StringBuffer> w(buf);
    v.Accept(w);
    return buf.GetString();
}

struct FieldReader {
    const std::string& file;
    std::size_t line;
    std::string path;  // e.g. nodes[3]

    std::string field(const char* key) const { return path.empty() ? key : *key ? path + "." + key : path; }
    [[noreturn]] void fail(const char* key, const std::string& message) const {
        throw InputError(file, line, field(key), message);
    }
    std::string str(const rapidjson::Value& obj, const char* key, bool required) const {
        auto it = obj.FindMember(key);
        if (it == obj.MemberEnd() || it->value.IsNull()) {
            if (required) fail(key, "required field is missing");
            return "";
        }
        if (!it->value.IsString()) fail(key, "must be a string");
        std::string s(it->value.GetString(), it->value.GetStringLength());
        if (required && s.empty()) fail(key, "must not be empty");
        return s;
    }
    double weight(const rapidjson::Value& obj, const char* key) const {
        auto it = obj.FindMember(key);
        if (it == obj.MemberEnd() || it->value.IsNull()) return 1.0;
        if (!it->value.IsNumber()) fail(key, "must be a number in (0, 1]");
        double w = it->value.GetDouble();
        if (!(w > 0.0 && w <= 1.0)) fail(key, "must be in (0, 1], got " + std::to_string(w));
        return w;
    }
};

std::string extra_fields(const rapidjson::Value& obj, std::initializer_list<const char*> known) {
    rapidjson::Document extra(rapidjson::kObjectType);
    for (auto it = obj.MemberBegin(); it != obj.MemberEnd(); ++it) {
        std::string_view k(it->name.GetString(), it->name.GetStringLength());
        if (std::any_of(known.begin(), known.end(), [&](const char* x) { return k == x; })) continue;
        rapidjson::Value key(it->name, extra.GetAllocator());
        rapidjson::Value val(it->value, extra.GetAllocator());
        extra.AddMember(key, val, extra.GetAllocator());
    }
    return to_json(extra);
}

// Flow edges run upstream → downstream, so they must not come back to where they started
// (docs/formats.md: a cycle is refused; it is nearly always an edge written the wrong way round).
// Iterative three-colour DFS over the declared edges, O(nodes + edges); the error names the line of
// the edge that closes the cycle and the cycle itself.
void check_no_flow_cycle(const Chain& c, const ParsedChain& pc) {
    const std::size_t n = pc.nodes.size();
    std::vector<std::vector<std::size_t>> out(n);  // node -> edge indices
    for (std::size_t i = 0; i < c.edges.size(); ++i) out[c.edges[i].from - c.first_node].push_back(i);
    std::vector<char> colour(n, 0);  // 0 new, 1 on the path, 2 done
    std::vector<std::size_t> via(n, 0);  // edge that reached the node on the current path
    for (std::size_t root = 0; root < n; ++root) {
        if (colour[root]) continue;
        std::vector<std::pair<std::size_t, std::size_t>> stack{{root, 0}};  // node, next edge
        colour[root] = 1;
        while (!stack.empty()) {
            auto& [v, k] = stack.back();
            if (k == out[v].size()) {
                colour[v] = 2;
                stack.pop_back();
                continue;
            }
            const std::size_t e = out[v][k++];
            const std::size_t w = c.edges[e].to - c.first_node;
            if (colour[w] == 1) {
                std::string path = pc.nodes[w].id;
                std::vector<std::string> ids;
                for (std::size_t x = v; x != w; x = c.edges[via[x]].from - c.first_node) ids.push_back(pc.nodes[x].id);
                for (auto it = ids.rbegin(); it != ids.rend(); ++it) path += " -> " + *it;
                path += " -> " + pc.nodes[w].id;
                throw InputError(c.file, pc.edge_lines[e], "edges[" + std::to_string(e) + "]",
                                 "flow edges form a cycle (" + path + "); edges run upstream -> downstream");
            }
            if (colour[w] == 0) {
                colour[w] = 1;
                via[w] = e;
                stack.emplace_back(w, 0);
            }
        }
    }
}

}  // namespace

ParsedChain parse_chain_json(const std::string& text, const std::string& file) {
    JsonInput in;
    parse_json_input(text, file, in);  // UTF-8, depth, duplicate keys, nothing after the document
    const rapidjson::Document& doc = in.doc;
    if (!doc.IsObject()) throw InputError(file, 1, "", "a chain file must hold one JSON object");

    ParsedChain pc;
    pc.text = text;
    FieldReader top{file, 1, ""};
    Chain& c = pc.chain;
    c.file = file;
    c.id = top.str(doc, "id", true);
    if (!valid_id(c.id)) top.fail("id", kIdRule + c.id + "'");
    c.name = top.str(doc, "name", true);
    c.name_en = top.str(doc, "name_en", false);
    c.source = top.str(doc, "source", false);
    c.extra_json = extra_fields(doc, {"id", "name", "name_en", "source", "nodes", "edges"});

    auto nodes_it = doc.FindMember("nodes");
    if (nodes_it == doc.MemberEnd() || !nodes_it->value.IsArray() || nodes_it->value.Empty())
        top.fail("nodes", "required: a non-empty array of nodes");
    const auto& nodes = nodes_it->value;
    for (rapidjson::SizeType i = 0; i < nodes.Size(); ++i) {
        const auto& v = nodes[i];
        std::size_t line = in.element_line("nodes", i);  // where the node's object starts
        FieldReader r{file, line, "nodes[" + std::to_string(i) + "]"};
        if (!v.IsObject()) r.fail("", "a node must be a JSON object");
        ChainNode n;
        n.id = r.str(v, "id", true);
        if (!valid_id(n.id)) r.fail("id", kIdRule + n.id + "'");
        n.name = r.str(v, "name", true);
        n.name_en = r.str(v, "name_en", false);
        n.stage = r.str(v, "stage", false);
        n.source = r.str(v, "source", false);
        n.same_as_key = r.str(v, "same_as", false);
        n.weight = r.weight(v, "weight");
        n.weight_given = v.HasMember("weight") && !v["weight"].IsNull();
        if (auto p = v.FindMember("priority"); p != v.MemberEnd() && !p->value.IsNull()) {
            if (!p->value.IsBool()) r.fail("priority", "must be true or false");
            n.priority = p->value.GetBool();
        }
        if (auto k = v.FindMember("keywords"); k != v.MemberEnd() && !k->value.IsNull()) {
            if (!k->value.IsArray()) r.fail("keywords", "must be an array of strings");
            for (const auto& kw : k->value.GetArray()) {
                if (!kw.IsString() || kw.GetStringLength() == 0) r.fail("keywords", "must be non-empty strings");
                n.keywords.emplace_back(kw.GetString(), kw.GetStringLength());
            }
        }
        n.extra_json = extra_fields(v, {"id", "name", "name_en", "stage", "source", "same_as", "weight",
                                        "priority", "keywords", "parent"});
        pc.parent_ids.push_back(r.str(v, "parent", false));
        pc.node_lines.push_back(line);
        pc.nodes.push_back(std::move(n));
    }

    auto edges_it = doc.FindMember("edges");
    if (edges_it != doc.MemberEnd() && !edges_it->value.IsNull()) {
        if (!edges_it->value.IsArray()) top.fail("edges", "must be an array");
        const auto& edges = edges_it->value;
        for (rapidjson::SizeType i = 0; i < edges.Size(); ++i) {
            const auto& v = edges[i];
            std::size_t line = in.element_line("edges", i);
            FieldReader r{file, line, "edges[" + std::to_string(i) + "]"};
            if (!v.IsObject()) r.fail("", "an edge must be a JSON object");
            ChainEdge e;
            e.weight = r.weight(v, "weight");
            e.source = r.str(v, "source", false);
            pc.edge_from.push_back(r.str(v, "from", true));
            pc.edge_to.push_back(r.str(v, "to", true));
            pc.edge_lines.push_back(line);
            c.edges.push_back(e);
        }
    }
    return pc;
}

std::vector<ParsedChain> read_chain_folder(const std::string& dir) {
    std::vector<std::string> files;
    require_folder(dir, "chain folder");
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->path().extension() != ".json" || it->path().filename() == "clusters.json") continue;
        // A *.json that is a folder, a link loop or unreadable is named, not skipped.
        const PathKind kind = path_kind(it->path().string());
        if (kind == PathKind::folder) throw InputError(it->path().string(), 0, "", "is a folder, not a chain file");
        if (kind == PathKind::file) files.push_back(it->path().string());
    }
    if (ec) throw InputError(dir, 0, "", "cannot list the chain folder: " + ec.message());
    std::sort(files.begin(), files.end());
    std::vector<ParsedChain> out;
    std::unordered_map<std::string, std::string> seen;
    for (const auto& f : files) {
        ParsedChain pc = parse_chain_json(read_file(f), f);
        auto [it, fresh] = seen.emplace(pc.chain.id, f);
        if (!fresh) throw InputError(f, 1, "id", "duplicate chain id '" + pc.chain.id + "' (also in " + it->second + ")");
        out.push_back(std::move(pc));
    }
    return out;
}

void resolve_chains(std::vector<ParsedChain> base, std::vector<ParsedChain> overrides, Dataset& ds) {
    for (auto& o : overrides) {
        auto it = std::find_if(base.begin(), base.end(), [&](const ParsedChain& b) { return b.chain.id == o.chain.id; });
        if (it != base.end()) *it = std::move(o);
        else base.push_back(std::move(o));
    }
    ds.chains.clear();
    ds.nodes.clear();
    std::unordered_map<std::string, NodeId> global;  // "chain/node" -> id
    for (auto& pc : base) {
        Chain c = pc.chain;
        c.first_node = static_cast<NodeId>(ds.nodes.size());
        std::unordered_map<std::string, NodeId> local;
        for (std::size_t i = 0; i < pc.nodes.size(); ++i) {
            NodeId id = c.first_node + static_cast<NodeId>(i);
            if (!local.emplace(pc.nodes[i].id, id).second)
                throw InputError(c.file, pc.node_lines[i], "nodes[" + std::to_string(i) + "].id",
                                 "duplicate node id '" + pc.nodes[i].id + "' in chain '" + c.id + "'");
            ChainNode n = pc.nodes[i];
            n.chain = static_cast<ChainId>(ds.chains.size());
            ds.nodes.push_back(std::move(n));
            global.emplace(c.id + "/" + pc.nodes[i].id, id);
        }
        c.end_node = static_cast<NodeId>(ds.nodes.size());
        for (std::size_t i = 0; i < pc.nodes.size(); ++i) {
            const std::string& p = pc.parent_ids[i];
            if (p.empty()) continue;
            auto it = local.find(p);
            if (it == local.end())
                throw InputError(c.file, pc.node_lines[i], "nodes[" + std::to_string(i) + "].parent",
                                 "unknown parent node '" + p + "'");
            ds.nodes[c.first_node + i].parent = it->second;
        }
        // A cycle in `parent`: walk up from every node; more steps than nodes means a loop.
        for (std::size_t i = 0; i < pc.nodes.size(); ++i) {
            std::size_t steps = 0;
            for (NodeId x = ds.nodes[c.first_node + i].parent; x != kNone; x = ds.nodes[x].parent) {
                if (++steps > pc.nodes.size())
                    throw InputError(c.file, pc.node_lines[i], "nodes[" + std::to_string(i) + "].parent",
                                     "cycle in parent links through node '" + pc.nodes[i].id + "'");
            }
        }
        std::set<std::pair<NodeId, NodeId>> seen_edges;
        for (std::size_t i = 0; i < c.edges.size(); ++i) {
            const std::string field = "edges[" + std::to_string(i) + "]";
            auto f = local.find(pc.edge_from[i]);
            if (f == local.end())
                throw InputError(c.file, pc.edge_lines[i], field + ".from", "unknown node '" + pc.edge_from[i] + "'");
            auto t = local.find(pc.edge_to[i]);
            if (t == local.end())
                throw InputError(c.file, pc.edge_lines[i], field + ".to", "unknown node '" + pc.edge_to[i] + "'");
            if (f->second == t->second)
                throw InputError(c.file, pc.edge_lines[i], field + ".to", "edge from a node to itself");
            if (!seen_edges.emplace(f->second, t->second).second)
                throw InputError(c.file, pc.edge_lines[i], field, "duplicate edge " + pc.edge_from[i] + " -> " + pc.edge_to[i]);
            c.edges[i].from = f->second;
            c.edges[i].to = t->second;
        }
        check_no_flow_cycle(c, pc);
        ds.chains.push_back(std::move(c));
    }
    // same_as across chains, once every chain is placed.
    std::size_t chain_index = 0;
    for (auto& pc : base) {
        const Chain& c = ds.chains[chain_index++];
        for (std::size_t i = 0; i < pc.nodes.size(); ++i) {
            ChainNode& n = ds.nodes[c.first_node + i];
            if (n.same_as_key.empty()) continue;
            const std::string field = "nodes[" + std::to_string(i) + "].same_as";
            auto it = global.find(n.same_as_key);
            if (it == global.end())
                throw InputError(c.file, pc.node_lines[i], field, "unknown node '" + n.same_as_key + "' (expected chain/node)");
            const ChainNode& target = ds.nodes[it->second];
            if (target.chain == n.chain)
                throw InputError(c.file, pc.node_lines[i], field, "same_as must name a node of another chain");
            if (!target.same_as_key.empty())
                throw InputError(c.file, pc.node_lines[i], field,
                                 "'" + n.same_as_key + "' is itself an alias (same_as " + target.same_as_key + "); point at the canonical node");
            n.same_as = it->second;
        }
    }
    ds.index_chains();
}

std::vector<Cluster> read_clusters(const std::string& dir, const Dataset& ds) {
    const std::string file = (fs::path(dir) / "clusters.json").string();
    if (path_kind(file) == PathKind::missing) return {};
    JsonInput in;
    parse_json_input(read_file(file), file, in);
    const rapidjson::Document& doc = in.doc;
    auto it = doc.IsObject() ? doc.FindMember("clusters") : doc.MemberEnd();
    if (!doc.IsObject() || it == doc.MemberEnd() || !it->value.IsArray())
        throw InputError(file, 1, "clusters", "expected an object with a \"clusters\" array");
    std::vector<Cluster> out;
    for (rapidjson::SizeType i = 0; i < it->value.Size(); ++i) {
        const auto& v = it->value[i];
        FieldReader r{file, in.element_line("clusters", i), "clusters[" + std::to_string(i) + "]"};
        if (!v.IsObject()) r.fail("", "a cluster must be a JSON object");
        Cluster cl;
        cl.file = file;
        cl.id = r.str(v, "id", true);
        cl.name = r.str(v, "name", true);
        cl.kind = r.str(v, "kind", true);
        if (cl.kind != "field" && cl.kind != "initiative" && cl.kind != "33618")
            r.fail("kind", "must be 'field', 'initiative' or '33618', got '" + cl.kind + "'");
        cl.source = r.str(v, "source", false);
        for (const char* key : {"chains", "nodes"}) {
            auto m = v.FindMember(key);
            if (m == v.MemberEnd()) continue;
            if (!m->value.IsArray()) r.fail(key, "must be an array of strings");
            for (const auto& s : m->value.GetArray()) {
                if (!s.IsString()) r.fail(key, "must be an array of strings");
                std::string ref(s.GetString(), s.GetStringLength());
                if (std::string_view(key) == "chains") {
                    if (!ds.find_chain(ref)) r.fail(key, "unknown chain '" + ref + "'");
                    cl.chains.push_back(ref);
                } else {
                    auto slash = ref.find('/');
                    auto ch = slash == std::string::npos ? std::nullopt : ds.find_chain(ref.substr(0, slash));
                    if (!ch || !ds.find_node(*ch, ref.substr(slash + 1)))
                        r.fail(key, "unknown node '" + ref + "' (expected chain/node)");
                    cl.nodes.push_back(ref);
                }
            }
        }
        out.push_back(std::move(cl));
    }
    return out;
}

}  // namespace chaingap
